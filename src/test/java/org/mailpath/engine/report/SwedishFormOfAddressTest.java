package org.mailpath.engine.report;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.mailpath.testing.TextBundleFiles;

/**
 * Swedish has two ways to say "you", and MailPath keeps to one per reader: the reports, the findings and the knowledge
 * base speak to whoever reads a report, often a recipient's mail team, as "ni" (er, ert, era); the app speaks to its
 * own user, the Salesforce admin, as "du" (din, ditt, dina). The review found "medan du testar" among the findings and
 * "er Salesforce-organisation" in the app. (StatusKnowledgeTranslationTest keeps "du" out of the knowledge base.)
 */
class SwedishFormOfAddressTest {

    private static final Pattern DU = Pattern.compile("\\b(du|din|ditt|dina|dig)\\b",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CHARACTER_CLASS);
    private static final Pattern NI = Pattern.compile("\\b(ni|er|ert|era|eder)\\b",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CHARACTER_CLASS);
    /** The engine's texts for a report's reader: the checks' findings, the report's words, the log's chains. */
    private static final Pattern FOR_THE_REPORT = Pattern.compile("(findings|report-text|chains)_sv\\.properties");
    /** The note the app writes for the recipient's mail team is theirs to read: it says "ni" as the report does. */
    private static final String NOTE_TO_THE_MAIL_TEAM = "report.note.";

    static List<Path> reportBundles() {
        return TextBundleFiles.translations(TextBundleFiles.ENGINE).stream()
                .filter(p -> FOR_THE_REPORT.matcher(p.getFileName().toString()).matches()).toList();
    }

    @Test
    void theBundlesAreFound() {
        List<String> names = reportBundles().stream().map(p -> TextBundleFiles.ENGINE.relativize(p).toString()).toList();
        assertTrue(names.contains("report/report-text_sv.properties"), names.toString());
        assertTrue(names.contains("dmarc/findings_sv.properties"), names.toString());
        assertTrue(names.size() > 10, names.toString());
    }

    @Test
    void theReportsAndFindingsAddressTheirReaderAsNiNeverDu() {
        List<String> wrong = new ArrayList<>();
        for (Path file : reportBundles()) {
            wrong.addAll(matching(file, DU, ""));
        }
        assertTrue(wrong.isEmpty(), "Swedish report and finding texts that say \"du\": " + wrong);
    }

    @Test
    void theAppAddressesItsUserAsDuNeverNi() {
        Path ui = TextBundleFiles.translation(TextBundleFiles.UI_MESSAGES, "sv");
        List<String> wrong = matching(ui, NI, NOTE_TO_THE_MAIL_TEAM);
        assertTrue(wrong.isEmpty(), "Swedish app texts that say \"ni\" to the admin: " + wrong);
        // and the note to the mail team, which is theirs, says "ni" and never "du"
        assertFalse(TextBundleFiles.load(ui).stringPropertyNames().stream()
                .filter(k -> k.startsWith(NOTE_TO_THE_MAIL_TEAM)).toList().isEmpty());
        assertTrue(matchingOnly(ui, DU, NOTE_TO_THE_MAIL_TEAM).isEmpty(), matchingOnly(ui, DU, NOTE_TO_THE_MAIL_TEAM)
                .toString());
    }

    /** The keys of {@code file}, outside those starting with {@code except} (none if empty), whose text matches. */
    private static List<String> matching(Path file, Pattern words, String except) {
        Properties p = TextBundleFiles.load(file);
        List<String> found = new ArrayList<>();
        for (String key : new TreeSet<>(p.stringPropertyNames())) {
            if (!except.isEmpty() && key.startsWith(except)) {
                continue;
            }
            Matcher m = words.matcher(p.getProperty(key));
            if (m.find()) {
                found.add(file.getFileName() + " " + key + ": " + m.group());
            }
        }
        return found;
    }

    /** The keys of {@code file} starting with {@code prefix} whose text matches. */
    private static List<String> matchingOnly(Path file, Pattern words, String prefix) {
        Properties p = TextBundleFiles.load(file);
        return new TreeSet<>(p.stringPropertyNames()).stream().filter(k -> k.startsWith(prefix))
                .filter(k -> words.matcher(p.getProperty(k)).find()).toList();
    }
}
