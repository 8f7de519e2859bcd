package org.mailpath.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** The {@code --help} texts say what each command takes, as the README does, and nothing it does not take. */
class HelpTextTest {

    @Test
    void checkOffersNoOptionOfAnalyzeOnly() {
        CliRun help = CliRun.of("check", "--help");
        assertEquals(0, help.code());
        assertFalse(help.out().contains("--check-dns"), help.out());
        assertFalse(help.out().contains("--sender-domain"), help.out());
        CliRun r = CliRun.of("check", "example.test", "--sender-domain", "example.test");
        assertEquals(2, r.code());
        assertEquals("mailpath: Unknown option: '--sender-domain'", r.err().strip());
    }

    @Test
    void analyzeStillOffersThem() {
        CliRun help = CliRun.of("analyze", "--help");
        assertTrue(help.out().contains("--check-dns"), help.out());
        assertTrue(help.out().contains("--sender-domain=DOMAIN"), help.out());
    }

    @Test
    void theReportLanguagesAreTheOfferedOnes() {
        String help = CliRun.of("analyze", "--help").out().replaceAll("\\s+", " ");
        assertTrue(help.contains("--report-language=TAG The language the report is written in, one of: en, sv "
                + "(English, en, is the default"), help);
    }

    @Test
    void theReportLimitSaysWhatItCutsAndWhatItDoesNot() {
        String help = CliRun.of("analyze", "--help").out().replaceAll("\\s+", " ");
        assertTrue(help.contains("--report-limit=N In a PDF, HTML or text report: list at most N messages with their"
                + " events and log rows: first one of each outcome, of each cause and of each recipient domain, then"
                + " the most important of the rest"), help);
        assertTrue(help.contains("JSON and CSV reports always list every message (default: 2000)."), help);
    }

    @Test
    void everyCommandNamesTheFormatsAlike() {
        for (String command : new String[] {"analyze", "check", "probe"}) {
            CliRun help = CliRun.of(command, "--help");
            assertTrue(help.out().contains("[--format=text|json]"), command + ": " + help.out());
            assertFalse(help.out().contains("<format>"), command + ": " + help.out());
        }
    }

    @Test
    void theCommandListShowsWholeSentences() {
        CliRun help = CliRun.of("--help");
        String check = help.out().lines().dropWhile(l -> !l.strip().startsWith("check "))
                .takeWhile(l -> !l.strip().startsWith("probe ")).reduce("", (a, b) -> a + " " + b.strip());
        assertTrue(check.strip().endsWith("blocklists."), check);
        CliRun checkHelp = CliRun.of("check", "--help");
        assertFalse(checkHelp.out().lines().anyMatch(l -> l.strip().equals("compliance,") || l.strip().equals("(2) or an")),
                checkHelp.out());
    }

    @Test
    void probeNamesWhatItTakesAsTheReadmeDoes() {
        assertTrue(CliRun.of("probe", "--help").out().contains("DOMAIN|[HOST]|IP..."), CliRun.of("probe", "--help").out());
    }

    @Test
    void formatIsCaseInsensitiveInEveryCommandAsInAnalyze() {
        CheckCommand check = new CheckCommand();
        MailPathCommand.configure(new picocli.CommandLine(check), new PrintWriter(new StringWriter()),
                new PrintWriter(new StringWriter())).parseArgs("example.test", "--format", "JSON");
        assertEquals(CheckCommand.Format.json, check.format);
        ProbeCommand probe = new ProbeCommand();
        MailPathCommand.configure(new picocli.CommandLine(probe), new PrintWriter(new StringWriter()),
                new PrintWriter(new StringWriter())).parseArgs("example.test", "--format", "Text");
        assertEquals(ProbeCommand.Format.text, probe.format);
    }

    @Test
    void everyCommandRefusesAnUnknownFormatInTheSameWords() {
        String[][] runs = {{"analyze", "log.csv"}, {"check", "example.test"}, {"probe", "example.test"}};
        for (String[] run : runs) {
            CliRun r = CliRun.of(run[0], run[1], "--format", "xml");
            assertEquals(2, r.code(), run[0]);
            assertEquals("mailpath: Invalid value for option '--format': unknown format 'xml' (use text or json)",
                    r.err().strip(), run[0]);
        }
    }

    @Test
    void aNumberThatIsNoneIsRefusedWithoutJavaTypeNames() {
        String[][] runs = {
                {"check", "example.test", "--timeout", "abc", "'abc' is not a whole number"},
                {"check", "example.test", "--timeout", "2.5", "'2.5' is not a whole number"},
                {"check", "example.test", "--dns-port", "99999999999", "'99999999999' is out of range"},
                {"probe", "example.test", "--port", "x25", "'x25' is not a whole number"},
                {"probe", "example.test", "--timeout", "ten", "'ten' is not a number"},
                {"analyze", "log.csv", "--banner-timeout", "5m", "'5m' is not a number"}};
        for (String[] run : runs) {
            CliRun r = CliRun.of(java.util.Arrays.copyOf(run, 4));
            assertEquals(2, r.code(), String.join(" ", run));
            assertEquals("mailpath: Invalid value for option '" + run[2] + "': " + run[4], r.err().strip());
        }
        CheckCommand check = new CheckCommand();
        MailPathCommand.configure(new picocli.CommandLine(check), new PrintWriter(new StringWriter()),
                new PrintWriter(new StringWriter())).parseArgs("example.test", "--timeout", "-1", "--dns-port", "5353");
        assertEquals(-1, check.dns.timeoutMillis, "what picocli took is still taken: the range is checked later");
        assertEquals(5353, check.dns.dnsPort);
    }

