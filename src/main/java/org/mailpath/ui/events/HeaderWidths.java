package org.mailpath.ui.events;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumnBase;
import javafx.scene.control.TableView;
import org.mailpath.ui.common.CellWidths;

/**
 * Keeps every column of a table at least as wide as its header's title (and, for the time column, its cells' fixed
 * form; for a column given its texts, the widest of them): at 1024 px the Events header was drawn "Ev…", and the
 * Result column "Received o…". Measured on the laid-out headers and on a drawn cell, in the fonts the theme gives
 * them, so the Swedish titles and texts get their own widths; the cells' texts once a row is drawn (the headers'
 * bolder font made the time column wider than its times).
 */
final class HeaderWidths {

    /** Room for the sort arrow a header shows once its column is sorted, so sorting does not cut the title. */
    static final double SORT_ARROW = 16;
    /** The widest text of the time column: its cells are always in this form (Formats.compactTime). */
    static final String TIME_SAMPLE = "12-31 23:59:59";
    /** The key of a column's width as the view set it, kept in its properties before it is widened here. */
    private static final String DESIGNED_WIDTH = HeaderWidths.class.getName() + ".designed";
    /**
     * A column's greatest width where its texts have no bound: TableColumnBase's own default. Not Double.MAX_VALUE,
     * with which the resize policy, adding the columns' greatest widths, made the recipients' column 10^18 px wide.
     */
    private static final double UNBOUNDED = 5000;

    private HeaderWidths() {
    }

    static void keepWhole(TableView<?> table) {
        keepWhole(table, Map.of(), Map.of());
    }

    /**
     * As {@link #keepWhole(TableView)}, and the columns named (by id) in {@code wholeTexts} as wide as the widest of
     * their texts too, and those named in {@code boundTexts} no wider than the widest of theirs (nor than their title):
     * a column whose every text is known gives the room it would not fill to the columns whose texts have no bound
     * (the recipients), where at 1920 px the results and causes had twice the room they showed while the addresses
     * were cut. Every column starts again from its width as the view set it (or its least), as the table's resize
     * policy shares out the table's width from the columns' widths before: a column widened for a log's texts took
     * its room from the others in proportion to their widths, wherever an earlier window size had left them.
     */
    static void keepWhole(TableView<?> table, Map<String, List<String>> wholeTexts,
            Map<String, List<String>> boundTexts) {
        Optional<TableCell<?, ?>> cell = CellWidths.aCell(table);
        boolean texts = cell.isPresent() && !(wholeTexts.isEmpty() && boundTexts.isEmpty());
        for (TableColumnBase<?, ?> column : table.getColumns()) {
            Optional<Span> measured = span(table, column, cell, wholeTexts, boundTexts);
            if (measured.isEmpty()) {
                continue;
            }
            Span span = measured.get();
            column.setMinWidth(span.min());
            column.setMaxWidth(span.max());
            double pref = span.pref();
            if (texts && column.getWidth() != pref) {
                // a column's width follows its preferred width when that changes, and only then
                column.setPrefWidth(pref + 1);
            }
            column.setPrefWidth(pref);
        }
    }

    /**
     * The width the columns of {@code table} take with the texts of {@code wholeTexts} whole and every other column
     * at {@code kept} of the width the view gave it (never under its least), each kept between its least and greatest
     * as {@link #keepWhole(TableView, Map, Map)} sets them for these texts: the table's room from which widening those
     * columns leaves the others that share of their designed widths. Measured in the fonts of this language and
     * theme, so it follows the log's texts and the language's titles, where a fixed width suited the sample's English
     * only. Empty until the headers are made and a row is drawn.
     */
    static OptionalDouble widthForWhole(TableView<?> table, Map<String, List<String>> wholeTexts,
            Map<String, List<String>> boundTexts, double kept) {
        Optional<TableCell<?, ?>> cell = CellWidths.aCell(table);
        if (cell.isEmpty()) {
            return OptionalDouble.empty();
        }
        double sum = 0;
        for (TableColumnBase<?, ?> column : table.getColumns()) {
            Optional<Span> span = span(table, column, cell, wholeTexts, boundTexts);
            if (span.isEmpty()) {
                return OptionalDouble.empty();
            }
            Span s = span.get();
            sum += wholeTexts.containsKey(column.getId()) ? s.pref() : Math.max(s.min(), kept * s.pref());
        }
        return OptionalDouble.of(Math.ceil(sum));
    }

    /** A column's least and greatest width, and the width the view gave it, kept between the two. */
    private record Span(double min, double max, double designed) {
        double pref() {
            return Math.min(max, Math.max(designed, min));
        }
    }

