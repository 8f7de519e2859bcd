package org.mailpath.testing;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * MailPath's text bundles as files in the source tree, found by walking it (not by name), so that the tests over
 * them also see a bundle or translation nobody told them about.
 */
public final class TextBundleFiles {

    public static final Path RESOURCES = Path.of("src/main/resources");
    public static final Path ENGINE = RESOURCES.resolve("org/mailpath/engine");
    /** The app's own words, as a bundle: without language and extension. */
    public static final Path UI_MESSAGES = RESOURCES.resolve("org/mailpath/ui/messages");
    /** The engine's bundles of user-facing texts: the checks' findings and the log reader's problems. */
    private static final String ENGINE_BASE_NAME = "(findings|problems)";
    /** {@code name_xx.properties}: a translation into the language {@code xx}. */
    private static final Pattern TRANSLATION = Pattern.compile("(.+)_([a-z]{2,3})\\.properties");

    private TextBundleFiles() {
    }

    /** Every engine bundle, English and translations, sorted. */
    public static List<Path> engineBundles() {
        return walk(ENGINE, name -> name.matches(ENGINE_BASE_NAME + "(_.+)?\\.properties"));
    }

    /** The English engine bundles ({@code findings.properties}, {@code problems.properties}), sorted. */
    public static List<Path> englishEngineBundles() {
        return walk(ENGINE, name -> name.matches(ENGINE_BASE_NAME + "\\.properties"));
    }

    /** The translations of the app's own words ({@code messages_xx.properties}), sorted. */
    public static List<Path> uiTranslations() {
        return translations(UI_MESSAGES.getParent()).stream()
                .filter(p -> bundleOf(p).filter(UI_MESSAGES::equals).isPresent()).toList();
    }

    /** Every translation ({@code name_xx.properties}) under {@code root}, sorted. */
    public static List<Path> translations(Path root) {
        return walk(root, name -> TRANSLATION.matcher(name).matches());
    }

    /** The language a translation is in: {@code sv} for {@code findings_sv.properties}. */
    public static Optional<String> languageOf(Path file) {
        Matcher m = TRANSLATION.matcher(file.getFileName().toString());
        return m.matches() ? Optional.of(m.group(2)) : Optional.empty();
    }

    /** The bundle a translation belongs to, as a path without language and extension: {@code …/log/problems}. */
    public static Optional<Path> bundleOf(Path file) {
        Matcher m = TRANSLATION.matcher(file.getFileName().toString());
        return m.matches() ? Optional.of(file.resolveSibling(m.group(1))) : Optional.empty();
    }

    /** {@code bundle}'s translation into {@code language}: {@code …/log/problems_sv.properties}. */
    public static Path translation(Path bundle, String language) {
        return bundle.resolveSibling(bundle.getFileName() + "_" + language + ".properties");
    }

    public static Properties load(Path file) {
        Properties p = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p;
    }

    private static List<Path> walk(Path root, java.util.function.Predicate<String> fileName) {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile).filter(p -> fileName.test(p.getFileName().toString()))
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
