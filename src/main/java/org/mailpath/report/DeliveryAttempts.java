package org.mailpath.report;

import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.mailpath.engine.analysis.RelayHosts;
import org.mailpath.engine.analysis.Verdict;
import org.mailpath.engine.report.EventEntry;
import org.mailpath.engine.report.MessageEntry;
import org.mailpath.engine.report.RecipientDomainSection;
import org.mailpath.engine.report.ReportModel;
import org.mailpath.engine.report.TheirServerContact;

/** What the logged attempts to deliver tell of the recipients' servers, read for the mail teams' request. */
final class DeliveryAttempts {

    /**
     * Words of the Delivery Stages before DATA, in capitals: connecting, the banner, EHLO/HELO, STARTTLS and the TLS
     * handshake, XCLIENT, RSET, MAIL FROM and RCPT TO, during or after ({@link #refusedBeforeContent}).
     */
    private static final List<String> STAGES_BEFORE_CONTENT = List.of("NOT CONNECTED", "IDLE", "BANNER", "EHLO",
            "HELO", "TLS", "XCLIENT", "RSET", "MAIL FROM", "RCPT TO");
    /** The Delivery Stages' words from DATA on, at which the content was under way ({@link #contentUnderWay}). */
    private static final List<String> CONTENT_STAGES = List.of("DATA", "BODY", "CONFIRMATION");
    /**
     * Momentum's connection stages after the server's greeting (Salesforce's Delivery Stage): at these the server had
     * answered. Those before DATA from EHLO on, then "DATA" (also "during DATA", "after DATA"), "BODY" and
     * "CONFIRMATION", which come after it.
     */
    private static final List<String> CONVERSATION_STAGES = Stream.concat(
            STAGES_BEFORE_CONTENT.subList(STAGES_BEFORE_CONTENT.indexOf("EHLO"), STAGES_BEFORE_CONTENT.size()).stream(),
            CONTENT_STAGES.stream()).toList();

    private DeliveryAttempts() {
    }

    /**
     * The listed domains none of whose messages can be in their team's logs, in their order: each message either
     * received only (not yet handed to any mail server outside Salesforce) or, not delivered, with every attempt at
     * our own Email Relay (which took none of them). Messages Salesforce tried at no server at all ([internal] DNS
     * or connection failures) are left to the request's own words, which say what the team can look at instead.
     */
    static List<String> domainsWithNothingToSearch(ReportModel model, RelayHosts relay) {
        return model.recipientDomains().stream().filter(s -> !s.messages().isEmpty())
                .filter(s -> s.messages().stream().allMatch(m -> m.verdict() == Verdict.RECEIVED_ONLY
                        || stoppedAtOurRelay(m, relay)))
                .map(RecipientDomainSection::domain).toList();
    }

    /** Not delivered, and every attempt to deliver it named our own Email Relay: it never reached their servers. */
    private static boolean stoppedAtOurRelay(MessageEntry m, RelayHosts relay) {
        List<EventEntry> attempts = attempts(List.of(m));
        return m.verdict() != Verdict.DELIVERED && !attempts.isEmpty()
                && attempts.stream().allMatch(e -> atOurRelay(e, relay));
    }

    /**
     * No server of the recipient's was even tried: some attempt failed, and no attempt names a receiving server (no
     * relay host or address) or got a reply from one, every status line being Salesforce's own ({@code [internal]}),
     * as the intro then says: the domain's DNS gave none, or none could be reached (litware.example's "Domain Lookup
     * Failed"). Only then do the words say the messages did not reach their servers. An attempt that names a server
     * of theirs was tried there ({@link TheirServerContact#attempted}), whatever its reply: their logs may show the
     * connection, so the team is asked to look. Salesforce's hand-offs between its own servers are not attempts on
     * theirs, nor is one at our own Email Relay ({@code --relay-host}): the relay is ours, and a refusal or failure
     * there happened on our side. A message the relay took (a D there) may have reached them, so the team is asked
     * to look then.
     */
    static boolean noServerOfTheirsTried(List<EventEntry> attempts, RelayHosts relay) {
        List<EventEntry> theirs = attempts.stream().filter(e -> !atOurRelay(e, relay)).toList();
        // all at our relay: a message it took (D) may have reached them, one it refused or never answered did not;
        // beside attempts of theirs every line must be Salesforce's own, as the words then say ("marked [internal]")
        return attempts.stream().anyMatch(e -> e.event().equals("P") || e.event().equals("T"))
                && theirs.stream().noneMatch(TheirServerContact::attempted)
                && (theirs.isEmpty() ? attempts.stream().noneMatch(e -> e.event().equals("D"))
                        : noneAnswered(attempts));
    }

    /** The attempt names our own Email Relay as its receiving server (host or address), as the analysis matched it. */
    static boolean atOurRelay(EventEntry e, RelayHosts relay) {
        return relay.took(e.relayHost(), e.relayAddress());
    }

    /**
     * Some attempt was made and none got a reply from a server of theirs: no delivery (D), every attempt's status
     * line Salesforce's own ({@code [internal]}), at least one naming a server of theirs (else {@link
     * #noServerOfTheirsTried} words the intro). Salesforce's hand-offs between its own servers are not attempts.
     */
    static boolean noReplyFromTheirServers(List<EventEntry> attempts, RelayHosts relay) {
        return attempts.stream().anyMatch(e -> triedWithoutAnswer(e, relay)) && noneAnswered(attempts)
                && !anyConversationFailed(attempts, relay);
    }

