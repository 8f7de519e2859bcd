package org.mailpath.ui.report;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import org.mailpath.engine.analysis.Verdict;
import org.mailpath.engine.report.MessageKey;

/**
 * One message to one recipient the user can include in the report or leave out. Its cells are already in words,
 * made on a worker thread, so showing a row costs nothing; the choice lives here and outlasts the domain and
 * verdict filters.
 */
public final class MessageChoice {

    private final MessageKey key;
    private final String domain;
    private final String time;
    private final String recipient;
    private final Verdict verdict;
    private final String verdictText;
    private final String cause;
    private final String messageIdHeader;
    private final String internalMessageId;
    private final BooleanProperty included = new SimpleBooleanProperty(this, "included", true);

    MessageChoice(MessageKey key, String domain, String time, String recipient, Verdict verdict, String verdictText,
                  String cause, String messageIdHeader, String internalMessageId) {
        this.key = key;
        this.domain = domain;
        this.time = time;
        this.recipient = recipient;
        this.verdict = verdict;
        this.verdictText = verdictText;
        this.cause = cause;
        this.messageIdHeader = messageIdHeader;
        this.internalMessageId = internalMessageId;
    }

    public MessageKey key() {
        return key;
    }

    /** The recipient domain, as the domain list names it. */
    public String domain() {
        return domain;
    }

    /** When Salesforce first logged the message (UTC, to the second). */
    public String time() {
        return time;
    }

    public String recipient() {
        return recipient;
    }

    public Verdict verdict() {
        return verdict;
    }

    public String verdictText() {
        return verdictText;
    }

    /** The decoded cause of a bounce or deferral; empty otherwise. */
    public String cause() {
        return cause;
    }

    /** Empty when the log has none. */
    public String messageIdHeader() {
        return messageIdHeader;
    }

    /** Salesforce's own ID of the message (searchable, not shown). */
    public String internalMessageId() {
        return internalMessageId;
    }

    /** Bounced or deferred. */
    public boolean failing() {
        return verdict == Verdict.BOUNCED || verdict == Verdict.DEFERRED;
    }

    public BooleanProperty includedProperty() {
        return included;
    }

    public boolean included() {
        return included.get();
    }
}
