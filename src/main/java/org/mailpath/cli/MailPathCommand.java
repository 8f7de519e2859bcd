package org.mailpath.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.function.Supplier;
import org.mailpath.engine.common.CancelledException;
import org.mailpath.engine.common.MailPathVersion;
import org.mailpath.engine.common.UserFolders;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The headless command line: {@code mailpath analyze|check|probe …}. */
@Command(name = "mailpath", mixinStandardHelpOptions = true, versionProvider = MailPathCommand.Version.class,
        description = {"Finds out why Salesforce email did not arrive.",
                "With no command, or a log file alone (mailpath LOG.csv), it opens the app."},
        exitCodeListHeading = ExitCodeHelp.HEADING,
        exitCodeList = {"0:done (findings are not failures)", ExitCodeHelp.INTERNAL,
                "2:unusable input or arguments (one line on stderr), also " + ExitCodeHelp.OUTPUT_LOST,
                "3:with --fail-on: a finding at that level or worse", ExitCodeHelp.NOT_CHECKED,
                ExitCodeHelp.CANCELLED},
        subcommands = {AnalyzeCommand.class, CheckCommand.class, ProbeCommand.class,
                CommandLine.HelpCommand.class})
public final class MailPathCommand implements Runnable {

    /** What the JDK puts for the bytes of an argument that the locale's encoding cannot read. */
    private static final char LOST = '\uFFFD';

    /** Exit code: unusable input or arguments. */
    public static final int EXIT_USAGE = 2;
    /** Exit code: internal error. */
    public static final int EXIT_INTERNAL = 1;
    /** Exit code with {@code --fail-on LEVEL}: a finding at that level or worse was found. */
    public static final int EXIT_FINDINGS = 3;
    /** Exit code with {@code --fail-on LEVEL}: no such finding, but a check was not made ({@link FailOn#notMade}). */
    public static final int EXIT_NOT_CHECKED = 4;
    /** Exit code: stopped by the user (Ctrl-C), as a shell reports SIGINT. */
    public static final int EXIT_CANCELLED = 130;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Runs the command line with standard streams; returns the exit code. */
    public static int run(String... args) {
        PrintWriter err = errorWriter(System.err, System.err.charset());
        int code = run(System.out, System.out.charset(), err, args);
        // System.out, a PrintStream, swallows write failures as a PrintWriter does: ask it too
        return code == 0 && System.out.checkError() ? outputLost(err) : code;
    }

    /**
     * The writer for lines to the terminal's error stream in its locale's {@code encoding}, as every message of
     * MailPath's own reaches it (the launcher's too): messages name files and domains as typed, an IDN shown as
     * {@code [U+00FC]} where the locale cannot, not as {@code ?}, and MailPath's own typography ({@code …}) as its
     * ASCII stand-in ({@link LocaleWriter}). Flushes at each line.
     */
    public static PrintWriter errorWriter(OutputStream stream, Charset encoding) {
        return new PrintWriter(new LocaleWriter(new OutputStreamWriter(stream, encoding), encoding, () -> { }), true);
    }

    /**
     * Runs the command line writing to {@code stdout}, its text in {@code encoding} (the locale's, which may not hold
     * every character: {@link StandardOutput}) and its JSON in UTF-8; returns the exit code.
     */
    static int run(OutputStream stdout, Charset encoding, PrintWriter err, String... args) {
        PrintWriter out = new StandardOutput(stdout, encoding, () -> err.println("mailpath: the locale's encoding ("
                + encoding.name() + ") cannot show some characters of the output, shown as [U+XXXX] instead; run"
                + " with LANG=C.UTF-8 to see them"));
        return run(out, err, args);
    }

