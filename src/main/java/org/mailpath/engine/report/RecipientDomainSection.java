package org.mailpath.engine.report;

import java.util.List;
import org.mailpath.engine.check.NameServerResult;
import org.mailpath.engine.finding.Finding;

/**
 * The part for one recipient domain's mail team: the messages they can search for in their logs, and what the
 * checks found about their domain (findings worst first, then the EDNS results of their name servers).
 * {@code notChecked} are the checks this computer's network kept from being made ({@link ReportFindings#notChecked}):
 * they say nothing about the domain, so they are not among its findings.
 */
public record RecipientDomainSection(String domain, DomainRow counts, List<MessageEntry> messages,
                                     List<Finding> findings, List<NameServerResult> nameServers,
                                     List<Finding> notChecked) {

    public RecipientDomainSection {
        messages = List.copyOf(messages);
        findings = List.copyOf(findings);
        nameServers = List.copyOf(nameServers);
        notChecked = List.copyOf(notChecked);
    }
}
