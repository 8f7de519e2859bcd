package org.mailpath.i18n;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.mailpath.testing.TextBundleFiles;

/**
 * MailPath's text bundles sorted by how the code reads them, which decides how an apostrophe and a number are written
 * in them: most go through {@link java.text.MessageFormat} (the app's {@code Messages.format}, the engine's
 * {@code LocalText}); the report's phrases ({@code ReportTexts}) and the knowledge base's translations
 * ({@code DiagnosisTexts}) are plain text. A bundle nobody told these tests about counts as a MessageFormat one.
 */
final class BundlesByReader {

    /** Read as they are: {@code ReportTexts} fills its own placeholders, {@code DiagnosisTexts} none. */
    private static final Pattern PLAIN = Pattern.compile("(report-text|status-knowledge)(_.+)?\\.properties");
    /** Not words: the build's version. */
    private static final Pattern NOT_TEXT = Pattern.compile("version\\.properties");

    private BundlesByReader() {
    }

    /** Every bundle, English and translations, sorted. */
    static List<Path> all() {
        try (Stream<Path> files = Files.walk(TextBundleFiles.RESOURCES)) {
            return files.filter(Files::isRegularFile).filter(p -> p.getFileName().toString().endsWith(".properties"))
                    .filter(p -> !NOT_TEXT.matcher(p.getFileName().toString()).matches()).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The bundles whose texts are MessageFormat patterns. */
    static List<Path> messageFormat() {
        return all().stream().filter(p -> !plain(p)).toList();
    }

    /** The bundles whose texts are shown as they are written (but for their own placeholders). */
    static List<Path> plain() {
        return all().stream().filter(BundlesByReader::plain).toList();
    }

    private static boolean plain(Path file) {
        return PLAIN.matcher(file.getFileName().toString()).matches();
    }

    /** The English bundle a translation translates: {@code findings.properties} for {@code findings_sv.properties}. */
    static Path english(Path translation) {
        Path bundle = TextBundleFiles.bundleOf(translation).orElseThrow();
        return bundle.resolveSibling(bundle.getFileName() + ".properties");
    }
}
