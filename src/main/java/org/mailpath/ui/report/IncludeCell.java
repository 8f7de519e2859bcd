package org.mailpath.ui.report;

import java.util.function.Function;
import javafx.beans.property.BooleanProperty;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Pos;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.TableCell;

/**
 * A message's include box in the report's table. The box is clicked but never tabbed to: with ControlsFX's and
 * JavaFX's check box cells each row's box was a Tab stop (six Tabs to pass the table), spoke as a check box without
 * a name, and ignored Space, which the table keeps for its rows. The table is one Tab stop, Space there includes or
 * leaves out its rows; the box and the cell both say which message they take in ("Include message to bob@… in the
 * report").
 */
final class IncludeCell extends TableCell<MessageChoice, Boolean> {

    private final CheckBox box = new CheckBox();
    private final Function<MessageChoice, String> spoken;
    private BooleanProperty bound;

    IncludeCell(Function<MessageChoice, String> spoken) {
        this.spoken = spoken;
        box.setFocusTraversable(false);
        box.setMnemonicParsing(false);
        setAlignment(Pos.CENTER);
        setContentDisplay(ContentDisplay.GRAPHIC_ONLY);
    }

    @Override
    protected void updateItem(Boolean item, boolean empty) {
        super.updateItem(item, empty);
        if (bound != null) {
            box.selectedProperty().unbindBidirectional(bound);
            bound = null;
        }
        int index = getIndex();
        if (empty || getTableView() == null || index < 0 || index >= getTableView().getItems().size()) {
            setGraphic(null);
            setAccessibleText(null);
            box.setAccessibleText(null);
            return;
        }
        ObservableValue<Boolean> included = getTableColumn().getCellObservableValue(index);
        if (included instanceof BooleanProperty property) {
            bound = property;
            box.selectedProperty().bindBidirectional(property);
        }
        String words = spoken.apply(getTableView().getItems().get(index));
        setAccessibleText(words);
        box.setAccessibleText(words);
        setGraphic(box);
    }
}
