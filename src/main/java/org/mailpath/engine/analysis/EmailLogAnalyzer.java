package org.mailpath.engine.analysis;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SequencedMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.stream.IntStream;
import org.mailpath.engine.common.FileNames;
import org.mailpath.engine.common.Cancellation;
import org.mailpath.engine.common.Parallel;
import org.mailpath.engine.common.ProgressListener;
import org.mailpath.engine.log.ColumnMapping;
import org.mailpath.engine.log.CopiedRows;
import org.mailpath.engine.log.DateOrder;
import org.mailpath.engine.log.DatesTold;
import org.mailpath.engine.log.EmailLogReader;
import org.mailpath.engine.finding.LocalText;
import org.mailpath.engine.log.FileProblem;
import org.mailpath.engine.log.FilesGivenOnce;
import org.mailpath.engine.log.LeftOutFiles;
import org.mailpath.engine.log.LogColumn;
import org.mailpath.engine.log.LogLimits;
import org.mailpath.engine.log.LogSource;
import org.mailpath.engine.log.MissingTlsColumn;
import org.mailpath.engine.log.OpenZips;
import org.mailpath.engine.log.PartSinks;
import org.mailpath.engine.log.PartedRead;
import org.mailpath.engine.log.PeriodEnd;
import org.mailpath.engine.log.ReadSummary;
import org.mailpath.engine.log.RejectedCopies;
import org.mailpath.engine.log.RejectedRow;
import org.mailpath.engine.log.UnsharedIds;
import org.mailpath.engine.status.StatusKnowledgeBase;

/**
 * Reads an Email Log (or several, as one) with {@link EmailLogReader} and builds every message chain (key: Message ID
 * Header — or the Internal Message ID when that is empty — and the lower-cased recipient), then judges each chain and
 * counts per verdict, category and recipient domain. Chains come out in the order of their first row in the file (the
 * files in the order given). Exact copies of rows are left out of the chains with one warning per file
 * ({@link RowCopies}).
 */
public final class EmailLogAnalyzer implements LogAnalyzer {

    /** Below this many chains, judging on a second thread costs more than it saves. */
    private static final int PARALLEL_JUDGE_MIN = 20_000;
    /** Chains a judging thread takes at a time. */
    private static final int JUDGE_BLOCK = 4096;

    private final StatusKnowledgeBase knowledge;
    private final EmailLogReader reader;
    /** The org's Email Relay, whose replies are its own (none: every Relay Host is the recipient's). */
    private final RelayHosts relay;

    public EmailLogAnalyzer() {
        this(StatusKnowledgeBase.standard(), LogLimits.DEFAULT);
    }

    public EmailLogAnalyzer(StatusKnowledgeBase knowledge, LogLimits limits) {
        this(knowledge, new EmailLogReader(limits));
    }

    /** With {@code reader}'s limits and size from which a log is read in two halves in parallel. */
    public EmailLogAnalyzer(StatusKnowledgeBase knowledge, EmailLogReader reader) {
        this(knowledge, reader, RelayHosts.none());
    }

    private EmailLogAnalyzer(StatusKnowledgeBase knowledge, EmailLogReader reader, RelayHosts relay) {
        this.knowledge = knowledge;
        this.reader = reader;
        this.relay = Objects.requireNonNull(relay, "relay (RelayHosts.none() without the relay mode)");
    }

    @Override
    public EmailLogAnalyzer withRelayHosts(RelayHosts relay) {
        return new EmailLogAnalyzer(knowledge, reader, relay);
    }

    @Override
    public LogAnalysis analyze(Path file, ProgressListener progress, Cancellation cancellation)
            throws UnusableLogException {
        return analyze(List.of(file), progress, cancellation);
    }

