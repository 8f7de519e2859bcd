package org.mailpath.engine.report;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.mailpath.engine.analysis.LogAnalysis;
import org.mailpath.engine.analysis.MessageChain;
import org.mailpath.engine.common.Cancellation;
import org.mailpath.engine.common.CancelledException;
import org.mailpath.engine.common.PackedStrings;
import org.mailpath.engine.log.LogSource;
import org.mailpath.engine.log.OpenZips;

import static org.mailpath.engine.report.ReportFileNames.withoutEntryFolders;
import static org.mailpath.engine.report.ReportFileNames.withoutFolders;

/**
 * The report's appendix: the raw rows of the listed messages read back from their logs ({@link RawRowSource}), each
 * file's under its own header, redacted as the rest of the report is, or why they could not be read.
 */
final class AppendixRows {

    private static final System.Logger LOG = System.getLogger(AppendixRows.class.getName());
    private static final List<String> USER_ID_HEADERS = List.of("userid", "salesforceuser", "salesforce.comuser");

    private final LogAnalysis analysis;
    private final ReportTexts texts;
    /** Per file analysed, in the analysis's order; a file without one has no rows to quote. */
    private final List<RawRowSource> rawRows;

    AppendixRows(LogAnalysis analysis, ReportTexts texts, List<RawRowSource> rawRows) {
        this.analysis = analysis;
        this.texts = texts;
        this.rawRows = rawRows;
    }

    Appendix appendix(List<MessageChain> included, Redactor r, List<String> fileNames,
                              Cancellation cancellation) {
        Map<Integer, Set<Long>> linesByFile = new TreeMap<>();
        included.forEach(c -> c.events().forEach(e ->
                linesByFile.computeIfAbsent(e.file(), k -> new TreeSet<>()).add(e.line())));
        if (linesByFile.isEmpty()) {
            return new Appendix(List.of(), List.of(), Optional.empty());
        }
        if (analysis.files().size() == 1) {
            Set<Long> lines = linesByFile.values().iterator().next();
            FileRows one = fileRows(0, lines, r, "", fileNames, cancellation);
            return new Appendix(one.header(), one.rows(), one.failure().or(() -> missing(one.missing(),
                    lines.size())));
        }
        // several logs: each file's rows under its own header (an older file may lack columns a newer one has)
        List<Appendix.RawRow> rows = new ArrayList<>();
        List<Appendix.FileColumns> files = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        long missing = 0;
        long wanted = 0;
        // a zip of several CSVs opened once for all its CSVs quoted, closed after the last: opening it reads its whole
        // central directory, and each CSV's header and rows opened it anew (20,000 CSVs: 40,000 times 20,000 entries)
        List<LogSource> logs = linesByFile.keySet().stream().flatMap(k -> logOf(k).stream()).toList();
        try (OpenZips zips = OpenZips.of(logs)) {
            for (Map.Entry<Integer, Set<Long>> e : linesByFile.entrySet()) {
                String name = fileNames.get(e.getKey());
                FileRows f = fileRows(e.getKey(), e.getValue(), r, name, fileNames, cancellation);
                logOf(e.getKey()).ifPresent(zips::read);
                if (!f.rows().isEmpty()) {
                    files.add(new Appendix.FileColumns(name, f.header()));
                    rows.addAll(f.rows());
                }
                f.failure().ifPresent(notes::add);
                missing += f.missing();
                wanted += e.getValue().size();
            }
        }
        missing(missing, wanted).ifPresent(notes::add);
        return new Appendix(List.of(), rows, notes.isEmpty() ? Optional.empty() : Optional.of(String.join(" ", notes)),
                files);
    }

    /**
     * The rows of one file: its header (redacted), the rows found at {@code lines} (each naming {@code name}, empty
     * for a single log), how many were not found, and why none could be read if so.
     */
    private record FileRows(List<String> header, List<Appendix.RawRow> rows, long missing, Optional<String> failure) {
    }

