package org.mailpath.engine.analysis;

import java.nio.file.Path;
import java.util.List;
import org.mailpath.engine.common.Cancellation;
import org.mailpath.engine.common.ProgressListener;

/**
 * Reads a Salesforce Email Log (.csv, .csv.gz, .zip) and analyses every message chain in it.
 * Progress is reported in bytes of the file read (done/total). Rejected rows are problems in the result,
 * not failures; only a file with nothing usable in it is an {@link UnusableLogException}.
 */
public interface LogAnalyzer {

    LogAnalysis analyze(Path file, ProgressListener progress, Cancellation cancellation) throws UnusableLogException;

    /**
     * Analyses several logs together, as one (Salesforce gives at most 7 days per request: a month takes several
     * files, whose windows often overlap). Progress is in bytes of all files. A file that cannot be analysed among
     * others that can is a problem of the result; only when none can is it an {@link UnusableLogException}. This
     * default reads one file only; analysers that can join files override it.
     * @throws IllegalArgumentException for no file, or more than one for an analyser that cannot join them
     */
    default LogAnalysis analyze(List<Path> files, ProgressListener progress, Cancellation cancellation)
            throws UnusableLogException {
        if (files.size() != 1) {
            throw new IllegalArgumentException("this analyser reads exactly one file, not " + files.size());
        }
        return analyze(files.getFirst(), progress, cancellation);
    }

    /**
     * This analyser for an org that sends through the Email Relay {@code relay}: the replies of the chains that went
     * to it are judged as the relay's ({@link RelayHosts}). This default, for stand-ins that judge nothing, is the
     * analyser itself; {@link EmailLogAnalyzer} judges by it.
     */
    default LogAnalyzer withRelayHosts(RelayHosts relay) {
        return this;
    }
}
