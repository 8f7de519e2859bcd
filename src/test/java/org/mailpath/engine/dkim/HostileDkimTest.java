package org.mailpath.engine.dkim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.mailpath.engine.common.Cancellation;
import org.mailpath.engine.finding.Finding;
import org.mailpath.testing.dns.LoopbackDns;

/** Broken and hostile DKIM key records, served by the loopback test DNS server. */
class HostileDkimTest {

    /** A 512-bit RSA SubjectPublicKeyInfo: a real key, so only the tag under test is wrong. */
    private static final String KEY = "MFwwDQYJKoZIhvcNAQEBBQADSwAwSAJBAMZ6xTSu3wAY6z8rF2bMr1cmtyjIXuVGfr0jKv7U+ZvXH9nnS3"
            + "ZQ5vuXkV9n+gk6MHeeeRLBczYyqC8Sbj5IFCsCAwEAAQ==";

    @RegisterExtension
    static final LoopbackDns DNS = LoopbackDns.zones(b -> b.zone("dkim.test", "@ SOA ns.x. h.x. 1 1 1 1 1\n"
                    + "unknownhash._domainkey TXT \"v=DKIM1; h=sha512:md5; p=" + KEY + "\"\n"
                    + "sha1._domainkey TXT \"v=DKIM1; h=sha1:sha512; p=" + KEY + "\"\n"
                    + "bang._domainkey TXT \"v=DKIM1; p=not!!base64\"\n"
                    + "binary._domainkey TXT \"v=DKIM1; p=AB\\000CD\"\n"
                    + "short._domainkey TXT \"v=DKIM1; p=0\"\n"
                    // a no-break space pasted into the key (UTF-8 C2 A0), then the same after an ordinary space
                    + "nbsp._domainkey TXT \"v=DKIM1; p=MIGfMA0G\\194\\160CSqGSIb3DQEB\"\n"
                    + "spaced._domainkey TXT \"v=DKIM1; p=MIGf MA0G\\194\\160CSqGSIb3DQEB\"\n"
                    // bytes that are not UTF-8: a lone A0 (a no-break space saved as Latin-1), after a no-break space
                    // in UTF-8, and a note in Latin-1 before a key whose own bytes are UTF-8
                    + "latin1._domainkey TXT \"v=DKIM1; p=MIGf MA0G\\160CSqGSIb3DQEB\"\n"
                    + "mixed._domainkey TXT \"v=DKIM1; p=MIGf\\194\\160MA0G\\160CSqGSIb3DQEB\"\n"
                    + "note._domainkey TXT \"v=DKIM1; n=caf\\233; p=MIGf\\226\\128\\131MA0GCSqGSIb3DQEB\"\n")
            .zone("wild.test", "@ SOA ns.x. h.x. 1 1 1 1 1\n* TXT \"v=spf1 -all\"\n")
            .resolver("127.0.7.4"));

    private static List<Finding> findings(String selector) {
        return findings("dkim.test", selector);
    }

    private static List<Finding> findings(String domain, String selector) {
        var lookup = DNS.lookup(Duration.ofSeconds(5));
        return DkimInspector.inspect(domain, List.of(selector), lookup, Cancellation.none()).getFirst()
                .findings();
    }

    @Test
    void aWildcardTxtIsNotAKeyPublishedUnderTheZoneNameTwice() {
        // "* TXT v=spf1 -all" answers at s1._domainkey.wild.test.wild.test as well: that is no DKIM record there
        List<Finding> found = findings("wild.test", "s1");
        assertEquals(List.of("DKIM_SELECTOR_MISSING"), found.stream().map(Finding::code).toList(), found.toString());
    }

    private static Finding only(String selector, String code) {
        List<Finding> found = findings(selector);
        assertEquals(List.of(code), found.stream().map(Finding::code).toList(), found.toString());
        return found.getFirst();
    }

    @Test
    void hashListWithoutAnyKnownHashIsAnUnusableKeyNotSha1Only() {
        Finding f = only("unknownhash", "DKIM_KEY_INVALID");
        assertTrue(f.message().contains("h=sha512:md5 names no hash algorithm verifiers use"), f.message());
    }

    @Test
    void sha1BesideUnknownHashesIsStillSha1Only() {
        assertTrue(findings("sha1").stream().anyMatch(f -> f.code().equals("DKIM_SHA1_ONLY")));
    }

    @Test
    void aPastedNoBreakSpaceInTheKeyIsNamedWhereTheRecordHasIt() {
        // the record's text has the bytes as \194\160, which was named as the character '\' at position 9
        Finding nbsp = only("nbsp", "DKIM_KEY_INVALID");
        assertTrue(nbsp.message().contains("p= is not valid base64 (the character U+00A0 NO-BREAK SPACE at position 9"
                + " is not a base64 character)"), nbsp.message());
        assertFalse(nbsp.message().contains("'\\'"), nbsp.message());
        // white space in p= is allowed (and left out): it is counted where the admin sees it
        Finding spaced = only("spaced", "DKIM_KEY_INVALID");
        assertTrue(spaced.message().contains("the character U+00A0 NO-BREAK SPACE at position 10 "), spaced.message());
    }

    @Test
    void aByteThatIsNotUtf8InTheKeyIsNamedAsTheByteWhereTheRecordHasIt() {
        // dnsjava's text of the record has the byte as \160, which was named as the character '\' at position 10
        Finding latin1 = only("latin1", "DKIM_KEY_INVALID");
        assertTrue(latin1.message().contains("p= is not valid base64 (the byte 0xA0 at position 10 is not a base64"
                + " character (nor part of a character in UTF-8))"), latin1.message());
        assertFalse(latin1.message().contains("'\\'"), latin1.message());
        assertTrue(latin1.message(Locale.of("sv")).contains("(byten 0xA0 på position 10 är inget base64-tecken (och "
                + "inte heller en del av ett UTF-8-tecken))"), latin1.message(Locale.of("sv")));
        // the first fault is named: here the no-break space in UTF-8 before the lone byte
        Finding mixed = only("mixed", "DKIM_KEY_INVALID");
        assertTrue(mixed.message().contains("the character U+00A0 NO-BREAK SPACE at position 5 "), mixed.message());
        // a byte that is not UTF-8 elsewhere in the record leaves the key's characters readable
        Finding note = only("note", "DKIM_KEY_INVALID");
        assertTrue(note.message().contains("the character U+2003 EM SPACE at position 5 "), note.message());
    }

    @Test
    void badBase64IsExplainedInWordsNotByTheJdkMessage() {
        Finding bang = only("bang", "DKIM_KEY_INVALID");
        assertTrue(bang.message().contains("the character '!' at position 4 is not a base64 character"),
                bang.message());
        // the NUL byte, not the backslash of the \000 that shows it
        Finding binary = only("binary", "DKIM_KEY_INVALID");
        assertTrue(binary.message().contains("the character U+0000 NULL at position 3"), binary.message());
        Finding cut = only("short", "DKIM_KEY_INVALID");
        assertTrue(cut.message().contains("its length or padding is wrong"), cut.message());
        for (Finding f : List.of(bang, binary, cut)) {
            assertFalse(f.message().contains("Illegal base64") || f.message().contains("byte[]"), f.message());
        }
    }
}
