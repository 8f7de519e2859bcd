package org.mailpath.ui.dnscheck;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * How far the run came, as every text the user reads counts it (the progress, the summary, the notice of what a
 * stopped run left in the report): the checks are the DNS checks, a row each, their number known when Run is
 * pressed; the mail servers' addresses tested, a row each, are counted apart, for how many there are is known only
 * as each domain's servers are found. Counted together as checks, "11 of 141 checks" meant another thing with the
 * mail server test on than off, and its total grew as the run went on. With them, in the same walk over the rows,
 * what the summary says they found, and of which domains.
 *
 * @param notChecked the DNS checks that this computer's network kept from being made (their rows "Not checked")
 * @param checkProblems what the DNS checks' rows found
 * @param serverProblems what the mail server addresses' rows found
 * @param findingServersProblems what each domain's row of finding its mail servers found: said apart, for its errors
 *                               are no address's, and counted with them they outnumbered the addresses tested
 * @param errorDomains the domains with an error in any row, first seen first
 * @param warningOnlyDomains the domains with a warning and no error, first seen first: a domain with errors is named
 *                           once, under them (it was named in both lines of the summary)
 */
record RowCounts(long checks, long checksFinished, long servers, long serversFinished, long notChecked,
                 Problems checkProblems, Problems serverProblems, Problems findingServersProblems,
                 List<String> errorDomains, List<String> warningOnlyDomains) {

    /** How many rows ended with an error, and how many with a warning. */
    record Problems(long errors, long warnings) {

        boolean any() {
            return errors + warnings > 0;
        }
    }

    static RowCounts of(List<CheckRow> rows) {
        long checks = 0;
        long checksFinished = 0;
        long servers = 0;
        long serversFinished = 0;
        long notChecked = 0;
        // by topic: [0] the DNS checks, [1] the mail server addresses, [2] finding each domain's servers
        long[] errors = new long[3];
        long[] warnings = new long[3];
        Set<String> errorDomains = new LinkedHashSet<>();
        Set<String> warningDomains = new LinkedHashSet<>();
        for (CheckRow r : rows) {
            long finished = r.state().finished() ? 1 : 0;
            // a domain's row of finding its servers is neither check nor address: it stands for the addresses to come
            int topic = switch (r.topic()) {
                case RowTopic.DnsCheck c -> {
                    checks++;
                    checksFinished += finished;
                    notChecked += r.state() == CheckState.NOT_CHECKED ? 1 : 0;
                    yield 0;
                }
                case RowTopic.MailServer s -> {
                    servers++;
                    serversFinished += finished;
                    yield 1;
                }
                case RowTopic.MailServers s -> 2;
            };
            if (r.state() == CheckState.ERROR) {
                errors[topic]++;
                errorDomains.add(r.domain());
            } else if (r.state() == CheckState.WARNING) {
                warnings[topic]++;
                warningDomains.add(r.domain());
            }
        }
        warningDomains.removeAll(errorDomains);
        return new RowCounts(checks, checksFinished, servers, serversFinished, notChecked,
                new Problems(errors[0], warnings[0]), new Problems(errors[1], warnings[1]),
                new Problems(errors[2], warnings[2]), List.copyOf(errorDomains), List.copyOf(warningDomains));
    }

    /** Some row finished, DNS check or mail server address. */
    boolean someFinished() {
        return checksFinished + serversFinished > 0;
    }

    /** More than half of the checks that finished were not made: what they found is next to nothing. */
    boolean mostlyNotMade() {
        return notChecked > 0 && 2 * notChecked > checksFinished;
    }
}
