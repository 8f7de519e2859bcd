package org.mailpath.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mailpath.engine.check.CheckReport;
import org.mailpath.engine.check.DomainCheckResult;
import org.mailpath.engine.log.LogFixtures;
import org.mailpath.report.io.ForwardingStorage;
import org.mailpath.report.io.PlacedAtPointOfNoReturn;
import org.mailpath.report.io.ReportStorage;
import picocli.CommandLine;

/**
 * Ctrl-C or SIGTERM as a command ends, the hook run by the test where it means the signal to come
 * ({@link SignalInTest}). A signal just after a command's last look at the cancel flag gave a whole output (the
 * JSON on stdout, or the report put in place) and "mailpath: cancelled" with 130 or 143. The rule now: cancelled
 * before the point of no return (nothing put out), finished after it (the run's own code, no "cancelled").
 */
class SignalAtPointOfNoReturnTest {

    @TempDir
    Path dir;

    private record Run(int code, String out, String err, Thread hook) {
        /** The run's stderr once the hook ended too (it says "cancelled" after the work has stopped). */
        String errWithHook(StringWriter err) throws InterruptedException {
            hook.join();
            return err.toString();
        }
    }

    /** check's checks end, then the signal, before a word of output: none, "cancelled", the signal's code. */
    @Test
    void checkSignalledAsTheChecksEndWritesNothing() throws Exception {
        SignalInTest jvm = new SignalInTest();
        AtomicReference<Thread> hook = new AtomicReference<>();
        CheckCommand check = new CheckCommand();
        check.shutdown = jvm;
        check.checker = (requests, options, listener, cancellation) -> {
            hook.set(jvm.signal());
            CancelOnShutdownTest.awaitCancel(cancellation);
            return oneDomain();
        };
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = run(check, out, err, "--format", "json", "example.test");
        hook.get().join();
        assertEquals(MailPathCommand.EXIT_CANCELLED, code, err.toString());
        assertEquals("", out.toString());
        assertEquals("mailpath: cancelled" + System.lineSeparator(), err.toString());
        assertEquals(List.of(), jvm.halts(), "the JVM ends with the signal's code");
    }

    /** The signal as check's JSON reaches stdout: all of it, no "cancelled", the JVM ended with 0. */
    @Test
    void checkSignalledWhileWritingJsonFinishes() throws Exception {
        SignalInTest jvm = new SignalInTest();
        CheckCommand check = new CheckCommand();
        check.shutdown = jvm;
        check.checker = (requests, options, listener, cancellation) -> oneDomain();
        SignalOnFirstWrite out = new SignalOnFirstWrite(jvm);
        StringWriter err = new StringWriter();
        int code = run(check, out, err, "--format", "json", "example.test");
        out.hook().join();
        assertEquals(0, code, err.toString());
        JsonNode root = FindingJson.MAPPER.readTree(out.text());
        assertEquals("example.test", root.get("domains").get(0).get("domain").asText(), out.text());
        assertEquals("", err.toString());
        assertEquals(List.of(0), jvm.halts());
    }

    /** As text: the text is laid out whole before the point, then written at once; all of it, exit 0. */
    @Test
    void checkSignalledWhileWritingTextFinishes() throws Exception {
        CheckCommand plain = new CheckCommand();
        plain.checker = (requests, options, listener, cancellation) -> oneDomain();
        CliRun unsignalled = CliRun.ofCommand(plain, "example.test");

        SignalInTest jvm = new SignalInTest();
        CheckCommand check = new CheckCommand();
        check.shutdown = jvm;
        check.checker = (requests, options, listener, cancellation) -> oneDomain();
        SignalOnFirstWrite out = new SignalOnFirstWrite(jvm);
        StringWriter err = new StringWriter();
        int code = run(check, out, err, "example.test");
        out.hook().join();
        assertEquals(0, code, err.toString());
        assertEquals(unsignalled.out(), out.text());
        assertTrue(out.writes() == 1, "written in one go, not line by line: " + out.writes());
        assertEquals("", err.toString());
        assertEquals(List.of(0), jvm.halts());
    }

