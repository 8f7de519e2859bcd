package org.mailpath.engine.log;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.mailpath.engine.finding.LocalText;

/**
 * The bytes of a UTF-8 log that were not UTF-8 and were read as Windows-1252 ({@link Utf8WithStrayBytes}), and the
 * lines holding them: how many bytes and lines, the offset of the first byte in the file, and the first
 * {@link Utf8WithStrayBytes#LINES_KEPT} lines by number where lines can be numbered (a plain file's; empty for a
 * compressed one), so that whoever fixes the file knows how much to look at and where. A file read in two halves
 * joins its halves' ({@link #then}).
 */
record StrayByteLines(long bytes, long lines, long firstOffset, List<Long> firstLines) {

    StrayByteLines {
        firstLines = List.copyOf(firstLines);
    }

    /**
     * These and those of {@code later}, read from the rest of the same file after a line break: what one pass over
     * both gives, since no line holds bytes of both.
     */
    StrayByteLines then(StrayByteLines later) {
        List<Long> numbered = firstLines.isEmpty() || later.firstLines.isEmpty() ? List.of()
                : Stream.concat(firstLines.stream(), later.firstLines.stream())
                        .limit(Utf8WithStrayBytes.LINES_KEPT).toList();
        return new StrayByteLines(bytes + later.bytes, lines + later.lines, firstOffset, numbered);
    }

    /** The warning that says so, of the file named {@code name}, on the line of the first where lines are numbered. */
    FileProblem warning(String name) {
        if (firstLines.isEmpty()) {
            return new FileProblem(0, "", LogTexts.text("file.strayBytes.offset", name, bytes, lines, firstOffset),
                    false);
        }
        long first = firstLines.getFirst();
        if (lines == 1) {
            return new FileProblem(first, "", LogTexts.text("file.strayBytes.line", name, bytes, first), false);
        }
        return new FileProblem(first, "", LogTexts.text("file.strayBytes.lines", name, bytes, lines, named()),
                false);
    }

    /** The lines named: "12, 40 and 41", or "12, 40, 41, 97, 120 and 37 more". */
    private LocalText named() {
        long unnamed = lines - firstLines.size();
        if (unnamed > 0) {
            return LogTexts.text("phrase.linesAndMore", commaSeparated(firstLines), unnamed);
        }
        return LogTexts.text("phrase.linesAnd", commaSeparated(firstLines.subList(0, firstLines.size() - 1)),
                firstLines.getLast());
    }

    private static String commaSeparated(List<Long> lines) {
        return lines.stream().map(String::valueOf).collect(Collectors.joining(", "));
    }

    /** The joined lines of a file's two halves, either of which may hold none. */
    static Optional<StrayByteLines> joined(Optional<StrayByteLines> first, Optional<StrayByteLines> second) {
        if (first.isEmpty()) {
            return second;
        }
        return Optional.of(second.map(first.get()::then).orElse(first.get()));
    }
}
