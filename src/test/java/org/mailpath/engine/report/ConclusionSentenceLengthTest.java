package org.mailpath.engine.report;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mailpath.engine.status.SmtpReply;
import org.mailpath.engine.status.StatusKnowledgeBase;

/**
 * The copy editor's rule for the conclusion: no sentence of it runs past 35 words. Checked on every whole sentence
 * of its bundle (conclusion.* and accepted.advice.*, those ending in a period), as it reads with its arguments
 * filled in, and on conclusions as the writer joins them, its list of causes included: bounces of several causes
 * made one sentence of some 60 words.
 */
class ConclusionSentenceLengthTest {

    private static final int MOST_WORDS = 35;
    /** A sentence ends at a period before a capital or a number: the writer's sentences may start with a count. */
    private static final Pattern SENTENCE_END = Pattern.compile("(?<=\\.)\\s+(?=[\\p{Lu}\\p{N}])");

    @ParameterizedTest
    @ValueSource(strings = {"en", "sv"})
    void noConclusionSentenceIsLongerThan35Words(String language) {
        Locale locale = Locale.of(language);
        ResourceBundle bundle = ResourceBundle.getBundle("org.mailpath.engine.report.report-text", locale);
        // numbers fill both a name's place and a choice's
        Object[] args = {2, 2, 2, 2, 2};
        List<String> tooLong = new ArrayList<>();
        for (String key : bundle.keySet()) {
            if (!key.startsWith("conclusion.") && !key.startsWith("accepted.advice.")) {
                continue;
            }
            if (!bundle.getString(key).endsWith(".")) {
                continue;
            }
            String text = new MessageFormat(bundle.getString(key), locale).format(args);
            tooLong.addAll(tooLong(key, text));
        }
        assertTrue(tooLong.isEmpty(), String.join("\n", tooLong));
    }

    /**
     * Bounces and deferrals of more causes than the conclusion names, the longest causes among them (a bare basic
     * code's hedged words), and a message not yet handed on: to our admin and to the one domain's mail team.
     */
    @ParameterizedTest
    @ValueSource(strings = {"en", "sv"})
    void aConclusionOfManyCausesHasNoSentenceLongerThan35Words(String language) {
        ReportFixture f = new ReportFixture("/tmp/log.csv");
        List<String> bounces = List.of("552 Requested mail action aborted", "530 Access denied",
                "421 Service not available", "550 5.1.1 User unknown", "554 5.7.1 Refused by policy",
                "554 5.4.4 [internal] Domain Lookup Failed", "552 5.2.2 Mailbox full");
        for (int i = 0; i < bounces.size(); i++) {
            // each cause twice but the last, so that the counts differ and the longest are named first
            for (int copy = 0; copy < (i == bounces.size() - 1 ? 1 : 2); copy++) {
                f.message("<b" + i + "." + copy + "@acme.example>", "b" + i + "." + copy + "@contoso.example")
                        .received().permanentFailure("mx.contoso.example", "192.0.2.1", bounces.get(i))
                        .bounced(StatusKnowledgeBase.standard().diagnose(SmtpReply.parse(bounces.get(i))));
            }
        }
        List<String> deferrals = List.of("451 Requested action aborted", "452 4.2.2 Mailbox full",
                "421 4.7.0 Try again later");
        for (int i = 0; i < deferrals.size(); i++) {
            f.message("<d" + i + "@acme.example>", "d" + i + "@contoso.example").received()
                    .transientFailure("mx.contoso.example", "192.0.2.1", deferrals.get(i))
                    .deferred(StatusKnowledgeBase.standard().diagnose(SmtpReply.parse(deferrals.get(i))));
        }
        f.message("<r@acme.example>", "r@contoso.example").received().receivedOnly();
        ReportOptions options = ReportOptions.defaults().withLanguage(Locale.of(language));
        List<String> tooLong = new ArrayList<>();
        tooLong.addAll(tooLong("to the mail team", new ReportBuilder(f.analysis(), options).build().conclusion()));
        f.message("<o@acme.example>", "o@fabrikam.example").received()
                .delivery("mx.fabrikam.example", "192.0.2.9", "250 2.0.0 Ok", "TLSv1.3:TLS_AES_256_GCM_SHA384")
                .delivered();
        tooLong.addAll(tooLong("to our admin", new ReportBuilder(f.analysis(), options).build().conclusion()));
        assertTrue(tooLong.isEmpty(), String.join("\n", tooLong));
    }

    private static List<String> tooLong(String what, String text) {
        List<String> tooLong = new ArrayList<>();
        for (String sentence : SENTENCE_END.split(text)) {
            int words = sentence.split("\\s+").length;
            if (words > MOST_WORDS) {
                tooLong.add(what + " (" + words + " words): " + sentence);
            }
        }
        return tooLong;
    }
}