    /** Empty while the column has no header (no id, or not yet laid out). */
    private static Optional<Span> span(TableView<?> table, TableColumnBase<?, ?> column,
            Optional<TableCell<?, ?>> cell, Map<String, List<String>> wholeTexts,
            Map<String, List<String>> boundTexts) {
        Label title = CellWidths.title(table, column).orElse(null);
        if (title == null) {
            return Optional.empty();
        }
        double min = Math.ceil(title.prefWidth(-1) + SORT_ARROW);
        double max = UNBOUNDED;
        boolean time = "events-col-time".equals(column.getId());
        List<String> whole = time ? List.of(TIME_SAMPLE) : wholeTexts.getOrDefault(column.getId(), List.of());
        List<String> bound = time ? List.of(TIME_SAMPLE) : boundTexts.getOrDefault(column.getId(), List.of());
        if (cell.isPresent()) {
            if (!whole.isEmpty()) {
                min = Math.max(min, CellWidths.cellWidth(cell.get(), whole));
            }
            if (!bound.isEmpty()) {
                max = Math.max(min, CellWidths.cellWidth(cell.get(), bound));
            }
        }
        if ("events-col-events".equals(column.getId())) {
            // its letters ("RTTD") are short: the room it would take beyond its title goes to the causes
            max = min + 24;
        }
        // the width the view gave it, or its least: a column widened for one log's texts narrows for the next
        double designed = (double) column.getProperties().computeIfAbsent(DESIGNED_WIDTH, k -> column.getPrefWidth());
        return Optional.of(new Span(min, max, designed));
    }

    /**
     * The Domains tab's rule: the count columns no wider than their titles need (their counts are a few digits), the
     * title on two lines at its space where one line does not fit ("Endast / mottagna"), and the room left to the
     * name column. At 1024 px the count columns, as wide as their one-line titles plus room for the sort arrow, took
     * 635 px of the Swedish table's 699: the domains were drawn "fabrika…" and the last column ran past the table's
     * edge. The sort arrow's room goes to the column sorted by only.
     * <p>
     * The name column is kept as wide as the log's widest name ({@code widestName}, see {@link CellWidths#cellWidth(TableView, List)}) where the
     * count columns, at their narrowest, leave that room, and no wider: a least width fixed for the sample's
     * "proseware.example" cut a longer name where the titles could have wrapped to show it whole, and at 1920 px the
     * titles wrapped beside a name column three times as wide as its names. {@code columnsRoom} is the room the
     * table's columns have now ({@code TableRoom}), which the caller has measured already.
     */
    static void keepCountsNarrow(TableView<?> table, String nameId, OptionalDouble widestName, double columnsRoom) {
        TableColumnBase<?, ?> name = null;
        List<TableColumnBase<?, ?>> counts = new ArrayList<>();
        double least = 0;
        double growth = 0;
        for (TableColumnBase<?, ?> column : table.getColumns()) {
            Label title = CellWidths.title(table, column).orElse(null);
            if (title == null) {
                continue;
            }
            if (nameId.equals(column.getId())) {
                name = column;
                continue;
            }
            double arrow = table.getSortOrder().contains(column) ? SORT_ARROW : 0;
            // the title's padding, and its widest word in its font: a wrapped title is as wide as that
            double padding = title.prefWidth(-1) - CellWidths.widestIn(title.getFont(), List.of(title.getText()));
            double widestWord = CellWidths.widestIn(title.getFont(), List.of(title.getText().split(" ")));
            double min = Math.ceil(widestWord + padding + arrow + 1);
            column.setMinWidth(min);
            // no wider than the title on one line: what is left goes to the names
            column.setMaxWidth(Math.max(min, Math.ceil(title.prefWidth(-1) + SORT_ARROW)));
            counts.add(column);
            least += min;
            growth += column.getMaxWidth() - min;
        }
        Label title = name == null ? null : CellWidths.title(table, name).orElse(null);
        if (title == null) {
            return;
        }
        double room = Math.floor(columnsRoom);
        double arrow = table.getSortOrder().contains(name) ? SORT_ARROW : 0;
        double titled = Math.ceil(title.prefWidth(-1) + arrow);
        // the names whole first, then the titles on one line, then what is left to the names again
        double nameMin = Math.max(titled, Math.min(Math.max(titled, widestName.orElse(titled)), room - least));
        double share = growth <= 0 ? 0 : Math.clamp((room - nameMin - least) / growth, 0, 1);
        double taken = 0;
        for (TableColumnBase<?, ?> column : counts) {
            double pref = Math.floor(column.getMinWidth() + share * (column.getMaxWidth() - column.getMinWidth()));
            column.setPrefWidth(pref);
            taken += pref;
        }
        // every width set so that they add up to the table's: the resize policy, left to share the rest out between
        // columns with greatest widths, ran 9 px past the table's edge
        double namePref = Math.max(nameMin, room - taken);
        name.setMinWidth(nameMin);
        name.setMaxWidth(UNBOUNDED);
        // the table shares its width out again when a preferred width changes, and only then: without it, a sorted
        // column's arrow room was added past the table's edge
        name.setPrefWidth(namePref + 1);
        name.setPrefWidth(namePref);
    }
}
