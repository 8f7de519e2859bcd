package org.mailpath.engine.status;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.mailpath.engine.finding.Actor;

/**
 * What SMTP replies mean, loaded from the data file {@code status-knowledge.json} next to this class.
 * Order of resolution: provider/Salesforce rules (first pattern that matches the text), then the IANA enhanced
 * status code (X.subject.detail), then the basic RFC 5321 code, then a fallback. Thread-safe and immutable.
 */
public final class StatusKnowledgeBase {

    private static final String RESOURCE = "status-knowledge.json";
    private static final int MAX_MATCH_LENGTH = 2048;

    private final List<Rule> rules;
    private final Map<String, Entry> enhanced;
    private final Map<Integer, Entry> basic;
    private final Diagnosis fallback;
    private final Diagnosis success;

    private StatusKnowledgeBase(KnowledgeFile file) {
        this.rules = file.rules().stream().map(Rule::of).toList();
        Map<String, Entry> e = new HashMap<>();
        for (KnowledgeFile.CodeEntry c : file.enhancedCodes()) {
            e.put(c.code(), new Entry(c.toDiagnosis("enhanced:" + c.code()), c.expiry()));
        }
        this.enhanced = Map.copyOf(e);
        Map<Integer, Entry> b = new HashMap<>();
        for (KnowledgeFile.CodeEntry c : file.basicCodes()) {
            b.put(Integer.parseInt(c.code()), new Entry(c.toDiagnosis("basic:" + c.code()), false));
        }
        this.basic = Map.copyOf(b);
        this.fallback = file.fallback().toDiagnosis("fallback");
        this.success = file.success().toDiagnosis("success");
    }

    private static final class Holder {
        static final StatusKnowledgeBase STANDARD = load();
    }

    /** The knowledge base shipped with MailPath. */
    public static StatusKnowledgeBase standard() {
        return Holder.STANDARD;
    }

    /** Loads a knowledge base from a JSON stream of the same shape as the shipped file (tests, overrides). */
    public static StatusKnowledgeBase load(InputStream json) throws IOException {
        ObjectMapper mapper = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
        return new StatusKnowledgeBase(mapper.readValue(json, KnowledgeFile.class));
    }

    private static StatusKnowledgeBase load() {
        try (InputStream in = StatusKnowledgeBase.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + RESOURCE);
            }
            return load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }

    /** The meaning of a reply. Never throws; an empty or unknown reply gets the fallback diagnosis. */
    public Diagnosis diagnose(SmtpReply reply) {
        return resolve(reply).diagnosis();
    }

    /**
     * Whether the reply only says that Salesforce gave up because time or retries ran out (x.4.7,
     * "exceeded max time", "message expired"): the real cause is then in the transient failures before it.
     */
    public boolean onlySaysExpired(SmtpReply reply) {
        return resolve(reply).expiry();
    }

    private Entry resolve(SmtpReply reply) {
        if (reply == null || reply.isEmpty()) {
            return new Entry(fallback, false);
        }
        String text = reply.text().length() > MAX_MATCH_LENGTH ? reply.text().substring(0, MAX_MATCH_LENGTH) : reply.text();
        for (Rule rule : rules) {
            if (rule.pattern().matcher(text).find()) {
                return rule.entry();
            }
        }
        if (reply.replyClass() == 2) {
            return new Entry(success, false);
        }
        Optional<Entry> byEnhanced = reply.enhancedSubjectDetail().map(enhanced::get);
        if (byEnhanced.isPresent()) {
            return byEnhanced.get();
        }
        if (reply.basicCode().isPresent()) {
            Entry b = basic.get(reply.basicCode().getAsInt());
            if (b != null) {
                return b;
            }
        }
        return new Entry(fallback, false);
    }

    /** The ids of the provider and Salesforce rules, in matching order. */
    public List<String> ruleIds() {
        return rules.stream().map(r -> r.entry().diagnosis().ruleId()).toList();
    }

    /** Number of provider rules, enhanced and basic codes known (for tests and the About dialog). */
    public int size() {
        return rules.size() + enhanced.size() + basic.size();
    }

    /** Whether the enhanced status code (e.g. {@code X.7.26}) is in the registry data. */
    public boolean knowsEnhancedCode(String subjectDetail) {
        return enhanced.containsKey(subjectDetail);
    }

    private record Entry(Diagnosis diagnosis, boolean expiry) {
    }

    private record Rule(Pattern pattern, Entry entry) {
        static Rule of(KnowledgeFile.RuleEntry r) {
            return new Rule(Pattern.compile(r.pattern(), Pattern.CASE_INSENSITIVE),
                    new Entry(new Diagnosis(Category.valueOf(r.category()), r.explanation(), r.remediation(),
                            Actor.valueOf(r.actor()), r.id()), r.expiry()));
        }
    }
}
