package org.mailpath.engine.log;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The rules of {@code FindingBundlesTest}, for the reader's {@code problems*.properties} (which that test does not
 * scan): valid patterns, apostrophes doubled, every translation complete with the same arguments.
 */
class LogProblemBundlesTest {

    private static final Path DIR = Path.of("src/main/resources/org/mailpath/engine/log");
    private static final Pattern ARGUMENT = Pattern.compile("\\{(\\d+)");
    private static final Pattern LONE_APOSTROPHE = Pattern.compile("(?<!')'(?!')");

    @Test
    void everyPatternIsAValidMessageFormatWithItsApostrophesDoubled() throws IOException {
        List<String> problems = new ArrayList<>();
        for (Path file : bundleFiles()) {
            Properties texts = load(file);
            for (String key : texts.stringPropertyNames()) {
                String pattern = texts.getProperty(key);
                try {
                    new MessageFormat(pattern, Locale.ROOT);
                } catch (IllegalArgumentException e) {
                    problems.add(file + " " + key + ": " + e.getMessage());
                }
                if (LONE_APOSTROPHE.matcher(pattern).find()) {
                    problems.add(file + " " + key + ": a single ' (MessageFormat drops it; write '')");
                }
            }
        }
        assertEquals(List.of(), problems);
    }

    @Test
    void aTranslationHasEveryTextOfTheEnglishWithTheSameArguments() throws IOException {
        Properties english = load(DIR.resolve("problems.properties"));
        List<Path> translations = bundleFiles().stream()
                .filter(p -> p.getFileName().toString().startsWith("problems_")).toList();
        assertEquals(List.of(DIR.resolve("problems_sv.properties")), translations);
        List<String> problems = new ArrayList<>();
        for (Path translation : translations) {
            Properties other = load(translation);
            for (String key : new TreeSet<>(english.stringPropertyNames())) {
                if (!other.containsKey(key)) {
                    problems.add(translation + " lacks " + key);
                } else if (!arguments(english.getProperty(key)).equals(arguments(other.getProperty(key)))) {
                    problems.add(translation + " " + key + " uses arguments " + arguments(other.getProperty(key))
                            + ", English " + arguments(english.getProperty(key)));
                }
            }
            for (String key : other.stringPropertyNames()) {
                if (!english.containsKey(key)) {
                    problems.add(translation + " has " + key + ", which is not an English text");
                }
            }
        }
        assertEquals(List.of(), problems);
    }

    @Test
    void everyRepeatedWarningHasBothWordings() throws IOException {
        Properties english = load(DIR.resolve("problems.properties"));
        List<String> missing = new ArrayList<>();
        for (ProblemLog.Repeated kind : ProblemLog.Repeated.values()) {
            for (String number : List.of(".one", ".many")) {
                if (!english.containsKey("repeated." + kind.name() + number)) {
                    missing.add("repeated." + kind.name() + number);
                }
            }
        }
        assertEquals(List.of(), missing);
    }

    private static Set<String> arguments(String pattern) {
        Set<String> found = new TreeSet<>();
        Matcher m = ARGUMENT.matcher(pattern);
        while (m.find()) {
            found.add(m.group(1));
        }
        return found;
    }

    private static List<Path> bundleFiles() throws IOException {
        try (Stream<Path> files = Files.list(DIR)) {
            return files.filter(p -> p.getFileName().toString().matches("problems(_.+)?\\.properties")).sorted()
                    .toList();
        }
    }

    private static Properties load(Path file) throws IOException {
        Properties p = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(in);
        }
        return p;
    }
}
