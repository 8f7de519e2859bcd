package org.mailpath.engine.analysis;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import org.mailpath.engine.common.FileNames;
import org.mailpath.engine.common.Cancellation;
import org.mailpath.engine.common.Parallel;
import org.mailpath.engine.common.ProgressListener;
import org.mailpath.engine.log.CopiedRows;
import org.mailpath.engine.log.EmailLogReader;
import org.mailpath.engine.log.FileProblem;
import org.mailpath.engine.log.LogLimits;
import org.mailpath.engine.log.PartSinks;
import org.mailpath.engine.log.PartedRead;
import org.mailpath.engine.log.ReadSummary;
import org.mailpath.engine.status.StatusKnowledgeBase;

/**
 * Reads an Email Log with {@link EmailLogReader} and builds every message chain (key: Message ID Header — or the
 * Internal Message ID when that is empty — and the lower-cased recipient), then judges each chain and counts per
 * verdict, category and recipient domain. Chains come out in the order of their first row in the file. Exact copies
 * of rows are left out of the chains with one warning for the file ({@link RowCopies}).
 */
public final class EmailLogAnalyzer implements LogAnalyzer {

    /** Below this many chains, judging on a second thread costs more than it saves. */
    private static final int PARALLEL_JUDGE_MIN = 20_000;
    /** Chains a judging thread takes at a time. */
    private static final int JUDGE_BLOCK = 4096;

    private final StatusKnowledgeBase knowledge;
    private final EmailLogReader reader;

    public EmailLogAnalyzer() {
        this(StatusKnowledgeBase.standard(), LogLimits.DEFAULT);
    }

    public EmailLogAnalyzer(StatusKnowledgeBase knowledge, LogLimits limits) {
        this(knowledge, new EmailLogReader(limits));
    }

    /** With {@code reader}'s limits and size from which a log is read in two halves in parallel. */
    public EmailLogAnalyzer(StatusKnowledgeBase knowledge, EmailLogReader reader) {
        this.knowledge = knowledge;
        this.reader = reader;
    }

    @Override
    public LogAnalysis analyze(Path file, ProgressListener progress, Cancellation cancellation)
            throws UnusableLogException {
        PartedRead<ChainPart> read = reader.readInParts(file, new Sinks(), progress, cancellation);
        List<ChainPart> parts = read.parts();
        ChainPart chains = parts.getFirst();
        for (int i = 1; i < parts.size(); i++) {
            chains.join(parts.get(i), i + 1 < parts.size());
        }
        return summarise(file, read.summary(), chains.finish(), chains, cancellation);
    }

    /**
     * One {@link ChainPart} per part, sharing their texts. A part read before the other judges its chains while the
     * other is still read (a chain that then gets more events from a later part is judged again).
     */
    private final class Sinks implements PartSinks<ChainPart> {

        @Override
        public List<ChainPart> create(int parts) {
            ChainTexts texts = new ChainTexts();
            return Stream.generate(() -> new ChainPart(texts)).limit(parts).toList();
        }

        @Override
        public void whileOthersRead(ChainPart part, BooleanSupplier othersDone) {
            part.judgeAhead(new ChainJudge(knowledge), othersDone);
        }
    }

    private LogAnalysis summarise(Path file, ReadSummary summary, ChainBuilder[] chains, ChainPart span,
                                  Cancellation cancellation) {
        ChainTally tally = judgeAll(chains, span.last(), cancellation);
        tally.addCopies(span.copiesJudgedAhead());
        String name = FileNames.nameOf(file);
        return new LogAnalysis(name, summary.rows(), summary.rejectedRows(), problems(summary, tally.copies()),
                new ChainList(chains), tally.verdicts(), tally.deliveredAfterRetry(), tally.bounces(),
                tally.deferrals(), tally.domains(), span.first(), span.last(), tally.staleDeferrals());
    }

    /** The reader's problems, after the warning about copies of rows if there were any (it concerns every count). */
    private static List<FileProblem> problems(ReadSummary summary, RowCopies copies) {
        if (copies.count() == 0) {
            return summary.problems();
        }
        List<RowCopies.Copy> first = copies.first();
        List<FileProblem> all = new ArrayList<>(summary.problems().size() + 1);
        all.add(CopiedRows.warning(copies.count(), first.stream().map(RowCopies.Copy::line).toList(),
                first.getFirst().original()));
        all.addAll(summary.problems());
        return all;
    }

    /**
     * Judges every chain not yet {@link ChainBuilder#judged} and counts them all, on this thread and (for many
     * chains) another one. Chains are independent; each thread has its own {@link ChainJudge}, reply cache and
     * {@link ChainTally}, and takes the next block of chains when it is done with one: the chains judged while the
     * log was read need not be spread evenly. With {@code logEnd}, the time of the log's last event, marks the
     * DEFERRED chains {@link ChainBuilder#stale} against it.
     */
    ChainTally judgeAll(ChainBuilder[] chains, Optional<Instant> logEnd, Cancellation cancellation) {
        AtomicInteger next = new AtomicInteger();
        Throwable[] failure = new Throwable[1];
        ChainTally second = new ChainTally();
        Thread helper = chains.length < PARALLEL_JUDGE_MIN ? null
                : Thread.ofPlatform().name("mailpath-chain-judge").daemon().start(() -> {
                    try {
                        judgeBlocks(chains, next, second, logEnd, cancellation);
                    } catch (RuntimeException | Error e) {
                        failure[0] = e;
                    }
                });
        ChainTally tally = new ChainTally();
        try {
            judgeBlocks(chains, next, tally, logEnd, cancellation);
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
                             Cancellation cancellation) {
        ChainJudge judge = new ChainJudge(knowledge);
        try {
            while (true) {
                int from = next.getAndAdd(JUDGE_BLOCK);
                if (from >= chains.length) {
                    return;
                }
                cancellation.throwIfCancelled();
                for (int i = from; i < Math.min(chains.length, from + JUDGE_BLOCK); i++) {
                    if (!chains[i].judged()) {
                        judge.judge(chains[i]);
                    }
                    if (logEnd.isPresent()) {
                        chains[i].noteLogEnd(logEnd.get());
                    }
                    tally.add(chains[i]);
                }
            }
        } finally {
            tally.addCopies(judge.copies());
        }
    }
}
