package org.mailpath.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.mailpath.testing.dns.LoopbackDns;
import picocli.CommandLine;

/** One run of the command line in this JVM: its exit code and what it wrote to standard output and error. */
record CliRun(int code, String out, String err) {

    static CliRun of(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = MailPathCommand.run(new PrintWriter(out), new PrintWriter(err), args);
        return new CliRun(code, out.toString(), err.toString());
    }

    /**
     * ARGS run as {@code java -jar} runs them, with a standard output whose locale encoding is {@code encoding}
     * (US-ASCII under LANG=C): its bytes read as UTF-8, which JSON must be in whatever the locale.
     */
    static CliRun inLocale(Charset encoding, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        StringWriter err = new StringWriter();
        int code = MailPathCommand.run(out, encoding, new PrintWriter(err), args);
        return new CliRun(code, out.toString(StandardCharsets.UTF_8), err.toString());
    }

    /** ARGS given to {@code command}, one a test set up itself, its streams set as the command line sets them. */
    static CliRun ofCommand(Object command, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = MailPathCommand.configure(new CommandLine(command), new PrintWriter(out), new PrintWriter(err))
                .execute(args);
        return new CliRun(code, out.toString(), err.toString());
    }

    /** {@code check ARGS…} asking the loopback test network's resolver, with a timeout no answer there comes near. */
    static CliRun check(LoopbackDns dns, String... args) {
        List<String> all = new ArrayList<>(List.of("check", "--resolver", dns.resolver(),
                "--dns-port", String.valueOf(dns.port()), "--timeout", "5000"));
        all.addAll(List.of(args));
        return of(all.toArray(String[]::new));
    }

    /** The output without the times its evidence lines carry, which differ from run to run. */
    String timeless() {
        return out.replaceAll(" at \\d{4}-\\d\\d-\\d\\dT[0-9:.]+Z", "");
    }
}