    /**
     * Reads the files one after the other (each with its own header, encoding and format; a zip of several CSVs is
     * those CSVs in the zip's order, {@link LogSource#of}, each a file here) into one set of chains: a chain of a later
     * file whose key is already known gets its events appended ({@link ChainPart#join}), a chain of a
     * file without the Message ID Header column is then joined to the same message's chain of a file with it ({@link
     * ChainPart#joinChainsKeyedByInternalId}), or, where the files share no ID column (one lacks the Internal Message
     * ID), to its one match by recipient, sender and time, with a warning ({@link ChainPart#joinChainsSharingNoId});
     * the judge orders a chain's events by time, those of one second from several files as a message's life goes
     * ({@link LifeOrder}; each file's by line), and leaves out rows that are exact copies of another file's
     * ({@link RowCopies}). So memory grows with the messages, as for one file: there is no set of rows.
     */
    @Override
    public LogAnalysis analyze(List<Path> given, ProgressListener progress, Cancellation cancellation)
            throws UnusableLogException {
        if (given.isEmpty()) {
            throw new IllegalArgumentException("no file to analyse");
        }
        // the same file given twice is read once, with a note: read again, its rows would be taken for copies from
        // an export whose time window overlaps the first
        FilesGivenOnce once = FilesGivenOnce.of(given);
        List<Path> files = once.files();
        // a zip of several CSVs is read as those CSVs given one by one, each named after the zip ("logs.zip!a.csv")
        List<String> fileLabels = FileNames.labelsOf(files);
        List<LogSource> sources = new ArrayList<>(files.size());
        List<String> labels = new ArrayList<>(files.size());
        // per source, the note of its file given more than once (on the file's first source only)
        List<Optional<FileProblem>> givenAgain = new ArrayList<>(files.size());
        for (int f = 0; f < files.size(); f++) {
            Optional<FileProblem> note = once.note(f, fileLabels.get(f));
            for (LogSource s : LogSource.of(files.get(f))) {
                sources.add(s);
                labels.add(s.labelIn(fileLabels.get(f)));
                givenAgain.add(note);
                note = Optional.empty();
            }
        }
        long[] sizes = sources.stream().mapToLong(LogSource::size).toArray();
        Pass pass = readAll(sources, labels, Collections.nCopies(sources.size(), DateOrder.FROM_FIRST_ROWS),
                new FilesProgress(sizes, progress), cancellation);
        Optional<List<DateOrder>> again = DayFirstFiles.readAgainIn(pass.dates(), labels);
        // of the first read: a second one reads the files that told an order in it
        List<Optional<FileProblem>> disagreements = DayFirstFiles.disagreements(pass.dates(), labels);
        if (again.isPresent()) {
            // a file's rows streamed on before its dates showed day first (or none of them could be used): the
            // analysis is redone with it (and those its dates leave open) read day first; the first read's chains are
            // let go first, memory stays bounded. A zip's members start over as if not read yet (LogSource#anew)
            List<FileRead> first = pass.reads();
            pass = null;
            pass = readAll(LogSource.anew(sources), labels, again.get(), FilesProgress.readAgain(sizes, progress,
                    DayFirstFiles.phase(again.get(), labels)), cancellation);
            pass = pass.refusedAsFirst(first, again.get());
        }
        ChainTexts texts = pass.texts();
        List<FileRead> reads = pass.reads();
        if (pass.all().isEmpty() && reads.size() == 1) {
            // a single log that cannot be analysed is refused as it is, not as one of several left out
            throw reads.getFirst().unusable().orElseThrow();
        }
        ChainPart all = pass.all().orElseThrow(
                () -> LeftOutFiles.noneUsable(reads.stream().map(r -> r.unusable().orElseThrow()).toList()));
        UnsharedIdJoin.Outcome guessed = UnsharedIdJoin.Outcome.NONE;
        if (sources.size() > 1 && texts.someFileLacks(LogColumn.MESSAGE_ID_HEADER)) {
            // a message's rows in a file without the column are keyed by its Internal Message ID, not its header
            // and in a file without that column by its header: no key in common
            boolean sharingNoId = texts.someFileLacks(LogColumn.INTERNAL_MESSAGE_ID);
            UnsharedIdCandidates candidates = all.joinChainsKeyedByInternalId(sharingNoId, cancellation);
            if (sharingNoId) {
                guessed = all.joinChainsSharingNoId(candidates, cancellation);
            }
        }
        List<List<FileProblem>> notes = warnings(guessed.notes(), reads);
        for (int k = 0; k < notes.size(); k++) {
            // first: it says why the file is listed once though given more often
            givenAgain.get(k).ifPresent(notes.get(k)::addFirst);
            disagreements.get(k).ifPresent(notes.get(k)::add);
        }
        return summarise(reads, all.finish(), all, filesWithout(LogColumn.TLS_CIPHER, texts, sources.size()),
                notes, guesses(guessed), cancellation);
    }

