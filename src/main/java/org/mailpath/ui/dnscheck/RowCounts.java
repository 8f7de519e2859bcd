package org.mailpath.ui.dnscheck;

import java.util.List;

/**
 * How far the run came, as every text the user reads counts it (the progress, the summary, the notice of what a
 * stopped run left in the report): the checks are the DNS checks, a row each, their number known when Run is
 * pressed; the mail servers' addresses tested, a row each, are counted apart, for how many there are is known only
 * as each domain's servers are found. Counted together as checks, "11 of 141 checks" meant another thing with the
 * mail server test on than off, and its total grew as the run went on.
 *
 * @param notChecked the DNS checks that this computer's network kept from being made (their rows "Not checked")
 */
record RowCounts(long checks, long checksFinished, long servers, long serversFinished, long notChecked) {

    static RowCounts of(List<CheckRow> rows) {
        long checks = 0;
        long checksFinished = 0;
        long servers = 0;
        long serversFinished = 0;
        long notChecked = 0;
        for (CheckRow r : rows) {
            long finished = r.state().finished() ? 1 : 0;
            // a domain's row of finding its servers is neither: it stands for the addresses to come
            switch (r.topic()) {
                case RowTopic.DnsCheck c -> {
                    checks++;
                    checksFinished += finished;
                    notChecked += r.state() == CheckState.NOT_CHECKED ? 1 : 0;
                }
                case RowTopic.MailServer s -> {
                    servers++;
                    serversFinished += finished;
                }
                case RowTopic.MailServers s -> { }
            }
        }
        return new RowCounts(checks, checksFinished, servers, serversFinished, notChecked);
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
