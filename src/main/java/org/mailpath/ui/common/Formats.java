package org.mailpath.ui.common;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** Shared formatting of times: the Email Log is in GMT, and mail admins compare it with server logs in UTC. */
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

}