    /**
     * What one read of the files gave: their texts, each file's reading, and the chains of all (empty when no file
     * could be analysed).
     */
    private record Pass(ChainTexts texts, List<FileRead> reads, Optional<ChainPart> all) {

        /**
         * What each file's dates told of the order of day and month, in file order: from its summary, or for a file
         * left out because none of its rows could be used, from its refusal; empty for one left out otherwise.
         */
        List<Optional<DatesTold>> dates() {
            return reads.stream().map(r -> r.summary().map(ReadSummary::dates)
                    .or(() -> r.unusable().flatMap(UnusableLogException::datesTold))).toList();
        }

        /**
         * This second read, with each file read in the other order than its first rows decided
         * ({@link DateOrder.OtherOrderThanFirstRows}) that is refused again refused as the {@code first} read refused
         * it: that refusal says how its dates contradict each other, read as its first rows decided.
         */
        Pass refusedAsFirst(List<FileRead> first, List<DateOrder> orders) {
            List<FileRead> kept = new ArrayList<>(reads);
            for (int k = 0; k < kept.size(); k++) {
                if (orders.get(k) instanceof DateOrder.OtherOrderThanFirstRows && kept.get(k).summary().isEmpty()) {
                    kept.set(k, first.get(k));
                }
            }
            return new Pass(texts, List.copyOf(kept), all);
        }
    }

    /**
     * Reads {@code sources} one after the other, each named by its label and its dates read in its {@code orders},
     * into one set of chains ({@link #analyze(List, ProgressListener, Cancellation)}).
     */
    private Pass readAll(List<LogSource> sources, List<String> labels, List<DateOrder> orders, FilesProgress overall,
                         Cancellation cancellation) throws UnusableLogException {
        // a zip of several CSVs is opened once for all its members, closed after its last one, and however the read ends
        try (OpenZips zips = OpenZips.of(sources)) {
            return readEach(sources, labels, orders, overall, zips, cancellation);
        }
    }

    /** {@link #readAll}, each zip held open until its last member is read ({@link OpenZips#read}). */
    private Pass readEach(List<LogSource> sources, List<String> labels, List<DateOrder> orders, FilesProgress overall,
                          OpenZips zips, Cancellation cancellation) throws UnusableLogException {
        ChainTexts texts = new ChainTexts();
        // one cache per part for all files, not per file: a zip of thousands of small CSVs is thousands of files
        ChainTextCaches caches = new ChainTextCaches(texts);
        List<FileRead> reads = new ArrayList<>(sources.size());
        // one cap on the problems kept with details for all files together: memory is bounded as for one log
        int cap = reader.limits().maxStoredProblems();
        int kept = 0;
        ChainPart all = null;
        for (int k = 0; k < sources.size(); k++) {
            cancellation.throwIfCancelled();
            PartedRead<ChainPart> read;
            try {
                read = reader.readInParts(sources.get(k), labels.get(k), Math.max(0, cap - kept), orders.get(k),
                        new Sinks(caches, k), overall.ofFile(k), cancellation);
            } catch (UnusableLogException e) {
                // a single log too: refused only if its dates, read again day first, do not make it usable either
                reads.add(new FileRead(sources.get(k).name(), labels.get(k), Optional.empty(),
                        Optional.of(e)));
                overall.fileDone(k, 0);
                continue;
            } finally {
                // its zip closed after its last member, read or refused: held to the read's end, every zip read
                // would stay open (close() lets go of any still held after an error)
                zips.read(sources.get(k));
            }
            ColumnMapping columns = read.summary().mapping();
            // before its chains meet other files' (a row of each is then compared on the columns both have)
            texts.noteColumns(k, columns);
            boolean moreFiles = k + 1 < sources.size();
            List<ChainPart> parts = read.parts();
            ChainPart chains = parts.getFirst();
            for (int i = 1; i < parts.size(); i++) {
                parts.get(i - 1).noteSeam(parts.get(i));
            }
            // once every part is read: a file not in time order is judged in life order, however far it was read
            parts.forEach(ChainPart::rejudgeIfNotInTimeOrder);
            for (int i = 1; i < parts.size(); i++) {
                // a later file looks its chains up in all of this one's, so they are all indexed then
                chains.join(parts.get(i), i + 1 < parts.size() || moreFiles);
            }
            if (all == null) {
                all = chains;
            } else {
                all.join(chains, moreFiles);
            }
            kept += read.summary().problems().size();
            reads.add(new FileRead(sources.get(k).name(), labels.get(k), Optional.of(read.summary()),
                    Optional.empty()));
            overall.fileDone(k, read.summary().rows());
        }
        // before the chains of several files are judged: rows to the minute may then be copies of rows with seconds
        texts.noteFilesRead(sources.size());
        return new Pass(texts, reads, Optional.ofNullable(all));
    }

