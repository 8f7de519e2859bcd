package org.mailpath.ui.common;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollBar;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumnBase;
import javafx.scene.control.TableView;
import javafx.scene.text.Font;
import javafx.scene.text.Text;

/**
 * How wide texts are drawn, and how wide a table column must be to show them whole: the one place the views measure,
 * so the Events, Report and DNS check tables round and pad the same way.
 */
public final class CellWidths {

    private CellWidths() {
    }

    /**
     * The width a column of {@code table} needs to show the widest of {@code texts} in its cells' font and padding;
     * empty before a row is drawn.
     */
    public static OptionalDouble cellWidth(TableView<?> table, List<String> texts) {
        Optional<TableCell<?, ?>> cell = aCell(table);
        return cell.isEmpty() ? OptionalDouble.empty() : OptionalDouble.of(cellWidth(cell.get(), texts));
    }

    /** A drawn cell of the table: its font and padding are those of every cell (empty before a row is drawn). */
    public static Optional<TableCell<?, ?>> aCell(TableView<?> table) {
        for (Node n : table.lookupAll(".table-cell")) {
            if (n instanceof TableCell<?, ?> cell) {
                return Optional.of(cell);
            }
        }
        return Optional.empty();
    }

    /**
     * A drawn cell of {@code column}: for a table whose columns' cells differ (a check box column has its own padding);
     * empty before a row is drawn.
     */
    public static Optional<TableCell<?, ?>> aCell(TableView<?> table, TableColumnBase<?, ?> column) {
        for (Node n : table.lookupAll(".table-cell")) {
            if (n instanceof TableCell<?, ?> cell && cell.getTableColumn() == column) {
                return Optional.of(cell);
            }
        }
        return Optional.empty();
    }

    /**
     * The width the columns of {@code table} are shared out in: inside its border and beside its vertical bar, of
     * {@code bars}, the table's {@link #verticalBars} found before ({@link TableRoom} keeps them for a table that asks
     * on each layout pass).
     */
    public static double columnsRoom(TableView<?> table, List<ScrollBar> bars) {
        double room = table.getWidth() - table.snappedLeftInset() - table.snappedRightInset();
        for (ScrollBar bar : bars) {
            if (bar.isVisible()) {
                room -= bar.getWidth();
            }
        }
        return room;
    }

    /** The vertical scroll bars of {@code table}'s skin, shown or not (none before the skin is made). */
    public static List<ScrollBar> verticalBars(TableView<?> table) {
        List<ScrollBar> bars = new ArrayList<>();
        for (Node n : table.lookupAll(".scroll-bar")) {
            if (n instanceof ScrollBar bar && bar.getOrientation() == Orientation.VERTICAL) {
                bars.add(bar);
            }
        }
        return List.copyOf(bars);
    }

    /** The header of {@code column}, once the skin has made it (the header carries the column's id). */
    public static Optional<Node> header(TableView<?> table, TableColumnBase<?, ?> column) {
        return column.getId() == null ? Optional.empty() : Optional.ofNullable(table.lookup("#" + column.getId()));
    }

    /** The title label of {@code column}'s header, once the skin has made it. */
    public static Optional<Label> title(TableView<?> table, TableColumnBase<?, ?> column) {
        return header(table, column).flatMap(CellWidths::title);
    }

    /** The title label of a column's {@code header}. */
    public static Optional<Label> title(Node header) {
        return header.lookup(".label") instanceof Label title ? Optional.of(title) : Optional.empty();
    }

    /** The width {@code cell}'s column needs to show the widest of {@code texts}, in its font and padding. */
    public static double cellWidth(TableCell<?, ?> cell, List<String> texts) {
        // a pixel for rounding: a text exactly as wide as its room may still be drawn cut
        return Math.ceil(widestIn(cell.getFont(), texts)) + cell.snappedLeftInset() + cell.snappedRightInset() + 1;
    }

    /**
     * The width {@code cell}'s column needs to show the widest of {@code texts} beside the graphic the cell draws (a
     * state's icon), the gap between them included: as {@link #cellWidth(TableCell, List)} without a graphic.
     */
    public static double cellWidthWithGraphic(TableCell<?, ?> cell, List<String> texts) {
        Node graphic = cell.getGraphic();
        double beside = graphic == null ? 0 : Math.ceil(graphic.prefWidth(-1)) + cell.getGraphicTextGap();
        return cellWidth(cell, texts) + beside;
    }

    /** The width of the widest of {@code texts} in {@code font}, on one line (0 for none). */
    public static double widestIn(Font font, List<String> texts) {
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
