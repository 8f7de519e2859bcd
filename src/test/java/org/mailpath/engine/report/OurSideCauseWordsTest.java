package org.mailpath.engine.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mailpath.engine.analysis.LogAnalysis;
import org.mailpath.engine.analysis.MessageChain;
import org.mailpath.engine.finding.Actor;
import org.mailpath.engine.log.LogFixtures;
import org.mailpath.engine.status.Category;
import org.mailpath.engine.status.StatusKnowledgeBase;

/**
 * A rule that names our side to act (our admin, our network, Salesforce's support) is never said in its category's
 * words that make the recipient's side the one that acted: Yahoo's "Email not accepted for policy reasons"
 * (yahoo.content-policy, CONTENT_POLICY, SENDER_ADMIN) made the report to that domain's mail team conclude "all 2
 * bounced because your servers refused the message by a policy of yours" beside a causes row telling them nothing is
 * needed of them. Held for every rule, enhanced and basic code of the knowledge base through the key
 * {@link ReportTexts#causeWords} chooses, in both readings and both languages, and end to end for Yahoo's content policy.
 */
class OurSideCauseWordsTest {

    private static final Locale SWEDISH = Locale.forLanguageTag("sv");
    private static final String YAHOO_CONTENT = "554 Message not allowed - UP Email not accepted for policy reasons."
            + " [120]";
    /** A Mimecast block list entry of the recipient's own (generic.sender-blocked, RECIPIENT_MAIL_TEAM). */
    private static final String MIMECAST_BLOCKED = "550 Envelope blocked - User Entry -"
            + " https://community.mimecast.com/docs/DOC-1369#550 [#]";

    /** Words that name the recipient's side: English and Swedish (the reader's "ni/er", the recipient's). */
    private static final Pattern THEIR_SIDE = Pattern.compile(
            "(?iU)\\b(recipient's|your|yours|mottagarens|ni|er|era|ert|er[as])\\b");

    /** One entry of the knowledge base: its rule id as diagnoses carry it, category and actor. */
    private record Entry(String ruleId, Category category, Actor actor) {
    }

    /** Every rule, enhanced code and basic code of the shipped knowledge base, with the ids the engine gives them. */
    private static List<Entry> knowledgeBase() throws Exception {
        JsonNode root;
        try (InputStream in = StatusKnowledgeBase.class.getResourceAsStream("status-knowledge.json")) {
            root = new ObjectMapper().readTree(in);
        }
        List<Entry> entries = new ArrayList<>();
        root.get("rules").forEach(r -> entries.add(entry(r.get("id").asText(), r)));
        root.get("enhancedCodes").forEach(r -> entries.add(entry("enhanced:" + r.get("code").asText(), r)));
        // a basic code's meaning at a stage has the stage in its id (KnowledgeFile.CodeEntry#basicRuleId)
        root.get("basicCodes").forEach(r -> entries.add(entry("basic:" + r.get("code").asText()
                + (r.hasNonNull("stage") ? ":" + r.get("stage").asText().toLowerCase(Locale.ROOT) : ""), r)));
        entries.add(entry("fallback", root.get("fallback")));
        entries.add(entry(StatusKnowledgeBase.EMPTY_REPLY, root.get("emptyReply")));
        return entries;
    }

    private static Entry entry(String id, JsonNode node) {
        return new Entry(id, Category.valueOf(node.get("category").asText()), Actor.valueOf(node.get("actor").asText()));
    }

    private static ResourceBundle bundle(Locale language) {
        return ResourceBundle.getBundle("org.mailpath.engine.report.report-text", language);
    }

    /**
     * The bundle's convention (report-text.properties): a cause phrase with a {@code .you} form names the
     * recipient's side ("the recipient's servers …", "your servers …"); one that names no side of theirs has none.
     * A category phrase chosen for a rule that names our side must be of the second kind; a rule's own words
     * ({@code cause.rule.*}) are exempt, as they say what the reply said.
     */
    @Test
    void noRuleThatNamesOurSideIsSaidInWordsThatPutTheActOnTheRecipient() throws Exception {
        List<Entry> entries = knowledgeBase();
        List<String> clashes = new ArrayList<>();
        int checked = 0;
        for (Locale language : List.of(Locale.ENGLISH, SWEDISH)) {
            ReportTexts texts = ReportTexts.of(language);
            ResourceBundle bundle = bundle(language);
            for (Entry e : entries) {
                for (boolean toMailTeam : new boolean[] {false, true}) {
                    String key = texts.causeWords(e.category(), e.ruleId(), e.actor(), toMailTeam).key();
                    assertTrue(bundle.containsKey(key), key + " for " + e);
                    boolean ours = ReportTexts.oursToAct(e.actor());
                    boolean categoryWords = !key.startsWith("cause.rule.");
                    boolean namesTheirSide = key.endsWith(".you") || bundle.containsKey(key + ".you");
                    if (ours) {
                        checked++;
                        if (categoryWords && namesTheirSide) {
                            clashes.add(language + (toMailTeam ? " team " : " admin ") + e + " -> " + key);
                        }
                    } else {
                        assertFalse(key.contains(".ours."), "our side's words for " + e + ": " + key);
                    }
                }
            }
        }
        assertTrue(checked > 400, "the knowledge base's rules that name our side were all read: " + checked);
        assertEquals(List.of(), clashes);
    }

