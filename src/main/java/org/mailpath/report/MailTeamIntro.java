package org.mailpath.report;

import java.util.List;
import org.mailpath.engine.analysis.RelayHosts;
import org.mailpath.engine.analysis.Verdict;
import org.mailpath.engine.finding.Actor;
import org.mailpath.engine.report.CauseRow;
import org.mailpath.engine.report.EventEntry;
import org.mailpath.engine.report.MessageEntry;
import org.mailpath.engine.report.ReportModel;
import org.mailpath.engine.report.ReportTexts;
import org.mailpath.engine.report.TheirServerContact;
import org.mailpath.engine.status.Diagnosis;

/** The request that opens the part for the recipients' mail teams: what to search their logs for, or why not. */
final class MailTeamIntro {

    private final ReportTexts texts;

    MailTeamIntro(ReportTexts texts) {
        this.texts = texts;
    }

    /**
     * The request to search the mail logs for the Message ID Headers that follow: the one team's servers, or with
     * several domains each team's own, the messages being grouped under their domain's name in every format.
     */
    String of(ReportModel model) {
        List<MessageEntry> messages = model.recipientDomains().stream().flatMap(s -> s.messages().stream()).toList();
        if (!messages.isEmpty() && messages.stream().allMatch(m -> m.verdict() == Verdict.RECEIVED_ONLY)) {
            // no attempt at all: nothing of these is in their logs to search for, and the next step is ours
            return notHandedOnIntro(model, messages) + notListed(model);
        }
        List<EventEntry> attempts = DeliveryAttempts.attempts(messages);
        // an attempt at our own Email Relay is none at their servers, whatever became of it
        RelayHosts relay = DeliveryAttempts.ourRelay(model);
        List<String> nothingToSearch = ReportWording.forSeveralMailTeams(model)
                ? DeliveryAttempts.domainsWithNothingToSearch(model, relay) : List.of();
        if (!nothingToSearch.isEmpty() && nothingToSearch.size() == ReportWording.domainsListed(model).size()) {
            // no team has anything in its logs: as for one domain whose messages all ended at our relay (bar any
            // received-only ones), not "please search", which asked each team to look for mail that never reached it
            return texts.get("intro.mailTeams.lead") + " " + allAtOurRelay(model, messages);
        }
        if (!ReportWording.forSeveralMailTeams(model) && DeliveryAttempts.noServerOfTheirsTried(attempts, relay)) {
            // their logs cannot have these messages: say so, and what they can look at instead, not "search your logs"
            if (attempts.stream().allMatch(e -> DeliveryAttempts.atOurRelay(e, relay))) {
                // every attempt ended at our relay, which took none: ours to look into, not their servers or DNS
                return allAtOurRelay(model, messages);
            }
            // the count and "each of them" are of the messages attempted: received-only ones have their own sentence
            long n = attempted(messages);
            String receivedOnly = receivedOnlyIntro(messages, ".notReached");
            NotReachedMessages which = notReachedMessages(n < messages.size());
            // a null MX refuses mail on purpose, and a cause of ours (an address to correct) is not theirs to look into
            // a domain of theirs that does not exist is theirs to restore, as its causes say (ReportBuilder)
            // some ended at our relay: what became of the messages says the attempts ended there or at Salesforce's
            // own server, not only there; the request's note on the relay's replies and the messages it accepted
            // (relayNote) has no place here, where every line is Salesforce's own and nothing was delivered
            boolean someAtRelay = attempts.stream().anyMatch(e -> DeliveryAttempts.atOurRelay(e, relay));
            // their DNS is worth a look for the attempts that ended at Salesforce's own server, not for the relay's
            String key = causedByNullMx(model) ? "intro.mailTeam.notReached.nullMx" : oursToCorrect(model)
                    ? "intro.mailTeam.notReached.ours" : theirDomainGone(model)
                    ? "intro.mailTeam.notReached.noSuchDomain" : someAtRelay
                    ? "intro.mailTeam.notReached.dnsBesideRelay" : "intro.mailTeam.notReached";
            String outcome = (someAtRelay ? "intro.mailTeam.notReached.someAtRelay." : "intro.mailTeam.notReached.")
                    + notReachedOutcome(messages);
            // {1} is unused by the outcome texts; {2} and {3} are the words for the attempted messages
            return texts.format(key, n, texts.format(outcome, n, "", which.one(), which.several())) + receivedOnly
                    + notListed(model);
        }
        // "the exact reply your servers gave" only where a server of theirs replied to some attempt: where every
        // attempt that named one timed out ([internal] Connection Timed Out), no reply of theirs was logged
        String request = ReportWording.forSeveralMailTeams(model) ? "intro.mailTeams" : "intro.mailTeam";
        boolean conversed = DeliveryAttempts.anyConversationFailed(attempts, relay);
        // with our Email Relay named, a logged reply may be the relay's, not their servers'
        // a server of theirs that got as far as EHLO, STARTTLS or later did answer: the conversation failed there
        StringBuilder intro = new StringBuilder(texts.get(DeliveryAttempts.noReplyFromTheirServers(attempts, relay)
                ? request + ".noReply"
                : DeliveryAttempts.conversationFailedWithTheirServers(attempts, relay) ? request + ".conversationFailed"
                : model.title().relayHosts().isEmpty() ? request : request + ".viaRelay"));
        if (!nothingToSearch.isEmpty()) {
            // the request to search is not for the teams of domains none of whose messages reached a server of theirs
            intro.append(' ').append(texts.format("intro.mailTeams.nothingToSearch", String.join(", ", nothingToSearch),
                    nothingToSearch.size()));
        }
        // what a postmaster would otherwise search for in vain, said only when the report has such messages
        if (messages.stream().anyMatch(m -> DeliveryAttempts.outcomeRefusedBeforeContent(m, relay))) {
            // a masked recipient cannot be searched for: the time and the receiving server still can
            intro.append(' ').append(texts.get(model.title().redacted() ? "intro.mailTeam.refusedBeforeContent.redacted"
                    : "intro.mailTeam.refusedBeforeContent"));
        }
        // beside a request to search, received-only messages are said to be left out of it
        intro.append(receivedOnlyIntro(messages, ".searchOthers"));
        if (messages.stream().anyMatch(m -> m.events().stream()
                .anyMatch(e -> TheirServerContact.salesforcesOwn(e.status())))) {
            // said wherever such an attempt is, even beside replies of theirs: it explains the [internal] lines
            intro.append(' ').append(texts.get(conversed ? "intro.mailTeam.internal.conversed"
                    : "intro.mailTeam.internal"));
            // a server of theirs tried but not answering: the request to look stands, for the connection only
            if (attempts.stream().anyMatch(e -> DeliveryAttempts.triedWithoutAnswer(e, relay))) {
                intro.append(' ').append(texts.get(conversed ? "intro.mailTeam.internal.triedEarly"
                        : "intro.mailTeam.internal.tried"));
            }
        }
        if (!model.title().relayHosts().isEmpty()) {
            // a reply logged from our Email Relay is no reply of theirs, and a message it took did not reach them yet
            intro.append(' ').append(relayNote(model));
        }
        return intro.append(notListed(model)).toString();
    }

