package org.mailpath.engine.analysis;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.mailpath.engine.common.FileNames;
import org.mailpath.engine.common.Cancellation;
import org.mailpath.engine.common.Parallel;
import org.mailpath.engine.common.ProgressListener;
import org.mailpath.engine.log.EmailLogReader;
import org.mailpath.engine.log.LogLimits;
import org.mailpath.engine.log.PartedRead;
import org.mailpath.engine.log.ReadSummary;
import org.mailpath.engine.status.StatusKnowledgeBase;

/**
 * Reads an Email Log with {@link EmailLogReader} and builds every message chain (key: Message ID Header — or the
 * Internal Message ID when that is empty — and the lower-cased recipient), then judges each chain and counts per
 * verdict, category and recipient domain. Chains come out in the order of their first row in the file.
 */
public final class EmailLogAnalyzer implements LogAnalyzer {

    /** Below this many chains, judging on a second thread costs more than it saves. */
    private static final int PARALLEL_JUDGE_MIN = 20_000;

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
        PartedRead<ChainPart> read = reader.readInParts(file, parts -> {
            ChainTexts texts = new ChainTexts();
            return Stream.generate(() -> new ChainPart(texts)).limit(parts).toList();
        }, progress, cancellation);
        List<ChainPart> parts = read.parts();
        ChainPart chains = parts.getFirst();
        for (int i = 1; i < parts.size(); i++) {
            chains.join(parts.get(i), i + 1 < parts.size());
        }
        return summarise(file, read.summary(), chains.finish(), chains, cancellation);
    }

    private LogAnalysis summarise(Path file, ReadSummary summary, ChainBuilder[] chains, ChainPart span,
                                  Cancellation cancellation) {
        ChainTally tally = judgeAll(chains, cancellation);
        String name = FileNames.nameOf(file);
        return new LogAnalysis(name, summary.rows(), summary.rejectedRows(), summary.problems(),
                new ChainList(chains), tally.verdicts(), tally.deliveredAfterRetry(), tally.bounces(),
                tally.deferrals(), tally.domains(), span.first(), span.last());
    }

    /**
     * Judges and counts every chain, the second half on another thread (chains are independent; each thread has its
     * own {@link ChainJudge}, reply cache and {@link ChainTally}), so that the work after the last row uses both
     * cores.
     */
    private ChainTally judgeAll(ChainBuilder[] chains, Cancellation cancellation) {
        int half = chains.length < PARALLEL_JUDGE_MIN ? chains.length : chains.length / 2;
        Throwable[] failure = new Throwable[1];
        ChainTally second = new ChainTally();
        Thread helper = half == chains.length ? null : Thread.ofPlatform().name("mailpath-chain-judge").daemon()
                .start(() -> {
                    try {
                        judgeRange(chains, half, chains.length, second, cancellation);
                    } catch (RuntimeException | Error e) {
                        failure[0] = e;
                    }
                });
        ChainTally tally = new ChainTally();
        try {
            judgeRange(chains, 0, half, tally, cancellation);
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

    private void judgeRange(ChainBuilder[] chains, int from, int to, ChainTally tally, Cancellation cancellation) {
        ChainJudge judge = new ChainJudge(knowledge);
        for (int i = from; i < to; i++) {
            if ((i & 4095) == 0) {
                cancellation.throwIfCancelled();
            }
            judge.judge(chains[i]);
            tally.add(chains[i]);
        }
    }
}
