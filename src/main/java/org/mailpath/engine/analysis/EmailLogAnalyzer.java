package org.mailpath.engine.analysis;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.mailpath.engine.common.Cancellation;
import org.mailpath.engine.common.ProgressListener;
import org.mailpath.engine.log.EmailLogReader;
import org.mailpath.engine.log.LogLimits;
import org.mailpath.engine.log.PartedRead;
import org.mailpath.engine.log.ReadSummary;
import org.mailpath.engine.status.Category;
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
        ChainPart chains = read.parts().getFirst();
        read.parts().stream().skip(1).forEach(chains::join);
        return summarise(file, read.summary(), chains.finish(), chains, cancellation);
    }

    private LogAnalysis summarise(Path file, ReadSummary summary, ChainBuilder[] chains, ChainPart span,
                                  Cancellation cancellation) {
        judgeAll(chains, cancellation);
        Map<Verdict, Long> verdicts = new EnumMap<>(Verdict.class);
        for (Verdict v : Verdict.values()) {
            verdicts.put(v, 0L);
        }
        Map<Category, Long> bounces = new EnumMap<>(Category.class);
        Map<Category, Long> deferrals = new EnumMap<>(Category.class);
        Map<String, long[]> domains = new HashMap<>();
        long deliveredAfterRetry = 0;
        for (int i = 0; i < chains.length; i++) {
            if ((i & 4095) == 0) {
                cancellation.throwIfCancelled();
            }
            ChainBuilder c = chains[i];
            Verdict v = c.verdict();
            verdicts.merge(v, 1L, Long::sum);
            long[] d = domains.computeIfAbsent(c.recipientDomain(), k -> new long[4]);
            d[0]++;
            switch (v) {
                case DELIVERED -> {
                    d[1]++;
                    if (c.toRetries() > 0) {
                        deliveredAfterRetry++;
                    }
                }
                case BOUNCED -> {
                    d[2]++;
                    c.diagnosis().ifPresent(x -> bounces.merge(x.category(), 1L, Long::sum));
                }
                case DEFERRED -> {
                    d[3]++;
                    c.diagnosis().ifPresent(x -> deferrals.merge(x.category(), 1L, Long::sum));
                }
                case RECEIVED_ONLY -> { }
            }
        }
        List<DomainSummary> domainList = new ArrayList<>(domains.size());
        domains.forEach((name, d) -> domainList.add(new DomainSummary(name, d[0], d[1], d[2], d[3])));
        domainList.sort(Comparator.comparingLong((DomainSummary s) -> -(s.bounced() + s.deferred()))
                .thenComparingLong(s -> -s.messages()).thenComparing(DomainSummary::domain));
        String name = file.getFileName() == null ? file.toString() : file.getFileName().toString();
        return new LogAnalysis(name, summary.rows(), summary.rejectedRows(), summary.problems(),
                new ChainList(chains), java.util.Collections.unmodifiableMap(verdicts), deliveredAfterRetry, byCount(bounces), byCount(deferrals),
                domainList, span.first(), span.last());
    }

    /**
     * Judges every chain, the second half on another thread (chains are independent; each thread has its own
     * {@link ChainJudge} and reply cache), so that the work after the last row uses both cores.
     */
    private void judgeAll(ChainBuilder[] chains, Cancellation cancellation) {
        int half = chains.length < PARALLEL_JUDGE_MIN ? chains.length : chains.length / 2;
        Throwable[] failure = new Throwable[1];
        Thread helper = half == chains.length ? null : Thread.ofPlatform().name("mailpath-chain-judge").daemon()
                .start(() -> {
                    try {
                        judgeRange(chains, half, chains.length, cancellation);
                    } catch (RuntimeException | Error e) {
                        failure[0] = e;
                    }
                });
        try {
            judgeRange(chains, 0, half, cancellation);
        } finally {
            if (helper != null) {
                join(helper);
            }
        }
        if (failure[0] instanceof RuntimeException e) {
            throw e;
        }
        if (failure[0] instanceof Error e) {
            throw e;
        }
    }

    private void judgeRange(ChainBuilder[] chains, int from, int to, Cancellation cancellation) {
        ChainJudge judge = new ChainJudge(knowledge);
        for (int i = from; i < to; i++) {
            if ((i & 4095) == 0) {
                cancellation.throwIfCancelled();
            }
            judge.judge(chains[i]);
        }
    }

    private static void join(Thread helper) {
        boolean interrupted = false;
        while (true) {
            try {
                helper.join();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** Most frequent first; ties in the enum's order. */
    private static Map<Category, Long> byCount(Map<Category, Long> counts) {
        Map<Category, Long> sorted = new LinkedHashMap<>();
        counts.entrySet().stream()
                .sorted(Map.Entry.<Category, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .forEach(e -> sorted.put(e.getKey(), e.getValue()));
        return java.util.Collections.unmodifiableMap(sorted);
    }
}
