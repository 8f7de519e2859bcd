package org.mailpath.ui.common;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** Numbers follow the UI's language; times stay ISO-like in UTC in every language (compared with server logs). */
class FormatsTest {

    private static final Locale SV = Locale.of("sv");

    @Test
    void countsAndDecimalsAreWrittenTheLanguagesWay() {
        assertEquals("5.0", Formats.oneDecimal(5, Locale.ENGLISH));
        assertEquals("5,0", Formats.oneDecimal(5, SV));
        assertEquals("1,234.6", Formats.oneDecimal(1234.56, Locale.ROOT));
        assertEquals("7 %", Formats.percent(7, Locale.ENGLISH));
        assertEquals("7 %", Formats.percent(7, SV));
        assertEquals("1,234 %", Formats.percent(1234, Locale.ENGLISH));
        assertEquals("1\u00a0234 %", Formats.percent(1234, SV));
    }

    @Test
    void timesAreTheSameInEveryLanguage() {
        assertEquals("2026-03-06 08:00:00 UTC", Formats.time(Instant.parse("2026-03-06T08:00:00Z")));
    }
}
