package org.mailpath.engine.analysis;

import java.nio.file.Path;
import java.util.List;
import org.mailpath.engine.common.Cancellation;
import org.mailpath.engine.common.ProgressListener;
import org.mailpath.engine.log.EmailLogReader;
import org.mailpath.engine.log.LogLimits;
import org.mailpath.engine.status.StatusKnowledgeBase;

/** Several logs analysed together, as the tests of multi-file analysis run them: each file whole, or in two parts. */
final class TogetherAnalyses {

    private TogetherAnalyses() {
    }

    static LogAnalysis analyze(List<Path> files) throws UnusableLogException {
        return new EmailLogAnalyzer().analyze(files, ProgressListener.NONE, Cancellation.none());
    }

    /** Each file read in two parts (however small), whose chains are joined, and judged ahead, before the next file. */
    static LogAnalysis analyzeInHalves(List<Path> files) throws UnusableLogException {
        return new EmailLogAnalyzer(StatusKnowledgeBase.standard(), new EmailLogReader(LogLimits.DEFAULT, 0))
                .analyze(files, ProgressListener.NONE, Cancellation.none());
    }
}