    /**
     * analyze --report, the signal as the report is put in place (after the writer's last look at the cancel flag):
     * the report is there, "report written" is said and the run ends with 0, no "cancelled" (it said both, with 130).
     */
    @Test
    void analyzeSignalledAsTheReportIsPutInPlaceFinishes() throws Exception {
        SignalInTest jvm = new SignalInTest();
        AnalyzeCommand analyze = new AnalyzeCommand();
        analyze.shutdown = jvm;
        AtomicReference<Thread> hook = new AtomicReference<>();
        // the real file system, the signal as the report is put in place (renamed or linked), after the run's point
        analyze.report.storage = new PlacedAtPointOfNoReturn(ReportStorage.local(), () -> {
            hook.set(jvm.signal());
            jvm.untilTheHookWaits();
        });
        Path report = dir.resolve("report.txt");
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = run(analyze, out, err, LogFixtures.sample("sample-email-log.csv").toString(),
                "--report", report.toString());
        hook.get().join();
        assertEquals(0, code, err.toString());
        assertTrue(Files.size(report) > 0);
        assertEquals(List.of("report.txt"), files(), "the report, no temporary file");
        assertTrue(err.toString().startsWith("mailpath: report written to "), err.toString());
        assertFalse(err.toString().contains("cancelled"), err.toString());
        assertEquals(List.of(0), jvm.halts());
    }

    /** analyze --report, the signal while the report is rendered (before the point): no report, no temporary file. */
    @Test
    void analyzeSignalledWhileTheReportIsRenderedPutsNoneInPlace() throws Exception {
        SignalInTest jvm = new SignalInTest();
        AnalyzeCommand analyze = new AnalyzeCommand();
        analyze.shutdown = jvm;
        AtomicReference<Thread> hook = new AtomicReference<>();
        // the real file system, the signal as the report's rendering ends (its stream closed), before the point
        analyze.report.storage = ForwardingStorage.closedThen(() -> {
            hook.set(jvm.signal());
            jvm.untilTheHookWaits();
        });
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = run(analyze, out, err, LogFixtures.sample("sample-email-log.csv").toString(),
                "--report", dir.resolve("report.txt").toString());
        hook.get().join();
        assertEquals(MailPathCommand.EXIT_CANCELLED, code, err.toString());
        assertEquals(List.of(), files(), "no report, no temporary file");
        assertEquals("mailpath: cancelled" + System.lineSeparator(), err.toString());
        assertEquals(List.of(), jvm.halts());
    }

    /** analyze --format json streams its JSON: the signal as it starts finds the run past its point, all of it out. */
    @Test
    void analyzeSignalledWhileStreamingJsonFinishes() throws Exception {
        SignalInTest jvm = new SignalInTest();
        AnalyzeCommand analyze = new AnalyzeCommand();
        analyze.shutdown = jvm;
        SignalOnFirstWrite out = new SignalOnFirstWrite(jvm);
        StringWriter err = new StringWriter();
        int code = run(analyze, out, err, LogFixtures.sample("sample-email-log.csv").toString(), "--format", "json");
        out.hook().join();
        assertEquals(0, code, err.toString());
        assertTrue(FindingJson.MAPPER.readTree(out.text()).get("chains").size() > 0, out.text());
        assertEquals("", err.toString());
        assertEquals(List.of(0), jvm.halts());
    }

    private static CheckReport oneDomain() {
        return new CheckReport(List.of(new DomainCheckResult("example.test", List.of(), List.of())));
    }

    private static int run(Object command, Writer out, StringWriter err, String... args) {
        return MailPathCommand.configure(new CommandLine(command), new PrintWriter(out), new PrintWriter(err))
                .execute(args);
    }

    private List<String> files() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(f -> f.getFileName().toString()).sorted().toList();
        }
    }

    /** Standard output that sends the signal as its first characters come, and has the hook decide, then goes on. */
    private static final class SignalOnFirstWrite extends Writer {
        private final SignalInTest jvm;
        private final StringWriter text = new StringWriter();
        private Thread hook;
        private int writes;

        SignalOnFirstWrite(SignalInTest jvm) {
            this.jvm = jvm;
        }

        @Override
        public void write(char[] c, int off, int len) {
            if (hook == null) {
                hook = jvm.signal();
                jvm.untilTheHookWaits();
            }
            writes++;
            text.write(c, off, len);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }

        Thread hook() {
            assertTrue(hook != null, "output was written");
            return hook;
        }

        String text() {
            return text.toString();
        }

        int writes() {
            return writes;
        }
    }
}
