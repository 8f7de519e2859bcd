package org.mailpath.cli;

import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/**
 * Standard output as the command line writes it: text in the locale's encoding (what the terminal shows), characters
 * it cannot hold as {@code [U+XXXX]} ({@link LocaleWriter}), and JSON ({@link #json}) as UTF-8 bytes whatever the
 * locale. RFC 8259 §8.1: JSON exchanged between systems that are not part of a closed ecosystem MUST be UTF-8; under
 * LANG=C (cron, Docker, systemd) the JDK's {@code stdout.encoding} is US-ASCII and wrote {@code alice@b?cher.example}
 * into the JSON with exit 0. UTF-8 bytes rather than {@code \}{@code u00FC} escapes keep the JSON the same text as
 * under a UTF-8 locale (and as the goldens), byte for byte.
 */
final class StandardOutput extends PrintWriter {

    private final PrintWriter json;
    private final LocaleWriter text;
    private final OutputStream bytes;

    /**
     * Output to {@code bytes}, its text in {@code charset}; {@code onFirstLoss} is called the first time a character
     * of the text cannot be written in it.
     */
    StandardOutput(OutputStream bytes, Charset charset, Runnable onFirstLoss) {
        this(new LocaleWriter(new OutputStreamWriter(bytes, charset), charset, onFirstLoss), bytes);
    }

    private StandardOutput(LocaleWriter text, OutputStream bytes) {
        super(text, true);
        this.text = text;
        this.bytes = bytes;
        this.json = new PrintWriter(new OutputStreamWriter(bytes, StandardCharsets.UTF_8), true);
    }

    /** The writer of the text, whose rule says how a character the locale cannot hold is shown. */
    LocaleWriter localeWriter() {
        return text;
    }

    /**
     * Where to write JSON meant for {@code out}: UTF-8 bytes to the same stream when {@code out} is standard output
     * (after the text written so far); {@code out} itself otherwise (a test's writer of characters). Flush it when
     * done.
     */
    static PrintWriter json(PrintWriter out) {
        if (out instanceof StandardOutput s) {
            s.flush();
            return s.json;
        }
        return out;
    }

    /**
     * Whether writing failed, the text's or the JSON's; also where the bytes go to {@link System#out}, a
     * {@link PrintStream}, which swallows a write's failure (a full disk, a closed pipe) and only notes it.
     */
    @Override
    public boolean checkError() {
        boolean jsonLost = json.checkError();
        boolean lost = super.checkError() || jsonLost;
        return lost || bytes instanceof PrintStream p && p.checkError();
    }
}
