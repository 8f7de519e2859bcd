package org.mailpath.engine.report;

import java.util.List;

/**
 * Everything a report says, already filtered and (if asked) redacted, so every renderer shows the same content
 * and none of them has to think about privacy. Built by {@link ReportBuilder}.
 */
public record ReportModel(TitleBlock title, String conclusion, Summary summary,
                          List<RecipientDomainSection> recipientDomains, OwnSideSection ownSide, Appendix appendix) {

    public ReportModel {
        recipientDomains = List.copyOf(recipientDomains);
    }

    /** Number of messages in the report (after the domain / message filters). */
    public long includedMessages() {
        return recipientDomains.stream().mapToLong(d -> d.messages().size()).sum();
    }
}
