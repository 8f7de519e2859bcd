package org.mailpath.ui.common;

import java.util.List;
import javafx.scene.control.ScrollBar;
import javafx.scene.control.TableView;

/**
 * The room a table's columns have ({@link CellWidths#columnsRoom(TableView, List)}), for a table that asks on every
 * layout pass: its vertical scroll bars are found once, and again only when the skin has replaced them, because
 * looking them up walks the whole table.
 */
public final class TableRoom {

    private final TableView<?> table;
    private List<ScrollBar> bars = List.of();

    public TableRoom(TableView<?> table) {
        this.table = table;
    }

    /** The width the columns have now: the table's inner width less its shown vertical scroll bar. */
    public double columns() {
        // a bar the skin dropped has no scene (or another): found again, as before the skin was made
        if (bars.isEmpty() || bars.stream().anyMatch(b -> b.getScene() == null || b.getScene() != table.getScene())) {
            bars = CellWidths.verticalBars(table);
        }
        return CellWidths.columnsRoom(table, bars);
    }
}