    /** Runs the command line with the given streams (tests); returns the exit code. */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        CommandLine cl = configure(new CommandLine(new MailPathCommand()), out, err);
        // checkError flushes; a full disk or a closed pipe is otherwise lost without a word, and exit 0 would tell a
        // script that the cut-off JSON it got is whole. Its line goes after what the command left unflushed on stderr.
        int code = withOutputChecked(cl.execute(args), out, cl.getErr());
        cl.getErr().flush();
        err.flush();
        return code;
    }

    /**
     * {@code code}, or {@link #EXIT_USAGE} with its line on {@code err} when {@code code} is 0 but {@code out} lost
     * some of the output, as {@link #run(PrintWriter, PrintWriter, String...)} ends. A command under {@link
     * CancelOnShutdown} asks as it ends, so that a signal after its output ends the JVM with this code too; asked again
     * after it, the code is no longer 0 and the line not said twice.
     */
    static int withOutputChecked(int code, PrintWriter out, PrintWriter err) {
        boolean lost = out.checkError();
        return code == 0 && lost ? outputLost(err) : code;
    }

    /**
     * The one line for work that ran out of Java's memory or stack ({@link ResourceLimits}), exit 1. The log and the
     * report are dropped by then, so there is room to say it.
     */
    private static int outOfResources(VirtualMachineError e, CommandLine.ParseResult parseResult, PrintWriter err) {
        System.getLogger(MailPathCommand.class.getName()).log(System.Logger.Level.ERROR, "out of resources", e);
        CommandLine.ParseResult command = parseResult;
        while (command.subcommand() != null) {
            command = command.subcommand();
        }
        boolean report = command.hasMatchedOption("--report");
        err.println("mailpath: " + (e instanceof StackOverflowError ? ResourceLimits.stackLine()
                : ResourceLimits.memoryLine(report ? "this report" : "this work", report
                        && ResourceLimits.domainHelps(command.matchedOptionValue("--domain", List.<String>of()).size(),
                        command.hasMatchedOption("--message-id")))));
        err.flush();
        return EXIT_INTERNAL;
    }

    /**
     * Where the details of an internal error are: the log file this process writes (an app open at the same time
     * writes its own), named only when it is there (a folder that could not be written leaves none, and a path to
     * nothing would send the user looking).
     */
    static String detailsInLog() {
        return UserFolders.logFile().map(log -> " (details in " + log + ")").orElse("");
    }

    /**
     * What {@code render} gives with {@link Locale#ROOT} as the default locale, of every category, for its duration:
     * the command line runs it on its one thread, before any work starts.
     */
    static String inRootLocale(Supplier<String> render) {
        Locale before = Locale.getDefault();
        Locale display = Locale.getDefault(Locale.Category.DISPLAY);
        Locale format = Locale.getDefault(Locale.Category.FORMAT);
        Locale.setDefault(Locale.ROOT);
        try {
            return render.get();
        } finally {
            Locale.setDefault(before);
            Locale.setDefault(Locale.Category.DISPLAY, display);
            Locale.setDefault(Locale.Category.FORMAT, format);
        }
    }

    private static int outputLost(PrintWriter err) {
        err.println("mailpath: the output could not be written in full (the disk is full, or what reads it stopped"
                + " reading)");
        err.flush();
        return EXIT_USAGE;
    }

    /** {@code text} with control and invisible format characters as {@code [U+XXXX]}, as all output shows them. */
    public static String terminalSafe(String text) {
        return TerminalSafeWriter.escape(text);
    }

    /** Gives a command line (the whole tool or one command, for tests) the streams, exit codes and error handling. */
    static CommandLine configure(CommandLine cl, PrintWriter out, PrintWriter err) {
        cl.setOut(out);
        // messages quote what was typed or what a server sent: nothing in them may drive the terminal
        cl.setErr(TerminalSafeWriter.wrapAutoFlush(err));
        cl.setCaseInsensitiveEnumValuesAllowed(true); // --format JSON, as analyze always took it
        NumberArguments.register(cl);
        CommandLine help = cl.getSubcommands().get("help");
        if (help != null) { // worded as the other commands are, not picocli's "Display help information about …"
            help.getCommandSpec().usageMessage().header("Shows a command's help: mailpath help analyze.")
                    .description();
        }
        // picocli sorts the options by their names upper-cased in the default locale: in Turkish "--ip" became "--İP",
        // listed after "--timeout". The help is one text on every system, as the README shows it.
        Map<String, CommandLine.IHelpSectionRenderer> sections = new LinkedHashMap<>(cl.getHelpSectionMap());
        sections.replaceAll((key, section) -> h -> inRootLocale(() -> section.render(h)));
        cl.setHelpSectionMap(sections);
        cl.setExitCodeExceptionMapper(e -> e instanceof CommandLine.ParameterException ? EXIT_USAGE : EXIT_INTERNAL);
        // picocli hands only Exceptions to the handler below: an Error would leave execute() as a stack trace
        CommandLine.IExecutionStrategy strategy = cl.getExecutionStrategy();
        cl.setExecutionStrategy(parseResult -> {
            Optional<String> lost = lostCharacters(parseResult);
            if (lost.isPresent()) {
                cl.getErr().println(lost.get());
                return EXIT_USAGE;
            }
            try {
                return strategy.execute(parseResult);
            } catch (OutOfMemoryError | StackOverflowError e) {
                return outOfResources(e, parseResult, cl.getErr());
            }
        });
        cl.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            if (e instanceof CancelledException) {
                commandLine.getErr().println("mailpath: cancelled");
                return EXIT_CANCELLED;
            }
            // No stack trace and no Java class name reach a user: one line on stderr, details in the log file.
            System.getLogger(MailPathCommand.class.getName()).log(System.Logger.Level.ERROR, "internal error", e);
            String detail = e.getMessage() == null || e.getMessage().isBlank()
                    ? "an unexpected failure without details" : e.getMessage().lines().findFirst().orElse("");
            commandLine.getErr().println("mailpath: internal error: " + detail + detailsInLog());
            return EXIT_INTERNAL;
        });
        cl.setParameterExceptionHandler((thrown, a) -> {
            // "cannot convert '??rende.csv' to interface java.nio.file.Path (java.nio.file.InvalidPathException…)"
            // said neither what happened nor what to do
            Optional<String> lost = lostCharacters(thrown, a);
            if (lost.isPresent()) {
                thrown.getCommandLine().getErr().println(lost.get());
                return EXIT_USAGE;
            }
            Optional<String> helpTopic = unknownHelpTopic(thrown);
            if (helpTopic.isPresent()) {
                thrown.getCommandLine().getErr().println(helpTopic.get());
                return EXIT_USAGE;
            }
            CommandLine.ParameterException e = unmatchedFirst(thrown);
            e.getCommandLine().getErr().println("mailpath: " + unknownOptions(e).orElse(e.getMessage())
                    + suggestion(e));
            return EXIT_USAGE;
        });
        return cl;
    }

    /**
     * The one line for an argument whose characters the JDK lost before {@code main} ran: it decodes the arguments
     * by the locale's encoding ({@code sun.jnu.encoding}), and under LANG=C (cron, Docker, systemd) that is ASCII, so
     * that {@code Ärende.csv} arrives as {@code \uFFFD\uFFFDrende.csv}, a name no file has, and {@code bücher.de} as
     * no domain name. The bytes are gone by then: all there is to do is to say so, naming the argument, and how to
     * run instead. Empty when no argument of the command line lost any.
     */
    static Optional<String> lostCharacters(CommandLine.ParseResult parseResult) {
        for (CommandLine.ParseResult r = parseResult; r != null; r = r.subcommand()) {
            for (CommandLine.Model.ArgSpec arg : r.matchedArgs()) {
                for (String value : arg.originalStringValues()) {
                    if (value.indexOf(LOST) >= 0) {
                        return Optional.of(lostLine(Optional.of(arg), value, argumentEncoding()));
                    }
                }
            }
        }
        return Optional.empty();
    }

    /** As {@link #lostCharacters(CommandLine.ParseResult)}, for arguments picocli could not parse ({@code args}). */
    private static Optional<String> lostCharacters(CommandLine.ParameterException e, String[] args) {
        if (e.getValue() != null && e.getValue().indexOf(LOST) >= 0) {
            return Optional.of(lostLine(Optional.ofNullable(e.getArgSpec()), e.getValue(), argumentEncoding()));
        }
        return lostCharacters(args);
    }

    /**
     * As {@link #lostCharacters(CommandLine.ParseResult)}, for {@code args} not parsed as a command: the launcher's
     * file arguments for the window ({@code mailpath Grüße.csv}), which lost the same characters before it ran.
     * Empty when none lost any.
     */
    public static Optional<String> lostCharacters(String[] args) {
        for (String arg : args) {
            if (arg.indexOf(LOST) >= 0) {
                return Optional.of(lostLine(Optional.empty(), arg, argumentEncoding()));
            }
        }
        return Optional.empty();
    }

    /**
     * {@code mailpath: FILE '??rende.csv': …}: the argument (an option by its name, a parameter by its label) and why
     * its characters were lost, given the encoding the arguments were read in.
     */
    static String lostLine(Optional<CommandLine.Model.ArgSpec> arg, String value, String encoding) {
        String name = arg.map(a -> a instanceof CommandLine.Model.OptionSpec o ? o.longestName() : a.paramLabel())
                .orElse("argument");
        String why = Charset.isSupported(encoding) && Charset.forName(encoding).equals(StandardCharsets.UTF_8)
                ? "it holds bytes that are not UTF-8, the locale's encoding, and they were lost; give it in UTF-8"
                : "characters the locale's encoding (" + encoding + ", not UTF-8) cannot hold were lost before"
                        + " MailPath got it; run with LANG=C.UTF-8";
        return "mailpath: " + name + " '" + value.replace(LOST, '?') + "': " + why;
    }

    /** The encoding the JDK read the arguments in. */
    private static String argumentEncoding() {
        return System.getProperty("sun.jnu.encoding", Charset.defaultCharset().name());
    }

    /**
     * The error to show for {@code e}: picocli finds a missing parameter before an argument it did not know, so
     * {@code check -foo.com} said "Missing required parameter: 'DOMAIN'" where the argument it took for an unknown
     * option is the mistake to name.
     */
    static CommandLine.ParameterException unmatchedFirst(CommandLine.ParameterException e) {
        if (!(e instanceof CommandLine.MissingParameterException)) {
            return e;
        }
        List<String> unmatched = e.getCommandLine().getUnmatchedArguments();
        return unmatched.isEmpty() ? e : new CommandLine.UnmatchedArgumentException(e.getCommandLine(), unmatched);
    }

    /**
     * {@code Unknown option: '--formt'} for {@code --formt json}: picocli lists every argument it could not match, so
     * the value typed after a mistyped option was called an option too ({@code Unknown options: '--formt', 'json'}).
     * Only the arguments written as options are named ({@code -} alone, standard input, and negative numbers are
     * values). Empty when {@code e} is not about unknown options, or names no value, and picocli's line is right.
     */
    static Optional<String> unknownOptions(CommandLine.ParameterException e) {
        if (!(e instanceof CommandLine.UnmatchedArgumentException u) || !u.isUnknownOption()) {
            return Optional.empty();
        }
        List<String> options = u.getUnmatched().stream().filter(MailPathCommand::writtenAsOption).toList();
        if (options.isEmpty() || options.size() == u.getUnmatched().size()) {
            return Optional.empty();
        }
        return Optional.of((options.size() == 1 ? "Unknown option: " : "Unknown options: ")
                + String.join(", ", options.stream().map(o -> "'" + o + "'").toList()));
    }

    private static boolean writtenAsOption(String arg) {
        return arg.startsWith("-") && arg.length() > 1 && !arg.matches("-[0-9][0-9.,]*");
    }

    /**
     * {@code " (did you mean --report?)"} for a mistyped option: of picocli's suggestions, those fewest typing
     * mistakes away (picocli's own order put --resolver before --report for --reprot); "" when it has none.
     */
    static String suggestion(CommandLine.ParameterException e) {
        if (!(e instanceof CommandLine.UnmatchedArgumentException u) || u.getUnmatched().isEmpty()) {
            return "";
        }
        String typed = u.getUnmatched().getFirst().split("=", 2)[0];
        if (typed.contains(".")) {
            // no option holds a dot: "-foo.com" is a name with a dash before it, and "--format" no likely meaning
            return "";
        }
        // picocli offers only names sharing the typed start (--formt, not --fromat or analyz): then every option and
        // command of the command line is a candidate, within two typing mistakes
        List<String> candidates = u.getSuggestions().isEmpty() ? allNames(u.getCommandLine()).stream()
                .filter(s -> typed.length() > 3 && Typos.distance(typed, s) <= 2).toList() : u.getSuggestions();
        if (candidates.isEmpty()) {
            return "";
        }
        return " (did you mean " + String.join(" or ", Typos.nearest(typed, candidates)) + "?)";
    }

    /** The commands as every one-line error about a command lists them. */
    public static final String COMMANDS_HINT = "Commands: analyze, check, probe; see mailpath --help.";

    /**
     * Whether {@code arg} is one of {@code analyze}'s options ({@code --format}, {@code --report=x.pdf}): the launcher
     * asks, so that a file given with such an option is not opened in the window with the option's value taken for
     * a second file.
     */
    public static boolean isAnalyzeOption(String arg) {
        // only a word written as an option: picocli's findOption also matches a name without its dashes ("format")
        return arg.startsWith("-") && AnalyzeOptions.SPEC.findOption(arg.split("=", 2)[0]) != null;
    }

    /** analyze's options, read from its picocli model once, when the launcher first asks (never on the CLI's path). */
    private static final class AnalyzeOptions {
        static final CommandLine.Model.CommandSpec SPEC = new CommandLine(new AnalyzeCommand()).getCommandSpec();
    }

    /** The commands a mistyped one is held against ({@code help} too: "hlep"); the launcher sends them to the CLI. */
    public static final List<String> COMMAND_NAMES = List.of("analyze", "check", "probe", "help");

    /**
     * The command {@code typed} most likely means, in the quoted form the errors give ({@code 'analyze'}, or
     * {@code 'check' or 'probe'} when two are as near): one in another letter case, or, for a word over three letters,
     * within two typing mistakes, as mistyped options are suggested (British {@code analyse}, {@code chekc}). Empty
     * when none is that near. Only ever suggested: a command is never run on a guess.
     */
    public static Optional<String> nearestCommand(String typed) {
        String lower = typed.toLowerCase(java.util.Locale.ROOT);
        List<String> nearest = Typos.nearest(lower, COMMAND_NAMES);
        int mistakes = Typos.distance(lower, nearest.getFirst());
        if (mistakes > 0 && (lower.length() <= 3 || mistakes > 2)) {
            return Optional.empty();
        }
        return Optional.of(String.join(" or ", nearest.stream().map(c -> "'" + c + "'").toList()));
    }

    /**
     * The line for {@code mailpath help bogus}: picocli's help command said only "Unknown subcommand 'bogus'.", with
     * neither the commands there are nor the nearest. Empty when {@code e} is not the help command's refusal of a
     * topic.
     */
    private static Optional<String> unknownHelpTopic(CommandLine.ParameterException e) {
        CommandLine.ParseResult parsed = e.getCommandLine().getParseResult();
        if (parsed == null || parsed.subcommand() == null
                || !(parsed.subcommand().commandSpec().userObject() instanceof CommandLine.HelpCommand)
                || e.getValue() == null || e.getCommandLine().getSubcommands().containsKey(e.getValue())) {
            return Optional.empty();
        }
        return Optional.of("mailpath: help: '" + terminalSafe(e.getValue()) + "' is not a command"
                + nearestCommand(e.getValue()).map(c -> " (did you mean " + c + "?)").orElse("") + ". "
                + COMMANDS_HINT);
    }

    /** The long option names and the command names of {@code cl}. */
    private static List<String> allNames(CommandLine cl) {
        List<String> names = new ArrayList<>(cl.getSubcommands().keySet());
        cl.getCommandSpec().options().forEach(o -> names.add(o.longestName()));
        return names;
    }

    /** Where the licenses of what MailPath bundles are, as {@code --version} and the About window say. */
    public static final String THIRD_PARTY_LINE = "Third-party licenses: META-INF/THIRD-PARTY.txt in mailpath.jar"
            + " (and /usr/share/doc/mailpath/copyright from the .deb,"
            + " /usr/share/licenses/mailpath/copyright from the .rpm)";

    /**
     * {@code --version}: MailPath's version, then the runtime's (a bug report wants both) and where the bundled
     * libraries' licenses are, as their licenses ask that the notices go with the program.
     */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"MailPath " + MailPathVersion.version(),
                    "Java " + Runtime.version() + javafxVersion().map(v -> ", JavaFX " + v).orElse(""),
                    THIRD_PARTY_LINE};
        }

        /**
         * JavaFX's version from the file its base jar carries at its root (readable from the class path and from the
         * linked runtime, whose modules do not hide a file outside any package), without starting JavaFX; empty when
         * it is not there.
         */
        static Optional<String> javafxVersion() {
            try (InputStream in = ClassLoader.getSystemResourceAsStream("javafx.properties")) {
                if (in == null) {
                    return Optional.empty();
                }
                Properties properties = new Properties();
                properties.load(in);
                return Optional.ofNullable(properties.getProperty("javafx.version")).filter(v -> !v.isBlank());
            } catch (IOException | IllegalArgumentException e) {
                return Optional.empty();
            }
        }
    }
}
