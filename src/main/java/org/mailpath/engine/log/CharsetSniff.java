package org.mailpath.engine.log;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** The character set of a log, as its byte order mark or the first bytes of its sample tell it. */
final class CharsetSniff {

    static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    private CharsetSniff() {
    }

    /** The length of the byte order mark {@code s} starts with (UTF-8 or UTF-16); 0 without one. */
    static int bomLength(byte[] s) {
        if (FileKindSniff.startsWith(s, 0xEF, 0xBB, 0xBF)) {
            return 3;
        }
        if (FileKindSniff.startsWith(s, 0xFF, 0xFE) || FileKindSniff.startsWith(s, 0xFE, 0xFF)) {
            return 2;
        }
        return 0;
    }

    /**
     * The character set of the sample {@code s} of the file named {@code name}: its byte order mark's, UTF-16 by its
     * zero bytes, UTF-8 (a few stray bytes allowed), else Windows-1252; a warning in {@code warnings} says all but
     * UTF-8.
     */
    static Charset of(String name, byte[] s, List<FileProblem> warnings) {
        if (FileKindSniff.startsWith(s, 0xEF, 0xBB, 0xBF)) {
            return StandardCharsets.UTF_8;
        }
        if (FileKindSniff.startsWith(s, 0xFF, 0xFE) || FileKindSniff.startsWith(s, 0xFE, 0xFF)) {
            warnings.add(new FileProblem(0, "", LogTexts.text("file.utf16", name), false));
            return FileKindSniff.startsWith(s, 0xFF, 0xFE) ? StandardCharsets.UTF_16LE : StandardCharsets.UTF_16BE;
        }
        int evenNul = 0;
        int oddNul = 0;
        for (int i = 0; i < s.length; i++) {
            if (s[i] == 0) {
                if (i % 2 == 0) {
                    evenNul++;
                } else {
                    oddNul++;
                }
            }
        }
        int half = s.length / 2;
        if (half >= 4 && oddNul > half * 0.4 && evenNul < half * 0.05) {
            warnings.add(new FileProblem(0, "", LogTexts.text("file.utf16NoBom", name, "UTF-16LE"), false));
            return StandardCharsets.UTF_16LE;
        }
        if (half >= 4 && evenNul > half * 0.4 && oddNul < half * 0.05) {
            warnings.add(new FileProblem(0, "", LogTexts.text("file.utf16NoBom", name, "UTF-16BE"), false));
            return StandardCharsets.UTF_16BE;
        }
        // a UTF-8 file with a few bytes saved by another program (an é as the one byte 0xE9) stays UTF-8: read as
        // Windows-1252, every accented name of it would be garbled; the stray bytes are read so one by one
        if (validUtf8(s) || LateEncodingStream.mostlyUtf8(s)) {
            return StandardCharsets.UTF_8;
        }
        warnings.add(new FileProblem(0, "", LogTexts.text("file.notUtf8", name), false));
        return WINDOWS_1252;
    }

    private static boolean validUtf8(byte[] s) {
        CharsetDecoder d = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(s);
        // decoded a piece at a time into one small buffer: a buffer the sample's size was made per CSV of a zip
        CharBuffer out = CharBuffer.allocate(Math.min(s.length + 1, 4096));
        CoderResult r;
        // The sample may end inside a multi-byte sequence: an underflow there is not an error (endOfInput=false).
        while ((r = d.decode(in, out, false)).isOverflow()) {
            out.clear();
        }
        return !r.isError();
    }
}