    @Test
    void everyHelpListsTheExitCodesTheReadmeGives() {
        for (String command : new String[] {"", "analyze", "check", "probe"}) {
            String help = (command.isEmpty() ? CliRun.of("--help") : CliRun.of(command, "--help")).out();
            assertTrue(help.contains("\nExit codes:\n"), command + ": " + help);
            for (String code : new String[] {"0", "1", "2", "130"}) {
                assertTrue(help.contains("\n  " + code + " "), command + " " + code + ": " + help);
            }
            boolean failOn = !command.equals("probe");
            assertEquals(failOn, help.contains("\n  3     with --fail-on"), command + ": " + help);
            assertEquals(failOn, help.contains("\n  4     with --fail-on"), command + ": " + help);
        }
    }

    /** check and probe write no report, so their cancelled line names none (copy review, stop 45, item 2). */
    @Test
    void onlyACommandThatWritesAReportSaysNoneIsPutInPlace() {
        for (String command : new String[] {"", "analyze", "check", "probe"}) {
            String help = CliRun.of(command.isEmpty() ? new String[] {"--help"} : new String[] {command, "--help"})
                    .out().replaceAll("\\s+", " ");
            boolean report = command.equals("analyze") || command.isEmpty();
            assertEquals(report, help.contains("no report is put in place"), command + ": " + help);
            assertTrue(help.contains("what stdout holds is incomplete"), command + ": " + help);
            // picocli wraps after a colon: a URL in a description came out as "(https: //mta-sts.DOMAIN/...)"
            assertFalse(help.contains(": //"), command + ": " + help);
        }
    }

    @Test
    void aMistypedOptionIsAnsweredWithTheOneMeant() {
        String[][] runs = {
                {"analyze", "log.csv", "--reprot", "Unknown option: '--reprot' (did you mean --report?)"},
                {"analyze", "log.csv", "--checkdns", "Unknown option: '--checkdns' (did you mean --check-dns?)"},
                {"check", "example.test", "--fail_on", "Unknown option: '--fail_on' (did you mean --fail-on?)"},
                {"probe", "example.test", "--rcp", "Unknown option: '--rcp' (did you mean --rcpt?)"}};
        for (String[] run : runs) {
            CliRun r = CliRun.of(java.util.Arrays.copyOf(run, 3));
            assertEquals(2, r.code(), run[2]);
            assertEquals("mailpath: " + run[3], r.err().strip());
        }
        assertEquals("mailpath: Unknown option: '--zzzzzz'", CliRun.of("check", "x.test", "--zzzzzz").err().strip(),
                "no suggestion when nothing is near");
        // picocli offers only names with the typed start; a swap of two letters or a command is found too
        assertEquals("mailpath: Unknown option: '--fromat=json' (did you mean --format?)",
                CliRun.of("analyze", "log.csv", "--fromat=json").err().strip());
        assertEquals("mailpath: Unknown option: '--rpct' (did you mean --rcpt?)",
                CliRun.of("probe", "example.test", "--rpct").err().strip());
        // the value after a mistyped option is not an option too: it was "Unknown options: '--formt', 'json'"
        assertEquals("mailpath: Unknown option: '--formt' (did you mean --format?)",
                CliRun.of("analyze", "log.csv", "--formt", "json").err().strip());
        assertEquals("mailpath: Unknown options: '--formt', '--reprot' (did you mean --format?)",
                CliRun.of("analyze", "log.csv", "--formt", "json", "--reprot", "r.pdf").err().strip());
        assertTrue(CliRun.of("analyz", "log.csv").err().strip().endsWith("(did you mean analyze?)"),
                CliRun.of("analyz", "log.csv").err());
        assertTrue(CliRun.of("chek", "example.test").err().strip().endsWith("(did you mean check?)"),
                CliRun.of("chek", "example.test").err());
        assertEquals(1, Typos.distance("--reprot", "--report"));
        assertEquals(0, Typos.distance("--ip", "--ip"));
        assertEquals(3, Typos.distance("", "abc"));
    }

