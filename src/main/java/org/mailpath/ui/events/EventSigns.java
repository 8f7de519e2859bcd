package org.mailpath.ui.events;

import java.util.List;
import org.mailpath.engine.analysis.ChainEvent;
import org.mailpath.engine.analysis.MessageChain;

/** How the message table's events column and the timeline mark a message's events: the log's letters, or "h". */
final class EventSigns {

    /**
     * The events column's mark of a hand-off between Salesforce's own mail servers (a D row whose TLS_Cipher is None):
     * shown as the log's "D" it read as "delivered", and an admin could tell the customer so. The analysis (and the
     * JSON's {@code events}) keep the log's letter; only what the admin reads differs.
     */
    static final char HANDOFF = 'h';

    private EventSigns() {
    }

    /** The chain's events as the table shows them: "RhD" where the log says "RDD" with a hand-off first. */
    static String of(MessageChain c) {
        // its events are made here for the chart anyway (TableJob), so asking each whether it is a hand-off is cheap
        List<ChainEvent> events = c.events();
        StringBuilder sb = new StringBuilder(events.size());
        for (ChainEvent e : events) {
            sb.append(of(e));
        }
        return sb.toString();
    }

    static char of(ChainEvent e) {
        return e.internalHandoff() ? HANDOFF : e.event().letter();
    }
}
