package org.mailpath.ui.dnscheck;

import java.util.List;
import java.util.stream.Collectors;
import org.mailpath.engine.address.IdnaNames;
import org.mailpath.ui.common.Messages;

/**
 * What the step says of a run as a whole, counted from its rows ({@link RowCounts}): the progress, the summary when
 * it ends, and what a stopped run left in the report.
 */
final class RunWording {

    /** How many domains the summary of a run names for errors and for warnings before "and N more". */
    private static final int SUMMARY_DOMAINS = 6;

    private final Messages messages;

    RunWording(Messages messages) {
        this.messages = messages;
    }

    /** "12 of 40 checks done", with the mail server test also how many of its addresses were tested. */
    String progress(RowCounts counts, MailServerRun servers) {
        return servers.domains().isEmpty()
                ? messages.format("dns.progress", counts.checksFinished(), counts.checks())
                : messages.format(servers.stillFinding() ? "dns.progress.servers.finding" : "dns.progress.servers",
                        counts.checksFinished(), counts.checks(), counts.serversFinished(), counts.servers());
    }

    /**
     * A run was stopped ({@code key}: cancelled or failed) and what finished published: the Report step says the
     * report holds only those checks, how many of the run's checks, counted as the progress counted them.
     */
    String stoppedNotice(String key, RowCounts counts, MailServerRun servers) {
        if (counts.checksFinished() == 0 && counts.serversFinished() == 0) {
            return messages.get(key + ".none");
        } else if (servers.domains().isEmpty()) {
            return messages.format(key, counts.checksFinished(), counts.checks());
        }
        return messages.format(key + ".servers", counts.checksFinished(), counts.checks(),
                counts.serversFinished(), counts.servers());
    }

    /**
     * "40 checks done: 2 errors, 3 warnings." ("12 of 40 checks done: …" when stopped; checks not made from this
     * network first, see {@link #checksSaid}), with the mail server test "Mail servers: 4 of 4 addresses tested, 1
     * error, no warnings." and, where finding a domain's servers met a problem, "Finding the mail servers: 1 error, no
     * warnings.", then the domains with errors and those with warnings only, of either: all as {@code counts} counted
     * the rows.
     */
    String summary(RowCounts counts, MailServerRun servers) {
        StringBuilder sb = new StringBuilder(checksSaid(counts));
        if (!servers.domains().isEmpty()) {
            sb.append(' ').append(messages.format("dns.summary.servers", counts.serversFinished(), counts.servers(),
                    counts.serverProblems().errors(), counts.serverProblems().warnings()));
            RowCounts.Problems finding = counts.findingServersProblems();
            if (finding.any()) {
                sb.append(' ').append(messages.format("dns.summary.servers.finding", finding.errors(),
                        finding.warnings()));
            }
        }
        if (!counts.errorDomains().isEmpty() || !counts.warningOnlyDomains().isEmpty()) {
            sb.append(' ').append(messages.get("dns.summary.first"));
        }
        if (!counts.errorDomains().isEmpty()) {
            sb.append('\n').append(messages.format("dns.summary.errors", listed(counts.errorDomains())));
        }
        if (!counts.warningOnlyDomains().isEmpty()) {
            sb.append('\n').append(messages.format("dns.summary.warnings", listed(counts.warningOnlyDomains())));
        }
        return sb.toString();
    }

    /**
     * The DNS checks' sentences of the summary. Those this computer's network kept from being made lead, counted
     * apart: they say nothing about the domains, and "141 checks done: no errors, no warnings." read as all well when
     * 120 of them were not made (the offline review). The errors and warnings are then the made checks'. A run
     * stopped part way says of how many: after a failure nothing else on the step gives the total.
     */
    private String checksSaid(RowCounts counts) {
        long errors = counts.checkProblems().errors();
        long warnings = counts.checkProblems().warnings();
        boolean whole = counts.checksFinished() == counts.checks();
        long notChecked = counts.notChecked();
        if (notChecked == 0) {
            return whole ? messages.format("dns.summary", errors, warnings, counts.checksFinished())
                    : messages.format("dns.summary.part", errors, warnings, counts.checksFinished(), counts.checks());
        }
        long made = counts.checksFinished() - notChecked;
        StringBuilder said = new StringBuilder(whole && made == 0
                ? messages.format("dns.summary.noneMade", counts.checksFinished())
                : whole ? messages.format("dns.summary.notChecked", counts.checksFinished(), notChecked)
                : messages.format("dns.summary.part.notChecked", counts.checksFinished(), notChecked,
                        counts.checks()));
        if (made > 0) {
            said.append(' ').append(messages.format("dns.summary.made", errors, warnings, made));
        }
        if (counts.mostlyNotMade()) {
            said.append(' ').append(messages.get("dns.summary.notChecked.hint"));
        }
        return said.toString();
    }

    /** Up to {@link #SUMMARY_DOMAINS} names, then how many more. */
    private String listed(List<String> domains) {
        String names = domains.stream().limit(SUMMARY_DOMAINS).map(IdnaNames::withUnicode)
                .collect(Collectors.joining(", "));
        return domains.size() <= SUMMARY_DOMAINS ? names
                : messages.format("dns.summary.more", names, domains.size() - SUMMARY_DOMAINS);
    }
}
