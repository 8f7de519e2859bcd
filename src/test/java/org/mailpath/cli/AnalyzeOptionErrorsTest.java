package org.mailpath.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.mailpath.engine.log.LogFixtures;
import picocli.CommandLine;

/**
 * {@code analyze} with unusable probe or DNS options: exit 2 with one line naming the option and the value, before
 * the log is read (not an "internal error" with a Java class name after the whole analysis).
 */
class AnalyzeOptionErrorsTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "--probe-smtp --port 70000          | --port        | 70000",
            "--probe-smtp --port 0              | --port        | 0",
            "--probe-smtp --banner-timeout -1   | --banner-timeout | -1",
            "--probe-smtp --banner-timeout 1e9  | --banner-timeout | 1000000000",
            "--probe-smtp --helo a<b            | --helo        | a<b",
            "--port 0                           | --port        | 0",
            "--check-dns --dns-port 0           | --dns-port    | 0",
            "--dns-port 70000                   | --dns-port    | 70000",
            "--probe-smtp --timeout 0           | --timeout     | 0",
            "--sender-domain a..b               | --sender-domain: not a domain name | a..b",
            "--check-dns --fail-on fatal        | --fail-on     | fatal",
    })
    void badOptionExitsTwoWithOneLineBeforeReadingTheLog(String options, String names, String value) {
        AtomicInteger analysed = new AtomicInteger();
        AnalyzeCommand command = new AnalyzeCommand((file, progress, cancellation) -> {
            analysed.incrementAndGet();
            throw new IllegalStateException("the log must not be read");
        });
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = new CommandLine(command);
        List<String> args = new ArrayList<>(List.of(LogFixtures.sample("sample-email-log.csv").toString()));
        args.addAll(List.of(options.strip().split(" +")));
        int exit = MailPathCommand.configure(cl, new PrintWriter(out, true), new PrintWriter(err, true))
                .execute(args.toArray(String[]::new));
        assertEquals(2, exit, err.toString());
        assertEquals(0, analysed.get(), "validated before the log is read");
        assertEquals(1, err.toString().strip().lines().count(), err.toString());
        assertTrue(err.toString().contains(names) && err.toString().contains(value), err.toString());
        assertFalse(err.toString().contains("Exception"), err.toString());
        assertFalse(err.toString().contains("internal error"), err.toString());
        assertEquals("", out.toString());
    }

    @org.junit.jupiter.api.Test
    void anInternalErrorIsOneLineWithoutAJavaClassName() {
        AnalyzeCommand command = new AnalyzeCommand((file, progress, cancellation) -> {
            throw new IllegalStateException("boom");
        });
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = MailPathCommand.configure(new CommandLine(command), new PrintWriter(out, true),
                new PrintWriter(err, true)).execute(LogFixtures.sample("sample-email-log.csv").toString());
        assertEquals(1, exit);
        assertEquals("mailpath: internal error: boom" + MailPathCommand.detailsInLog(), err.toString().strip());
    }

    @org.junit.jupiter.api.Test
    void anInternalErrorWithoutAMessageStillSaysWhatHappened() {
        AnalyzeCommand command = new AnalyzeCommand((file, progress, cancellation) -> {
            throw new IllegalStateException();
        });
        StringWriter err = new StringWriter();
        int exit = MailPathCommand.configure(new CommandLine(command), new PrintWriter(new StringWriter(), true),
                new PrintWriter(err, true)).execute(LogFixtures.sample("sample-email-log.csv").toString());
        assertEquals(1, exit);
        assertEquals(1, err.toString().strip().lines().count(), err.toString());
        assertFalse(err.toString().contains("java.") || err.toString().contains("Exception"), err.toString());
    }

    @org.junit.jupiter.api.Test
    void aCancelledRunSaysCancelledNotInternalError() {
        AnalyzeCommand command = new AnalyzeCommand((file, progress, cancellation) -> {
            throw new org.mailpath.engine.common.CancelledException();
        });
        StringWriter err = new StringWriter();
        MailPathCommand.configure(new CommandLine(command), new PrintWriter(new StringWriter(), true),
                new PrintWriter(err, true)).execute(LogFixtures.sample("sample-email-log.csv").toString());
        assertEquals("mailpath: cancelled", err.toString().strip());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "--port 2525                               | mailpath: warning: --port has no effect without --probe-smtp",
            "--helo me.example --banner-timeout 5      | mailpath: warning: --helo, --banner-timeout have no effect without --probe-smtp",
            "--ip 192.0.2.1 --probe-smtp --port 1      | mailpath: warning: --ip has no effect without --check-dns",
            "--resolver 127.0.0.1                      | mailpath: warning: --resolver has no effect without --check-dns or --probe-smtp",
            "--dkim-selector s1 --dns-port 5353        | mailpath: warning: --dkim-selector, --dns-port have no effect without --check-dns",
            "--fail-on error                           | mailpath: warning: --fail-on has no effect without --check-dns or --probe-smtp",
    })
    void anOptionWithoutItsSwitchIsAWarningNotSilence(String options, String warning) {
        AnalyzeCommand command = new AnalyzeCommand((file, progress, cancellation) -> {
            throw new org.mailpath.engine.analysis.UnusableLogException("stop here");
        });
        StringWriter err = new StringWriter();
        List<String> args = new ArrayList<>(List.of(LogFixtures.sample("sample-email-log.csv").toString()));
        args.addAll(List.of(options.strip().split(" +")));
        MailPathCommand.configure(new CommandLine(command), new PrintWriter(new StringWriter(), true),
                new PrintWriter(err, true)).execute(args.toArray(String[]::new));
        assertEquals(warning, err.toString().lines().findFirst().orElse(""), err.toString());
    }

    @org.junit.jupiter.api.Test
    void noWarningWhenEveryOptionActs() {
        AnalyzeCommand command = new AnalyzeCommand((file, progress, cancellation) -> {
            throw new org.mailpath.engine.analysis.UnusableLogException("stop here");
        });
        StringWriter err = new StringWriter();
        MailPathCommand.configure(new CommandLine(command), new PrintWriter(new StringWriter(), true),
                new PrintWriter(err, true)).execute(LogFixtures.sample("sample-email-log.csv").toString(),
                "--check-dns", "--ip", "192.0.2.1", "--resolver", "127.0.0.1", "--probe-smtp", "--port", "2525");
        assertEquals("mailpath analyze: stop here", err.toString().strip());
    }

    @org.junit.jupiter.api.Test
    void senderDomainMayBeGivenAsOurSendingAddress() {
        AnalyzeDnsOptions options = new AnalyzeDnsOptions();
        new CommandLine(new Object() {
            @picocli.CommandLine.Mixin
            AnalyzeDnsOptions dns = options;
        }).parseArgs("--sender-domain", "Support@Acme.Example.");
        assertEquals(java.util.Optional.of("acme.example"), options.senderDomain());
    }

    @org.junit.jupiter.api.Test
    void aDashIsNotTakenForAMissingFile() {
        CliRun r = CliRun.of("analyze", "-");
        assertEquals(2, r.code());
        assertEquals("mailpath: reading a log from standard input (-) is not supported: give the file's path",
                r.err().strip());
    }
}