    /**
     * The chains that {@code outcome} joined by a guess (the kept chain of each pair) or left apart, by key: the key
     * of a chain and of its record, made once the chains are joined.
     */
    private static Map<ChainKey, UnsharedIdGuess> guesses(UnsharedIdJoin.Outcome outcome) {
        Map<ChainKey, UnsharedIdGuess> byKey = new HashMap<>();
        outcome.joinedTo().values().forEach(c -> byKey.put(c.chainKey(), UnsharedIdGuess.JOINED));
        outcome.leftApart().forEach(c -> byKey.put(c.chainKey(), UnsharedIdGuess.LEFT_APART));
        return byKey;
    }

    /**
     * The warnings of the {@code notes} on messages of files sharing no ID column with others ({@link UnsharedIdJoin}),
     * by file index: every message joined by a guess, or left apart for matching more than one, is said.
     */
    private static List<List<FileProblem>> warnings(List<UnsharedIdJoin.FileNote> notes, List<FileRead> reads) {
        List<List<FileProblem>> byFile = new ArrayList<>(reads.size());
        for (int k = 0; k < reads.size(); k++) {
            byFile.add(new ArrayList<>(0));
        }
        for (UnsharedIdJoin.FileNote n : notes) {
            String label = reads.get(n.file()).label();
            List<String> others = n.otherFiles().stream().map(f -> reads.get(f).label()).toList();
            byFile.get(n.file()).add(n.joined()
                    ? UnsharedIds.joined(label, n.messages(), n.rows(), n.lines(), others)
                    : UnsharedIds.notJoined(label, n.messages(), n.rows(), n.lines(), others));
        }
        return byFile;
    }

    /**
     * One file of an analysis, its name and the label it is named by to a person: what reading it gave, or why it
     * could not be analysed.
     */
    private record FileRead(String name, String label, Optional<ReadSummary> summary,
                            Optional<UnusableLogException> unusable) {
    }

    /**
     * One {@link ChainPart} per part, sharing their texts. A part read before the other judges its chains while the
     * other is still read (a chain that then gets more events from a later part is judged again).
     */
    private final class Sinks implements PartSinks<ChainPart> {

        private final ChainTextCaches caches;
        private final int file;

        /**
         * Sinks for the file with index {@code file}, with the texts of all files analysed together and their
         * reading threads' caches.
         */
        Sinks(ChainTextCaches caches, int file) {
            this.caches = caches;
            this.file = file;
        }

        @Override
        public List<ChainPart> create(int parts) {
            // the parts of an attempt given up are dropped, their threads done: their caches are taken on
            return IntStream.range(0, parts).mapToObj(i -> new ChainPart(caches.forPart(i), file, relay))
                    .toList();
        }

        @Override
        public void columnsKnown(ColumnMapping columns) {
            // a part judged ahead tells a file's internal hand-offs by whether it has the TLS_Cipher column
            caches.texts().noteColumns(file, columns);
        }

        @Override
        public void whileOthersRead(ChainPart part, BooleanSupplier othersDone) {
            part.judgeAhead(new ChainJudge(knowledge, relay), othersDone);
        }
    }

