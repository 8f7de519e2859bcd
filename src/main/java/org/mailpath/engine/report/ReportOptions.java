package org.mailpath.engine.report;

import java.time.Instant;
import java.util.Objects;
import java.util.Set;
import org.mailpath.engine.common.MailPathVersion;

/**
 * What goes into a report. Empty {@code domains} / {@code messageIds} mean "all"; both filters apply together.
 * {@code redact} masks local parts of addresses and drops Salesforce user IDs, for sending outside the company.
 */
public record ReportOptions(Set<String> domains, Set<String> messageIds, boolean redact, Instant generatedAt,
                            String version) {

    public ReportOptions {
        domains = Set.copyOf(domains);
        messageIds = Set.copyOf(messageIds);
        Objects.requireNonNull(generatedAt, "generatedAt");
        version = version == null || version.isBlank() ? MailPathVersion.version() : version;
    }

    /** Everything, not redacted, generated now by this MailPath version. */
    public static ReportOptions defaults() {
        return new ReportOptions(Set.of(), Set.of(), false, Instant.now(), MailPathVersion.version());
    }

    public ReportOptions withRedaction(boolean on) {
        return new ReportOptions(domains, messageIds, on, generatedAt, version);
    }

    public ReportOptions withDomains(Set<String> only) {
        return new ReportOptions(only, messageIds, redact, generatedAt, version);
    }

    public ReportOptions withMessageIds(Set<String> only) {
        return new ReportOptions(domains, only, redact, generatedAt, version);
    }

    public ReportOptions withGeneratedAt(Instant at) {
        return new ReportOptions(domains, messageIds, redact, at, version);
    }
}
