package org.mailpath.ui.common;

import java.io.IOException;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * Reads a settings file line by line, so that one bad line costs that setting only: read whole, one byte that is not
 * UTF-8 (a Latin-1 "é" in a path) or a cut "&#92;u00" escape threw, and every setting was lost.
 */
final class SettingsFileReader {

    /**
     * Far above any settings file MailPath writes (a few kilobytes): a larger one is not settings, and reading it (one
     * of 300 MB was met) stalled the start and every write.
     */
    static final long MAX_BYTES = 1 << 20;

    /** What was read: the settings, the lines skipped, and whether a line was guessed to be Latin-1. */
    record Result(Properties values, List<SettingsProblem.SkippedLine> skipped, boolean latin1) {

        /** Whether the file was read as written: nothing skipped, nothing guessed. */
        boolean clean() {
            return skipped.isEmpty() && !latin1;
        }
    }

    private SettingsFileReader() {
    }

    /** Reads {@code file} (at most {@link #MAX_BYTES}; the caller checks the size first). */
    static Result read(Path file) throws IOException {
        return parse(Files.readAllBytes(file));
    }

    static Result parse(byte[] bytes) {
        Properties values = new Properties();
        List<SettingsProblem.SkippedLine> skipped = new ArrayList<>();
        boolean latin1 = false;
        StringBuilder logical = new StringBuilder();
        int logicalStart = 0;
        int lineNo = 0;
        int start = 0;
        while (start < bytes.length) {
            int end = start;
            while (end < bytes.length && bytes[end] != '\n') {
                end++;
            }
            lineNo++;
            String line;
            try {
                line = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT)
                        .decode(ByteBuffer.wrap(bytes, start, end - start)).toString();
            } catch (CharacterCodingException e) {
                // Properties.store(OutputStream) writes Latin-1, and so do editors set to it: the line's bytes as
                // Latin-1 are most likely what was meant
                line = new String(bytes, start, end - start, StandardCharsets.ISO_8859_1);
                latin1 = true;
            }
            start = end + 1;
            if (line.endsWith("\r")) {
                line = line.substring(0, line.length() - 1);
            }
            if (logical.isEmpty()) {
                logicalStart = lineNo;
                String lead = line.stripLeading();
                if (lead.startsWith("#") || lead.startsWith("!")) {
                    continue; // a comment never continues on the next line
                }
            }
            logical.append(line).append('\n');
            if (!continues(line)) {
                load(logical.toString(), logicalStart, values, skipped);
                logical.setLength(0);
            }
        }
        if (!logical.isEmpty()) {
            load(logical.toString(), logicalStart, values, skipped);
        }
        return new Result(values, skipped, latin1);
    }

    /** A line ending in an odd number of backslashes continues on the next. */
    private static boolean continues(String line) {
        int n = 0;
        for (int i = line.length() - 1; i >= 0 && line.charAt(i) == '\\'; i--) {
            n++;
        }
        return n % 2 == 1;
    }

    private static void load(String text, int line, Properties into, List<SettingsProblem.SkippedLine> skipped) {
        Properties one = new Properties();
        try {
            one.load(new StringReader(text));
            into.putAll(one);
        } catch (IOException | IllegalArgumentException e) {
            skipped.add(new SettingsProblem.SkippedLine(line, keyOf(text)));
        }
    }

    /** The key as written, up to its separator: enough for the user to know which setting it was. */
    private static String keyOf(String text) {
        String s = text.stripLeading();
        int i = 0;
        while (i < s.length() && "=: \t\f\n".indexOf(s.charAt(i)) < 0) {
            i += s.charAt(i) == '\\' ? 2 : 1;
        }
        return s.substring(0, Math.min(i, s.length()));
    }
}