    /** Our Email Relay's lines are its replies, and what it took reached them only if it delivered it. */
    private String relayNote(ReportModel model) {
        return texts.format("intro.mailTeam.relay", relayHostsNamed(model));
    }

    /**
     * Every attempt ended at our relay, which took none of the messages: ours to look into, nothing in their logs;
     * counted of the messages attempted, the received-only ones said apart.
     */
    private String allAtOurRelay(ReportModel model, List<MessageEntry> messages) {
        long n = attempted(messages);
        NotReachedMessages which = notReachedMessages(n < messages.size());
        return texts.format("intro.mailTeam.notReached.relay", n, relayHostsNamed(model), which.one(), which.several())
                + receivedOnlyIntro(messages, ".notReached") + notListed(model);
    }

    private static long attempted(List<MessageEntry> messages) {
        return messages.stream().filter(m -> m.verdict() != Verdict.RECEIVED_ONLY).count();
    }

    private static String relayHostsNamed(ReportModel model) {
        return String.join(", ", model.title().relayHosts());
    }

    /**
     * What the intro says of the received-only messages listed: not yet handed on when the log ended, or, for those
     * whose last event (the R, or a hand-off between Salesforce's own servers after it) is more than 24 hours before
     * the log's last event ({@link MessageEntry#staleReceived}), that the log likely misses their later rows
     * (Salesforce hands a message on, defers or bounces it within that time); empty for none.
     */
    private String receivedOnlyIntro(List<MessageEntry> messages, String beside) {
        long all = messages.stream().filter(m -> m.verdict() == Verdict.RECEIVED_ONLY).count();
        long stale = messages.stream().filter(MessageEntry::staleReceived).count();
        if (all == 0) {
            return "";
        }
        String marked = texts.verdict(Verdict.RECEIVED_ONLY);
        // after "please search your logs" (.searchOthers) those not yet handed on are left out of the search, and
        // beside "not reached" (.notReached) they are not in their logs either: either way their next step is ours;
        // a stale one's words already ask only to be told if it arrived
        return " " + (stale == 0 ? texts.format("intro.mailTeam.receivedOnly" + beside, marked)
                : stale == all ? texts.format("intro.mailTeam.receivedOnly.stale", marked)
                : texts.format("intro.mailTeam.receivedOnly.partlyStale" + beside, marked, stale));
    }

