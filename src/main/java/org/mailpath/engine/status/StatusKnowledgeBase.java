package org.mailpath.engine.status;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * What SMTP replies mean, loaded from the data file {@code status-knowledge.json} next to this class.
 * Order of resolution, first answer wins:
 * <ol>
 * <li>provider, Salesforce and generic rules (first pattern that matches the text, read without the continuation
 *     markers of a multi-line reply joined into one line: {@link ContinuationMarkers}; the codes are read from the
 *     reply as it came). A rule of a provider with a
 *     marker in the file (Gmail's {@code gsmtp}, Microsoft's host names, ...) matches only when the text shows that
 *     marker too, unless its pattern is the provider's own wording: a bare code such as 5.7.27 is no evidence of who
 *     sent it, and other servers use the registry's meaning;</li>
 * <li>the IANA enhanced status code (X.subject.detail) when the registry defines it, except X.0.0, which says
 *     nothing beyond "see the text";</li>
 * <li>rules marked {@code afterEnhancedCode}: common wording ("user unknown") that a registered code says better;</li>
 * <li>an enhanced code the registry does not define (providers invent details such as 5.7.350 or 5.4.310) is read
 *     as its subject's catch-all X.subject.0, as RFC 3463 defines every X.s.0 as "other or undefined" status of that
 *     subject; the diagnosis is then that entry's ({@code enhanced:X.4.0});</li>
 * <li>the basic RFC 5321 code (narrower, for a reply without an enhanced code, where the file has that code's
 *     meaning at the stage the server replied: {@link ReplyStage}), then a fallback.</li>
 * </ol>
 * A reply without any text (the log's Delivery Status empty, or its column lost) is none of these: no one can read a
 * cause from it, so it is not the recipient's mail team's to explain as an unknown reply is, but ours to find the
 * text for. It gets the file's {@code emptyReply} diagnosis ({@link #EMPTY_REPLY}).
 * Thread-safe and immutable.
 */
public final class StatusKnowledgeBase {

    private static final String RESOURCE = "status-knowledge.json";
    private static final int MAX_MATCH_LENGTH = 2048;

    /** The rule id of the diagnosis of a reply without text. */
    public static final String EMPTY_REPLY = "empty-reply";

    /** The enhanced code that carries no meaning of its own ("Other undefined Status"). */
    private static final String UNDEFINED = "X.0.0";

    private final List<Rule> rules;
    private final Map<String, Reading> enhanced;
    private final Map<Integer, Reading> basic;
    /** The basic codes whose meaning is narrower when the server replied to the message's content. */
    private final Map<Integer, Reading> basicAtContent;
    private final Diagnosis fallback;
    private final Diagnosis emptyReply;
    private final Diagnosis success;

    /**
     * @param fileName names the file in the message of a missing or wrong field ({@link IllegalArgumentException}:
     *                 {@code status-knowledge.json: rule "gmx.bad-ptr": "actor" is missing})
     */
    private StatusKnowledgeBase(KnowledgeFile file, String fileName) {
        Map<String, Pattern> markers = new HashMap<>();
        file.providerMarkers().forEach((provider, regex) -> markers.put(provider,
                compiled(regex, fileName + ": providerMarkers \"" + provider + "\"", "marker")));
        List<Rule> r = new ArrayList<>();
        for (int i = 0; i < file.rules().size(); i++) {
            KnowledgeFile.RuleEntry rule = file.rules().get(i);
            String where = entryName(fileName, "rule", i, "id", rule.id());
            KnowledgeFile.required(rule.id(), "id", where);
            r.add(Rule.of(rule, markers, where));
        }
        this.rules = List.copyOf(r);
        Map<String, Reading> e = new HashMap<>();
        for (int i = 0; i < file.enhancedCodes().size(); i++) {
            KnowledgeFile.CodeEntry c = file.enhancedCodes().get(i);
            String where = entryName(fileName, "enhancedCodes", i, "code", c.code());
            KnowledgeFile.required(c.code(), "code", where);
            if (c.replyStage() != ReplyStage.OTHER) {
                throw new IllegalArgumentException(where + ": a stage is read on basic codes only");
            }
            e.put(c.code(), new Reading(c.toDiagnosis("enhanced:" + c.code(), where), c.expiry()));
        }
        this.enhanced = Map.copyOf(e);
        Map<Integer, Reading> b = new HashMap<>();
        Map<Integer, Reading> atContent = new HashMap<>();
        for (int i = 0; i < file.basicCodes().size(); i++) {
            KnowledgeFile.CodeEntry c = file.basicCodes().get(i);
            String where = entryName(fileName, "basicCodes", i, "code", c.code());
            (c.replyStage() == ReplyStage.CONTENT ? atContent : b).put(basicCode(c.code(), where),
                    new Reading(c.toDiagnosis(c.basicRuleId(), where), false));
        }
        this.basic = Map.copyOf(b);
        this.basicAtContent = Map.copyOf(atContent);
        this.fallback = present(file.fallback(), fileName, "fallback").toDiagnosis("fallback", fileName + ": fallback");
        this.emptyReply = file.emptyReply() == null ? fallback
                : file.emptyReply().toDiagnosis(EMPTY_REPLY, fileName + ": emptyReply");
        this.success = present(file.success(), fileName, "success").toDiagnosis("success", fileName + ": success");
    }

    private static KnowledgeFile.Text present(KnowledgeFile.Text text, String fileName, String field) {
        if (text == null) {
            throw new IllegalArgumentException(fileName + ": \"" + field + "\" is missing");
        }
        return text;
    }

    /**
     * An entry of {@code list} as a message names it: by its {@code field} ({@code rule "gmx.bad-ptr"}), or by its
     * place (from 1) where it has none ({@code enhancedCodes 3 (no "code")}).
     */
    private static String entryName(String fileName, String list, int index, String field, String value) {
        return fileName + ": " + list + (value == null || value.isBlank()
                ? " " + (index + 1) + " (no \"" + field + "\")" : " \"" + value + "\"");
    }

    private static int basicCode(String code, String where) {
        String digits = KnowledgeFile.required(code, "code", where);
        if (!digits.matches("[2-5][0-9][0-9]")) {
            throw new IllegalArgumentException(where + ": \"code\" is not a three-digit reply code");
        }
        return Integer.parseInt(digits);
    }

    /** A field's regular expression, compiled, or a message naming the entry and the field. */
    private static Pattern compiled(String regex, String where, String field) {
        try {
            return Pattern.compile(KnowledgeFile.required(regex, field, where), Pattern.CASE_INSENSITIVE);
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException(where + ": \"" + field + "\" is no valid regular expression: "
                    + e.getDescription() + " near index " + e.getIndex(), e);
        }
    }

    private static final class Holder {
        static final StatusKnowledgeBase STANDARD = new StatusKnowledgeBase(shippedFile(), RESOURCE);
    }

    /** The knowledge base shipped with MailPath. */
    public static StatusKnowledgeBase standard() {
        return Holder.STANDARD;
    }

    /**
     * Loads a knowledge base from a JSON stream of the same shape as the shipped file (tests, overrides).
     *
     * @throws IllegalArgumentException when an entry lacks a field or names no known category or actor; the message
     *                                  names the entry and the field
     */
    public static StatusKnowledgeBase load(InputStream json) throws IOException {
        return load(json, "knowledge file");
    }

    /** {@link #load(InputStream)}, naming {@code fileName} in the message of a missing or wrong field. */
    public static StatusKnowledgeBase load(InputStream json, String fileName) throws IOException {
        return new StatusKnowledgeBase(read(json), fileName);
    }

    /** The shipped data file as {@link #standard()} reads it (tests check its entries with it). */
    static KnowledgeFile shippedFile() {
        try (InputStream in = StatusKnowledgeBase.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + RESOURCE);
            }
            return read(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }

    private static KnowledgeFile read(InputStream json) throws IOException {
        ObjectMapper mapper = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
        return mapper.readValue(json, KnowledgeFile.class);
    }

    /**
     * The meaning of a reply. Never throws; an unknown reply gets the fallback diagnosis, an empty one (or none) the
     * diagnosis of a reply without text ({@link #EMPTY_REPLY}).
     */
    public Diagnosis diagnose(SmtpReply reply) {
        return read(reply).diagnosis();
    }

    /**
     * What the reply means ({@link #diagnose}) and whether it only says that Salesforce gave up because time or
     * retries ran out ({@link Reading#expiry}), from one pass over the rules.
     */
    public Reading read(SmtpReply reply) {
        return read(reply, ReplyStage.OTHER);
    }

    /**
     * {@link #read(SmtpReply)} for a reply given at {@code stage}: a reply with only a basic code, whose meaning the
     * knowledge base narrows at that stage (a plain 550 to the content cannot be about a mailbox the server accepted
     * at RCPT TO), gets that narrower meaning. Rules and enhanced codes say what they say at any stage.
     */
    public Reading read(SmtpReply reply, ReplyStage stage) {
        if (reply == null || reply.isEmpty()) {
            return new Reading(emptyReply, false);
        }
        String text = ContinuationMarkers.removed(
                reply.text().length() > MAX_MATCH_LENGTH ? reply.text().substring(0, MAX_MATCH_LENGTH) : reply.text());
        Optional<Reading> byRule = firstMatch(text, false);
        if (byRule.isPresent()) {
            return byRule.get();
        }
        if (reply.replyClass() == 2) {
            return new Reading(success, false);
        }
        Optional<String> code = reply.enhancedSubjectDetail();
        Optional<Reading> byEnhanced = code.filter(c -> !c.equals(UNDEFINED)).map(enhanced::get);
        if (byEnhanced.isPresent()) {
            return byEnhanced.get();
        }
        Optional<Reading> byWording = firstMatch(text, true);
        if (byWording.isPresent()) {
            return byWording.get();
        }
        Optional<Reading> bySubject = code.map(StatusKnowledgeBase::subjectCatchAll).map(enhanced::get);
        if (bySubject.isPresent()) {
            return bySubject.get();
        }
        if (reply.basicCode().isPresent()) {
            int basicCode = reply.basicCode().getAsInt();
            Reading b = stage == ReplyStage.CONTENT && reply.enhancedCode().isEmpty()
                    ? basicAtContent.get(basicCode) : null;
            if (b == null) {
                b = basic.get(basicCode);
            }
            if (b != null) {
                return b;
            }
        }
        return new Reading(fallback, false);
    }

    private Optional<Reading> firstMatch(String text, boolean afterEnhancedCode) {
        return rules.stream().filter(r -> r.afterEnhancedCode() == afterEnhancedCode && r.matches(text))
                .findFirst().map(Rule::entry);
    }

    /** {@code X.4.310} → {@code X.4.0}: the "other or undefined" code of the same subject (RFC 3463). */
    private static String subjectCatchAll(String subjectDetail) {
        return subjectDetail.substring(0, subjectDetail.lastIndexOf('.')) + ".0";
    }

    /** The ids of the provider, Salesforce and generic rules, in the order of the data file. */
    public List<String> ruleIds() {
        return rules.stream().map(r -> r.entry().diagnosis().ruleId()).toList();
    }

    /** Number of provider rules, enhanced and basic codes known (for tests and the About dialog). */
    public int size() {
        return rules.size() + enhanced.size() + basic.size() + basicAtContent.size();
    }

    /** Whether the enhanced status code (e.g. {@code X.7.26}) is in the registry data. */
    public boolean knowsEnhancedCode(String subjectDetail) {
        return enhanced.containsKey(subjectDetail);
    }

    /**
     * What a reply means, and whether it only says that Salesforce gave up because time or retries ran out (x.4.7,
     * "exceeded max time", "message expired"): the real cause is then in the transient failures before it.
     */
    public record Reading(Diagnosis diagnosis, boolean expiry) {
    }

    /** A rule; {@code marker}, when present, must also be found: the text that shows whose reply it is. */
    private record Rule(Pattern pattern, Optional<Pattern> marker, boolean afterEnhancedCode, Reading entry) {

        static Rule of(KnowledgeFile.RuleEntry r, Map<String, Pattern> markers, String where) {
            Optional<Pattern> marker = r.providerWording() ? Optional.empty()
                    : Optional.ofNullable(markers.get(r.provider()));
            return new Rule(compiled(r.pattern(), where, "pattern"), marker, r.afterEnhancedCode(),
                    new Reading(r.toDiagnosis(where), r.expiry()));
        }

        boolean matches(String text) {
            return pattern.matcher(text).find() && marker.map(m -> m.matcher(text).find()).orElse(true);
        }
    }
}
