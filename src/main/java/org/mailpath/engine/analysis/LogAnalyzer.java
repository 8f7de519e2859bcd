package org.mailpath.engine.analysis;

import java.nio.file.Path;
import org.mailpath.engine.common.Cancellation;
import org.mailpath.engine.common.ProgressListener;

/**
 * Reads a Salesforce Email Log (.csv, .csv.gz, .zip) and analyses every message chain in it.
 * Progress is reported in bytes of the file read (done/total). Rejected rows are problems in the result,
 * not failures; only a file with nothing usable in it is an {@link UnusableLogException}.
 */
public interface LogAnalyzer {

    LogAnalysis analyze(Path file, ProgressListener progress, Cancellation cancellation) throws UnusableLogException;
}
