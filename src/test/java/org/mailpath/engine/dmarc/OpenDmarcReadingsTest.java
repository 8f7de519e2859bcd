package org.mailpath.engine.dmarc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class OpenDmarcReadingsTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        // OpenDMARC's strtoul: leading digits count, none is 0; over 100 or negative fails the record; empty = absent
        "abc|0", "50%|50", "5.5|5", "0100|100", "-0|0", "+7|7", "|100", "150|", "-5|", "99999999999999999999999|",
    })
    void openDmarcReadsPctWithStrtoul(String value, String read) {
        String v = value == null ? "" : value;
        assertEquals(read == null ? OptionalLong.empty() : OptionalLong.of(Long.parseLong(read)),
                OpenDmarcReadings.pct(v), v);
    }

    @Test
    void riOpenDmarcRejectsOnlyForNonDigits() {
        assertTrue(OpenDmarcReadings.voidsRi("1h"));
        assertTrue(OpenDmarcReadings.voidsRi("-1"));
        assertTrue(OpenDmarcReadings.voidsRi("18446744073709551616"));
        assertFalse(OpenDmarcReadings.voidsRi("18446744073709551615"));
        assertFalse(OpenDmarcReadings.voidsRi(""));
    }

    @Test
    void foIsReadByTheFirstCharacterOfEachItem() {
        assertEquals(Optional.of("1"), OpenDmarcReadings.fo("1:"));
        assertEquals(Optional.of("1:d"), OpenDmarcReadings.fo("1x:D"));
        assertEquals(Optional.empty(), OpenDmarcReadings.fo("1::d"));
        assertEquals(Optional.empty(), OpenDmarcReadings.fo(":1"));
    }

    @Test
    void alignmentIsAnyLeadingPartOfRelaxedOrStrict() {
        assertEquals(Optional.of("s"), OpenDmarcReadings.alignment("Strict"));
        assertEquals(Optional.of("r"), OpenDmarcReadings.alignment("RELAX"));
        assertEquals(Optional.of("r"), OpenDmarcReadings.alignment(""));
        assertEquals(Optional.empty(), OpenDmarcReadings.alignment("x"));
    }
}
