package org.mailpath.ui.events;

import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.scene.control.TableColumn;
import org.mailpath.ui.common.TippedCell;

/** The step's table columns: plain text, text cut with its whole in a tooltip, and numbers set right. */
final class Columns {

    private Columns() {
    }

    static <S> TableColumn<S, String> column(String title, Function<S, String> value, double width) {
        TableColumn<S, String> c = new TableColumn<>(title);
        c.setCellValueFactory(d -> new ReadOnlyObjectWrapper<>(value.apply(d.getValue())));
        c.setPrefWidth(width);
        return c;
    }

    static <S> TableColumn<S, String> tippedColumn(String id, String title, Function<S, String> value,
            double width) {
        TableColumn<S, String> c = column(title, value, width);
        c.setId(id);
        c.setCellFactory(col -> new TippedCell<>());
        return c;
    }

    static <S> TableColumn<S, Number> numberColumn(String id, String title, Function<S, Number> value,
            double width) {
        TableColumn<S, Number> c = new TableColumn<>(title);
        c.setId(id);
        c.setCellValueFactory(d -> new ReadOnlyObjectWrapper<>(value.apply(d.getValue())));
        c.setPrefWidth(width);
        c.setStyle("-fx-alignment: CENTER-RIGHT;");
        return c;
    }
}