    /**
     * The messages a "not reached" intro speaks of, one and several: "this message" and "these messages" when all
     * listed were attempted; beside received-only ones ({@code besideReceived}), the ones Salesforce tried to
     * deliver, lest "this message" or "each of them" take in a message never attempted.
     */
    private NotReachedMessages notReachedMessages(boolean besideReceived) {
        String tried = besideReceived ? ".tried" : "";
        return new NotReachedMessages(texts.get("intro.mailTeam.notReached.this" + tried),
                texts.get("intro.mailTeam.notReached.these" + tried));
    }

    /** The words for one message and for several, put in a "not reached" intro's {2} and {3}. */
    private record NotReachedMessages(String one, String several) {
    }

    /**
     * The intro when every message listed is received only: no attempt to deliver any was logged, so their logs
     * cannot have them and there is nothing to search for; the next step is ours, a later log (or, for those whose
     * later rows the log likely misses, {@link MessageEntry#staleReceived}, a fuller one). "Please search your logs
     * … with the exact reply your servers gave" asked them to look for mail that never reached them. With several
     * domains it first says how the messages are grouped, as the request does.
     */
    private String notHandedOnIntro(ReportModel model, List<MessageEntry> messages) {
        long n = messages.size();
        long stale = messages.stream().filter(MessageEntry::staleReceived).count();
        String key = stale == 0 ? "intro.mailTeam.notHandedOn" : stale == n ? "intro.mailTeam.notHandedOn.stale"
                : "intro.mailTeam.notHandedOn.partlyStale";
        String lead = ReportWording.forSeveralMailTeams(model) ? texts.get("intro.mailTeams.lead") + " " : "";
        return lead + texts.format(key, n, stale, n - stale);
    }

    /**
     * Every cause of the report's bounces and deferrals is our admin's to correct, row by row: who owns what stopped
     * its messages ({@link CauseRow#stoppedBy}). A stale deferral's row names our admin for its missing outcome only
     * ("its outcome is ours to look into"), not for what stopped it, so its reply's side counts (staleint.example's
     * "no mail servers … could be reached" was told "what stopped it is ours to correct" beside "blocked at your
     * end"); a stale deferral of a reply of ours no longer keeps a bounce that is ours from being said so.
     */
    private static boolean oursToCorrect(ReportModel model) {
        return !model.summary().causes().isEmpty()
                && model.summary().causes().stream().allMatch(c -> c.stoppedBy() == Actor.SENDER_ADMIN);
    }

    /**
     * In a report addressed to one domain's team, every cause is that the DNS checks found their domain does not
     * exist, theirs to restore (the builder names their team for it there): the general "a look at your domain's
     * DNS … that those servers accept connections" would say less than the causes, and "ours to correct" the
     * opposite of them.
     */
    private boolean theirDomainGone(ReportModel model) {
        String gone = texts.get("cause.domainFact.NO_SUCH_DOMAIN.you");
        return model.addressedToMailTeam() && !model.summary().causes().isEmpty() && model.summary().causes()
                .stream().allMatch(c -> c.explanation().equals(gone) && c.actor() == Actor.RECIPIENT_MAIL_TEAM);
    }

    /**
     * What became of messages for none of which a server of the team's was tried: Salesforce gave up on them
     * (bounced), or a deferral has no outcome yet, of which "gave up" would not be true. A deferral more than 24
     * hours old ({@link MessageEntry#stale}) has no outcome "yet" no longer: Salesforce stops retrying by then, so
     * its outcome is missing from the log (".stale" when every deferral is, ".partlyStale" when some are).
     */
    private static String notReachedOutcome(List<MessageEntry> messages) {
        boolean bounced = messages.stream().anyMatch(m -> m.verdict() == Verdict.BOUNCED);
        List<MessageEntry> deferred = messages.stream().filter(m -> m.verdict() == Verdict.DEFERRED).toList();
        if (deferred.isEmpty()) {
            return "gaveUp";
        }
        long stale = deferred.stream().filter(MessageEntry::stale).count();
        String outcome = bounced ? "mixed" : "noOutcome";
        return stale == 0 ? outcome : stale == deferred.size() ? outcome + ".stale" : outcome + ".partlyStale";
    }

    /**
     * Every cause of the report's bounces and deferrals is a null MX of the recipient domain (RFC 7505): the domain
     * says it accepts no mail, so there is nothing to look for in its DNS but that choice.
     */
    private static boolean causedByNullMx(ReportModel model) {
        List<String> rules = model.summary().causes().stream().flatMap(c -> c.rules().stream()).toList();
        return !rules.isEmpty() && rules.stream().allMatch(Diagnosis::saysNullMx);
    }

    /** " Of its N messages, this report lists M …, chosen so …" when a limit left some out, else "". */
    private String notListed(ReportModel model) {
        return model.unlistedMessages() == 0 ? "" : " " + texts.format("intro.mailTeam.notListed",
                model.title().messagesIncluded(), model.listedMessages());
    }
}
