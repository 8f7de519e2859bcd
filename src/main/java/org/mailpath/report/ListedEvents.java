package org.mailpath.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.mailpath.engine.report.EventEntry;
import org.mailpath.engine.report.MessageEntry;

/**
 * The events of a message as a report's message table lists them: all of them, or, for a message of very many rows
 * (one deferred row after row for days, tens of thousands of T rows), its first and last {@link #SHOWN_AT_EACH_END}
 * with a note of how many are between and of which kinds. A mail team searches its own logs by the first and the
 * last attempts and needs the counts; a table of every one made a report of one such message tens of megabytes long
 * and took minutes to draw. The log, and the report's appendix of raw rows when it has them all, still has every
 * row: the note says which.
 */
public record ListedEvents(List<EventEntry> first, Optional<String> notListed, List<EventEntry> last) {

    /** How many events are listed at the start and at the end of a message that has too many to list. */
    public static final int SHOWN_AT_EACH_END = 20;
    /** A message's events are all listed unless that leaves out more than this many: a note for fewer saves nothing. */
    static final int LEAVES_OUT_AT_LEAST = 10;

    public ListedEvents {
        first = List.copyOf(first);
        last = List.copyOf(last);
    }

    /** {@code m}'s events as listed, the note in {@code words}' language. */
    public static ListedEvents of(MessageEntry m, ReportWording words) {
        List<EventEntry> events = m.events();
        int left = events.size() - 2 * SHOWN_AT_EACH_END;
        if (left <= LEAVES_OUT_AT_LEAST) {
            return new ListedEvents(events, Optional.empty(), List.of());
        }
        List<EventEntry> between = events.subList(SHOWN_AT_EACH_END, events.size() - SHOWN_AT_EACH_END);
        // by kind, in the order the kinds first come: "39,958 × Deferred (T)", as the rows would have said it
        Map<String, Integer> kinds = new LinkedHashMap<>();
        between.forEach(e -> kinds.merge(words.event(e), 1, Integer::sum));
        List<String> counted = new ArrayList<>(kinds.size());
        kinds.forEach((kind, n) -> counted.add(words.format("message.eventsNotListed.kind", n, kind)));
        return new ListedEvents(events.subList(0, SHOWN_AT_EACH_END),
                // where every row is to be found: the report's own appendix when it has them all, else the log
                Optional.of(words.format(words.appendixHasEveryRow() ? "message.eventsNotListed.appendix"
                        : "message.eventsNotListed", left, String.join(", ", counted))),
                events.subList(events.size() - SHOWN_AT_EACH_END, events.size()));
    }
}
