package org.mailpath.engine.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.mailpath.engine.analysis.Verdict;
import org.mailpath.engine.finding.Actor;
import org.mailpath.engine.log.LogFixtures;
import org.mailpath.engine.status.Category;
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
    @MethodSource("org.mailpath.testing.TestLanguages#everyLanguage")
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
    @MethodSource("org.mailpath.testing.TestLanguages#everyLanguage")
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

    /**
     * Deferrals of which only some are more than 24 hours old: their two counts and the missing outcome's reason made
     * one sentence of some 45 words.
     */
    @ParameterizedTest
    @MethodSource("org.mailpath.testing.TestLanguages#everyLanguage")
    void aPartlyStaleDeferralHasNoSentenceLongerThan35Words(String language, @TempDir Path dir) throws Exception {
        assertNoneTooLong(dir, language, "451 4.7.1 greylisted");
    }

    /**
     * A deferral of one hedged cause (a bare reply code, without an enhanced code): its words and "with no outcome yet
     * when the log ended (…)" made one sentence of some 41 words; stale, partly stale or not.
     */
    @ParameterizedTest
    @MethodSource("org.mailpath.testing.TestLanguages#everyLanguage")
    void aDeferralOfOneHedgedCauseHasNoSentenceLongerThan35Words(String language, @TempDir Path dir)
            throws Exception {
        assertNoneTooLong(dir, language, "452 Requested action not taken: insufficient system storage");
    }

    /**
     * The deferrals of {@code reply} in a log in which one is more than 24 hours old and one is not; then only the old
     * one, and only the recent one: to the mail team, and to our admin (with a message to another domain).
     */
    private static void assertNoneTooLong(Path dir, String language, String reply) throws Exception {
        String old = LogFixtures.row("3/6/2009 8:00", "T", "old@corp.example", "m1", reply, "");
        String recent = LogFixtures.row("3/7/2009 8:00", "T", "new@corp.example", "m2", reply, "");
        String received = LogFixtures.row("3/7/2009 9:00", "R", "r@corp.example", "m3", "", "");
        String other = LogFixtures.row("3/7/2009 9:00", "D", "o@fabrikam.example", "m4", "250 2.0.0 Ok",
                LogFixtures.TLS);
        List<List<String>> logs = List.of(List.of(old, recent, received), List.of(old, received),
                List.of(recent, received), List.of(old, recent, received, other), List.of(old, received, other),
                List.of(recent, received, other));
        ReportOptions options = ReportOptions.defaults().withLanguage(Locale.of(language));
        List<String> tooLong = new ArrayList<>();
        int n = 0;
        for (List<String> rows : logs) {
            Path log = LogFixtures.writeLog(dir, "log" + (++n) + ".csv", rows);
            ReportModel m = new ReportBuilder(LogFixtures.analyze(log), options).build();
            tooLong.addAll(tooLong((m.addressedToMailTeam() ? "to the mail team, " : "to our admin, ")
                    + m.summary().staleDeferrals() + " stale", m.conclusion()));
        }
        assertTrue(tooLong.isEmpty(), String.join("\n", tooLong));
    }

    /**
     * Every combination of outcomes the writer joins, of 1 to 3 messages (one of them, both, all, some; stale or not;
     * handed to our Email Relay or not, in a log with or without the TLS_Cipher column), to one domain's mail team and
     * to our admin, of copies of one message and of emails sent to several recipients, each bounce and deferral of the
     * longest cause phrase the report has: no sentence runs past 35 words.
     */
    @ParameterizedTest
    @MethodSource("org.mailpath.testing.TestLanguages#everyLanguage")
    void noCombinationOfOutcomesMakesASentenceLongerThan35Words(String language) {
        Locale locale = Locale.of(language);
        ReportTexts texts = ReportTexts.of(locale);
        String cause = longestCause(locale);
        ReportOptions options = ReportOptions.defaults().withLanguage(locale);
        Set<String> tooLong = new LinkedHashSet<>();
        for (ReportFixture base : bases()) {
            ReportModel m = new ReportBuilder(base.analysis(), options).build();
            long total = m.title().messagesIncluded();
            boolean copies = m.title().copiesOfOneMessage();
            ConclusionWriter writer = new ConclusionWriter(texts, m.addressedToMailTeam());
            for (long[] v : outcomes(total)) {
                long delivered = v[0];
                long bounced = v[1];
                long deferred = v[2];
                long received = v[3];
                for (long stale = 0; stale <= deferred; stale++) {
                    for (long staleReceived = 0; staleReceived <= received; staleReceived++) {
                        Map<Verdict, Long> verdicts = new EnumMap<>(Verdict.class);
                        verdicts.put(Verdict.DELIVERED, delivered);
                        verdicts.put(Verdict.BOUNCED, bounced);
                        verdicts.put(Verdict.DEFERRED, deferred);
                        verdicts.put(Verdict.RECEIVED_ONLY, received);
                        List<CauseRow> causes = bounced + deferred == 0 ? List.of()
                                : List.of(new CauseRow(Category.UNKNOWN, "label", bounced, deferred, Actor.NOBODY,
                                cause, "", "", List.of(), List.of(), "", ""));
                        for (long retried : delivered == 0 ? new long[]{0} : new long[]{0, delivered}) {
                            Summary summary = new Summary(verdicts, retried, causes, List.of(), stale,
                                    staleReceived);
                            for (TitleBlock title : titles(m.title(), delivered)) {
                                for (long distinct : copies || total < 3 ? new long[]{total}
                                        : new long[]{total, total - 1}) {
                                    String what = (m.addressedToMailTeam() ? "to the mail team, " : "to our admin, ")
                                            + total + (copies ? " copies" : " messages") + " " + verdicts
                                            + " stale " + stale + "/" + staleReceived;
                                    tooLong.addAll(tooLong(what, writer.write(summary, m.recipientDomains(),
                                            m.ownSide(), title, List.of(), Map.of(), distinct, 1)));
                                }
                            }
                        }
                    }
                }
            }
        }
        assertTrue(tooLong.isEmpty(), tooLong.size() + " too long:\n" + String.join("\n", tooLong));
    }

    /**
     * What the shorter sentences say: a long cause after its count in a sentence of its own, an opening's emails in
     * one of their own before the part they would have run past 35 words with; nothing of either left out.
     */
    @ParameterizedTest
    @ValueSource(strings = {"en", "sv"})
    void theShorterSentencesSayAllTheLongerOnesDid(String language) {
        Locale locale = Locale.of(language);
        boolean en = language.equals("en");
        String cause = longestCause(locale);
        List<ReportFixture> bases = bases();
        ReportModel one = new ReportBuilder(bases.getFirst().analysis(), ReportOptions.defaults()
                .withLanguage(locale)).build();
        Map<Verdict, Long> bounced = new EnumMap<>(Map.of(Verdict.BOUNCED, 1L));
        Summary summary = new Summary(bounced, 0, List.of(new CauseRow(Category.UNKNOWN, "label", 1, 0,
                Actor.NOBODY, cause, "", "", List.of(), List.of(), "", "")), List.of(), 0, 0);
        String c = new ConclusionWriter(ReportTexts.of(locale), true).write(summary, one.recipientDomains(),
                one.ownSide(), one.title(), List.of(), Map.of(), 1, 0);
        assertEquals((en ? "The one message to contoso.example bounced. It bounced because "
                : "Det enda meddelandet till contoso.example studsade. Det studsade eftersom ") + cause + ".", c);

        ReportModel admin = new ReportBuilder(bases.get(3).analysis(), ReportOptions.defaults().withLanguage(locale))
                .build();
        Summary relayed = new Summary(new EnumMap<>(Map.of(Verdict.DELIVERED, 3L)), 0, List.of(), List.of(), 0, 0);
        String r = new ConclusionWriter(ReportTexts.of(locale), false).write(relayed, admin.recipientDomains(),
                admin.ownSide(), title(admin.title(), false, 0, 3), List.of(), Map.of(), 2, 1);
        assertTrue(r.startsWith(en ? "The 3 messages to 2 recipient domains are 2 emails, one of them sent to several"
                + " recipients. All 3 were handed to our Email Relay and accepted by it, not handed to the recipients'"
                + " mail servers by Salesforce. "
                : "De 3 meddelandena till 2 mottagardomäner är 2 olika e-postmeddelanden, varav ett skickades till"
                + " flera mottagare. Alla 3 lämnades över till vårt e-postrelä och togs emot av det, men lämnades inte"
                + " av Salesforce till mottagarnas e-postservrar. "), r);
    }

    /** The longest of the phrases that complete "… bounced because …" in {@code locale}'s bundle. */
    private static String longestCause(Locale locale) {
        ResourceBundle bundle = ResourceBundle.getBundle("org.mailpath.engine.report.report-text", locale);
        String longest = "";
        for (String key : bundle.keySet()) {
            // cause.alone.* and cause.to are sentences and labels of their own, not phrases after "because"
            if (key.startsWith("cause.") && !key.startsWith("cause.alone.") && !key.equals("cause.to")
                    && words(bundle.getString(key)) > words(longest)) {
                longest = bundle.getString(key);
            }
        }
        return longest;
    }

    private static int words(String text) {
        return text.isBlank() ? 0 : text.trim().split("\\s+").length;
    }

    /**
     * Reports of 1, 2 and 3 messages to one domain (to its mail team), of 3 to two domains (to our admin), and of the
     * 3 copies of one message: their outcomes are replaced, only their openings and audiences are used.
     */
    private static List<ReportFixture> bases() {
        List<ReportFixture> bases = new ArrayList<>();
        for (int count = 1; count <= 3; count++) {
            ReportFixture f = new ReportFixture("/tmp/log.csv");
            for (int i = 0; i < count; i++) {
                f.message("<m" + i + "@acme.example>", "m" + i + "@contoso.example").received().receivedOnly();
            }
            bases.add(f);
        }
        ReportFixture admin = new ReportFixture("/tmp/log.csv");
        for (int i = 0; i < 3; i++) {
            admin.message("<a" + i + "@acme.example>", "a" + i + (i == 0 ? "@fabrikam.example" : "@contoso.example"))
                    .received().receivedOnly();
        }
        bases.add(admin);
        ReportFixture copies = new ReportFixture("/tmp/log.csv");
        for (int i = 0; i < 3; i++) {
            copies.message("<c@acme.example>", "c" + i + "@contoso.example").received().receivedOnly();
        }
        bases.add(copies);
        return bases;
    }

    /** Every split of {@code total} messages into delivered, bounced, deferred and received-only counts. */
    private static List<long[]> outcomes(long total) {
        List<long[]> outcomes = new ArrayList<>();
        for (long d = 0; d <= total; d++) {
            for (long b = 0; d + b <= total; b++) {
                for (long f = 0; d + b + f <= total; f++) {
                    outcomes.add(new long[]{d, b, f, total - d - b - f});
                }
            }
        }
        return outcomes;
    }

    /**
     * {@code title} as it is, and with its {@code delivered} messages all or partly handed to our Email Relay, or
     * in a log without the TLS_Cipher column and all or partly to hosts outside the recipient domain.
     */
    private static List<TitleBlock> titles(TitleBlock t, long delivered) {
        List<TitleBlock> titles = new ArrayList<>(List.of(t));
        for (long some : delivered == 0 ? new long[0] : delivered == 1 ? new long[]{1} : new long[]{1, delivered}) {
            titles.add(title(t, false, 0, some));
            titles.add(title(t, true, some, 0));
        }
        return titles;
    }

    private static TitleBlock title(TitleBlock t, boolean withoutTlsColumn, long maybeHandoffs, long viaRelay) {
        return new TitleBlock(t.title(), t.fileName(), t.periodStart(), t.periodEnd(), t.rows(), t.rejectedRows(),
                t.messagesInFile(), t.messagesIncluded(), t.generatedAt(), t.version(), t.redacted(), t.scope(),
                t.fileNames(), t.joinedByGuess(), t.maybeCountedTwice(), withoutTlsColumn, maybeHandoffs,
                t.copiesOfOneMessage(), t.copiesLeftOut(), t.readDayFirst(), t.fileCountsWithheld(),
                viaRelay > 0 ? List.of("relay.acme.example") : t.relayHosts(), viaRelay);
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
