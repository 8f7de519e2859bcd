package org.mailpath.engine.status;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * A log has up to a million replies, so every pattern of the knowledge base must read a reply in time linear in its
 * length, also a long text that almost matches it. Measured in characters the matcher reads, not in seconds: a loaded
 * machine cannot fail it, and a pattern that backtracks over the text (quadratic or worse) reads thousands of times
 * more than one that does not.
 */
class RulePatternsStayLinearTest {

    /**
     * Reads allowed per character of the text, per pattern: the shipped patterns read at most 36 of these texts. A rule
     * written {@code \[internal\].*X} read about 200 of a text of 200 "[internal]"s (every one tried again up to the
     * end of its line): hence the form {@code (?m)^(?>.*?\[internal\]).*X}, which tries only the first of each line;
     * and a {@code send .* failed} inside X read 641 of a text of 400 "send "s, hence {@code send [\w /]{1,30}? failed}.
     */
    private static final int READS_PER_CHAR = 64;

    private static final String FILLER = "a".repeat(2100);

    /** Texts that almost match a rule again and again: the phrases rules start with, then long runs. */
    private static final List<String> HOSTILE = List.of("550 refused by " + FILLER,
            "550 rejected due to " + "x ".repeat(1050), "550 virus " + FILLER, "550 deferred using " + " ".repeat(2100),
            "550 " + "5.7.1 ".repeat(400), "550 Recipient address rejected: " + FILLER, "550 " + "is in an ".repeat(250),
            "421 4.7.0 " + "[internal] ".repeat(200), "550 " + "blocked ".repeat(300) + FILLER,
            "421 [internal] " + "send ".repeat(400), "421 [internal] x\n".repeat(200));

    @Test
    void everyRuleAndProviderMarkerReadsAHostileReplyInLinearTime() {
        KnowledgeFile file = StatusKnowledgeBase.shippedFile();
        Map<String, String> patterns = new LinkedHashMap<>();
        file.rules().forEach(r -> patterns.put("rule " + r.id(), r.pattern()));
        file.providerMarkers().forEach((provider, regex) -> patterns.put("provider marker " + provider, regex));
        List<String> nonLinear = new ArrayList<>();
        for (String text : HOSTILE) {
            for (Map.Entry<String, String> p : patterns.entrySet()) {
                // compiled as the knowledge base compiles them
                Pattern pattern = Pattern.compile(p.getValue(), Pattern.CASE_INSENSITIVE);
                CountedText counted = new CountedText(text, (long) READS_PER_CHAR * text.length());
                try {
                    pattern.matcher(counted).find();
                } catch (ReadBudgetSpent e) {
                    nonLinear.add(p.getKey() + " on \"" + text.substring(0, 30) + "…\"");
                }
            }
        }
        assertTrue(nonLinear.isEmpty(), "more than " + READS_PER_CHAR + " reads per character: " + nonLinear);
    }

    @Test
    void aHostileReplyIsDiagnosedLikeAnyOther() {
        StatusKnowledgeBase kb = StatusKnowledgeBase.standard();
        for (String text : HOSTILE) {
            assertTrue(kb.diagnose(SmtpReply.parse(text)).category() != null, text);
        }
    }

    @Test
    void anInternalRuleMatchesOnEveryLineOfAReplyThatHoldsSeveral() {
        // a quoted cell keeps its line breaks: the [internal] text that says the cause may stand on a later line
        StatusKnowledgeBase kb = StatusKnowledgeBase.standard();
        for (String lineBreak : List.of("\n", "\r\n", "\r", "\u2028")) {
            String reply = "451 4.4.1 [internal] retrying" + lineBreak + "451 4.4.1 [internal] Connection Timed Out";
            assertEquals("salesforce.connection-timed-out", kb.diagnose(SmtpReply.parse(reply)).ruleId(), reply);
        }
        assertEquals("salesforce.no-response",
                kb.diagnose(SmtpReply.parse("451 4.4.2 [internal] send MAIL FROM failed")).ruleId());
    }

    /** Thrown when a matcher has read more than its budget: it stops a pattern that would backtrack for long. */
    private static final class ReadBudgetSpent extends RuntimeException {
        ReadBudgetSpent() {
            super(null, null, false, false);
        }
    }

    /** A text that counts the characters read from it. */
    private static final class CountedText implements CharSequence {
        private final String text;
        private final long budget;
        long reads;

        CountedText(String text, long budget) {
            this.text = text;
            this.budget = budget;
        }

        @Override
        public int length() {
            return text.length();
        }

        @Override
        public char charAt(int index) {
            if (++reads > budget) {
                throw new ReadBudgetSpent();
            }
            return text.charAt(index);
        }

        @Override
        public CharSequence subSequence(int start, int end) {
            reads += end - start;
            return text.subSequence(start, end);
        }

        @Override
        public String toString() {
            reads += text.length();
            return text;
        }
    }
}