    /**
     * Which of several files ({@code count}) lack {@code column} (by file index); none for a single log, whose
     * warnings stay as the reader gave them.
     */
    private static boolean[] filesWithout(LogColumn column, ChainTexts texts, int count) {
        boolean[] lacking = new boolean[count > 1 && texts.someFileLacks(column) ? count : 0];
        for (int k = 0; k < lacking.length; k++) {
            lacking[k] = (texts.lacking(k) & ChainTexts.bit(column)) != 0;
        }
        return lacking;
    }

    /**
     * Judges and counts the chains and gathers the files' problems. {@code noTlsColumn} marks the files without the
     * TLS_Cipher column among several (empty otherwise): their D rows are counted, to restate their warning
     * ({@link #tlsWarning}). {@code joinWarnings}: per file, the warnings of {@link #warnings}, put first;
     * {@code guesses}: the chains they are about ({@link #guesses}).
     */
    private LogAnalysis summarise(List<FileRead> reads, ChainBuilder[] chains, ChainPart span, boolean[] noTlsColumn,
                                  List<List<FileProblem>> joinWarnings, Map<ChainKey, UnsharedIdGuess> guesses,
                                  Cancellation cancellation) {
        // a row dated implausibly (2060, a damaged cell) would make every deferral stale: it is not the log's end
        Optional<ChainPart.LateRow> late = span.endApart(ChainBuilder.RETRY_PERIOD_SECONDS);
        // a plausible last row far after the others is the end judged against; the chains only it makes stale are
        // counted, its warning said only if there are some (a quiet org's last mail a day or two after the one before
        // it is common, and then changes nothing)
        ChainTally tally = judgeAll(chains, span.lastPlausible(),
                late.filter(ChainPart.LateRow::plausible).map(ChainPart.LateRow::before), noTlsColumn, cancellation);
        tally.addCopies(span.copiesJudgedAhead());
        RowCopies copies = tally.copies();
        List<AnalysedFile> files = new ArrayList<>(reads.size());
        List<FileProblem> problems = new ArrayList<>();
        long rows = 0;
        long rejected = 0;
        SequencedMap<String, List<RejectedRow>> rejectedRows = new LinkedHashMap<>();
        for (int k = 0; k < reads.size(); k++) {
            FileRead read = reads.get(k);
            if (read.summary().isEmpty()) {
                // its rows, all rejected, as its refusal says them ("all 99 rows were rejected"); 0 if none was read
                long allRejected = read.unusable().orElseThrow().allRowsRejected().orElse(0);
                files.add(new AnalysedFile(read.name(), allRejected, allRejected, 0, false, read.label()));
                problems.add(LeftOutFiles.problem(read.label(), read.unusable().orElseThrow()));
                continue;
            }
            ReadSummary summary = read.summary().get();
            files.add(new AnalysedFile(read.name(), summary.rows(), summary.rejectedRows(), copies.count(k), true,
                    read.label(), summary.separatorOnlyRows()));
            // before the reader's: like the copies' warning, they concern every count
            problems.addAll(joinWarnings.get(k));
            problems.addAll(problems(reads, k, summary, copies,
                    k < noTlsColumn.length && noTlsColumn[k] ? tally.deliveries(k) : -1));
            rows += summary.rows();
            rejected += summary.rejectedRows();
            rejectedRows.put(read.label(), summary.rejectedRowsKept());
        }
        if (late.isPresent()) {
            ChainPart.LateRow row = late.get();
            String label = reads.get(row.file()).label();
            if (!row.plausible()) {
                problems.add(PeriodEnd.implausible(label, row.line(), row.time(), row.before()));
            } else if (tally.staleByLastRowOnly() > 0) {
                problems.add(PeriodEnd.apart(label, row.line(), row.time(), row.before(), tally.staleByLastRowOnly()));
            }
        }
        if (reads.size() > 1) {
            // a bad row in two overlapping exports is one problem; the files' counts stay what each holds
            problems = RejectedCopies.oncePerRow(problems, rejectedRows);
        }
        // the first file analysed: one left out is no source of the counts (at least one was analysed, or the
        // analysis would have been refused as a whole)
        String first = reads.stream().filter(r -> r.summary().isPresent()).findFirst().orElse(reads.getFirst()).name();
        ChainList chainList = new ChainList(chains);
        // a named relay no row went to is most likely mistyped: said, and the hint kept as without the mode (noted
        // while the rows were read: no walk over the chains' events)
        List<String> unseen = span.relaySightings().unseen();
        if (!unseen.isEmpty()) {
            problems = new ArrayList<>(problems);
            problems.add(new FileProblem(0, "Relay Host", new LocalText(ChainWords.BUNDLE, "relayUnseen",
                    List.of(String.join(", ", unseen))), false).inFile(first));
        }
        if (relay.isEmpty() || !unseen.isEmpty()) {
            // told of no Email Relay (or of one no row went to): one that took mail for several domains is pointed
            // out, for the admin to name (its hosts were noted while the chains were judged)
            Optional<FileProblem> hint = tally.relayHint().problem(first, relay);
            if (hint.isPresent()) {
                problems = new ArrayList<>(problems);
                problems.add(hint.get());
            }
        }
        return new LogAnalysis(first, rows, rejected, problems, chainList,
                tally.verdicts(), tally.deliveredAfterRetry(), tally.bounces(), tally.deferrals(), tally.domains(),
                span.first(), span.last(), tally.staleDeferrals(), files, guesses, tally.staleReceived(), relay);
    }

