package org.mailpath.engine.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.mailpath.engine.finding.Actor;
import org.mailpath.engine.status.Category;
import org.mailpath.engine.status.Diagnosis;
import org.mailpath.engine.status.KnowledgeBaseEntries;

/**
 * The words that complete "… bounced because …" for a failed message are chosen once
 * ({@link ReportTexts#causeWords(Category, String, Actor, boolean)}) and read by three parts of the report, which must
 * agree: the causes row that says them, the row's label and its messages' meaning, hedged where the words are
 * ({@link CauseRow#basicCodeOnly}), and the conclusion, which counts a category's causes together
 * ({@link ConclusionWriter#words}) in our side's words where the row's are ({@link CauseRow#ourSideWords}). Each used to
 * decide for itself: a bare 535 of our relay's login was said in the hedged words for our side but neither labelled
 * nor explained as hedged (the label read the hedge from the category's general hedged words only), and the conclusion
 * counted a rule's own words as ours by who owned what stopped the message, not by the rule's actor as the row did.
 * Held for every rule, enhanced and basic code of the knowledge base, and for every category with a bare basic code
 * and an enhanced code without words of their own, each for our side and the recipient's (the knowledge base has no
 * bare basic code of ours in, say, RATE_LIMIT, whose words for our side have no hedged form), in both readings and
 * both languages, through real reports.
 */
class CauseWordsAgreeTest {

    private static final Locale SWEDISH = Locale.forLanguageTag("sv");

    /** Every diagnosis the knowledge base can give a failed message, and the synthetic ones, by rule id. */
    private static Map<String, Diagnosis> diagnoses() {
        Map<String, Diagnosis> all = new LinkedHashMap<>(KnowledgeBaseEntries.diagnosesByRuleId());
        all.remove("success");
        for (Category category : Category.values()) {
            for (Actor actor : List.of(Actor.SENDER_ADMIN, Actor.RECIPIENT_MAIL_TEAM)) {
                String tag = category.name().toLowerCase(Locale.ROOT) + "-" + actor.name().toLowerCase(Locale.ROOT);
                for (String id : List.of("basic:599:" + tag, "enhanced:X.9." + tag)) {
                    all.put(id, new Diagnosis(category, "What " + id + " means.", "Act on " + id + ".", actor, id));
                }
            }
        }
        return all;
    }

    /** Our admin's report, or with {@code toMailTeam} the report to contoso.example's mail team. */
    private static ReportModel report(Map<String, Diagnosis> diagnoses, Locale language, boolean toMailTeam) {
        ReportFixture f = new ReportFixture("/tmp/log.csv");
        int n = 0;
        for (Diagnosis d : diagnoses.values()) {
            n++;
            // large: a small message refused as too large is said in the words every such reply shares
            f.message("<" + n + "@acme.example>", "u" + n + "@contoso.example").bytes(5_000_000).received()
                    .permanentFailure("mx.contoso.example", "192.0.2.1", "550 refused").bounced(d);
        }
        // a second domain: our admin's report is addressed to no mail team
        f.message("<0@acme.example>", "ann@fabrikam.example").received()
                .delivery("mx.fabrikam.example", "192.0.2.2", "250 2.0.0 Ok", "TLSv1.3").delivered();
        ReportOptions options = ReportOptions.defaults().withLanguage(language);
        ReportModel m = new ReportBuilder(f.analysis(),
                toMailTeam ? options.withDomains(Set.of("contoso.example")) : options).build();
        assertEquals(toMailTeam, m.addressedToMailTeam());
        return m;
    }

