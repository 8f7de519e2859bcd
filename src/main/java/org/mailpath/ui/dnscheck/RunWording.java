package org.mailpath.ui.dnscheck;

import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
     * network first, see {@link #checksSaid}), with the mail server test "Mail
     * servers: 4 of 4 addresses tested, 1 error, no warnings." (counted as {@link RowCounts} counts) and, where finding
     * a domain's servers met a problem, "Finding the mail servers: 1 error, no warnings.", then the domains with errors and those with warnings only, of either.
     */
    String summary(List<CheckRow> rows, MailServerRun servers) {
        Map<CheckState, Set<String>> domains = new EnumMap<>(CheckState.class);
        // [0]: the DNS checks' rows, [1]: the mail server addresses', [2]: each domain's row of finding its servers,
        // said apart: its errors are no address's, and counted with them they outnumbered the addresses tested
        long[] errors = new long[3];
        long[] warnings = new long[3];
        for (CheckRow r : rows) {
            if (r.state() == CheckState.ERROR || r.state() == CheckState.WARNING) {
                domains.computeIfAbsent(r.state(), k -> new LinkedHashSet<>()).add(r.domain());
                int of = switch (r.topic()) {
                    case RowTopic.DnsCheck c -> 0;
                    case RowTopic.MailServer a -> 1;
                    case RowTopic.MailServers f -> 2;
                };
                errors[of] += r.state() == CheckState.ERROR ? 1 : 0;
                warnings[of] += r.state() == CheckState.WARNING ? 1 : 0;
            }
        }
        RowCounts counts = RowCounts.of(rows);
        StringBuilder sb = new StringBuilder(checksSaid(counts, errors[0], warnings[0]));
        if (!servers.domains().isEmpty()) {
            sb.append(' ').append(messages.format("dns.summary.servers", counts.serversFinished(), counts.servers(),
                    errors[1], warnings[1]));
            if (errors[2] + warnings[2] > 0) {
                sb.append(' ').append(messages.format("dns.summary.servers.finding", errors[2], warnings[2]));
            }
        }
        if (!domains.isEmpty()) {
            sb.append(' ').append(messages.get("dns.summary.first"));
        }
        if (domains.containsKey(CheckState.ERROR)) {
            sb.append('\n').append(messages.format("dns.summary.errors", listed(domains.get(CheckState.ERROR))));
        }
        // a domain with errors is named once, under them, as the table puts it with them: the warnings' line names
        // the domains with warnings only (it named oldcorp.example in both lines)
        Set<String> warningsOnly = new LinkedHashSet<>(domains.getOrDefault(CheckState.WARNING, Set.of()));
        warningsOnly.removeAll(domains.getOrDefault(CheckState.ERROR, Set.of()));
        if (!warningsOnly.isEmpty()) {
            sb.append('\n').append(messages.format("dns.summary.warnings", listed(warningsOnly)));
        }
        return sb.toString();
    }

    /**
     * The DNS checks' sentences of the summary. Those this computer's network kept from being made lead, counted
     * apart: they say nothing about the domains, and "141 checks done: no errors, no warnings." read as all well when
     * 120 of them were not made (the offline review). The errors and warnings are then the made checks'. A run
     * stopped part way says of how many: after a failure nothing else on the step gives the total.
     */
    private String checksSaid(RowCounts counts, long errors, long warnings) {
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
    private String listed(Set<String> domains) {
        String names = domains.stream().limit(SUMMARY_DOMAINS).map(IdnaNames::withUnicode)
                .collect(Collectors.joining(", "));
        return domains.size() <= SUMMARY_DOMAINS ? names
                : messages.format("dns.summary.more", names, domains.size() - SUMMARY_DOMAINS);
    }
}
