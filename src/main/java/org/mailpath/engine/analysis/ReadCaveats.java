package org.mailpath.engine.analysis;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
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

    /**
     * Which problems are assumptions of the reader about rows the analysis kept. The files' names are looked up once
     * here, not once per problem: the import step tests every problem of a log of many files.
     */
    public static Predicate<FileProblem> counts(LogAnalysis analysis) {
        Map<String, Boolean> keptRows = keptRowsByName(analysis.files());
        return problem -> ReadAssumptions.isOne(problem) && keptRows.getOrDefault(problem.file(), true);
    }

    /**
     * The indices into {@link LogAnalysis#files()} of the files whose dates were read day first (d/M/yyyy) and of
     * which some row was kept, in the order the files were given.
     */
    public static List<Integer> readDayFirst(LogAnalysis analysis) {
        List<AnalysedFile> files = analysis.files();
        // the day-first warnings picked out once, not once per file
        Set<String> warned = analysis.problems().stream().filter(ReadAssumptions::isReadDayFirst)
                .map(FileProblem::file).collect(Collectors.toSet());
        if (warned.isEmpty()) {
            return List.of();
        }
        return IntStream.range(0, files.size())
                .filter(i -> kept(files.get(i)) > 0 && (files.size() == 1 || named(files.get(i), warned)))
                .boxed().toList();
    }

    /**
     * Whether each name a problem may give its file by (label or file name) has kept rows, the first file of that
     * name deciding, in the order the files were given.
     */
    private static Map<String, Boolean> keptRowsByName(List<AnalysedFile> files) {
        Map<String, Boolean> keptRows = new HashMap<>();
        for (AnalysedFile f : files) {
            boolean any = kept(f) > 0;
            keptRows.putIfAbsent(f.label(), any);
            keptRows.putIfAbsent(f.file(), any);
        }
        return keptRows;
    }

    /** A problem names its file by its label (a single log's by its name, or by none). */
    private static boolean named(AnalysedFile f, Set<String> files) {
        return files.contains(f.label()) || files.contains(f.file());
    }

    private static long kept(AnalysedFile f) {
        return f.usable() ? f.rows() - f.rejectedRows() - f.copiesLeftOut() : 0;
    }
}