    @Test
    void everyRuleAndCategoryIsSaidAlikeByItsRowItsLabelAndTheConclusion() {
        Map<String, Diagnosis> diagnoses = diagnoses();
        List<String> disagreements = new ArrayList<>();
        int rules = 0;
        for (Locale language : List.of(Locale.ENGLISH, SWEDISH)) {
            ReportTexts texts = ReportTexts.of(language);
            ResourceBundle bundle = ResourceBundle.getBundle(ReportTexts.BUNDLE, language);
            Set<String> ourWords = bundle.keySet().stream()
                    .filter(k -> k.startsWith("cause.ours.") || k.startsWith("cause.basic.ours."))
                    .map(bundle::getString).collect(Collectors.toSet());
            for (boolean toMailTeam : new boolean[] {false, true}) {
                ReportModel m = report(diagnoses, language, toMailTeam);
                ConclusionWriter conclusion = new ConclusionWriter(texts, toMailTeam);
                String reading = language + (toMailTeam ? " team " : " admin ");
                Set<String> seen = new HashSet<>();
                for (CauseRow row : m.summary().causes()) {
                    Set<ReportTexts.CauseWords> chosen = row.rules().stream().map(id -> texts.causeWords(
                            row.category(), id, diagnoses.get(id).actor(), toMailTeam)).collect(Collectors.toSet());
                    String where = reading + row.rules() + ": ";
                    if (chosen.size() != 1) {
                        disagreements.add(where + "one row, several choices " + chosen);
                        continue;
                    }
                    ReportTexts.CauseWords w = chosen.iterator().next();
                    seen.addAll(row.rules());
                    rules += row.rules().size();
                    // the row says the words chosen
                    if (!row.explanation().equals(texts.get(w.key()))) {
                        disagreements.add(where + "row says \"" + row.explanation() + "\", chosen " + w);
                    }
                    // the hedge: of the words, the row, its label
                    if (w.hedged() != w.key().startsWith("cause.basic.") || row.basicCodeOnly() != w.hedged()
                            || !row.label().equals(w.hedged() ? texts.basicLabel(row.category())
                            : texts.label(row.category()))) {
                        disagreements.add(where + "hedge: row " + row.basicCodeOnly() + " label " + row.label()
                                + ", chosen " + w);
                    }
                    // our side: the rule's actor in a category with words for it
                    boolean oursToAct = ReportTexts.oursToAct(diagnoses.get(row.rules().getFirst()).actor())
                            && bundle.containsKey("cause.ours." + row.category());
                    if (w.ours() != oursToAct || row.ourSideWords() != w.ours()) {
                        disagreements.add(where + "our side: row " + row.ourSideWords() + ", chosen " + w);
                    }
                    // the conclusion, counting the row's category together: the row's own words where they are its
                    // category's, else words of the same side and hedge
                    ConclusionWriter.Group group = ConclusionWriter.Group.of(row);
                    String together = conclusion.words(group, false);
                    boolean ruleWords = w.key().startsWith("cause.rule.");
                    if (group.basic() != w.hedged() || group.ours() != w.ours()
                            || !ruleWords && !together.equals(row.explanation())
                            || ourWords.contains(together) != w.ours()) {
                        disagreements.add(where + "counted together as \"" + together + "\" " + group
                                + ", the row \"" + row.explanation() + "\" " + w);
                    }
                }
                // each message's block is hedged as its row: u<n>@ had the n-th diagnosis
                List<String> ids = List.copyOf(diagnoses.keySet());
                m.recipientDomains().forEach(s -> s.messages().forEach(e -> {
                    if (!e.recipient().startsWith("u")) {
                        return;
                    }
                    String id = ids.get(Integer.parseInt(e.recipient().substring(1, e.recipient().indexOf('@'))) - 1);
                    m.summary().causes().stream().filter(r -> r.rules().contains(id)).findFirst()
                            .filter(r -> r.basicCodeOnly() != e.basicCodeOnly())
                            .ifPresent(r -> disagreements.add(reading + id + ": message hedged " + e.basicCodeOnly()));
                }));
                assertEquals(diagnoses.keySet(), seen, reading + "every diagnosis has its row");
            }
        }
        assertTrue(rules > 1200, "rules read: " + rules);
        assertEquals(List.of(), disagreements);
    }
}
