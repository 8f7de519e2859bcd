package org.mailpath.ui.report;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import javafx.beans.InvalidationListener;
import org.mailpath.engine.analysis.LogAnalysis;
import org.mailpath.engine.analysis.MessageChain;
import org.mailpath.engine.analysis.Verdict;
import org.mailpath.engine.common.Cancellation;
import org.mailpath.engine.report.MessageKey;
import org.mailpath.ui.common.Formats;
import org.mailpath.ui.common.Messages;
import org.mailpath.ui.common.VerdictWords;

/** The message list of a log, made on a worker thread: every chain a row with its cells in words. */
final class MessageChoices {

    private static final List<Verdict> VERDICT_ORDER =
            List.of(Verdict.BOUNCED, Verdict.DEFERRED, Verdict.DELIVERED, Verdict.RECEIVED_ONLY);

    private MessageChoices() {
    }

    /**
     * Every chain of {@code analysis} as a row, in the report's order (problems first, then by time), each row's
     * include box heard by {@code choiceListener}; a cancel stops the work between rows.
     */
    static List<MessageChoice> of(LogAnalysis analysis, Messages messages, InvalidationListener choiceListener,
                                  Cancellation cancellation) {
        List<MessageChain> chains = analysis.chains();
        record Sortable(MessageChoice choice, int verdictRank, Instant time) {
        }
        List<Sortable> rows = new ArrayList<>(chains.size());
        for (int i = 0; i < chains.size(); i++) {
            if ((i & 1023) == 0) {
                cancellation.throwIfCancelled();
            }
            MessageChain c = chains.get(i);
            Optional<Instant> first = c.firstSeen();
            MessageChoice choice = new MessageChoice(MessageKey.of(c), c.recipientDomain(),
                    first.map(Formats::compactTime).orElse(""), c.recipient(), c.verdict(),
                    VerdictWords.of(c, messages),
                    c.category().map(messages::category).orElse(""),
                    c.messageIdHeader().strip(), c.internalMessageId());
            // Not yet shared with the UI thread, so the listener may be added here.
            choice.includedProperty().addListener(choiceListener);
            rows.add(new Sortable(choice, VERDICT_ORDER.indexOf(c.verdict()), first.orElse(Instant.MIN)));
        }
        rows.sort(Comparator.comparingInt(Sortable::verdictRank).thenComparing(Sortable::time));
        return rows.stream().map(Sortable::choice).toList();
    }
}
