package org.mailpath.cli;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.time.Instant;
import java.io.OutputStream;
import java.io.Writer;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.mailpath.engine.address.IdnaNames;
import org.mailpath.engine.finding.Actor;
import org.mailpath.engine.report.ChainDomainFacts;
import org.mailpath.engine.report.DomainFacts;
import org.mailpath.engine.report.LogEvidence;
import org.mailpath.engine.analysis.AnalysedFile;
import org.mailpath.engine.analysis.ChainEvent;
import org.mailpath.engine.analysis.DomainSummary;
import org.mailpath.engine.analysis.LogAnalysis;
import org.mailpath.engine.analysis.MessageChain;
import org.mailpath.engine.analysis.UnsharedIdGuess;
import org.mailpath.engine.analysis.Verdict;
import org.mailpath.engine.log.FileProblem;
import org.mailpath.engine.log.LogSource;
import org.mailpath.engine.status.Category;
import org.mailpath.engine.status.Diagnosis;
import org.mailpath.report.json.VisibleJsonEscapes;

/**
 * The JSON form of an analysis, field names as issue 2 fixes them (scripts rely on them; fields may be added,
 * never renamed). Streams chain by chain, so a million-row log needs no document tree in memory. Added since:
 * {@code files} (each file analysed, in the order given; one for a single log), {@code file} in each problem, and,
 * only when several files were analysed together, {@code firstFile} in each chain (the file of {@code firstLine}).
 * Names are file names without folders, so two files may share one: with several files, {@code label} in each of
 * {@code files}, {@code fileLabel} in each problem and {@code firstFileLabel} in each chain tell them apart (the name
 * after as few folders as needed, e.g. {@code jan/EmailLog.csv}; the name alone where it is unique). Last, only
 * where true, {@code joinedByGuess} or {@code maybeCountedTwice} in a chain of logs sharing no ID column
 * ({@link LogAnalysis#unsharedIdGuess}): the messages the files' warnings about that count. Last in each of
 * {@code files}, {@code blankRows}: its rows that hold only separators (such as {@code ,,,,,,}), skipped and not
 * counted in {@code rows}; one of the file's problems says on which lines.
 */
public final class AnalysisJson {

