package org.mailpath.engine.log;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.SequencedMap;
import java.util.Set;

/**
 * One problem per bad row among several logs analysed together: logs whose request windows overlap hold the same rows,
 * bad ones too, and each file rejected its copy. The first file's problem stays, at its file and line, and says where
 * the same row is again ({@link RejectedRow#sameRowAs}, the rule the analysis follows for copies of good rows between
 * files); the copies' problems are left out of the list. The counts stay: each file's rows and rejected rows are what
 * it holds, so a copy still counts as rejected in its own file, as a copy of a good row counts in its file's rows.
 */
public final class RejectedCopies {

    private RejectedCopies() {
    }

    /** A problem's place: the label of its file and its line. */
    private record At(String file, long line) {
    }

    /** A rejected row kept in the file labelled {@code file}. */
    private record Kept(String file, RejectedRow row) {
    }

    /**
     * {@code problems} with each rejected row that repeats a rejected row of an earlier file left out, and that row's
     * problem saying so. {@code rowsByFile}: each file's kept rejected rows ({@link ReadSummary#rejectedRowsKept}) by
     * its label, in the order the files were given; a row is the copy of the first equal row of an earlier file.
     */
    public static List<FileProblem> oncePerRow(List<FileProblem> problems,
                                               SequencedMap<String, List<RejectedRow>> rowsByFile) {
        // rows are compared within their reason and date text only: a thousand kept rows stay cheap to compare
        Map<String, List<Kept>> firsts = new HashMap<>();
        Map<At, List<At>> copiesOf = new HashMap<>();
        Set<At> copies = new HashSet<>();
        rowsByFile.forEach((file, rows) -> {
            for (RejectedRow row : rows) {
                String bucket = row.reason() + '\u0000' + row.cells().getOrDefault(LogColumn.DATE, "");
                List<Kept> candidates = firsts.computeIfAbsent(bucket, b -> new ArrayList<>());
                Kept first = candidates.stream().filter(k -> !k.file().equals(file) && k.row().sameRowAs(row))
                        .findFirst().orElse(null);
                if (first == null) {
                    candidates.add(new Kept(file, row));
                } else {
                    At copy = new At(file, row.line());
                    copies.add(copy);
                    copiesOf.computeIfAbsent(new At(first.file(), first.row().line()), a -> new ArrayList<>())
                            .add(copy);
                }
            }
        });
        if (copies.isEmpty()) {
            return problems;
        }
        List<FileProblem> out = new ArrayList<>(problems.size() - copies.size());
        for (FileProblem p : problems) {
            At at = new At(p.file(), p.line());
            if (!p.rejected()) {
                out.add(p);
            } else if (!copies.contains(at)) {
                List<At> again = copiesOf.get(at);
                out.add(again == null ? p : sayCopies(p, again));
            }
        }
        return List.copyOf(out);
    }

    /** {@code first}, saying that the same row is again at {@code copies} (in file order). */
    private static FileProblem sayCopies(FileProblem first, List<At> copies) {
        Object reason = first.messageText().<Object>map(t -> t).orElse(first.message());
        At copy = copies.getFirst();
        return new FileProblem(first.line(), first.field(), copies.size() == 1
                ? LogTexts.text("rejected.sameRow.one", reason, copy.line(), copy.file())
                : LogTexts.text("rejected.sameRow.many", reason, copies.size(), copy.line(), copy.file()), true)
                .inFile(first.file());
    }
}
