package org.mailpath.engine.dns;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** One final dot off or on, nothing else (case and spaces stay). */
class DnsNamesTest {

    @ParameterizedTest(name = "\"{0}\": relative \"{1}\", absolute \"{2}\"")
    @CsvSource(quoteCharacter = '"', value = {
            "\"\",                \"\",                .",
            ".,                   \"\",                .",
            "a.,                  a,                   a.",
            "a,                   a,                   a.",
            "a..,                 a.,                  a..",
            "\"Mx.Example.COM \", \"Mx.Example.COM \", \"Mx.Example.COM .\""})
    void oneFinalDotIsTakenOffOrPutOn(String name, String relative, String absolute) {
        assertEquals(relative, DnsNames.relative(name));
        assertEquals(absolute, DnsNames.absolute(name));
    }
}
