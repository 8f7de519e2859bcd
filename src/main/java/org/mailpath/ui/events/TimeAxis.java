package org.mailpath.ui.events;

/**
 * The time axis under the events-over-time chart: where its first bar starts and its last ends (UTC, as Formats
 * writes times) and how long one bar is ("One bar per hour").
 */
public record TimeAxis(String start, String end, String step) {

    /** No log, or one without timed events: no axis. */
    public static final TimeAxis NONE = new TimeAxis("", "", "");
}
