package org.mailpath.ui.common;

import java.text.NumberFormat;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.mailpath.engine.report.ReportTexts;

/**
 * Shared formatting. Times are ISO-like and in UTC whatever the language, on purpose: the Email Log is in GMT, and
 * mail admins compare it with server logs in UTC. Numbers follow the UI's language ("1,234.5" in English,
 * "1 234,5" in Swedish), as the texts' own {@code {0,number,integer}} arguments do; a count is written as the reports
 * write it ({@link ReportTexts#count}), so the screen and the PDF group digits alike.
 */
public final class Formats {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter SHORT = DateTimeFormatter.ofPattern("MM-dd HH:mm").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter COMPACT = DateTimeFormatter.ofPattern("MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneOffset.UTC);

    private Formats() {
    }

    public static String time(Instant instant) {
        return instant == null ? "" : TIME.format(instant);
    }

    public static String shortTime(Instant instant) {
        return SHORT.format(instant);
    }

    /** Month, day and time to the second: table cells, where the full date would be cut off. */
    public static String compactTime(Instant instant) {
        return instant == null ? "" : COMPACT.format(instant);
    }

    public static String day(Instant instant) {
        return DAY.format(instant);
    }

    /** One decimal with the language's decimal sign: "5.0" in English, "5,0" in Swedish. */
    public static String oneDecimal(double value, Locale locale) {
        NumberFormat f = NumberFormat.getNumberInstance(locale);
        f.setMinimumFractionDigits(1);
        f.setMaximumFractionDigits(1);
        return f.format(value);
    }

    /** A whole percentage as the report writes it: the number, a space, the sign ("7 %"). */
    public static String percent(long wholePercent, Locale locale) {
        return ReportTexts.of(locale).count(wholePercent) + " %";
    }

}