    /**
     * No attempt got a reply of a server's own ({@link #noneAnswered}), yet one at a server of theirs got past the
     * greeting ({@link #anyConversationFailed}): that server answered, and the conversation failed at its stage.
     */
    static boolean conversationFailedWithTheirServers(List<EventEntry> attempts, RelayHosts relay) {
        return anyConversationFailed(attempts, relay) && noneAnswered(attempts);
    }

    /**
     * Some attempt at a server of theirs logged without its reply ({@link #unansweredAtTheirs}) was at a Delivery
     * Stage after the greeting (EHLO, STARTTLS, handshaking TLS, MAIL FROM, RCPT TO, DATA …): the server accepted the
     * connection and answered, and the SMTP conversation failed at that stage ("during STARTTLS" with "[internal] TLS
     * negotiation failed": the TLS handshake). "While not connected", "while idle" and "reading BANNER" had no answer
     * yet.
     */
    static boolean anyConversationFailed(List<EventEntry> attempts, RelayHosts relay) {
        return attempts.stream().anyMatch(e -> unansweredAtTheirs(e, relay) && pastGreeting(e));
    }

    /** The event's Delivery Stage is one after the server's greeting ({@link #CONVERSATION_STAGES}). */
    private static boolean pastGreeting(EventEntry e) {
        return stageIn(e, CONVERSATION_STAGES);
    }

    /** Whether the event's Delivery Stage, in any case, holds one of {@code stages} (upper case). */
    private static boolean stageIn(EventEntry e, List<String> stages) {
        String stage = e.stage().toUpperCase(Locale.ROOT);
        return stages.stream().anyMatch(stage::contains);
    }

    /**
     * A P or T that names a server of theirs ({@link TheirServerContact#attempted}) with Salesforce's own status line
     * ([internal]): no reply of the server's was logged. A server that is our own Email Relay is none of theirs.
     */
    private static boolean unansweredAtTheirs(EventEntry e, RelayHosts relay) {
        return (e.event().equals("P") || e.event().equals("T")) && TheirServerContact.attempted(e)
                && TheirServerContact.salesforcesOwn(e.status()) && !atOurRelay(e, relay);
    }

    /**
     * Our Email Relay as the report names it ({@code --relay-host}), to match a row's Relay Host and Address as the
     * analysis did (case, trailing dot, IDNA); none without the mode. The names were normalised by {@link
     * RelayHosts#of} already, so they parse again; should one not, no event is taken for the relay's.
     */
    static RelayHosts ourRelay(ReportModel model) {
        return RelayHosts.parse(String.join(" ", model.title().relayHosts())).orElse(RelayHosts.none());
    }

    /** The messages' attempts at delivery: their events but R and Salesforce's hand-offs between its own servers. */
    static List<EventEntry> attempts(List<MessageEntry> messages) {
        return messages.stream().flatMap(m -> m.events().stream())
                .filter(e -> !e.event().equals("R") && !e.internalHandoff()).toList();
    }

    /** No attempt delivered (D) or got a reply of a server's own: each status line is Salesforce's ([internal]). */
    private static boolean noneAnswered(List<EventEntry> attempts) {
        return attempts.stream().allMatch(e -> !e.event().equals("D") && TheirServerContact.salesforcesOwn(e.status()));
    }

    /**
     * An attempt at a server of theirs logged without its reply ({@link #unansweredAtTheirs}) at the connection or the
     * greeting: the server was tried and gave no answer, so their logs may show the connection, not the message.
     */
    static boolean triedWithoutAnswer(EventEntry e, RelayHosts relay) {
        return unansweredAtTheirs(e, relay) && !pastGreeting(e);
    }

    /**
     * A P or T at a stage before DATA, at a server of theirs that was tried ({@link TheirServerContact#attempted}):
     * the message's content, its Message ID Header in it, never went, yet their logs may show the attempt. The stages
     * are Momentum's connection stages, whose text forms Salesforce's Delivery Stage prints ("while not connected",
     * "reading BANNER", "during EHLO", "during STARTTLS", "handshaking TLS", "during MAIL FROM", "after RCPT TO" …);
     * "during DATA" and later had the content under way. An attempt with Salesforce's own reply ([internal]) and no
     * receiving server named tried no server of theirs at all, and one at our own Email Relay was refused on our side.
     */
    private static boolean refusedBeforeContent(EventEntry e, RelayHosts relay) {
        return (e.event().equals("P") || e.event().equals("T")) && TheirServerContact.attempted(e)
                && !atOurRelay(e, relay) && stageIn(e, STAGES_BEFORE_CONTENT);
    }

    /**
     * The message was not delivered, and its attempts at servers of theirs never got its content under way: some was
     * refused before it ({@link #refusedBeforeContent}), none reached DATA. Its Message ID Header cannot be found in
     * their logs. An earlier attempt refused so, of a message later delivered or tried again up to DATA, is not said
     * so: that message's Message ID Header did reach them, and "never had its Message ID Header reach your server"
     * read as "never arrived" in a report where every message was delivered.
     */
    static boolean outcomeRefusedBeforeContent(MessageEntry m, RelayHosts relay) {
        if (m.verdict() == Verdict.DELIVERED) {
            return false;
        }
        List<EventEntry> tried = attempts(List.of(m));
        return tried.stream().anyMatch(e -> refusedBeforeContent(e, relay))
                && tried.stream().noneMatch(e -> TheirServerContact.attempted(e) && !atOurRelay(e, relay)
                        && contentUnderWay(e));
    }

    /** The attempt's Delivery Stage is DATA or later: the content, its Message ID Header in it, was under way. */
    private static boolean contentUnderWay(EventEntry e) {
        return stageIn(e, CONTENT_STAGES);
    }
}
