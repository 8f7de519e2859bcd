package org.mailpath.ui.events;

import java.util.List;

/** What the detail pane says of the selected message: notes, path, meaning, advice, who acts (empty: not shown). */
record MessageDetail(String addressProblem, String guessNote, List<TimelineEntry> timeline, String explanation,
                     String remediation, String actor, String handOffNote) {

    /** No message selected. */
    static final MessageDetail NONE = new MessageDetail("", "", List.of(), "", "", "", "");

    MessageDetail {
        timeline = List.copyOf(timeline);
    }
}
