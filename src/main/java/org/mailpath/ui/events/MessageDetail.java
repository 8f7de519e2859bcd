package org.mailpath.ui.events;

import java.util.List;

/**
 * What the detail pane says of the selected message: its notes (an invalid address, a count resting on a guess), its
 * path, what it means, what to do and who acts, and for a delivered one what to hand to the recipient's mail team.
 * An empty text is not shown.
 */
record MessageDetail(String addressProblem, String guessNote, List<TimelineEntry> timeline, String explanation,
                     String remediation, String actor, String handOffNote) {

    /** No message selected. */
    static final MessageDetail NONE = new MessageDetail("", "", List.of(), "", "", "", "");

    MessageDetail {
        timeline = List.copyOf(timeline);
    }
}
