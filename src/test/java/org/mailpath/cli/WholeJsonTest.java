package org.mailpath.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.mailpath.engine.common.CancelledException;
import org.mailpath.report.io.PointOfNoReturn;

/** check's and probe's JSON: all of it once the run has passed its point of no return, none of it before. */
class WholeJsonTest {

    private static final String JSON = "{\"recipient\": \"alice@b\u00fccher.example\"}";

    @Test
    void passedItIsWrittenWholeWithALineEndAsUtf8UnderAnAsciiLocale() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        AtomicInteger warnings = new AtomicInteger();
        StandardOutput out = new StandardOutput(bytes, StandardCharsets.US_ASCII, warnings::incrementAndGet);
        out.print("before ");
        AtomicInteger passed = new AtomicInteger();
        WholeJson.writeAfter(JSON, passed::incrementAndGet, out);
        assertEquals(1, passed.get());
        // flushed by the call itself: the bytes are there without a flush of the test's
        assertEquals("before " + JSON + System.lineSeparator(), bytes.toString(StandardCharsets.UTF_8));
        assertEquals(0, warnings.get(), "JSON loses nothing, so there is nothing to warn about");
    }

    @Test
    void aWriterOfCharactersGetsItAsItIs() {
        StringWriter sink = new StringWriter();
        WholeJson.writeAfter(JSON, PointOfNoReturn.NONE, new PrintWriter(sink));
        assertEquals(JSON + System.lineSeparator(), sink.toString());
    }

    @Test
    void cancelledFirstNothingIsWritten() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        StandardOutput out = new StandardOutput(bytes, StandardCharsets.UTF_8, () -> { });
        PointOfNoReturn cancelled = () -> {
            throw new CancelledException();
        };
        assertThrows(CancelledException.class, () -> WholeJson.writeAfter(JSON, cancelled, out));
        out.flush();
        assertEquals(0, bytes.size());
    }
}