    /**
     * The problems of file {@code k}: the reader's, after the warning about copies of rows if there were any (it
     * concerns every count). {@code deliveries}: for a file without the TLS_Cipher column among several, its D rows in
     * the chains (else -1): its warning about the column is restated from them ({@link #tlsWarning}).
     */
    private static List<FileProblem> problems(List<FileRead> reads, int k, ReadSummary summary, RowCopies copies,
                                              long deliveries) {
        List<FileProblem> own = deliveries < 0 ? summary.problems()
                : tlsWarning(reads, k, summary.problems(), copies, deliveries);
        long count = copies.count(k);
        if (count == 0) {
            return own;
        }
        List<RowCopies.Copy> first = copies.first(k);
        List<FileProblem> all = new ArrayList<>(summary.problems().size() + 1);
        RowCopies.Copy c = first.getFirst();
        all.add(CopiedRows.warning(reads.get(k).label(), count, copies.secondsDropped(k), first.stream().map(RowCopies.Copy::line).toList(),
                reads.get(c.originalFile()).label(), c.original()));
        all.addAll(own);
        return all;
    }

    /**
     * The problems of file {@code k}, which lacks the TLS_Cipher column, with the reader's warning about that
     * ({@link MissingTlsColumn}) as it holds once the files are analysed together. The column matters for D rows only:
     * one with TLS_Cipher {@code None} is an internal hand-off, not the delivery. A D row of this file that was also in
     * a file with the column was judged by that file's TLS_Cipher (left out as its copy, or kept with the value filled
     * in, {@link ChainEvents#fillFrom}); a copy of another row of this file was left out and its row counts instead. So
     * the file's D rows judged without the column are those in the chains ({@code deliveries}) less those kept with
     * the other file's value, and those left out as copies of another file's row that no file with the column had
     * (that file lacks it too: both files keep the warning, whichever was given first). None: the warning is left
     * out, since no verdict depended on the missing column; a mail admin would otherwise look for results it spoiled
     * and find none (overlapping requests, e.g. an older export beside a newer one of the same days, are common, and
     * the copies already have their own warning and count in the file list). Some, while others were also in a file
     * with the column: the warning says how many of its D rows it applies to and which files the others took the
     * column from, so the admin knows how many verdicts to doubt. Otherwise (none was found elsewhere) it stays as the
     * reader wrote it, as for a single log.
     */
    private static List<FileProblem> tlsWarning(List<FileRead> reads, int k, List<FileProblem> problems,
                                                RowCopies copies, long deliveries) {
        long without = deliveries - copies.tlsFilled(k) + copies.tlsNowhere(k);
        long found = copies.tlsFound(k);
        if (without > 0 && found == 0) {
            return problems;
        }
        List<FileProblem> restated = new ArrayList<>(problems.size());
        for (FileProblem p : problems) {
            if (!MissingTlsColumn.is(p)) {
                restated.add(p);
            } else if (without > 0) {
                restated.add(MissingTlsColumn.partly(p, without, without + found,
                        copies.tlsFrom(k).stream().map(f -> reads.get(f).label()).toList()));
            }
        }
        return restated;
    }

