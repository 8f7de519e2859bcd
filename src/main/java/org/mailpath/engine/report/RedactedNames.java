package org.mailpath.engine.report;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.mailpath.engine.analysis.ChainEvent;
import org.mailpath.engine.analysis.MessageChain;

/**
 * What redaction masks, gathered as the log's chains are gone through ({@link #add}), each once: every address of
 * the log, wherever it appears; the masks that begin alike are numbered among the addresses of the report's
 * messages (the included ones) only.
 */
final class RedactedNames {
    private final List<String> numbered = new ArrayList<>();
    private final List<String> addresses = new ArrayList<>();
    private final List<String> users = new ArrayList<>();
    private final List<String> keep = new ArrayList<>();
    /** The status lines of the report's messages that may quote a mailbox (they hold an '@'). */
    private final Set<String> quoted = new LinkedHashSet<>();

    void add(MessageChain c, boolean included) {
        if (included) {
            numbered.add(c.recipient());
            numbered.add(c.sender());
            c.events().stream().map(ChainEvent::status).filter(s -> s.indexOf('@') >= 0).forEach(quoted::add);
        }
        addresses.add(c.recipient());
        addresses.add(c.sender());
        users.add(c.userId());
        keep.add(c.messageIdHeader());
        keep.add(c.internalMessageId());
    }

    Redactor redactor(ReportTexts texts) {
        return Redactor.of(addresses, users, keep, numbered, quoted, texts);
    }
}
