package org.mailpath.engine.report;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.mailpath.engine.analysis.ChainEvent;
import org.mailpath.engine.analysis.LogAnalysis;
import org.mailpath.engine.analysis.MessageChain;
import org.mailpath.engine.analysis.UnsharedIdGuess;
import org.mailpath.engine.common.StringPool;
import org.mailpath.engine.finding.Actor;
import org.mailpath.engine.log.MailEvent;
import org.mailpath.engine.status.RelayDiagnoses;

/** The entries of the listed messages: each one's events, relay, TLS and words, redacted ({@link MessageEntry}). */
final class MessageEntries {

    private final LogAnalysis analysis;
    private final ReportTexts texts;
    /** The language the report is written in ({@link ReportTexts#language}). */
    private final Locale language;
    private final MessageWording wording;

    MessageEntries(LogAnalysis analysis, ReportTexts texts, MessageWording wording) {
        this.analysis = analysis;
        this.texts = texts;
        this.language = texts.language();
        this.wording = wording;
    }

    /** The knowledge base's explanation and fix lose only what has the form of an address ({@link Redactor#ourText}). */
    MessageEntry entry(MessageChain c, Redactor r, boolean toMailTeam, StringPool shared,
                               List<String> fileNames) {
        Optional<Instant> received = Optional.empty();
        Optional<Instant> lastTransient = Optional.empty();
        Optional<Instant> delivered = Optional.empty();
        Optional<Instant> failed = Optional.empty();
        String relayHost = "";
        String relayAddress = "";
        String tls = "";
        List<EventEntry> events = new ArrayList<>(c.events().size());
        for (ChainEvent e : c.events()) {
            switch (e.event()) {
                case RECEIVED -> received = received.or(() -> Optional.of(e.time()));
                case TRANSIENT_FAILURE -> lastTransient = Optional.of(e.time());
                case DELIVERED -> {
                    if (!e.internalHandoff()) {
                        delivered = Optional.of(e.time());
                    }
                }
                case PERMANENT_FAILURE -> failed = Optional.of(e.time());
            }
            // the TLS columns are log text like any other: the appendix masks them, so the events must too
            String eventTls = tls(e, r);
            if (!e.relayHost().isBlank() && !e.internalHandoff()) {
                relayHost = e.relayHost().strip();
            }
            if (!e.relayAddress().isBlank() && !e.internalHandoff()) {
                relayAddress = e.relayAddress().strip();
            }
            if (!eventTls.isEmpty() && !e.internalHandoff()) {
                tls = eventTls;
            }
            events.add(new EventEntry(e.line(), e.time(), shared.intern(String.valueOf(e.event().letter())),
                    e.internalHandoff(), shared.intern(r.text(e.deliveryStage().strip())),
                    shared.intern(r.text(e.relayHost().strip())), shared.intern(r.text(e.relayAddress().strip())),
                    shared.intern(eventTls), shared.intern(r.text(e.status().strip())),
                    analysis.files().size() > 1 ? shared.intern(fileNames.get(e.file())) : ""));
        }
        Optional<UnsharedIdGuess> guess = analysis.unsharedIdGuess(c);
        MessageWords w = wording.words(c, r, toMailTeam);
        return new MessageEntry(c.messageIdHeader().strip(), c.internalMessageId().strip(), r.address(c.recipient()),
                shared.intern(r.address(c.sender())), shared.intern(r.userId(c.userId())), c.verdict(), c.retries(),
                c.category(), shared.intern(w.explanation()), shared.intern(w.remediation()), w.actor(), received,
                lastTransient, delivered, failed, shared.intern(r.text(relayHost)), shared.intern(r.text(relayAddress)),
                shared.intern(tls), events, c.addressProblem().map(p -> shared.intern(r.text(p.in(language)))),
                c.retriesBeforeDelivery(), shared.intern(mailTeamTodo(w)), shared.intern(w.mailTeamExplanation()),
                c.stale(),
                guess.filter(g -> g == UnsharedIdGuess.JOINED).isPresent(),
                guess.filter(g -> g == UnsharedIdGuess.LEFT_APART).isPresent(), c.sizeBytes(), c.staleReceived(),
                w.basicCodeOnly(), w.stoppedBy(),
                RelayDiagnoses.isRelays(c.diagnosis()));
    }

    /**
     * What a message's block tells the recipient's mail team to do or that we do: nothing where it would only say
     * that the cause is ours, or our network's, to correct ({@link ReportTexts#mailTeamAdvice}, for a reply whose
     * knowledge-base rule has no words for the team): under "On our side (our Salesforce admin):" that says nothing
     * of what will be done, and our admin's own fix ("Remove the address") is an instruction to our admin, not words
     * for the team. The causes table keeps the advice, beside whose owner it tells the team that nothing is theirs.
     */
    private String mailTeamTodo(MessageWords w) {
        boolean oursOnly = (w.actor() == Actor.SENDER_ADMIN || w.actor() == Actor.LOCAL_NETWORK)
                && w.mailTeamRemediation().equals(texts.mailTeamAdvice(w.actor()));
        return oursOnly ? "" : w.mailTeamRemediation();
    }

    /**
     * "TLSv1.3:TLS_AES_256_GCM_SHA384 (Verified)", "none (not encrypted)" for ":", empty when not a delivery. The
     * two columns are redacted each on its own, as the appendix does: together, the verification in parentheses
     * could stand after a masked address in the cipher column and be taken for a person's name beside it.
     */
    private String tls(ChainEvent e, Redactor r) {
        if (e.event() != MailEvent.DELIVERED) {
            return "";
        }
        String cipher = r.text(e.tlsCipher().strip());
        if (cipher.isEmpty()) {
            return "";
        }
        if (cipher.equals(":")) {
            return texts.get("tls.none");
        }
        if (e.internalHandoff()) {
            return texts.get("tls.handoff");
        }
        String verified = r.text(e.tlsVerified().strip());
        return verified.isEmpty() ? cipher : cipher + " (" + verified + ")";
    }
}
