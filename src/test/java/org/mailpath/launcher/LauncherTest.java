package org.mailpath.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LauncherTest {

    private static final Map<String, String> DISPLAY = Map.of("DISPLAY", ":0");

    @TempDir
    Path dir;

    @Test
    void theSystemsProxySettingsAreUsedUnlessTheUserSaidOtherwise() {
        java.util.Properties unset = new java.util.Properties();
        Launcher.useSystemProxiesUnlessSet(unset);
        assertEquals("true", unset.getProperty("java.net.useSystemProxies"));
        java.util.Properties set = new java.util.Properties();
        set.setProperty("java.net.useSystemProxies", "false");
        Launcher.useSystemProxiesUnlessSet(set);
        assertEquals("false", set.getProperty("java.net.useSystemProxies"));
    }

    @Test
    void commandsAndOptionsRunTheCommandLine() {
        assertTrue(Launcher.isCommandLine(new String[] {"check", "example.com"}));
        assertTrue(Launcher.isCommandLine(new String[] {"--version"}));
        assertFalse(Launcher.isCommandLine(new String[] {}));
        assertFalse(Launcher.isCommandLine(new String[] {"log.csv"}));
    }

    @Test
    void aFileGivenWithAnOptionOfAnalyzeIsAnsweredWithTheCommandNotOpenedInTheWindow() throws Exception {
        Path log = Files.writeString(dir.resolve("s.csv"), "Date/Time\n");
        assertEquals(Optional.of("mailpath: options such as --format belong to a command; a file alone opens the"
                + " window. To analyse " + log + " on the command line: mailpath analyze " + log
                + " --format json; see mailpath analyze --help."),
                Launcher.refusal(new String[] {log.toString(), "--format", "json"}, DISPLAY));
        assertTrue(Launcher.refusal(new String[] {log.toString(), "--report=x.pdf"}, DISPLAY).orElseThrow()
                .startsWith("mailpath: options such as --report=x.pdf belong to a command;"));
        assertEquals(Optional.empty(), Launcher.refusal(new String[] {log.toString()}, DISPLAY), "a file alone");
    }

    @Test
    void aMistypedCommandIsSaidInOneLineInsteadOfOpeningTheWindow() {
        assertEquals(Optional.of("mailpath: 'chek' is not a command or a file (did you mean 'check'?). Commands:"
                + " analyze, check, probe; see mailpath --help."),
                Launcher.refusal(new String[] {"chek", "example.com"}, DISPLAY));
        assertEquals(Optional.of("mailpath: 'analyse' is not a command or a file (did you mean 'analyze'?)."
                + " Commands: analyze, check, probe; see mailpath --help."),
                Launcher.refusal(new String[] {"analyse", "x.txt"}, DISPLAY), "the British spelling");
        assertEquals(Optional.of("mailpath: 'dmarc' is not a command or a file. Commands: analyze, check, probe;"
                + " see mailpath --help."), Launcher.refusal(new String[] {"dmarc"}, DISPLAY), "nothing near");
        assertTrue(Launcher.refusal(new String[] {"CHECK", "example.com"}, DISPLAY).orElseThrow()
                .contains("(did you mean 'check'?)"));
        assertTrue(Launcher.refusal(new String[] {"\u001b[2Jx"}, DISPLAY).orElseThrow()
                .startsWith("mailpath: '[U+001B][2Jx' is not"), "no escape sequence reaches the terminal");
    }

    @Test
    void aFileOrALogNameOpensTheWindowEvenIfMissing() throws Exception {
        Path noExtension = Files.createFile(dir.resolve("emaillog"));
        assertEquals(Optional.empty(), Launcher.refusal(new String[] {noExtension.toString()}, DISPLAY));
        assertEquals(Optional.empty(), Launcher.refusal(new String[] {"missing.csv"}, DISPLAY),
                "the app says the file is missing");
        assertEquals(Optional.empty(), Launcher.refusal(new String[] {}, DISPLAY));
    }

    @Test
    void withoutADisplayTheWindowIsNotTried() {
        if (System.getProperty("os.name").startsWith("Linux")) {
            assertTrue(Launcher.refusal(new String[] {}, Map.of()).orElseThrow()
                    .startsWith("mailpath: the window needs a graphical display"));
            assertEquals(Optional.empty(), Launcher.refusal(new String[] {}, Map.of("WAYLAND_DISPLAY", "wayland-0")));
        }
    }

    /**
     * A DISPLAY that is set but where no X server listens (an SSH session's forwarding gone stale): the real launcher,
     * in a JVM of its own started as the jar starts, with the real toolkit (not the tests' headless Monocle), so that
     * GTK fails to open it. It must say so in one line, exit 2, and show no stack trace.
     */
    @Test
    void aDisplaySetButUnreachableIsSaidInOneLine() throws Exception {
        assumeTrue(System.getProperty("os.name").startsWith("Linux"), "GTK's display is a Linux matter");
        // display :77 is the socket /tmp/.X11-unix/X77; with no file there nothing can answer
        assumeFalse(Files.exists(Path.of("/tmp/.X11-unix/X77")), "an X server listens on :77 here");
        Path log = Files.writeString(dir.resolve("log.csv"), "Date,Recipient\n");
        ProcessBuilder builder = new ProcessBuilder(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--enable-native-access=ALL-UNNAMED", "-cp", System.getProperty("java.class.path"),
                Launcher.class.getName(), log.toString()))
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(dir.resolve("stderr.txt").toFile());
        builder.environment().remove("WAYLAND_DISPLAY");
        builder.environment().put("DISPLAY", ":77");
        builder.environment().put("HOME", dir.toString()); // no settings file of the machine's user is touched
        Process child = builder.start();
        // a guard against a hang only: the toolkit fails at once when nothing answers
        assertTrue(child.waitFor(120, TimeUnit.SECONDS), "the launcher ended");
        List<String> stderr = Files.readAllLines(dir.resolve("stderr.txt"), StandardCharsets.UTF_8);
        assertEquals(2, child.exitValue(), String.join("\n", stderr));
        // the whole of stderr: neither a stack trace nor JavaFX's warning about running from the class path
        assertEquals(List.of("mailpath: the window needs a graphical display, and none could be opened at"
                + " DISPLAY=:77. To analyse " + log + " on the command line: mailpath analyze " + log + "; see"
                + " mailpath analyze --help."), stderr);
    }

    @Test
    void withoutAUtf8LocaleTheLinesKeepTheirWordsInsteadOfQuestionMarks() {
        String line = Launcher.noDisplayReached(new String[] {}, Map.of());
        ByteArrayOutputStream ascii = new ByteArrayOutputStream();
        Launcher.tell(line, ascii, StandardCharsets.US_ASCII);
        // the JDK's own encoder printed "mailpath analyze|check|probe ?;" here
        assertEquals("mailpath: the window needs a graphical display, and none could be opened. On the command line:"
                + " mailpath analyze|check|probe ...; see mailpath --help." + System.lineSeparator(),
                ascii.toString(StandardCharsets.US_ASCII));
        ByteArrayOutputStream named = new ByteArrayOutputStream();
        Launcher.tell(Launcher.refusal(new String[] {"b\u00fccher"}, DISPLAY).orElseThrow(), named,
                StandardCharsets.US_ASCII);
        assertTrue(named.toString(StandardCharsets.US_ASCII).startsWith("mailpath: 'b[U+00FC]cher' is not a command"),
                named.toString(StandardCharsets.US_ASCII));
        ByteArrayOutputStream utf8 = new ByteArrayOutputStream();
        Launcher.tell(line, utf8, StandardCharsets.UTF_8);
        assertEquals(line + System.lineSeparator(), utf8.toString(StandardCharsets.UTF_8), "as it is where it can be");
    }

    /** The launcher as started from a shell with LANG unset (the C locale, ASCII) and no display. */
    @Test
    void withLangUnsetTheRefusalIsWrittenInAscii() throws Exception {
        assumeTrue(System.getProperty("os.name").startsWith("Linux"), "the C locale's ASCII is a POSIX matter");
        ProcessBuilder builder = new ProcessBuilder(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Launcher.class.getName()))
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(dir.resolve("stderr.txt").toFile());
        for (String name : List.of("LANG", "LC_ALL", "LC_CTYPE", "DISPLAY", "WAYLAND_DISPLAY")) {
            builder.environment().remove(name);
        }
        builder.environment().put("HOME", dir.toString());
        Process child = builder.start();
        assertTrue(child.waitFor(120, TimeUnit.SECONDS), "the launcher ended");
        String stderr = Files.readString(dir.resolve("stderr.txt"), StandardCharsets.ISO_8859_1);
        assertEquals(2, child.exitValue(), stderr);
        assertEquals("mailpath: the window needs a graphical display, and none is set (DISPLAY, WAYLAND_DISPLAY). On"
                + " the command line: mailpath analyze|check|probe ...; see mailpath --help.\n", stderr);
    }

    /**
     * {@code mailpath Grüße.csv} in the C locale: the JDK decoded the name as ASCII, each byte of ü and ß now
     * U+FFFD. No file has that name and no command given with it could work: the line says what {@code analyze}
     * says of the same argument (characters lost, run with LANG=C.UTF-8), display or not.
     */
    @Test
    void anArgumentThatLostCharactersIsSaidSoNotGivenAsACommandToRun() {
        String[] args = {"Gr\uFFFD\uFFFD\uFFFD\uFFFDe.csv"};
        for (Map<String, String> env : List.of(Map.<String, String>of(), DISPLAY)) {
            String line = Launcher.refusal(args, env).orElseThrow();
            assertTrue(line.startsWith("mailpath: argument 'Gr????e.csv': "), line);
            assertFalse(line.contains("analyze"), "no command that cannot work: " + line);
            assertFalse(line.contains("\uFFFD"), line);
        }
        assertEquals(Optional.empty(), Launcher.refusal(new String[] {"Grüße.csv"}, DISPLAY), "a name kept whole");
    }

    /** The same as the command line's analyze, started with LANG unset (ASCII) and no display. */
    @Test
    void withLangUnsetAFileNameThatLostCharactersGetsTheCommandLinesLine() throws Exception {
        assumeTrue(System.getProperty("os.name").startsWith("Linux"), "the C locale's ASCII is a POSIX matter");
        assumeTrue("UTF-8".equals(System.getProperty("sun.jnu.encoding")), "the test passes ü on as UTF-8 bytes");
        String launcher = run(Launcher.class.getName(), "Grüße.csv");
        String analyze = run(Launcher.class.getName(), "analyze", "Grüße.csv");
        assertEquals("mailpath: argument 'Gr????e.csv': characters the locale's encoding (ANSI_X3.4-1968, not UTF-8)"
                + " cannot hold were lost before MailPath got it; run with LANG=C.UTF-8\n", launcher);
        assertTrue(analyze.endsWith(launcher.substring(launcher.indexOf("'Gr"))), analyze);
    }

    /** The stderr of {@code main} with {@code args}, started with LANG unset and no display; exit code 2. */
    private String run(String main, String... args) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), main));
        command.addAll(List.of(args));
        Path err = Files.createTempFile(dir, "stderr", ".txt");
        ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(err.toFile());
        for (String name : List.of("LANG", "LC_ALL", "LC_CTYPE", "DISPLAY", "WAYLAND_DISPLAY")) {
            builder.environment().remove(name);
        }
        builder.environment().put("HOME", dir.toString());
        builder.directory(dir.toFile());
        Process child = builder.start();
        assertTrue(child.waitFor(120, TimeUnit.SECONDS), "it ended");
        String stderr = Files.readString(err, StandardCharsets.ISO_8859_1);
        assertEquals(2, child.exitValue(), stderr);
        return stderr;
    }

    @Test
    void anUnreachableDisplayIsNamedAsSet() {
        assertEquals("mailpath: the window needs a graphical display, and none could be opened at"
                + " DISPLAY=localhost:10.0, WAYLAND_DISPLAY=wayland-9. On the command line: mailpath"
                + " analyze|check|probe …; see mailpath --help.",
                Launcher.noDisplayReached(new String[] {},
                        Map.of("DISPLAY", "localhost:10.0", "WAYLAND_DISPLAY", "wayland-9")));
    }

    /**
     * {@code mailpath s.csv --format json} without a display: the option shows the command line was wanted, so the
     * line gives the command that analyses the file with those options, ready to copy (a file alone still opens the
     * app, never runs analyze on a guess).
     */
    @Test
    void withoutADisplayAFileAndItsOptionsAreGivenAsTheCommandThatAnalysesThem() {
        assumeTrue(System.getProperty("os.name").startsWith("Linux"), "no display variable elsewhere");
        assertEquals(Optional.of("mailpath: the window needs a graphical display, and none is set (DISPLAY,"
                + " WAYLAND_DISPLAY). To analyse s.csv on the command line: mailpath analyze s.csv --format json;"
                + " see mailpath analyze --help."),
                Launcher.refusal(new String[] {"s.csv", "--format", "json"}, Map.of()));
        assertEquals(Optional.of("mailpath: the window needs a graphical display, and none is set (DISPLAY,"
                + " WAYLAND_DISPLAY). To analyse s.csv on the command line: mailpath analyze s.csv;"
                + " see mailpath analyze --help."),
                Launcher.refusal(new String[] {"s.csv"}, Map.of()), "a file alone is named too");
        assertEquals(Optional.of("mailpath: the window needs a graphical display, and none is set (DISPLAY,"
                + " WAYLAND_DISPLAY). On the command line: mailpath analyze|check|probe …; see mailpath --help."),
                Launcher.refusal(new String[] {}, Map.of()), "nothing given: the commands");
    }

    @Test
    void theCommandGivenForAnUnreachableDisplayIsQuotedForTheShell() {
        assertEquals("mailpath: the window needs a graphical display, and none could be opened at DISPLAY=:77."
                + " To analyse 'my log.csv' and b.csv on the command line: mailpath analyze 'my log.csv' b.csv"
                + " --report 'it'\\''s.pdf'; see mailpath analyze --help.",
                Launcher.noDisplayReached(new String[] {"my log.csv", "b.csv", "--report", "it's.pdf"},
                        Map.of("DISPLAY", ":77")));
        assertEquals("mailpath: the window needs a graphical display, and none could be opened at DISPLAY=:77."
                + " To analyse a.csv, b.csv and c.csv on the command line: mailpath analyze a.csv b.csv c.csv; see"
                + " mailpath analyze --help.",
                Launcher.noDisplayReached(new String[] {"a.csv", "b.csv", "c.csv"}, Map.of("DISPLAY", ":77")));
        assertTrue(Launcher.noDisplayReached(new String[] {"x\u001b[2J.csv"}, Map.of("DISPLAY", ":77"))
                .contains("mailpath analyze 'x[U+001B][2J.csv'"), "no escape sequence reaches the terminal");
    }

    @Test
    void theCommandLineKeepsDnsjavasValidatorLinesOffTheTerminal() {
        // the logger dnsjava's DNSSEC validator writes "RRset … failed to verify" to (slf4j-jdk14 names it so)
        java.util.logging.Logger verifier = java.util.logging.Logger.getLogger("org.xbill.DNS.dnssec.DnsSecVerifier");
        java.util.logging.Logger dnsjava = java.util.logging.Logger.getLogger("org.xbill.DNS");
        java.util.logging.Level before = dnsjava.getLevel();
        try {
            assertTrue(verifier.isLoggable(java.util.logging.Level.WARNING), "JUL's default lets a warning through");
            Launcher.quietLibraryLogs();
            assertFalse(verifier.isLoggable(java.util.logging.Level.WARNING));
            assertFalse(verifier.isLoggable(java.util.logging.Level.INFO));
            assertTrue(verifier.isLoggable(java.util.logging.Level.SEVERE));
        } finally {
            dnsjava.setLevel(before);
        }
    }
}
