package org.mailpath.ui.events;

import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumnBase;
import javafx.scene.control.TableView;
import javafx.scene.text.Text;

/**
 * Keeps every column of a table at least as wide as its header's title (and, for the time column, its cells' fixed
 * form): at 1024 px the Events header was drawn "Ev…". Measured on the laid-out headers, in the font the theme gives
 * them, so the Swedish titles get their own widths.
 */
final class HeaderWidths {

    /** Room for the sort arrow a header shows once its column is sorted, so sorting does not cut the title. */
    static final double SORT_ARROW = 16;
    /** The widest text of the time column: its cells are always in this form (Formats.compactTime). */
    static final String TIME_SAMPLE = "12-31 23:59:59";

    private HeaderWidths() {
    }

    static void keepWhole(TableView<?> table) {
        for (TableColumnBase<?, ?> column : table.getColumns()) {
            if (column.getId() == null) {
                continue;
            }
            Node header = table.lookup("#" + column.getId());
            Label title = header == null ? null : (Label) header.lookup(".label");
            if (title == null) {
                continue;
            }
            double min = title.prefWidth(-1) + SORT_ARROW;
            if ("events-col-time".equals(column.getId())) {
                Text sample = new Text(TIME_SAMPLE);
                sample.setFont(title.getFont());
                // a cell's padding, as the header's label has its own
                min = Math.max(min, Math.ceil(sample.getLayoutBounds().getWidth()) + title.getPadding().getLeft()
                        + title.getPadding().getRight() + 8);
            }
            column.setMinWidth(Math.ceil(min));
            if ("events-col-events".equals(column.getId())) {
                // its letters ("RTTD") are short: the room it would take beyond its title goes to the causes
                column.setMaxWidth(Math.ceil(min) + 24);
            }
            if (column.getPrefWidth() < column.getMinWidth()) {
                column.setPrefWidth(column.getMinWidth());
            }
        }
    }
}
