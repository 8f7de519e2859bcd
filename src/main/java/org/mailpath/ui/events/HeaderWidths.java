package org.mailpath.ui.events;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumnBase;
import javafx.scene.control.TableView;
import javafx.scene.text.Font;
import javafx.scene.text.Text;

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

    private HeaderWidths() {
    }

    static void keepWhole(TableView<?> table) {
        keepWhole(table, Map.of());
    }

    /**
     * As {@link #keepWhole(TableView)}, and the columns named (by id) in {@code cellTexts} as wide as the widest of
     * their texts too; every column starts again from its width as the view set it (or its least), as the table's
     * resize policy shares out the table's width from the columns' widths before: a column widened for a log's texts
     * took its room from the others in proportion to their widths, wherever an earlier window size had left them.
     */
    static void keepWhole(TableView<?> table, Map<String, List<String>> cellTexts) {
        Optional<TableCell<?, ?>> cell = aCell(table);
        for (TableColumnBase<?, ?> column : table.getColumns()) {
            Label title = title(table, column).orElse(null);
            if (title == null) {
                continue;
            }
            double min = title.prefWidth(-1) + SORT_ARROW;
            List<String> texts = "events-col-time".equals(column.getId()) ? List.of(TIME_SAMPLE)
                    : cellTexts.getOrDefault(column.getId(), List.of());
            if (!texts.isEmpty() && cell.isPresent()) {
                min = Math.max(min, widest(cell.get(), texts));
            }
            column.setMinWidth(Math.ceil(min));
            if ("events-col-events".equals(column.getId())) {
                // its letters ("RTTD") are short: the room it would take beyond its title goes to the causes
                column.setMaxWidth(Math.ceil(min) + 24);
            }
            // the width the view gave it, or its least: a column widened for one log's texts narrows for the next
            double designed = (double) column.getProperties().computeIfAbsent(DESIGNED_WIDTH, k -> column.getPrefWidth());
            double pref = Math.max(designed, column.getMinWidth());
            if (!cellTexts.isEmpty() && cell.isPresent() && column.getWidth() != pref) {
                // a column's width follows its preferred width when that changes, and only then
                column.setPrefWidth(pref + 1);
            }
            column.setPrefWidth(pref);
        }
    }

    /**
     * The Domains tab's rule: the count columns no wider than their titles need (their counts are a few digits), the
     * title on two lines at its space where one line does not fit ("Endast / mottagna"), and the room left to the
     * name column, never under {@code nameMin}. At 1024 px the count columns, as wide as their one-line titles plus
     * room for the sort arrow, took 635 px of the Swedish table's 699: the domains were drawn "fabrika…" and the last
     * column ran past the table's edge. The sort arrow's room goes to the column sorted by only.
     */
    static void keepCountsNarrow(TableView<?> table, String nameId, double nameMin) {
        for (TableColumnBase<?, ?> column : table.getColumns()) {
            Label title = title(table, column).orElse(null);
            if (title == null) {
                continue;
            }
            double arrow = table.getSortOrder().contains(column) ? SORT_ARROW : 0;
            if (nameId.equals(column.getId())) {
                column.setMinWidth(Math.ceil(Math.max(nameMin, title.prefWidth(-1) + arrow)));
                // the table shares its width out again when a preferred width changes, and only then: without it,
                // a sorted column's arrow room was added past the table's edge
                column.setPrefWidth(column.getMinWidth() + 1);
                column.setPrefWidth(column.getMinWidth());
                continue;
            }
            // the title's padding, and its widest word in its font: a wrapped title is as wide as that
            double padding = title.prefWidth(-1) - widestIn(title.getFont(), List.of(title.getText()));
            double widestWord = widestIn(title.getFont(), List.of(title.getText().split(" ")));
            double min = Math.ceil(widestWord + padding + arrow + 1);
            column.setMinWidth(min);
            // no wider than the title on one line: what is left goes to the names
            column.setMaxWidth(Math.max(min, Math.ceil(title.prefWidth(-1) + SORT_ARROW)));
            column.setPrefWidth(column.getMinWidth());
        }
    }

    /** A drawn cell of the table: its font and padding are those of every cell (empty before a row is drawn). */
    private static Optional<TableCell<?, ?>> aCell(TableView<?> table) {
        for (Node n : table.lookupAll(".table-cell")) {
            if (n instanceof TableCell<?, ?> cell) {
                return Optional.of(cell);
            }
        }
        return Optional.empty();
    }

    /** The width {@code cell}'s column needs to show the widest of {@code texts}, in its font and padding. */
    private static double widest(TableCell<?, ?> cell, List<String> texts) {
        // a pixel for rounding: a text exactly as wide as its room may still be drawn cut
        return Math.ceil(widestIn(cell.getFont(), texts)) + cell.snappedLeftInset() + cell.snappedRightInset() + 1;
    }

    /** The title label of {@code column}'s header, once the skin has made it (the header carries the column's id). */
    private static Optional<Label> title(TableView<?> table, TableColumnBase<?, ?> column) {
        if (column.getId() == null) {
            return Optional.empty();
        }
        Node header = table.lookup("#" + column.getId());
        return Optional.ofNullable(header == null ? null : (Label) header.lookup(".label"));
    }

    /** The width of the widest of {@code texts} in {@code font}, on one line. */
    private static double widestIn(Font font, List<String> texts) {
        Text measure = new Text();
        measure.setFont(font);
        double widest = 0;
        for (String t : texts) {
            measure.setText(t);
            widest = Math.max(widest, measure.getLayoutBounds().getWidth());
        }
        return widest;
    }
}
