package org.mailpath.engine.address;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PunycodeTest {

    @ParameterizedTest
    @CsvSource({
        "bcher-kva, b\u00fccher",
        "strae-oqa, stra\u00dfe",
        "mnchen-3ya, m\u00fcnchen",
        // RFC 3492 §7.1 (B) Chinese (simplified) and (L) Japanese with ASCII
        "ihqwcrb4cv8a8dqg056pqjye, \u4ed6\u4eec\u4e3a\u4ec0\u4e48\u4e0d\u8bf4\u4e2d\u6587",
        "3B-ww4c5e180e575a65lsy2b, 3\u5e74B\u7d44\u91d1\u516b\u5148\u751f",
        "n3h, \u2603",
        // valid Punycode of a control character (IdnLabel refuses it)
        "a, \u0080",
    })
    void decodesAsRfc3492(String encoded, String decoded) {
        assertEquals(Optional.of(decoded), Punycode.decode(encoded));
        assertEquals(encoded.toLowerCase(java.util.Locale.ROOT), Punycode.encode(decoded.toLowerCase(java.util.Locale.ROOT)),
                "and encodes back");
    }

    @ParameterizedTest
    @ValueSource(strings = {"zz", "99999999999999", "b\u00fc-kva", "bcher-k!a"})
    void refusesWhatIsNotPunycode(String encoded) {
        assertEquals(Optional.empty(), Punycode.decode(encoded));
    }
}
