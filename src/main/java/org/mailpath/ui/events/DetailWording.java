package org.mailpath.ui.events;

import java.util.List;
import java.util.Optional;
import org.mailpath.engine.analysis.ChainEvent;
import org.mailpath.engine.analysis.LogAnalysis;
import org.mailpath.engine.analysis.MessageChain;
import org.mailpath.engine.analysis.Verdict;
import org.mailpath.engine.finding.Actor;
import org.mailpath.engine.log.MailEvent;
import org.mailpath.engine.report.LikelyTypos;
import org.mailpath.engine.report.LogEvidence;
import org.mailpath.engine.report.NotYetHandedOn;
import org.mailpath.engine.report.PassingLookupFailures;
import org.mailpath.engine.report.ReportTexts;
import org.mailpath.engine.status.Diagnosis;
import org.mailpath.report.ReportWording;
import org.mailpath.ui.common.Formats;
import org.mailpath.ui.common.Messages;

/** The detail pane's words of one message, in the UI's language, and the plain text "Copy details" copies. */
final class DetailWording {

    private final Messages messages;

    DetailWording(Messages messages) {
        this.messages = messages;
    }

    /**
     * What the pane says of {@code c}, one of {@code analysis}' chains, with what the log's other messages tell of it
     * ({@code evidence}).
     */
    MessageDetail of(MessageChain c, Optional<LogAnalysis> analysis, LogEvidence evidence) {
        String addressProblem = c.addressProblem().map(p -> messages.format("events.detail.addressProblem",
                p.in(messages.locale()))).orElse("");
        String guessNote = analysis.flatMap(a -> a.unsharedIdGuess(c)).map(g -> messages.get(switch (g) {
            case JOINED -> "events.detail.joinedByGuess";
            case LEFT_APART -> "events.detail.maybeCountedTwice";
        })).orElse("");
        List<TimelineEntry> timeline = c.events().stream().map(this::entry).toList();
        Advice advice = c.diagnosis().map(d -> diagnosed(c, d, evidence))
                .orElseGet(() -> c.verdict() == Verdict.RECEIVED_ONLY ? receivedOnly(c, analysis) : Advice.NONE);
        return new MessageDetail(addressProblem, guessNote, timeline, advice.explanation(), advice.remediation(),
                advice.actor(), c.verdict() == Verdict.DELIVERED ? handOffNote(c) : "");
    }

    /** What a message means, what to do and who acts, in words; none for a message with nothing to say of it. */
    private record Advice(String explanation, String remediation, String actor) {
        static final Advice NONE = new Advice("", "", "");
    }

    /** The meaning, what to do and who acts for a message with a reply to diagnose. */
    private Advice diagnosed(MessageChain c, Diagnosis d, LogEvidence evidence) {
        // the report's words in the UI's language where the log's other messages say more than the reply
        ReportTexts texts = ReportTexts.of(messages.locale());
        // a Domain Lookup Failed between answers of the domain's servers came and went: the reply's "it does not
        // exist" would not be true of it (PassingLookupFailures, never a stale chain's)
        boolean passed = evidence.passing().passed(c);
        String explanation = passed ? texts.get("lookupFailed.passing.meaning")
                : c.explanation(messages.locale()).orElse("");
        // a stale deferral's reply may say "Salesforce retries": it no longer does, and the outcome is missing
        // a deferral has its own words where a bounce's "resend later" would risk a duplicate
        String advice = c.stale() ? staleNote(c) : passed ? texts.get("lookupFailed.passing.remediation")
                : c.remediation(messages.locale()).orElse("");
        // a domain one typing slip from one this log delivered to: the one likely meant, as the report and
        // analyze say it (LikelyTypos), also after a lookup failure that came and went: who acts names the typo
        // first for it too
        Optional<String> intended = evidence.typos().intended(c);
        String remediation = intended.filter(i -> !advice.isEmpty())
                .map(i -> advice + " " + texts.format("typo.note", c.recipientDomain(), i)).orElse(advice);
        // who acts asks of the typo before the passing failure, as the report's rule does (DomainFacts.actor)
        String actor = messages.format("events.detail.actor", actorText(c, d, intended.isPresent(), passed));
        return new Advice(explanation, remediation, actor);
    }

    /**
     * Who acts on what is shown, as the report and {@code analyze} name them, asked in the order of their one rule
     * (DomainFacts.actor in engine.report): a likely typo ({@link LikelyTypos#firstActor}) is yours to check first,
     * and if the address is right, the side's that stopped it, as the report's cause row names both in that order;
     * then a lookup failure that came and went is yours to send again and their name servers' that stopped it
     * ({@link PassingLookupFailures#ACTOR}, {@link PassingLookupFailures#STOPPED_BY}); the stale note asks you for a
     * log that covers the outcome. A message both a likely typo and a passing failure was named by its passing
     * failure here while the report named the typo first.
     */
    private String actorText(MessageChain c, Diagnosis d, boolean likelyTypo, boolean passedLookup) {
        if (likelyTypo) {
            // what stopped it as the report has it: a passing failure's name servers, else the reply's side
            Optional<Actor> stoppedBy = passedLookup ? Optional.of(PassingLookupFailures.STOPPED_BY) : c.stoppedBy();
            return stoppedBy.filter(a -> a == Actor.RECIPIENT_MAIL_TEAM).isPresent()
                    ? messages.get("events.detail.actor.likelyTypo")
                    : messages.get("actor." + Actor.SENDER_ADMIN.name());
        }
        if (passedLookup) {
            return messages.get("events.detail.actor.passingLookup");
        }
        // deferrals that lasted until Salesforce gave up: you send it again, but what stopped it lies with the
        // recipient's servers (MessageChain.stoppedBy), both named as the report names them
        if (c.deferredUntilExpiry()) {
            return messages.get("events.detail.actor.stoppedByRecipient");
        }
        Actor who = c.stale() ? Actor.SENDER_ADMIN : c.actor().orElse(d.actor());
        return messages.get("actor." + who.name());
    }

