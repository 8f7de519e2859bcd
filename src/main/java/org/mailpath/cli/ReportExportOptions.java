package org.mailpath.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.mailpath.engine.address.IdnaNames;
import org.mailpath.engine.analysis.LogAnalysis;
import org.mailpath.engine.analysis.MessageChain;
import org.mailpath.engine.check.CheckReport;
import org.mailpath.engine.common.Cancellation;
import org.mailpath.engine.common.Languages;
import org.mailpath.engine.common.MailPathVersion;
import org.mailpath.engine.finding.Finding;
import org.mailpath.engine.report.RawRowSource;
import org.mailpath.engine.report.ReportBuilder;
import org.mailpath.engine.report.ReportModel;
import org.mailpath.engine.report.ReportOptions;
import org.mailpath.engine.report.ReportTexts;
import org.mailpath.report.Paper;
import org.mailpath.report.ReportFormat;
import org.mailpath.report.ReportRenderers;
import org.mailpath.report.io.PlacedAtPointOfNoReturn;
import org.mailpath.report.io.PointOfNoReturn;
import org.mailpath.report.io.ReadLogs;
import org.mailpath.report.io.ReportDestination;
import org.mailpath.report.io.ReportStorage;
import org.mailpath.report.io.ReportWriter;
import org.mailpath.report.io.WriteResult;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The report options of a command ({@code @Mixin ReportExportOptions report;}):
 * {@code --report OUT.pdf|.html|.json|.txt|.csv [--redact] [--domain D]… [--message-id ID]… [--force]
 * [--report-language TAG] [--report-paper SIZE]}.
 * The command calls {@link #validate(List)} before its long work (a wrong extension, an existing file or a folder where
 * no file can be created fails at once, exit 2, before anything is printed) and {@link #export} at the end.
 */
public final class ReportExportOptions {

    /** A {@code --domain} this many typing mistakes from a recipient domain of the log is suggested as a typo of it. */
    private static final int MAX_TYPOS = 2;
    /** A {@code --message-id} at least this long found inside a log's ID is suggested as a part of it. */
    private static final int MIN_PART = 6;
    /** At most this many IDs are suggested for a {@code --message-id}. */
    private static final int MAX_SUGGESTED = 3;

    @Option(names = "--report", paramLabel = "OUT",
            description = "Write a report for the recipient's mail team; the format follows the file's extension: "
                    + "pdf, html, json, txt (a note to paste into an email) or csv (one row per message, for"
                    + " spreadsheets).")
    Path report;

    @Option(names = "--redact", description = "In the report: mask the local parts of addresses (j***@example.com; "
            + "j***1@, j***2@ when several begin alike) and drop Salesforce user IDs, for sending it outside the "
            + "company.")
    boolean redact;

    @Option(names = "--domain", paramLabel = "D", description = "In the report: only messages to this recipient domain "
            + "(repeatable; one that is not a recipient domain of the log is a usage error, and no report is written).")
    List<String> domains = new ArrayList<>();

    @Option(names = "--message-id", paramLabel = "ID", description = "In the report: only this message, by its "
            + "Message ID Header (with or without <>, in any case) or Internal Message ID (repeatable; one that no"
            + " message of the log, or of the --domain, has is a usage error, and no report is written).")
    List<String> messageIds = new ArrayList<>();

    /**
     * Messages a PDF, HTML or text report lists in full unless told otherwise ({@link ReportFormat#DEFAULT_LIST_LIMIT},
     * the app's default too): about 700 PDF pages.
     */
    @Option(names = "--report-limit", paramLabel = "N", defaultValue = "" + ReportFormat.DEFAULT_LIST_LIMIT,
            description = "In a PDF, HTML or text report: list at most N messages with their events and log rows:"
                    + " first one of each outcome, of each cause and of each recipient domain, then the most"
                    + " important of the rest (bounced, then deferred, delivered, received only); the summary,"
                    + " the causes and each domain's counts still cover every message, and the report says how many"
                    + " it lists. 0 lists every one (a big log then makes thousands of pages and needs a large"
                    + " heap). JSON and CSV reports always list every message (default: ${DEFAULT-VALUE}).")
    int listLimit = ReportFormat.DEFAULT_LIST_LIMIT;

    @Option(names = "--force", description = "Overwrite an existing report file (with --report). A read-only one"
            + " (no write permission for its owner; on Windows, the read-only attribute) is refused even so, as cp"
            + " without -f does: make it writable first, or give another name.")
    boolean force;

    @Option(names = "--report-language", paramLabel = "TAG", completionCandidates = OfferedTags.class,
            description = "The language the report is written in, one of: ${COMPLETION-CANDIDATES} (English, en, is "
                    + "the default: a report usually goes to the recipient's mail team). JSON field names and ids "
                    + "stay the same.")
    String language;

    @Option(names = "--report-paper", paramLabel = "SIZE", description = "The paper a PDF report is laid out for: a4"
            + " or letter (US Letter). The default is letter where the system's locale is of the United States,"
            + " Canada, Mexico or the Philippines, else a4. An HTML report prints on the paper the browser is set to.")
    String paper;

    /** The offered languages' tags, for the help text (the list is languages.txt, not code). */
    static final class OfferedTags implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return Languages.offered().stream().map(Locale::toLanguageTag).iterator();
        }
    }

    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    /** Where reports are written (tests: one that signals the run as the report is put in place). */
    ReportStorage storage = ReportStorage.local();

    /** The command's renderers (a run writes at most one report). */
    private final ReportRenderers renderers = new ReportRenderers();

    /** Whether a report was asked for. */
    public boolean requested() {
        return report != null;
    }

    /** The logs the report is made from, which it must never overwrite ({@link #validate(List)}). */
    private List<Path> inputs = List.of();

    /**
     * Checks the options before any work is done; a problem is a usage error (exit 2, one line). Refuses a report
     * that is one of {@code inputs}, the logs it is made from: with {@code --force} it would replace the log (the
     * same file by another path or a link to it too).
     */
    public void validate(List<Path> inputs) {
        this.inputs = List.copyOf(inputs);
        checked();
    }

    /**
     * As {@link #validate(List)}, and returns the report's language (English when none was asked for or no report is),
     * so that {@link #export} resolves {@code --report-language} once and builds the report with that.
     */
    private Locale checked() {
        if (report == null) {
            List<String> given = givenWithoutReport();
            if (!given.isEmpty()) {
                // only those typed: naming all four for a lone --domain sent the reader looking for the others
                throw new CommandLine.ParameterException(spec.commandLine(), (given.size() == 1 ? given.getFirst()
                        + " needs" : String.join(", ", given.subList(0, given.size() - 1)) + " and " + given.getLast()
                        + " need") + " --report OUT");
            }
            return Locale.ENGLISH;
        }
        // Path.of("") is the current folder, which was then said to be "--report  is a folder"; " " is a file name,
        // but never the one meant, and was "--report  : unknown format", the name unseen
        if (report.toString().isBlank()) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--report needs a file name ending in .pdf,"
                    + " .html, .json, .txt or .csv, and was given " + (report.toString().isEmpty() ? "an empty one"
                            : "a blank one ('" + report + "')"));
        }
        if (listLimit < 0) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--report-limit " + listLimit
                    + ": give 0 (every message) or more");
        }
        Locale reportLanguage = reportLanguage();
        paper();
        Path file = report.toAbsolutePath().normalize();
        // a folder first: "--report out" naming an existing folder is not a file name without its extension
        if (Files.isDirectory(file)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--report " + report
                    + " is a folder; give a file name for the report");
        }
        if (ReportFormat.forFile(report).isEmpty()) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--report " + report
                    + ": unknown format; the file name must end in .pdf, .html, .json, .txt or .csv");
        }
        Path folder = file.getParent();
        if (!Files.isDirectory(folder)) {
            Path existing = folder;
            while (existing != null && !Files.exists(existing)) {
                existing = existing.getParent();
            }
            throw new CommandLine.ParameterException(spec.commandLine(), "--report " + report + ": "
                    + (existing != null && !Files.isDirectory(existing)
                            ? existing + " is a file, not a folder"
                            : "the folder " + folder + " does not exist"));
        }
        Path destination = destination();
        // before anything else about an existing file: overwriting the log being analysed loses it for good
        new ReadLogs(inputs).replacedBy(destination).ifPresent(input -> {
            throw new CommandLine.ParameterException(spec.commandLine(), "--report " + report + " is "
                    + (input.toString().equals(report.toString()) ? "" : input + ", ")
                    + WriteResult.Refused.IS_A_LOG_WORDS);
        });
        // tried, not judged by permission bits: root may write anywhere by them, /proc and read-only mounts refuse
        Optional<String> unwritable = new ReportWriter(ReportStorage.local()).whyNotWritable(
                destination.getParent());
        if (unwritable.isPresent()) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--report " + report
                    + " cannot be written: " + unwritable.get().replaceAll("\\.$", ""));
        }
        // the app's rule too (ReportDestination#readOnly): read-only wins over --force; root is refused by the mode
        if (ReportDestination.readOnly(destination)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--report " + report + " is read-only;"
                    + " it is not replaced, even with --force: make it writable first, or give another name");
        }
        if (!force && Files.exists(file)) {
            throw new CommandLine.ParameterException(spec.commandLine(), report
                    + " already exists; use --force to overwrite it");
        }
        return reportLanguage;
    }

    /** The options given that mean something only with {@code --report}, in the order the help lists them. */
    private List<String> givenWithoutReport() {
        CommandLine.ParseResult parsed = spec.commandLine().getParseResult();
        List<String> given = new ArrayList<>();
        if (redact) {
            given.add("--redact");
        }
        if (!domains.isEmpty()) {
            given.add("--domain");
        }
        if (!messageIds.isEmpty()) {
            given.add("--message-id");
        }
        if (force) {
            given.add("--force");
        }
        if (language != null) {
            given.add("--report-language");
        }
        if (paper != null) {
            given.add("--report-paper");
        }
        // its default is a value, so only the parse tells whether it was typed
        if (parsed != null && parsed.hasMatchedOption("--report-limit")) {
            given.add("--report-limit");
        }
        return given;
    }

    /**
     * Where the report is written: {@code --report}'s file, or, where that is a symbolic link, the file it points to
     * ({@link ReportDestination#of}, the app's rule too). A link to nothing is refused.
     */
    private Path destination() {
        return ReportDestination.of(report).orElseThrow(() -> new CommandLine.ParameterException(
                spec.commandLine(), "--report " + report + " is a symbolic link to a file that does not exist; give"
                        + " the report's own path"));
    }

    /** The report options as the engine takes them, the report written in {@code reportLanguage}. */
    private ReportOptions options(Locale reportLanguage) {
        return new ReportOptions(new LinkedHashSet<>(domains), new LinkedHashSet<>(messageIds), redact,
                Instant.now(), MailPathVersion.version()).withLanguage(reportLanguage);
    }

    /** The language asked for, one of those MailPath offers (a usage error otherwise); English when none is. */
    private Locale reportLanguage() {
        if (language == null) {
            return Locale.ENGLISH;
        }
        List<Locale> offered = Languages.offered();
        return Languages.matching(Languages.fromTag(language), offered)
                .orElseThrow(() -> new CommandLine.ParameterException(spec.commandLine(), "--report-language "
                        + language + ": not offered; use one of: "
                        + String.join(", ", offered.stream().map(Locale::toLanguageTag).toList())));
    }

    /**
     * The paper asked for (a usage error for another); when none is, the usual one where the format locale's country
     * is ({@link Paper#usual}).
     */
    private Paper paper() {
        if (paper == null) {
            return Paper.usual();
        }
        return Paper.of(paper).orElseThrow(() -> new CommandLine.ParameterException(spec.commandLine(),
                "--report-paper " + paper + ": not a paper size; use a4 or letter"));
    }

    /**
     * Builds and writes the report; prints one line on {@code err} (the confirmation too, so stdout stays clean for
     * {@code --format json}), and a hint when a report of every domain is written (it is for one mail team). The
     * caller has asked {@link #refusedFilters} first, as {@code analyze} does before its summary. Returns
     * the exit code: 0 written, 2 refused or not writable there (exists and not forced, no folder, no permission, disk
     * full), 1 the report could not be rendered.
     */
    public int export(LogAnalysis analysis, CheckReport checks, List<Finding> extraFindings, RawRowSource rawRows,
                      PrintWriter err) {
        return export(analysis, checks, extraFindings, Map.of(), Map.of(), List.of(rawRows), Cancellation.none(),
                PointOfNoReturn.NONE, err);
    }

    /**
     * As {@link #export(LogAnalysis, CheckReport, List, RawRowSource, PrintWriter)}, with findings known to concern a
     * recipient domain ({@code findingsByDomain}: domain → findings) placed in its section whatever their subject
     * (an MTA-STS verdict names an MX host that may lie in another domain), the hosts a probe reached as a recipient
     * domain's servers ({@code hostsByDomain}: domain → hosts, {@link ReportBuilder#probedHosts}), and one raw-row source per file of the
     * analysis, in its order (several logs analysed together). Once {@code cancellation} is cancelled (Ctrl-C), no
     * report is put in place and nothing is said: the run's cancelling says it. The report is put in place only
     * once {@code end} is passed, and then whatever comes after.
     * @throws org.mailpath.engine.common.CancelledException when cancelled before the report was put in place
     */
    int export(LogAnalysis analysis, CheckReport checks, List<Finding> extraFindings,
               Map<String, List<Finding>> findingsByDomain, Map<String, Set<String>> hostsByDomain,
               List<RawRowSource> rawRows,
               Cancellation cancellation, PointOfNoReturn end, PrintWriter err) {
        Locale reportLanguage = checked();
        ReportFormat format = ReportFormat.forFile(report).orElseThrow();
        // the formats people read; JSON and CSV are for programs and spreadsheets, which take every message
        ReportBuilder builder = new ReportBuilder(analysis, options(reportLanguage)).checks(checks)
                .extraFindings(extraFindings).listLimit(format.listLimit(listLimit));
        findingsByDomain.forEach(builder::extraFindings);
        hostsByDomain.forEach(builder::probedHosts);
        try {
            return export(builder.rawRows(rawRows), format, cancellation, end, err);
        } catch (OutOfMemoryError e) {
            // the model and the half-written document are garbage by now; the temporary file is gone
            // in the log file as DEVELOPERS.md says of running out of memory (its trace names no address)
            System.getLogger(ReportExportOptions.class.getName()).log(System.Logger.Level.ERROR, "report too big", e);
            err.println("mailpath: " + ResourceLimits.memoryLine("this report",
                    ResourceLimits.domainHelps(domains.size(), !messageIds.isEmpty())));
            return MailPathCommand.EXIT_INTERNAL;
        }
    }

    /**
     * "3 messages", or "3 copies of one message" in a report of the copies of one message to several recipients
     * (TitleBlock#copiesOfOneMessage), as the report's title counts them: "3 messages" read as three messages sent.
     */
    private static String included(ReportModel model) {
        long n = model.title().messagesIncluded();
        return model.title().copiesOfOneMessage() ? Counts.number(n) + " copies of one message" : Counts.of(n, "message");
    }

    private int export(ReportBuilder builder, ReportFormat format, Cancellation cancellation, PointOfNoReturn end,
                       PrintWriter err) {
        // the run's cancel stops the build too: on a large log it is seconds of work a Ctrl-C waited out
        ReportModel model = builder.build(cancellation);
        List<String> filters = new ArrayList<>();
        if (!domains.isEmpty()) {
            filters.add("--domain " + String.join(", ", domains));
        }
        if (!messageIds.isEmpty()) {
            filters.add("--message-id " + String.join(", ", messageIds));
        }
        // no message matches: none counted (a --report-limit lists fewer than it counts, never none of some)
        if (model.title().messagesIncluded() == 0 && !filters.isEmpty()) {
            err.println("mailpath: no message of the log matches " + String.join(" and ", filters)
                    + "; the report lists no message.");
        }
        // the writer follows a link and refuses a read-only file by the same rules as checked() (a change meanwhile)
        WriteResult result = new ReportWriter(new PlacedAtPointOfNoReturn(storage, end)).write(report, model,
                renderers.forFormat(format, paper()), force, cancellation);
        return switch (result) {
            case WriteResult.Written w -> {
                err.println("mailpath: report written to " + w.file() + " ("
                        + included(model) + (model.unlistedMessages() == 0
                                ? "" : ", " + model.listedMessages() + " listed (--report-limit)")
                        + ", " + kilobytes(w.bytes()) + ")");
                int domainsIn = model.recipientDomains().size();
                if (domainsIn > 1) {
                    // each domain's mail team should see its own messages only, not other organisations' addresses;
                    // a --message-id (or several --domain) may still take in several domains' messages
                    err.println("mailpath: the report covers " + domainsIn + " recipient domains; for one domain's"
                            + " mail team, write it with --domain DOMAIN" + (redact ? "" : " (and --redact to mask"
                            + " the addresses)") + ".");
                }
                yield 0;
            }
            case WriteResult.Refused r -> {
                err.println("mailpath: " + r.message() + (force || r.reason() != WriteResult.Refusal.EXISTS ? ""
                        : " Use --force to overwrite it."));
                yield MailPathCommand.EXIT_USAGE;
            }
            case WriteResult.Failed f -> {
                err.println("mailpath: " + f.message());
                yield f.internalError() ? MailPathCommand.EXIT_INTERNAL : MailPathCommand.EXIT_USAGE;
            }
        };
    }

    /**
     * Why no report is written when a {@code --domain} is none of the log's recipient domains: for a script that is
     * almost always a typo, and a report without that domain's messages (without any, if it was the only one) would
     * pass unnoticed. With several, one missing refuses them all, so that nothing asked for is silently left out.
     * Says which, and the log's recipient domains nearest to each (as the mistyped options are suggested); where none
     * is within two typing mistakes, the log's domains with the most messages. Empty when every one is in the log.
     */
    private Optional<String> unknownDomains(LogAnalysis analysis) {
        if (domains.isEmpty()) {
            return Optional.empty();
        }
        // matched as DNS names, but measured and shown as written: "bücher.example", not "xn--bcher-kva.example"
        // from the analysis's per-domain counts (every message counted once), not by unpacking every chain again
        Map<String, Long> logged = new HashMap<>();
        analysis.domains().forEach(d -> logged.merge(IdnaNames.toUnicode(IdnaNames.lookupName(d.domain())),
                d.messages(), Long::sum));
        List<String> missing = domains.stream()
                .filter(d -> !logged.containsKey(IdnaNames.toUnicode(IdnaNames.lookupName(d)))).distinct().toList();
        if (missing.isEmpty()) {
            return Optional.empty();
        }
        List<String> near = new ArrayList<>();
        List<String> candidates = List.copyOf(logged.keySet());
        for (String d : missing) {
            if (candidates.isEmpty()) {
                break;
            }
            String typed = IdnaNames.toUnicode(IdnaNames.lookupName(d));
            List<String> nearest = Typos.nearest(typed, candidates);
            // all as many mistakes away: suggested if those are few enough, in alphabetical order
            if (Typos.distance(typed, nearest.getFirst()) <= MAX_TYPOS) {
                nearest.stream().sorted().filter(l -> !near.contains(l)).forEach(near::add);
            }
        }
        String shown = String.join(", ", missing.stream().map(DomainArguments::shown).toList());
        String hint = !near.isEmpty() ? "did you mean " + String.join(" or ", near) + "?"
                : logged.isEmpty() ? "the log has no recipient domain"
                : "its recipient domains with the most messages: " + String.join(", ", logged.entrySet().stream()
                        .sorted(Map.Entry.<String, Long>comparingByValue().reversed()
                                .thenComparing(Map.Entry.comparingByKey()))
                        .limit(3).map(Map.Entry::getKey).toList());
        return Optional.of("--domain " + shown + ": " + (missing.size() == 1 ? "not a recipient domain"
                : "not recipient domains") + " of the log (" + hint + "); no report written");
    }

    /**
     * Whether a report asked for is refused for a {@code --domain} the log does not have or a {@code --message-id} no
     * message of the log (of those domains, with {@code --domain}) has, said on {@code err}: {@code analyze} asks
     * before it prints its summary, so that a refused run (exit 2) writes nothing to stdout.
     */
    boolean refusedFilters(LogAnalysis analysis, PrintWriter err) {
        if (!requested()) {
            return false;
        }
        Optional<String> domain = unknownDomains(analysis);
        LoggedIds logged = domain.isEmpty() ? loggedIds(analysis) : LoggedIds.NONE;
        Optional<String> unknown = domain.or(() -> unknownMessageIds(logged));
        unknown.ifPresent(u -> err.println("mailpath: " + u));
        // the first line stays as it was (scripts may read it); the hint follows on a line of its own
        if (domain.isEmpty() && unknown.isPresent() && someMessageIdHasNoRow(logged)) {
            // resolved as the report's (sv_SE too); validated already, before the log was read
            err.println("mailpath: " + ReportTexts.of(reportLanguage()).get("cli.messageId.noRows"));
        }
        return unknown.isPresent();
    }

    /**
     * Some {@code --message-id} is the ID of no row of the log at all, whatever its recipient domain: Salesforce
     * did not send that message, which the hint under the refusal says where to look for.
     */
    private boolean someMessageIdHasNoRow(LoggedIds logged) {
        return messageIds.stream().anyMatch(id -> !logged.has(ReportOptions.messageIdKey(id)));
    }

    /**
     * The log's message IDs by {@link ReportOptions#messageIdKey}: those of messages in the {@code --domain} scope
     * (every message without it) to the ID as the log writes it, the others to their recipient domain. Every logged
     * ID is in one of the two, so one walk of the chains serves both the refusal and its no-row hint.
     */
    private record LoggedIds(Map<String, String> inScope, Map<String, String> elsewhere) {
        static final LoggedIds NONE = new LoggedIds(Map.of(), Map.of());

        boolean has(String key) {
            return inScope.containsKey(key) || elsewhere.containsKey(key);
        }
    }

    /** The log's IDs as {@link LoggedIds}; none walked without {@code --message-id}, which alone asks for them. */
    private LoggedIds loggedIds(LogAnalysis analysis) {
        if (messageIds.isEmpty()) {
            return LoggedIds.NONE;
        }
        Set<String> wanted = new HashSet<>();
        domains.forEach(d -> wanted.add(IdnaNames.lookupName(d)));
        // key → the ID as the log writes it (in scope), or its message's recipient domain (elsewhere)
        Map<String, String> inScope = new HashMap<>();
        Map<String, String> elsewhere = new HashMap<>();
        for (MessageChain c : analysis.chains()) {
            boolean in = wanted.isEmpty() || wanted.contains(IdnaNames.lookupName(c.recipientDomain()));
            for (String id : List.of(c.messageIdHeader(), c.internalMessageId())) {
                if (!id.isBlank()) {
                    (in ? inScope : elsewhere).putIfAbsent(ReportOptions.messageIdKey(id), in ? id.strip() : c.recipientDomain());
                }
            }
        }
        return new LoggedIds(inScope, elsewhere);
    }

    /**
     * Why no report is written when a {@code --message-id} is the ID of no message of the log, or, with
     * {@code --domain}, of no message to those domains: as with {@code --domain}, an empty report exiting 0 let a
     * mistyped ID pass unnoticed. IDs match as the report matches them (either ID, with or without {@code <>}, in
     * any case), so only a nearer mistake is suggested: the log's IDs within two typing mistakes, or holding the
     * typed one whole (a part copied); with {@code --domain}, the recipient domain of the message that has it.
     */
    private Optional<String> unknownMessageIds(LoggedIds logged) {
        // without --message-id nothing is missing: loggedIds skips the walk of the chains, the one reason to ask first
        Map<String, String> inScope = logged.inScope();
        Map<String, String> elsewhere = logged.elsewhere();
        List<String> missing = messageIds.stream().filter(id -> !inScope.containsKey(ReportOptions.messageIdKey(id))).distinct()
                .toList();
        if (missing.isEmpty()) {
            return Optional.empty();
        }
        String typed = missing.getFirst();
        String key = ReportOptions.messageIdKey(typed);
        String scope = domains.isEmpty() ? "no message of the log has this ID"
                : "no message to " + String.join(", ", domains.stream().map(DomainArguments::shown).toList())
                        + " has this ID";
        String others = missing.size() == 1 ? "" : " (nor " + String.join(", ", missing.subList(1, missing.size())
                .stream().map(DomainArguments::shown).toList()) + ")";
        if (elsewhere.containsKey(key)) {
            return Optional.of("--message-id " + DomainArguments.shown(typed) + ": " + scope + " (it is a message to "
                    + elsewhere.get(key) + ")" + others + "; no report written");
        }
        // a part copied (the ID without its domain) first, else the nearest typing mistakes, as --domain's
        List<String> near = key.length() < MIN_PART ? List.of() : inScope.entrySet().stream()
                .filter(e -> e.getKey().contains(key)).map(Map.Entry::getValue).sorted().distinct()
                .limit(MAX_SUGGESTED).toList();
        if (near.isEmpty()) {
            Map<String, Integer> typos = new HashMap<>();
            inScope.forEach((k, id) -> {
                if (Typos.within(key, k, MAX_TYPOS)) {
                    typos.merge(id, Typos.distance(key, k), Math::min);
                }
            });
            int nearest = typos.values().stream().mapToInt(Integer::intValue).min().orElse(0);
            near = typos.entrySet().stream().filter(e -> e.getValue() == nearest).map(Map.Entry::getKey).sorted()
                    .limit(MAX_SUGGESTED).toList();
        }
        return Optional.of("--message-id " + DomainArguments.shown(typed) + ": " + scope
                + (near.isEmpty() ? "" : " (did you mean " + String.join(" or ", near.stream()
                        .map(DomainArguments::shown).toList()) + "?)")
                + others + "; no report written");
    }

    private static String kilobytes(long bytes) {
        return bytes < 10_240 ? bytes + " bytes" : (bytes + 512) / 1024 + " KB";
    }
}
