package org.mailpath.engine.report;

import org.mailpath.engine.common.Progress;
import org.mailpath.engine.common.ProgressListener;

/**
 * A report build's progress over its passes, in thousandths of the whole: each pass has a rough share of the build's
 * time, and within a pass the chains made so far of those it goes through ({@link CancellableChains}) fill its share.
 * A pass that does not run (a log without a Domain Lookup Failed goes over its chains once for the evidence) is
 * skipped over when the next one begins. Told at coarse steps, about fifty a pass, and never backwards: a chain made
 * costs a count and a comparison, not a {@link Progress} and a listener's call. Ends at the whole ({@link #done}).
 */
final class BuildProgress {

    /**
     * The build's passes in their order, each with its share of the whole in thousandths (together 1000), as a
     * 300,000-row log's build with 2,000 messages listed spent its time (about 8 s warm, 13 s cold).
     */
    enum Pass {
        /** Every chain once: rank, redaction's names, the recipient domains. */
        CHAINS(330),
        /** The log's evidence (passing lookup failures), only for a log with a Domain Lookup Failed. */
        EVIDENCE(30),
        /** The domains found not to exist that the log shows delivered to, only where the checks found one. */
        DOMAIN_FACTS(20),
        /** Which of the included messages are listed, and the included by recipient domain: no chain made. */
        LISTING(160),
        /** The included chains per recipient domain, the listed ones worded. */
        SECTIONS(170),
        /** The failed included chains worded for the causes table. */
        CAUSES(270),
        /** The listed chains' raw rows, read from the log again. */
        APPENDIX(20);

        private final int share;

        Pass(int share) {
            this.share = share;
        }
    }

    static final long WHOLE = 1000;
    private static final int STEPS_PER_PASS = 50;

    private final ProgressListener listener;
    private long base;
    private long share;
    private long size;
    /** How many chains a step is: a pass tells at most {@link #STEPS_PER_PASS} times. */
    private long step;
    private long made;
    private long nextReport = Long.MAX_VALUE;
    private long told = -1;

    BuildProgress(ProgressListener listener) {
        this.listener = listener;
    }

    /** {@code pass} begins, going through {@code chains} chains; the passes before it are done (or skipped). */
    void begin(Pass pass, long chains) {
        long before = 0;
        for (Pass p : Pass.values()) {
            if (p == pass) {
                break;
            }
            before += p.share;
        }
        base = before;
        share = pass.share;
        size = Math.max(1, chains);
        made = 0;
        step = (size + STEPS_PER_PASS - 1) / STEPS_PER_PASS;
        nextReport = step;
        tell(base);
    }

    /** A chain was made for the pass under way; the listener hears of it only at a step. */
    void chainMade() {
        if (++made >= nextReport) {
            nextReport = made + step;
            // short of the pass's whole share: the last pass's last chain is not the end of the build ({@link #done})
            tell(base + share * Math.min(made, size) / (size + 1));
        }
    }

    /** The report is built: the whole. */
    void done() {
        nextReport = Long.MAX_VALUE;
        tell(WHOLE);
    }

    private void tell(long done) {
        if (done > told) {
            told = done;
            listener.onProgress(new Progress(done, WHOLE, ""));
        }
    }
}
