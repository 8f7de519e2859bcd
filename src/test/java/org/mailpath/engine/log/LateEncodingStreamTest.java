package org.mailpath.engine.log;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class LateEncodingStreamTest {

    private static final Charset CP1252 = Charset.forName("windows-1252");

    /** Reads it all in reads of {@code chunk} bytes, as a decoder above it would. */
    private static byte[] readAll(InputStream in, int chunk) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[chunk];
        int n;
        while ((n = in.read(buf, 0, chunk)) >= 0) {
            assertTrue(n > 0, "a read of a non-empty request gives at least one byte");
            out.write(buf, 0, n);
        }
        return out.toByteArray();
    }

    private static String ascii(int length) {
        char[] c = new char[length];
        Arrays.fill(c, 'a');
        return new String(c);
    }

    @Test
    void windows1252AfterAsciiIsReEncodedAsUtf8FromItsFirstOtherByte() throws IOException {
        String text = ascii(100_003) + "jos\u00e9 \u20ac\u2019 " + ascii(70_000) + "\u00e5";
        for (int chunk : new int[] {1, 7, 8192, 1 << 20}) {
            LateEncodingStream in = new LateEncodingStream(new ByteArrayInputStream(text.getBytes(CP1252)));
            assertEquals(text, new String(readAll(in, chunk), StandardCharsets.UTF_8), "chunk " + chunk);
            assertEquals(100_006, in.windows1252From().orElseThrow());
        }
    }

    @Test
    void utf8AfterAsciiPassesAsItIsEvenWithBadBytesFarLater() throws IOException {
        byte[] utf8 = (ascii(100_000) + "m\u00fcller " + ascii(LateEncodingStream.LOOK_AHEAD)).getBytes(StandardCharsets.UTF_8);
        byte[] bytes = Arrays.copyOf(utf8, utf8.length + 1);
        bytes[utf8.length] = (byte) 0xE9;
        LateEncodingStream in = new LateEncodingStream(new ByteArrayInputStream(bytes));
        assertArrayEquals(bytes, readAll(in, 8192));
        assertTrue(in.windows1252From().isEmpty(), "decided UTF-8 at the first other byte");
    }

    @Test
    void plainAsciiPassesAsItIs() throws IOException {
        byte[] bytes = ascii(200_000).getBytes(StandardCharsets.US_ASCII);
        LateEncodingStream in = new LateEncodingStream(new ByteArrayInputStream(bytes));
        assertArrayEquals(bytes, readAll(in, 8192));
        assertTrue(in.windows1252From().isEmpty());
    }

    @Test
    void firstHighByteLooksAtEveryByte() {
        byte[] b = new byte[40];
        for (int i = 0; i < b.length; i++) {
            Arrays.fill(b, (byte) 'x');
            b[i] = (byte) 0x80;
            assertEquals(i, LateEncodingStream.firstHighByte(b, 0, b.length));
            assertEquals(i < 3 ? -1 : i, LateEncodingStream.firstHighByte(b, 3, b.length));
        }
    }
}
