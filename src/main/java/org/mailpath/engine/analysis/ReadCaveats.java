package org.mailpath.engine.analysis;

import java.util.List;
import java.util.stream.IntStream;
import org.mailpath.engine.log.FileProblem;
import org.mailpath.engine.log.ReadAssumptions;

/**
 * Which of the reader's assumptions ({@link ReadAssumptions}) bear on what an analysis counts: an assumption about a
 * file none of whose rows was kept (every row rejected, or left out as an exact copy of a row of another file read
 * before) changed nothing that was counted, so the import step's reason line and the report's title block do not
 * speak of it; its warning stays among the problems, where it is still true of the file. A warning naming no file
 * of the analysis (a zip's own) is taken to count.
 */
public final class ReadCaveats {

    private ReadCaveats() {
    }

    /** {@code problem} is an assumption of the reader about rows the analysis kept. */
    public static boolean counts(LogAnalysis analysis, FileProblem problem) {
        return ReadAssumptions.isOne(problem) && keptRowsOf(analysis, problem.file());
    }

    /**
     * The indices into {@link LogAnalysis#files()} of the files whose dates were read day first (d/M/yyyy) and of
     * which some row was kept, in the order the files were given.
     */
    public static List<Integer> readDayFirst(LogAnalysis analysis) {
        List<AnalysedFile> files = analysis.files();
        return IntStream.range(0, files.size())
                .filter(i -> kept(files.get(i)) > 0 && analysis.problems().stream()
                        .anyMatch(p -> ReadAssumptions.isReadDayFirst(p)
                                && (files.size() == 1 || named(files.get(i), p.file()))))
                .boxed().toList();
    }

    private static boolean keptRowsOf(LogAnalysis analysis, String file) {
        return analysis.files().stream().filter(f -> named(f, file)).findFirst().map(f -> kept(f) > 0).orElse(true);
    }

    /** A problem names its file by its label (a single log's by its name, or by none). */
    private static boolean named(AnalysedFile f, String file) {
        return f.label().equals(file) || f.file().equals(file);
    }

    private static long kept(AnalysedFile f) {
        return f.usable() ? f.rows() - f.rejectedRows() - f.copiesLeftOut() : 0;
    }
}
