package org.mailpath.engine.log;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.mailpath.engine.analysis.UnusableLogException;
import org.mailpath.engine.finding.LocalText;

/** The one clear sentence that refuses a file from which nothing usable was read. */
final class RefusalWording {

    private RefusalWording() {
    }

    /** A file without a record: empty, or {@code separatorOnly} rows of separators alone. */
    static LocalText noRecords(String fileName, long separatorOnly) {
        return separatorOnly > 0 ? LogTexts.text("unusable.onlySeparators", fileName, separatorOnly)
                : LogTexts.text("unusable.noRows", fileName);
    }

    /**
     * A file with records but no data row: its one line skipped as a header MailPath does not know
     * ({@code unknownFirstLine}: it is not a header, so "no data rows" would mislead), or a header alone, with
     * {@code separatorOnly} rows of separators alone or none.
     */
    static LocalText noDataRows(String fileName, boolean unknownFirstLine, long separatorOnly) {
        return unknownFirstLine ? LogTexts.text("unusable.oneUnknownLine", fileName)
                : separatorOnly > 0 ? LogTexts.text("unusable.noDataRowsOnlySeparators", fileName, separatorOnly)
                : LogTexts.text(UnusableLogException.NO_DATA_ROWS, fileName);
    }

    /**
     * "No usable row" of the {@code rows} of a file, with the {@code first} rejection where one was kept (worded in
     * the same language).
     */
    static LocalText allRejected(String fileName, long rows, Optional<FileProblem> first) {
        if (first.isEmpty()) {
            return rows == 1 ? LogTexts.text("unusable.oneRejected.noDetail", fileName)
                    : LogTexts.text("unusable.allRejected.noDetail", fileName, rows);
        }
        FileProblem rejection = first.get();
        // the reason is a sentence of its own, with its own full stop: it follows the summary, not inside brackets
        Object message = rejection.messageText().<Object>map(t -> t).orElse(rejection.message());
        String key = rows == 1 ? "unusable.oneRejected" : "unusable.allRejected";
        List<Object> args = new ArrayList<>(List.of(fileName));
        if (rows != 1) {
            args.add(rows);
        }
        args.add(rejection.line());
        if (!rejection.field().isEmpty()) {
            key += ".field";
            args.add(rejection.field());
        }
        args.add(message);
        return LogTexts.text(key, args.toArray());
    }

    /**
     * {@code noUsableRow} ({@link #allRejected}) with the {@code contradiction} of the file's dates where they
     * contradict each other ({@link DateOrderWording#contradiction}): the first rejection may be another cell's, and
     * the rows rejected for a date of the other order are said too.
     */
    static LocalText withContradiction(LocalText noUsableRow, Optional<LocalText> contradiction) {
        return contradiction.<LocalText>map(c -> LogTexts.text("unusable.datesContradict", noUsableRow, c))
                .orElse(noUsableRow);
    }
}
