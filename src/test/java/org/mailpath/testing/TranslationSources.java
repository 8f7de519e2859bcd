package org.mailpath.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import org.mailpath.engine.status.KnowledgeBaseEntries;

/**
 * Which English text each translated text was translated from, so that a changed English text is noticed in every
 * translation of it. A language's record ({@code src/test/resources/translations/<language>.sources}) holds one
 * line per translated text: its bundle, its key and a short hash of the English text it was translated from.
 *
 * <p>Run after checking the translations that {@code TranslationsFollowEnglishTest} names (it records every
 * translated text as translated from the current English, and prints what it accepted):
 * {@code mvn -o -q test-compile exec:exec -Dexec.classpathScope=test
 * -Dmailpath.mainClass=org.mailpath.testing.TranslationSources -Dmailpath.args=sv}
 */
public final class TranslationSources {

    public static final Path RECORDS = Path.of("src/test/resources/translations");
    /** The status knowledge base's English is its JSON data file; only its translations are bundles. */
    private static final Path STATUS_KNOWLEDGE = TextBundleFiles.ENGINE.resolve("status/status-knowledge");
    private static final int HASH_CHARS = 12;

    private TranslationSources() {
    }

    /**
     * Every text translated into {@code language} whose key the English source still has, as
     * {@code "<bundle> <key>"} (the bundle relative to {@code src/main/resources}, sorted) → the hash of that
     * key's current English text.
     */
    public static Map<String, String> current(String language) {
        Map<String, String> hashes = new TreeMap<>();
        for (Path translation : TextBundleFiles.translations(TextBundleFiles.RESOURCES)) {
            if (!TextBundleFiles.languageOf(translation).orElseThrow().equals(language)) {
                continue;
            }
            Path bundle = TextBundleFiles.bundleOf(translation).orElseThrow();
            Map<String, String> english = english(bundle);
            String name = TextBundleFiles.RESOURCES.relativize(bundle).toString().replace('\\', '/');
            for (String key : TextBundleFiles.load(translation).stringPropertyNames()) {
                String text = english.get(key);
                if (text != null) {
                    hashes.put(name + " " + key, hash(text));
                }
            }
        }
        return hashes;
    }

    /** What {@code language}'s record says; empty when there is none yet. */
    public static Map<String, String> recorded(String language) {
        Path file = record(language);
        Map<String, String> hashes = new TreeMap<>();
        if (!Files.exists(file)) {
            return hashes;
        }
        try {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i);
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                int last = line.lastIndexOf(' ');
                if (last < 1) {
                    throw new IllegalStateException(file + " line " + (i + 1) + " is no 'bundle key hash' record: "
                            + line);
                }
                hashes.put(line.substring(0, last), line.substring(last + 1));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return hashes;
    }

    /** The English texts of a bundle by key: its base {@code .properties}, or the knowledge base's JSON. */
    static Map<String, String> english(Path bundle) {
        if (bundle.equals(STATUS_KNOWLEDGE)) {
            return statusKnowledgeEnglish();
        }
        Properties p = TextBundleFiles.load(Path.of(bundle + ".properties"));
        Map<String, String> texts = new LinkedHashMap<>();
        p.stringPropertyNames().forEach(k -> texts.put(k, p.getProperty(k)));
        return texts;
    }

    /**
     * The knowledge base's English texts under the keys its translations use: the entry's rule id with ':' written
     * as '.' ({@code enhanced.X.1.1}, {@code gmail.ptr}), then {@code .explanation}, {@code .remediation} or, where
     * the entry has one, {@code .deferredRemediation}, {@code .bouncedRemediation}, {@code .mailTeamRemediation} or
     * {@code .mailTeamExplanation}.
     */
    public static Map<String, String> statusKnowledgeEnglish() {
        Map<String, String> texts = new LinkedHashMap<>();
        KnowledgeBaseEntries.byRuleId().forEach((id, english) -> {
            String key = KnowledgeBaseEntries.translationKey(id);
            texts.put(key + ".explanation", english.get(0));
            texts.put(key + ".remediation", english.get(1));
        });
        // a deferral's words, where an entry has them, are our admin's remediation too
        KnowledgeBaseEntries.deferredRemediationByRuleId().forEach((id, english) ->
                texts.put(KnowledgeBaseEntries.translationKey(id) + ".deferredRemediation", english));
        // a bounce's words likewise
        KnowledgeBaseEntries.bouncedRemediationByRuleId().forEach((id, english) ->
                texts.put(KnowledgeBaseEntries.translationKey(id) + ".bouncedRemediation", english));
        // and the words for the recipient's mail team, which a report's part for them shows
        KnowledgeBaseEntries.mailTeamByRuleId().forEach((id, english) ->
                texts.put(KnowledgeBaseEntries.translationKey(id) + ".mailTeamRemediation", english));
        KnowledgeBaseEntries.mailTeamExplanationByRuleId().forEach((id, english) ->
                texts.put(KnowledgeBaseEntries.translationKey(id) + ".mailTeamExplanation", english));
        return texts;
    }

    static String hash(String english) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(english.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest).substring(0, HASH_CHARS);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static Path record(String language) {
        return RECORDS.resolve(language + ".sources");
    }

    /** Records every text translated into each named language as translated from the current English. */
    public static void main(String[] args) throws IOException {
        for (String language : args) {
            Map<String, String> before = recorded(language);
            Map<String, String> now = current(language);
            StringBuilder text = new StringBuilder("""
                    # Which English text each %s text was translated from: bundle, key, hash of the English.
                    # Written by org.mailpath.testing.TranslationSources; TranslationsFollowEnglishTest compares it.
                    """.formatted(language));
            now.forEach((id, hash) -> text.append(id).append(' ').append(hash).append('\n'));
            Files.createDirectories(RECORDS);
            Files.writeString(record(language), text, StandardCharsets.UTF_8);
            now.forEach((id, hash) -> {
                if (!hash.equals(before.get(id))) {
                    System.out.println(language + ": recorded " + id);
                }
            });
            before.keySet().stream().filter(id -> !now.containsKey(id))
                    .forEach(id -> System.out.println(language + ": dropped " + id));
        }
    }
}