    /**
     * The review: in Turkish picocli upper-cased "--ip" to "--İP" to sort it and listed it after "--timeout". The help
     * is one text on every system; the default locale is as it was after it.
     */
    @Test
    void theHelpIsTheSameInEveryLocale() {
        Locale before = Locale.getDefault();
        String[][] helps = {{"--help"}, {"check", "--help"}, {"analyze", "--help"}, {"probe", "--help"},
                {"help", "check"}};
        try {
            for (String[] help : helps) {
                Locale.setDefault(Locale.ROOT);
                String root = CliRun.of(help).out();
                Locale turkish = Locale.forLanguageTag("tr-TR");
                Locale.setDefault(turkish);
                assertEquals(root, CliRun.of(help).out(), String.join(" ", help));
                assertEquals(turkish, Locale.getDefault(), "the locale is given back");
                assertEquals(turkish, Locale.getDefault(Locale.Category.FORMAT));
            }
        } finally {
            Locale.setDefault(before);
        }
        String check = CliRun.of("check", "--help").out();
        assertTrue(check.indexOf("--ip=IP") < check.indexOf("--timeout="), check);
    }

    @Test
    void theToolsHelpSaysWhatTheReadmeSaysAndEveryCommandIsWordedAlike() {
        String help = CliRun.of("--help").out();
        assertTrue(help.contains("\nWith no command, or a log file alone (mailpath LOG.csv), it opens the app.\n"),
                help);
        assertTrue(help.contains("\n  help     Shows a command's help: mailpath help analyze.\n"), help);
        assertFalse(help.contains("Display help information"), help);
    }

    @Test
    void analyzesFailOnHelpSpeaksOfItsOwnChecksNotOfTheCheckCommand() {
        String help = CliRun.of("analyze", "--help").out().replaceAll("\\s+", " ");
        assertFalse(help.contains("'check --fail-on info'"), help);
        assertTrue(help.contains("so with the DNS checks '--fail-on info' is 3 unless --ip"), help);
    }

    @Test
    void everyCommandsVersionOptionPrintsTheVersion() {
        String version = CliRun.of("--version").out().strip();
        assertTrue(version.startsWith("MailPath "), version);
        List<String> lines = version.lines().toList();
        assertEquals(3, lines.size(), version);
        assertTrue(lines.get(1).startsWith("Java " + Runtime.version() + ", JavaFX 25"), version);
        assertTrue(lines.get(2).contains("META-INF/THIRD-PARTY.txt"), version);
        // the copyright file each Linux package installs (installer/build.sh, installer/linux/mailpath.spec)
        assertTrue(lines.get(2).contains("/usr/share/doc/mailpath/copyright from the .deb"), version);
        assertTrue(lines.get(2).contains("/usr/share/licenses/mailpath/copyright from the .rpm"), version);
        for (String command : new String[] {"analyze", "check", "probe"}) {
            for (String option : new String[] {"--version", "-V"}) {
                CliRun r = CliRun.of(command, option);
                assertEquals(0, r.code(), command + " " + option);
                assertEquals(version, r.out().strip(), command + " " + option);
            }
        }
    }

    @Test
    void whatIsQuotedInAnErrorCannotDriveTheTerminal() {
        // port 0 is refused before the name is looked up: no test asks this computer's resolver
        CliRun r = CliRun.of("check", "example.test", "--resolver", "\u001b[2J\u202eevil:0");
        assertEquals(2, r.code());
        assertFalse(r.err().chars().anyMatch(c -> c == 0x1b || c == 0x202e), r.err());
        assertTrue(r.err().contains("[U+001B][2J[U+202E]evil"), r.err());
    }

    @Test
    void helpForACommandThereIsNotListsTheCommandsInOneLine() {
        CliRun bogus = CliRun.of("help", "bogus");
        assertEquals(2, bogus.code(), bogus.err());
        assertEquals("mailpath: help: 'bogus' is not a command. Commands: analyze, check, probe; see mailpath"
                + " --help.", bogus.err().strip());
        assertEquals("", bogus.out());
        CliRun british = CliRun.of("help", "analyse");
        assertEquals(2, british.code(), british.err());
        assertEquals("mailpath: help: 'analyse' is not a command (did you mean 'analyze'?). Commands: analyze,"
                + " check, probe; see mailpath --help.", british.err().strip());
        assertEquals("", british.out(), "no help is shown for a guess");
        CliRun known = CliRun.of("help", "check");
        assertEquals(0, known.code(), known.err());
        assertTrue(known.out().contains("Usage: mailpath check"), known.out());
    }

    @Test
    void aMistypedCommandIsMatchedToTheNearestWithinTwoTypingMistakes() {
        assertEquals(java.util.Optional.of("'analyze'"), MailPathCommand.nearestCommand("analyse"));
        assertEquals(java.util.Optional.of("'check'"), MailPathCommand.nearestCommand("CHECK"));
        assertEquals(java.util.Optional.of("'probe'"), MailPathCommand.nearestCommand("prboe"));
        assertEquals(java.util.Optional.of("'help'"), MailPathCommand.nearestCommand("hlep"));
        assertEquals(java.util.Optional.empty(), MailPathCommand.nearestCommand("dmarc"));
        assertEquals(java.util.Optional.empty(), MailPathCommand.nearestCommand("chk"), "too short to guess");
    }
}
