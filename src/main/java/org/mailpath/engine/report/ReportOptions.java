package org.mailpath.engine.report;

import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.mailpath.engine.common.MailPathVersion;

/**
 * What goes into a report. Empty {@code domains} / {@code messageIds} mean "all"; {@code messages}, when present,
 * names exactly the messages (one message to one recipient each) that may be in it — an empty set then means none,
 * so a choice of "no message" can never turn into "every message". All filters apply together.
 * {@code redact} masks local parts of addresses and drops Salesforce user IDs, for sending outside the company.
 * {@code language} is the language the report is written in: English unless another is chosen, for a report
 * usually goes to the recipient's mail team.
 */
public record ReportOptions(Set<String> domains, Set<String> messageIds, Optional<Set<MessageKey>> messages,
                            boolean redact, Instant generatedAt, String version, Locale language) {

    public ReportOptions {
        domains = Set.copyOf(domains);
        messageIds = Set.copyOf(messageIds);
        messages = messages.map(Set::copyOf);
        Objects.requireNonNull(generatedAt, "generatedAt");
        version = version == null || version.isBlank() ? MailPathVersion.version() : version;
        Objects.requireNonNull(language, "language");
    }

    /** In English. */
    public ReportOptions(Set<String> domains, Set<String> messageIds, Optional<Set<MessageKey>> messages,
                         boolean redact, Instant generatedAt, String version) {
        this(domains, messageIds, messages, redact, generatedAt, version, Locale.ENGLISH);
    }

    /** Filters by domain and Message ID only (the command line's {@code --domain} and {@code --message-id}). */
    public ReportOptions(Set<String> domains, Set<String> messageIds, boolean redact, Instant generatedAt,
                         String version) {
        this(domains, messageIds, Optional.empty(), redact, generatedAt, version);
    }

    /** Everything, not redacted, generated now by this MailPath version. */
    public static ReportOptions defaults() {
        return new ReportOptions(Set.of(), Set.of(), false, Instant.now(), MailPathVersion.version());
    }

    public ReportOptions withRedaction(boolean on) {
        return new ReportOptions(domains, messageIds, messages, on, generatedAt, version, language);
    }

    public ReportOptions withDomains(Set<String> only) {
        return new ReportOptions(only, messageIds, messages, redact, generatedAt, version, language);
    }

    public ReportOptions withMessageIds(Set<String> only) {
        return new ReportOptions(domains, only, messages, redact, generatedAt, version, language);
    }

    /** Only these messages (and none if the set is empty), as chosen one by one. */
    public ReportOptions withMessages(Set<MessageKey> only) {
        return new ReportOptions(domains, messageIds, Optional.of(only), redact, generatedAt, version, language);
    }

    /** Drops a {@link #withMessages} choice: every message that passes the other filters. */
    public ReportOptions withEveryMessage() {
        return new ReportOptions(domains, messageIds, Optional.empty(), redact, generatedAt, version, language);
    }

    public ReportOptions withGeneratedAt(Instant at) {
        return new ReportOptions(domains, messageIds, messages, redact, at, version, language);
    }

    /**
     * Written in {@code other}: an offered language, else English (the built report says which in
     * {@link ReportModel#language()}).
     */
    public ReportOptions withLanguage(Locale other) {
        return new ReportOptions(domains, messageIds, messages, redact, generatedAt, version, other);
    }

    /**
     * A Message ID as the report matches it, against both the Message ID Header and the Internal Message ID: without
     * surrounding space and {@code <>}, in lower case. The one rule for {@code messageIds}, so the report's inclusion
     * and the command line's check of the IDs asked for cannot drift apart.
     */
    public static String messageIdKey(String id) {
        String s = id.strip();
        if (s.startsWith("<") && s.endsWith(">") && s.length() > 1) {
            s = s.substring(1, s.length() - 1);
        }
        return s.toLowerCase(Locale.ROOT);
    }
}