    /**
     * Judges every chain not yet {@link ChainBuilder#judged} and counts them all, on this thread and (for many
     * chains) another one. Chains are independent; each thread has its own {@link ChainJudge}, reply cache and
     * {@link ChainTally}, and takes the next block of chains when it is done with one: the chains judged while the
     * log was read need not be spread evenly. With {@code logEnd}, the time of the log's last event, marks the
     * DEFERRED chains {@link ChainBuilder#stale} and the RECEIVED_ONLY ones {@link ChainBuilder#staleReceived}
     * against it.
     */
    ChainTally judgeAll(ChainBuilder[] chains, Optional<Instant> logEnd, Cancellation cancellation) {
        return judgeAll(chains, logEnd, Optional.empty(), new boolean[0], cancellation);
    }

    /**
     * As {@link #judgeAll(ChainBuilder[], Optional, Cancellation)}, also counting the D rows of the files marked in
     * {@code deliveriesOf} ({@link ChainTally#addDeliveries}; none when it is empty, as for a single log), and, with
     * {@code endWithoutLastRow} (the latest other row's time, when the last row lies more than the retry period after
     * every other row), the chains stale against {@code logEnd} that would not be against it
     * ({@link ChainTally#staleByLastRowOnly}).
     */
    ChainTally judgeAll(ChainBuilder[] chains, Optional<Instant> logEnd, Optional<Instant> endWithoutLastRow,
                        boolean[] deliveriesOf, Cancellation cancellation) {
        AtomicInteger next = new AtomicInteger();
        Throwable[] failure = new Throwable[1];
        ChainTally second = new ChainTally();
        Thread helper = chains.length < PARALLEL_JUDGE_MIN ? null
                : Thread.ofPlatform().name("mailpath-chain-judge").daemon().start(() -> {
                    try {
                        judgeBlocks(chains, next, second, logEnd, endWithoutLastRow, deliveriesOf, cancellation);
                    } catch (RuntimeException | Error e) {
                        failure[0] = e;
                    }
                });
        ChainTally tally = new ChainTally();
        try {
            judgeBlocks(chains, next, tally, logEnd, endWithoutLastRow, deliveriesOf, cancellation);
        } finally {
            if (helper != null) {
                Parallel.joinUninterruptibly(helper);
            }
        }
        if (failure[0] instanceof RuntimeException e) {
            throw e;
        }
        if (failure[0] instanceof Error e) {
            throw e;
        }
        tally.addAll(second);
        return tally;
    }

    private void judgeBlocks(ChainBuilder[] chains, AtomicInteger next, ChainTally tally, Optional<Instant> logEnd,
                             Optional<Instant> endWithoutLastRow, boolean[] deliveriesOf, Cancellation cancellation) {
        ChainJudge judge = new ChainJudge(knowledge, relay);
        boolean countDeliveries = deliveriesOf.length > 0;
        try {
            while (true) {
                int from = next.getAndAdd(JUDGE_BLOCK);
                if (from >= chains.length) {
                    return;
                }
                cancellation.throwIfCancelled();
                for (int i = from; i < Math.min(chains.length, from + JUDGE_BLOCK); i++) {
                    // the events as judged here; a chain judged ahead, while the log was read, unpacks them if asked
                    ChainEvents judged = chains[i].judged() ? null : judge.judge(chains[i]);
                    if (logEnd.isPresent()
                            && chains[i].noteLogEnd(logEnd.get(), endWithoutLastRow.orElse(logEnd.get()))) {
                        tally.addStaleByLastRowOnly();
                    }
                    ChainEvents ev = judged;
                    if (ev == null && countDeliveries) {
                        ev = chains[i].events();
                    }
                    // the Relay Host each chain ended at, for the hint (RelayHostHint): shown without the mode, or
                    // when a named relay took no message (known only once all are judged)
                    tally.add(chains[i], chains[i].statusRelayHost());
                    if (countDeliveries) {
                        tally.addDeliveries(ev, deliveriesOf);
                    }
                }
            }
        } finally {
            tally.addCopies(judge.copies());
        }
    }
}