    /**
     * A message with only R rows (and hand-offs between Salesforce's servers): the case of "your email never reached
     * us". It has no reply to diagnose, so the pane says what the log shows and what can be done: it may still have
     * been queued when the log ends, or the log ends too early (an R-only chain is "still queued or outside the
     * window"). The log's end is named, as that is what a later log must run beyond. One whose last row is more than 24
     * hours before the log's end (staleReceived) is past the time Salesforce delivers or bounces in: as for a stale
     * deferral, the log may be cut off or miss its outcome rows.
     */
    private Advice receivedOnly(MessageChain c, Optional<LogAnalysis> analysis) {
        // the log's end; a received-only chain has its R at least, so its own last event stands in without a log
        String end = analysis.flatMap(LogAnalysis::lastEvent)
                .or(() -> c.events().stream().map(ChainEvent::time).reduce((a, b) -> b))
                .map(Formats::time).orElse("");
        // the words analyze gives too (NotYetHandedOn), in the UI's language
        ReportTexts texts = ReportTexts.of(messages.locale());
        String remediation;
        if (c.staleReceived()) {
            // more than 24 hours before the log's end: not still queued, the log misses its outcome rows. In the
            // report's words (receivedOnly.stale of the report's texts), with the times this view shows
            String last = c.events().isEmpty() ? "" : Formats.time(c.events().getLast().time());
            remediation = messages.format("events.detail.receivedOnly.noLaterRow", last, end);
        } else {
            remediation = NotYetHandedOn.advice(c, texts, end).orElse("");
        }
        return new Advice(NotYetHandedOn.meaning(texts), remediation,
                messages.format("events.detail.actor", messages.get("actor." + Actor.SENDER_ADMIN.name())));
    }

    private String staleNote(MessageChain c) {
        ChainEvent lastDeferral = c.events().stream().filter(e -> e.event() == MailEvent.TRANSIENT_FAILURE)
                .reduce((first, second) -> second).orElse(c.events().getLast());
        return messages.format("events.detail.stale", Formats.time(lastDeferral.time()));
    }

    /** A delivered message: the server it was handed to, and when, for the recipient's mail team. */
    private String handOffNote(MessageChain c) {
        // a DELIVERED chain's outcome is its last external D
        ChainEvent delivery = c.outcome().orElse(c.events().getLast());
        String server = delivery.relayHost().isEmpty() ? delivery.relayAddress() : delivery.relayHost();
        return messages.format("events.detail.handOff", server.isEmpty() ? "?" : server,
                Formats.time(delivery.time()));
    }

    private TimelineEntry entry(ChainEvent e) {
        String title = messages.get("events.timeline." + e.event().name());
        if (e.internalHandoff()) {
            title = messages.get("events.timeline.HANDOFF");
        }
        String relay = ReportWording.relay(e.relayHost(), e.relayAddress());
        String tls = "";
        if (e.event() == MailEvent.DELIVERED && !e.internalHandoff()) {
            String cipher = e.tlsCipher().strip();
            tls = cipher.isEmpty() || ":".equals(cipher)
                    ? messages.get("events.timeline.noTls")
                    : messages.format("events.timeline.tls", cipher,
                            e.tlsVerified().isBlank() ? "" : " (" + e.tlsVerified().strip() + ")");
        }
        String stage = e.deliveryStage().isEmpty() ? "" : e.deliveryStage();
        if (e.retryCount() > 0) {
            stage = stage.isEmpty() ? messages.format("events.timeline.retry", e.retryCount())
                    : stage + " · " + messages.format("events.timeline.retry", e.retryCount());
        }
        return new TimelineEntry(e.event(), String.valueOf(EventSigns.of(e)), title, Formats.time(e.time()), stage,
                relay, tls, e.status());
    }

    /** "Message ID Header: …" of {@code c}, or that the log has none, with the Internal Message ID standing in. */
    String messageIdLine(MessageChain c) {
        return hasMessageIdHeader(c) ? messages.get("events.detail.messageId") + ": " + c.messageIdHeader()
                : messages.format("events.detail.noMessageId", c.internalMessageId());
    }

    /** A message of a log without the Message ID Header column has none (its Internal Message ID stands in). */
    static boolean hasMessageIdHeader(MessageChain c) {
        return !c.messageIdHeader().isBlank();
    }

    /** The selected message's facts and timeline as plain text, as {@code detail} shows them. */
    String plainText(MessageRow row, MessageDetail detail) {
        StringBuilder sb = new StringBuilder();
        MessageChain c = row.chain();
        sb.append(messages.get("events.detail.recipient")).append(": ").append(c.recipient()).append('\n');
        sb.append(messages.get("events.detail.sender")).append(": ").append(c.sender()).append('\n');
        sb.append(messageIdLine(c)).append('\n');
        sb.append(messages.get("events.detail.verdict")).append(": ").append(row.verdict()).append('\n');
        for (String note : List.of(detail.addressProblem(), detail.guessNote())) {
            if (!note.isEmpty()) {
                sb.append(note).append('\n');
            }
        }
        for (TimelineEntry e : detail.timeline()) {
            sb.append(e.time()).append("  ").append(e.title());
            for (String part : List.of(e.stage(), e.relay(), e.tls(), e.status())) {
                if (!part.isEmpty()) {
                    sb.append(" | ").append(part);
                }
            }
            sb.append('\n');
        }
        if (!detail.explanation().isEmpty()) {
            sb.append(detail.explanation()).append('\n').append(detail.remediation()).append('\n');
        }
        return sb.toString();
    }
}