    private Optional<String> missing(long missing, long wanted) {
        return missing > 0 ? Optional.of(texts.format("appendix.rowsMissing", missing, wanted)) : Optional.empty();
    }

    /** The log the rows of file {@code file} are read from again, when they are ({@link LogFileRawRows}). */
    private Optional<LogSource> logOf(int file) {
        return file < rawRows.size() && rawRows.get(file) instanceof LogFileRawRows(LogSource log) ? Optional.of(log)
                : Optional.empty();
    }

    private FileRows fileRows(int file, Set<Long> lines, Redactor r, String name, List<String> fileNames,
                              Cancellation cancellation) {
        RawRowSource source = file < rawRows.size() ? rawRows.get(file) : RawRowSource.none();
        try {
            List<String> header = source.header().stream().map(h -> h == null ? "" : h).toList();
            Set<Integer> userIdColumns = new HashSet<>();
            for (int i = 0; i < header.size(); i++) {
                if (USER_ID_HEADERS.contains(header.get(i).replaceAll("\\s+", "").toLowerCase(Locale.ROOT))) {
                    userIdColumns.add(i);
                }
            }
            Map<Long, List<String>> rows = source.rows(lines, cancellation);
            List<Appendix.RawRow> out = new ArrayList<>(rows.size());
            for (Long line : lines) {
                cancellation.throwIfCancelled();
                List<String> cells = rows.get(line);
                if (cells == null) {
                    continue;
                }
                out.add(new Appendix.RawRow(line, asGiven(cells, r) ? cells : redacted(cells, r, userIdColumns), name));
            }
            return new FileRows(r.texts(header), out, lines.size() - out.size(), Optional.empty());
        } catch (CancelledException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            // the app's cancel also interrupts the worker, whose read of the log then fails: not an unreadable log
            cancellation.throwIfCancelled();
            LOG.log(System.Logger.Level.DEBUG, "raw rows unavailable", e);
            return new FileRows(List.of(), List.of(), 0, Optional.of(texts.format("appendix.unreadable",
                    fileNames.get(file), r.text(unreadable(e, analysis.files().get(file).file())))));
        }
    }

    /**
     * Whether a raw row's cells are shown as the source gave them: unredacted and without a missing cell. Packed
     * cells (the log readers') cannot hold one, and looking would cut a new String out of each of them.
     */
    private static boolean asGiven(List<String> cells, Redactor r) {
        return !r.active() && (cells instanceof PackedStrings || cells.stream().noneMatch(Objects::isNull));
    }

    /**
     * A raw row's cells as the report shows them: redacted, the User ID columns emptied. Unredacted rows are kept as
     * the source gave them instead, so their packed cells are not copied (a large log's rows are many).
     */
    private static List<String> redacted(List<String> cells, Redactor r, Set<Integer> userIdColumns) {
        List<String> redacted = new ArrayList<>(cells.size());
        for (int i = 0; i < cells.size(); i++) {
            String cell = cells.get(i) == null ? "" : cells.get(i);
            redacted.add(r.active() && userIdColumns.contains(i) ? "" : r.text(cell));
        }
        return redacted;
    }

    /**
     * Why the rows could not be read, without the file's folders: a report leaves the company, and the path of a
     * log under the user's home folder names the user (also when redacted: a path is one token, not an address).
     */
    private String unreadable(Exception e, String file) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        if (root instanceof NoSuchFileException) {
            return texts.get("appendix.unreadable.gone");
        }
        if (root instanceof AccessDeniedException) {
            return texts.get("appendix.unreadable.denied");
        }
        String reason = root instanceof FileSystemException f && f.getReason() != null ? f.getReason()
                : String.valueOf(root.getMessage());
        List<String> names = analysis.files().stream().map(f -> withoutFolders(f.file())).toList();
        return (file.isEmpty() ? reason
                : reason.replace(file, withoutEntryFolders(withoutFolders(file), names))).replaceAll("\\.+$", "");
    }
}
