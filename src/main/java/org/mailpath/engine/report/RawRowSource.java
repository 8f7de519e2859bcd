package org.mailpath.engine.report;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.mailpath.engine.common.Cancellation;

/**
 * Gives back rows of the analysed file as they were written, by physical line number
 * ({@link org.mailpath.engine.analysis.ChainEvent#line()}), so the report appendix can quote them without the
 * analysis keeping every row in memory. The log reader provides the real implementation.
 */
public interface RawRowSource {

    /** The header row of the file (column names as written); empty if the file has none. */
    List<String> header() throws IOException;

    /**
     * The cells of the rows at the given lines; lines that cannot be found are simply absent. A source that reads a
     * log again stops reading it when {@code cancellation} is cancelled ({@link Cancellation#none()} where nothing
     * cancels).
     * @throws org.mailpath.engine.common.CancelledException when cancelled
     */
    Map<Long, List<String>> rows(Set<Long> lines, Cancellation cancellation) throws IOException;

    /** A source with no rows, for reports without an appendix. */
    static RawRowSource none() {
        return new RawRowSource() {
            @Override
            public List<String> header() {
                return List.of();
            }

            @Override
            public Map<Long, List<String>> rows(Set<Long> lines, Cancellation cancellation) {
                return Map.of();
            }
        };
    }
}
