package org.mailpath.engine.analysis;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.mailpath.engine.common.Cancellation;
import org.mailpath.engine.common.ProgressListener;
import org.mailpath.engine.log.EmailLogReader;
import org.mailpath.engine.log.LogLimits;
import org.mailpath.engine.status.StatusKnowledgeBase;

/**
 * Several logs analysed together, as the tests of multi-file analysis run them: each file in two parts here, whole
 * by {@link org.mailpath.engine.log.LogFixtures#analyze(List)}.
 */
final class TogetherAnalyses {

    private TogetherAnalyses() {
    }

    /** Each file read in two parts (however small), whose chains are joined, and judged ahead, before the next file. */
    static LogAnalysis analyzeInHalves(List<Path> files) throws UnusableLogException {
        return new EmailLogAnalyzer(StatusKnowledgeBase.standard(), new EmailLogReader(LogLimits.DEFAULT, 0))
                .analyze(files, ProgressListener.NONE, Cancellation.none());
    }

    /** All orders of {@code items}. */
    static <T> List<List<T>> orders(List<T> items) {
        if (items.size() <= 1) {
            return List.of(items);
        }
        List<List<T>> all = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            List<T> rest = new ArrayList<>(items);
            T first = rest.remove(i);
            for (List<T> o : orders(rest)) {
                List<T> order = new ArrayList<>(List.of(first));
                order.addAll(o);
                all.add(order);
            }
        }
        return all;
    }
}