    // A mapping factory, so extra sections given as JSON trees can be written into the stream. The stream is the
    // caller's: closing it with the generator lost analyze's closing newline, written after, without a word. Log
    // fields' control and invisible characters are escaped, not written to the terminal (VisibleJsonEscapes).
    private static final JsonFactory FACTORY = VisibleJsonEscapes.on(
            new com.fasterxml.jackson.databind.MappingJsonFactory().disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET));

    private AnalysisJson() {
    }

    public static void write(LogAnalysis analysis, Writer out) throws IOException {
        write(analysis, out, Map.of(), DomainFacts.none());
    }

    /**
     * The analysis with further top-level sections after {@code chains} (e.g. {@code dnsChecks}, {@code smtpProbe}),
     * each chain's explanation, advice and actor as the report has them where the DNS checks ({@code facts}) found its
     * domain no mail can reach.
     */
    public static void write(LogAnalysis analysis, Writer out,
                             Map<String, ? extends com.fasterxml.jackson.databind.JsonNode> extra, DomainFacts facts)
            throws IOException {
        try (JsonGenerator g = FACTORY.createGenerator(out)) {
            g.useDefaultPrettyPrinter();
            write(analysis, g, extra, facts);
        }
    }

    public static void write(LogAnalysis analysis, OutputStream out) throws IOException {
        try (JsonGenerator g = FACTORY.createGenerator(out, JsonEncoding.UTF8)) {
            g.useDefaultPrettyPrinter();
            write(analysis, g, Map.of(), DomainFacts.none());
        }
    }

    private static void write(LogAnalysis a, JsonGenerator g,
                              Map<String, ? extends com.fasterxml.jackson.databind.JsonNode> extra, DomainFacts facts)
            throws IOException {
        g.writeStartObject();
        g.writeStringField("file", a.file());
        g.writeNumberField("rows", a.rows());
        g.writeNumberField("rejectedRows", a.rejectedRows());
        boolean several = a.files().size() > 1;
        if (a.relayMode()) {
            // added later, only with --relay-host (runs without it keep their form): the org's Email Relay, whose
            // replies were read as the relay's; each chain says whether it went to it ("viaRelay")
            g.writeArrayFieldStart("relayHosts");
            for (String h : a.relayHosts().given()) {
                g.writeString(h);
            }
            g.writeEndArray();
        }
        g.writeArrayFieldStart("files");
        for (AnalysedFile f : a.files()) {
            g.writeStartObject();
            g.writeStringField("file", f.file());
            if (several) {
                g.writeStringField("label", f.label());
            }
            g.writeBooleanField("usable", f.usable());
            g.writeNumberField("rows", f.rows());
            g.writeNumberField("rejectedRows", f.rejectedRows());
            g.writeNumberField("copiesLeftOut", f.copiesLeftOut());
            // added after the fields: rows that hold only separators, skipped (not in "rows"; a warning says
            // which lines)
            g.writeNumberField("blankRows", f.separatorOnlyRows());
            g.writeEndObject();
        }
        g.writeEndArray();
        // a problem names its file by label (unique among the files); "file" stays the file's name (a zip's own
        // warnings name the zip whose CSVs were each read as a log: not one of the files, its name is theirs)
        Map<String, String> names = new HashMap<>();
        a.files().forEach(f -> names.putIfAbsent(f.label(), f.file()));
        g.writeArrayFieldStart("problems");
        for (FileProblem p : a.problems()) {
            g.writeStartObject();
            g.writeNumberField("line", p.line());
            g.writeStringField("message", p.message());
            g.writeStringField("field", p.field());
            g.writeBooleanField("rejected", p.rejected());
            g.writeStringField("file", names.computeIfAbsent(p.file(), label -> zipName(label, a.files())));
            if (several) {
                g.writeStringField("fileLabel", p.file());
            }
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeNumberField("messages", a.messages());
        g.writeObjectFieldStart("verdicts");
        for (Verdict v : Verdict.values()) {
            g.writeNumberField(v.name(), a.count(v));
        }
        g.writeEndObject();
        g.writeNumberField("deliveredAfterRetry", a.deliveredAfterRetry());
        categories(g, "bounceCategories", a.bounceCategories());
        categories(g, "deferralCategories", a.deferralCategories());
        g.writeArrayFieldStart("domains");
        for (DomainSummary d : a.domains()) {
            g.writeStartObject();
            // the domain as IdnaNames.groupName spells it (Unicode); its ASCII form beside it when that differs
            g.writeStringField("domain", d.domain());
            String ascii = IdnaNames.lookupName(d.domain());
            if (!ascii.equals(d.domain())) {
                g.writeStringField("asciiDomain", ascii);
            }
            g.writeNumberField("messages", d.messages());
            g.writeNumberField("delivered", d.delivered());
            g.writeNumberField("bounced", d.bounced());
            g.writeNumberField("deferred", d.deferred());
            // added after the fields, so that a domain's counts add up to its messages
            g.writeNumberField("receivedOnly", d.receivedOnly());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeArrayFieldStart("chains");
        List<AnalysedFile> files = several ? a.files() : List.of();
        LogEvidence log = LogEvidence.of(a.chains());
        for (MessageChain c : a.chains()) {
            chain(g, c, files, a.unsharedIdGuess(c), facts, log,
                    a.relayMode() ? Optional.of(a.viaRelay(c)) : Optional.empty(), a.lastEvent());
        }
        g.writeEndArray();
        for (var section : extra.entrySet()) {
            g.writeFieldName(section.getKey());
            g.writeTree(section.getValue());
        }
        g.writeEndObject();
    }

    private static void categories(JsonGenerator g, String name, Map<Category, Long> counts) throws IOException {
        g.writeObjectFieldStart(name);
        for (Map.Entry<Category, Long> e : counts.entrySet()) {
            g.writeNumberField(e.getKey().name(), e.getValue());
        }
        g.writeEndObject();
    }

    /**
     * {@code files}: the files analysed together, by index; empty for a single log. {@code guess}: whether the chain
     * was joined from logs sharing no ID column by a guess, or left apart for matching more than one.
     */
    private static void chain(JsonGenerator g, MessageChain c, List<AnalysedFile> files,
                              Optional<UnsharedIdGuess> guess, DomainFacts facts, LogEvidence log,
                              Optional<Boolean> viaRelay, Optional<Instant> logEnd) throws IOException {
        g.writeStartObject();
        g.writeStringField("messageIdHeader", c.messageIdHeader());
        g.writeStringField("internalMessageId", c.internalMessageId());
        g.writeStringField("recipient", c.recipient());
        g.writeStringField("events", c.eventLetters());
        g.writeStringField("verdict", c.verdict().name());
        g.writeNumberField("retries", c.retries());
        if (c.stale()) {
            // only where true: it qualifies a DEFERRED verdict, and chains without it keep their form
            g.writeBooleanField("stale", true);
        }
        Diagnosis d = c.diagnosis().orElse(null);
        nullable(g, "category", d == null ? null : d.category().name());
        g.writeStringField("status", c.status());
        // what the checks found of its domain, resolved once for its explanation, remediation and actor
        ChainDomainFacts chainFacts = facts.forChain(c);
        nullable(g, "explanation", ChainAdvice.explanation(chainFacts, log).orElse(null));
        // a deferral has its own words where the bounce's "resend later" would risk a duplicate; a stale one, and a
        // received-only message past the same 24 hours, is our admin's, to request a log with its later rows, as the
        // report says (ChainAdvice)
        // a received-only message within the 24 hours: a log that runs later, as the app says (NotYetHandedOn)
        Optional<String> remediation = ChainAdvice.remediation(chainFacts, log, logEnd);
        nullable(g, "remediation", remediation.orElse(null));
        // that next step, a later log, is our admin's, as the text's "What to do" and the app say
        Optional<Actor> actor = ChainAdvice.actor(chainFacts, log, remediation);
        nullable(g, "actor", actor.map(Actor::name).orElse(null));
        nullable(g, "ruleId", d == null ? null : d.ruleId());
        nullable(g, "addressProblem", c.addressProblem().map(Object::toString).orElse(null));
        g.writeNumberField("firstLine", c.events().isEmpty() ? 0 : c.events().get(0).line());
        if (!files.isEmpty() && !c.events().isEmpty()) {
            // several files: which one firstLine is in (a single log's chains keep their form)
            AnalysedFile first = files.get(c.events().get(0).file());
            g.writeStringField("firstFile", first.file());
            g.writeStringField("firstFileLabel", first.label());
        }
        // added after the fields: the final P/D reply, which "status" is not when a bounce only says it expired
        Optional<ChainEvent> outcome = c.outcome();
        nullable(g, "finalStatus", outcome.map(ChainEvent::status).orElse(null));
        // added later: when the log shows the message (UTC), and which server took or refused it in the end, what a
        // recipient's mail team searches its logs by besides the Message ID Header
        nullable(g, "firstSeen", c.firstSeen().map(Instant::toString).orElse(null));
        nullable(g, "lastSeen", c.events().isEmpty() ? null : c.events().getLast().time().toString());
        nullable(g, "finalRelayHost", outcome.map(ChainEvent::relayHost).filter(h -> !h.isEmpty()).orElse(null));
        nullable(g, "finalRelayAddress", outcome.map(ChainEvent::relayAddress).filter(h -> !h.isEmpty()).orElse(null));
        // added later, only where true (as "stale"): the messages the warnings on logs sharing no ID column count,
        // whose count rests on a guess; the other chains keep their form
        if (guess.isPresent()) {
            g.writeBooleanField(switch (guess.get()) {
                case JOINED -> "joinedByGuess";
                case LEFT_APART -> "maybeCountedTwice";
            }, true);
        }
        // added later, only where true (as "stale", which qualifies DEFERRED): a RECEIVED_ONLY message whose last row
        // is more than 24 hours before the log's last event, whose delivery, deferral or bounce the log should show
        if (c.staleReceived()) {
            g.writeBooleanField("staleReceived", true);
        }
        // added later, only with --relay-host: whether the message ended at the org's Email Relay (its outcome, or
        // last deferral, went to a relay host), so its Relay Host is no server of the recipient's
        if (viaRelay.isPresent()) {
            g.writeBooleanField("viaRelay", viaRelay.get());
        }
        g.writeEndObject();
    }

    private static void nullable(JsonGenerator g, String name, String value) throws IOException {
        if (value == null) {
            g.writeNullField(name);
        } else {
            g.writeStringField(name, value);
        }
    }

    /**
     * The name of the zip labelled {@code label} whose CSVs were each read as a log (its own warnings, such as what of
     * it was not read, are about it: LogInput): a member's label is the zip's, "!" and the entry's name, and its name
     * the zip's name and the same. {@code label} itself when no file is a member of it.
     */
    private static String zipName(String label, List<AnalysedFile> files) {
        String zip = label + LogSource.MEMBER_SEPARATOR;
        for (AnalysedFile f : files) {
            if (f.label().startsWith(zip)) {
                Optional<String> name = LogSource.zipPart(f.file(), f.label().substring(zip.length()));
                if (name.isPresent()) {
                    return name.get();
                }
            }
        }
        return label;
    }
}
