package org.mailpath.engine.common;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

/**
 * The languages MailPath is translated into, as listed in {@code org/mailpath/ui/languages.txt} (one language tag a
 * line): the app offers them, and a report can be written in each. A new translation is listed there, not in code.
 */
public final class Languages {

    static final String RESOURCE = "/org/mailpath/ui/languages.txt";

    private Languages() {
    }

    /** The list, in its order. */
    public static List<Locale> offered() {
        try (InputStream in = Languages.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing");
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(RESOURCE + " cannot be read", e);
        }
    }

    /** One language tag a line; blank lines and {@code #} comments are skipped, and repeats. */
    public static List<Locale> parse(String text) {
        return text.lines().map(String::strip).filter(line -> !line.isEmpty() && !line.startsWith("#"))
                .map(Locale::forLanguageTag).distinct().toList();
    }
}
