package org.mailpath.engine.log;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** What a file's first bytes say it is: a zip, a gzip, or no text at all (a picture, a PDF, JSON, markup, …). */
final class FileKindSniff {

    private FileKindSniff() {
    }

    /**
     * Whether {@code file} starts with a zip's local file header, as {@link LogInput#open(Path, String, LogLimits)}
     * tells a zip: by content, not by name. False when it cannot be read, or is no regular file: reading it then says
     * why. Only a regular file is opened: opening a FIFO (a named pipe) waits for a writer, and reading a device may
     * never end, so {@code analyze pipe.csv} hung without a word before {@link LogInput#open} could refuse it.
     */
    static boolean startsAsZip(Path file) {
        try {
            return Files.isRegularFile(file) && startsWith(readMagic(file), 0x50, 0x4B, 0x03, 0x04);
        } catch (IOException | SecurityException | UnsupportedOperationException e) {
            return false;
        }
    }

    /** The first bytes of {@code file} (up to 8), which tell a zip or a gzip. */
    static byte[] readMagic(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return in.readNBytes(8);
        }
    }

    /** Whether {@code data} starts with the bytes {@code prefix} (each 0 to 255). */
    static boolean startsWith(byte[] data, int... prefix) {
        if (data.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((data[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    /** What the sample looks like if it is not text (the key of its kind in the texts), empty when it is text. */
    static Optional<String> binaryKind(byte[] s, Charset charset) {
        if (startsWith(s, 0x89, 0x50, 0x4E, 0x47)) {
            return Optional.of("png");
        }
        if (startsWith(s, 0xFF, 0xD8, 0xFF)) {
            return Optional.of("jpeg");
        }
        if (startsWith(s, 0x47, 0x49, 0x46, 0x38)) {
            return Optional.of("gif");
        }
        if (startsWith(s, 0x25, 0x50, 0x44, 0x46)) {
            return Optional.of("pdf");
        }
        if (startsWith(s, 0xD0, 0xCF, 0x11, 0xE0)) {
            return Optional.of("oldOffice");
        }
        if (startsWith(s, 0x1F, 0x8B) || startsWith(s, 0x50, 0x4B, 0x03, 0x04)) {
            return Optional.of("nested");
        }
        if (charset == StandardCharsets.UTF_16LE || charset == StandardCharsets.UTF_16BE) {
            return Optional.empty();
        }
        int control = 0;
        for (byte b : s) {
            int c = b & 0xFF;
            if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != 0x0C) {
                control++;
            }
        }
        return control > s.length / 20 + 2 ? Optional.of("binary") : Optional.empty();
    }

    /** JSON, HTML or XML saved under a .csv name (e.g. an error page downloaded instead of the log); else empty. */
    static Optional<String> structuredTextKind(String text) {
        String t = text.stripLeading();
        if (t.startsWith("{") || t.startsWith("[{") || t.startsWith("[\n") || t.startsWith("[ ")) {
            return Optional.of("json");
        }
        if (t.startsWith("<")) {
            return Optional.of("markup");
        }
        return Optional.empty();
    }
}