    @Test
    void ourWordsNameNoSideOfTheirs() {
        for (Locale language : List.of(Locale.ENGLISH, SWEDISH)) {
            ResourceBundle bundle = bundle(language);
            List<String> ours = bundle.keySet().stream().filter(k -> k.startsWith("cause.ours.")
                    || k.startsWith("cause.basic.ours.")).sorted().toList();
            assertTrue(ours.size() >= 7, ours.toString());
            for (String key : ours) {
                assertFalse(bundle.containsKey(key + ".you"), key);
                String words = bundle.getString(key);
                assertFalse(THEIR_SIDE.matcher(words).find(), language + " " + key + ": " + words);
            }
        }
    }

    /** Bounced at once with {@code reply}. */
    private static List<String> bounced(String recipient, String msg, String reply) {
        return List.of(LogFixtures.row("11/30/2026 11:00", "P", recipient, msg, reply, ""));
    }

    @Test
    void yahooContentPolicyIsOursInTheMailTeamsConclusionAsInItsCausesRow(@TempDir Path dir) throws Exception {
        LogAnalysis analysis = OurSideReports.analyse(dir, List.of(bounced("al@yahoo-hosted.example", "m1", YAHOO_CONTENT),
                bounced("bo@yahoo-hosted.example", "m2", YAHOO_CONTENT),
                List.of(LogFixtures.row("11/30/2026 10:00", "D", "ann@fabrikam.example", "m0", "250 2.0.0 Ok",
                        LogFixtures.TLS))));
        MessageChain al = analysis.chains().stream().filter(c -> c.recipient().startsWith("al@")).findFirst()
                .orElseThrow();
        assertEquals("yahoo.content-policy", al.diagnosis().orElseThrow().ruleId());
        assertEquals(Actor.SENDER_ADMIN, al.diagnosis().orElseThrow().actor());
        for (Locale language : List.of(Locale.ENGLISH, SWEDISH)) {
            OurSideReports.Both both = OurSideReports.assertOursInBoth(analysis, language, Category.CONTENT_POLICY,
                    "yahoo-hosted.example");
            assertEquals(Category.CONTENT_POLICY, both.team().summary().causes().getFirst().category());
            assertEquals(bundle(language).getString("cause.ours.CONTENT_POLICY"),
                    both.admin().summary().causes().getFirst().explanation());
        }
    }

    /**
     * A block list entry of the recipient's own (Mimecast's "Envelope blocked - User Entry") is still their policy,
     * and so in the mail team's report beside Yahoo's content policy, each in its own words: counted per category
     * too, where the conclusion names more causes than it can one by one.
     */
    @Test
    void theirOwnBlockStaysTheirsBesideYahoosContentPolicy(@TempDir Path dir) throws Exception {
        LogAnalysis analysis = OurSideReports.analyse(dir, List.of(bounced("al@yahoo.example", "m1", YAHOO_CONTENT),
                bounced("bo@yahoo.example", "m2", YAHOO_CONTENT),
                bounced("cy@mimecast-hosted.example", "m3", MIMECAST_BLOCKED),
                bounced("di@contoso.example", "m4",
                        "550 5.1.1 <di@contoso.example>: Recipient address rejected: User unknown"),
                bounced("ed@fabrikam.example", "m5", "552 5.2.2 <ed@fabrikam.example>: Mailbox full")));
        assertEquals("generic.sender-blocked", analysis.chains().stream()
                .filter(c -> c.recipient().startsWith("cy@")).findFirst().orElseThrow()
                .diagnosis().orElseThrow().ruleId());
        ResourceBundle texts = bundle(Locale.ENGLISH);
        String c = new ReportBuilder(analysis, ReportOptions.defaults().withLanguage(Locale.ENGLISH)).build()
                .conclusion();
        assertTrue(c.contains("For 2 of them, " + texts.getString("cause.ours.CONTENT_POLICY") + "."), c);
        assertTrue(c.contains("For 1 of them, " + texts.getString("cause.CONTENT_POLICY") + "."), c);

        ReportModel team = new ReportBuilder(analysis, ReportOptions.defaults().withLanguage(Locale.ENGLISH)
                .withDomains(Set.of("mimecast-hosted.example"))).build();
        assertTrue(team.addressedToMailTeam());
        assertTrue(team.conclusion().contains(texts.getString("cause.CONTENT_POLICY.you")), team.conclusion());
    }

