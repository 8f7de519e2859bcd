package org.mailpath.ui.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.mailpath.testing.TextBundleFiles;

/**
 * Every key of the app's English bundle is asked for by the UI code, so a text left behind by a change (which a
 * translator would still be asked to translate) is found. A key counts as asked for when the code names it in full,
 * names its prefix ("events.filter." + f.name()) and the rest is an enum constant's name, or names the key without a
 * suffix that it appends (key + ".tip").
 */
class UiKeysUsedTest {

    private static final Path UI_CODE = Path.of("src/main/java/org/mailpath/ui");
    /** A literal ending in a dot that the code extends with {@code +}: a key prefix. */
    private static final Pattern PREFIX = Pattern.compile("\"([a-zA-Z][\\w.]*\\.)\"\\s*\\+");
    /** A literal starting with a dot that the code appends with {@code +}: a key suffix. */
    private static final Pattern SUFFIX = Pattern.compile("\\+\\s*\"(\\.[\\w.]+)\"");
    private static final Pattern ENUM_NAME = Pattern.compile("[A-Z][A-Z0-9_]*");

    private static String uiCode() {
        try (Stream<Path> files = Files.walk(UI_CODE)) {
            StringBuilder all = new StringBuilder();
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                all.append(Files.readString(f)).append('\n');
            }
            return all.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void everyKeyIsAskedForByTheCode() {
        String code = uiCode();
        Set<String> prefixes = new TreeSet<>();
        Matcher m = PREFIX.matcher(code);
        while (m.find()) {
            prefixes.add(m.group(1));
        }
        Set<String> suffixes = new TreeSet<>();
        Matcher n = SUFFIX.matcher(code);
        while (n.find()) {
            suffixes.add(n.group(1));
        }
        TreeSet<String> unused = new TreeSet<>();
        for (String key : TextBundleFiles.load(Path.of(TextBundleFiles.UI_MESSAGES + ".properties")).stringPropertyNames()) {
            boolean named = code.contains('"' + key + '"');
            boolean prefixed = prefixes.stream().anyMatch(p -> key.startsWith(p)
                    && ENUM_NAME.matcher(key.substring(p.length())).matches());
            boolean suffixed = suffixes.stream().anyMatch(x -> key.endsWith(x)
                    && code.contains('"' + key.substring(0, key.length() - x.length()) + '"'));
            if (!named && !prefixed && !suffixed) {
                unused.add(key);
            }
        }
        assertTrue(code.length() > 10_000, "the UI code was not found under " + UI_CODE);
        assertEquals(List.of(), List.copyOf(unused));
    }
}