    /**
     * Counted per category, a rule's own words for a reply our side must act on (the sending IP's missing reverse
     * DNS, generic.reverse-dns, Salesforce support's) and the category's words for our side (a failed SPF,
     * generic.spf-fail, our admin's) are said together in the words for our side, not in the category's general
     * words, which put the failure on the recipient's checks ("the message failed the SPF, DKIM or DMARC checks of
     * your servers").
     */
    @Test
    void ourAuthenticationFailuresCountedTogetherStayOurs(@TempDir Path dir) throws Exception {
        LogAnalysis analysis = OurSideReports.analyse(dir, List.of(
                bounced("al@northwind.example", "m1", "550 SPF check failed. Sender not authorized"),
                bounced("bo@northwind.example", "m2", "550 5.7.1 Connections not accepted from servers without a"
                        + " valid sender domain. ## Fix reverse DNS for 198.51.100.200"),
                bounced("cy@northwind.example", "m3", "550 5.1.1 <cy@northwind.example>: Recipient address"
                        + " rejected: User unknown"),
                bounced("di@northwind.example", "m4", "552 5.2.2 <di@northwind.example>: Mailbox full"),
                bounced("ed@northwind.example", "m5", YAHOO_CONTENT),
                List.of(LogFixtures.row("11/30/2026 10:00", "D", "ann@fabrikam.example", "m0", "250 2.0.0 Ok",
                        LogFixtures.TLS))));
        assertEquals(List.of("generic.spf-fail", "generic.reverse-dns"), analysis.chains().stream()
                .filter(c -> c.recipient().startsWith("al@") || c.recipient().startsWith("bo@"))
                .map(c -> c.diagnosis().orElseThrow().ruleId()).toList());
        for (Locale language : List.of(Locale.ENGLISH, SWEDISH)) {
            ResourceBundle texts = bundle(language);
            ReportModel team = new ReportBuilder(analysis, ReportOptions.defaults().withLanguage(language)
                    .withDomains(Set.of("northwind.example"))).build();
            assertTrue(team.addressedToMailTeam());
            String c = team.conclusion();
            String two = language == SWEDISH ? "2 av dem eftersom " : "For 2 of them, ";
            assertTrue(c.contains(two + texts.getString("cause.ours.AUTHENTICATION") + "."), c);
            assertFalse(c.contains(texts.getString("cause.AUTHENTICATION.you")), c);
            ReportModel admin = new ReportBuilder(analysis, ReportOptions.defaults().withLanguage(language)).build();
            assertFalse(admin.addressedToMailTeam());
            assertTrue(admin.conclusion().contains(two + texts.getString("cause.ours.AUTHENTICATION") + "."),
                    admin.conclusion());
        }
    }

    /** A bare 535 (credentials not accepted, our relay's login): hedged, and ours, in the mail team's report. */
    @Test
    void bareAuthenticationCodeIsHedgedAndOurs(@TempDir Path dir) throws Exception {
        LogAnalysis analysis = OurSideReports.analyse(dir, List.of(bounced("al@relay-hosted.example", "m1",
                "535 Authentication credentials invalid")));
        assertEquals("basic:535", analysis.chains().getFirst().diagnosis().orElseThrow().ruleId());
        for (Locale language : List.of(Locale.ENGLISH, SWEDISH)) {
            ResourceBundle texts = bundle(language);
            ReportModel team = new ReportBuilder(analysis, ReportOptions.defaults().withLanguage(language)).build();
            assertTrue(team.addressedToMailTeam());
            String ours = texts.getString("cause.basic.ours.AUTHENTICATION");
            assertEquals(ours, team.summary().causes().getFirst().explanation());
            assertTrue(team.conclusion().contains(ours), team.conclusion());
            assertFalse(team.conclusion().contains(texts.getString("cause.basic.AUTHENTICATION.you")),
                    team.conclusion());
        }
    }
}
