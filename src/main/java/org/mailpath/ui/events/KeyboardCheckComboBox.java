package org.mailpath.ui.events;

import java.util.Optional;
import java.util.function.BiFunction;
import javafx.beans.binding.Bindings;
import javafx.collections.ObservableList;
import javafx.scene.AccessibleAction;
import javafx.scene.AccessibleAttribute;
import javafx.scene.AccessibleRole;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.skin.ComboBoxListViewSkin;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.util.Callback;
import org.controlsfx.control.CheckComboBox;

/**
 * A ControlsFX check combo box that the keyboard opens and a screen reader names (ControlsFX issue #1085). The
 * ControlsFX control takes the focus but hands no key to the combo box its skin draws, which is not focus
 * traversable: F4, Space and Alt+Down did nothing, Down moved the focus on, Enter pressed the step's default button,
 * and the control spoke as a bare group without a name. Here F4, Alt+Down, Alt+Up, Space and Down open the list
 * (where Up, Down and Space tick, as ControlsFX makes it, and Enter, F4 or Escape close it), Enter on the closed list
 * is kept from the default button, and the control speaks as a combo box, expanded or not, with its accessible text.
 * <p>
 * The items of the open list are JavaFX check box list cells (ControlsFX's skin makes them), which speak as list items
 * by their text alone: whether an item was ticked was not said. Each item's accessible text here adds that, in the
 * words {@link #speakItemsAs} gives, kept current however it is ticked (mouse, Space, the check model); and the item
 * the arrows are on is this control's focus item while the list is open, as a combo box's is, since the focus stays on
 * this control and not on the inner combo box whose list it is.
 */
class KeyboardCheckComboBox<T> extends CheckComboBox<T> {

    private BiFunction<String, Boolean, String> itemWords = (text, ticked) -> text;

    KeyboardCheckComboBox(ObservableList<T> items) {
        super(items);
        setAccessibleRole(AccessibleRole.COMBO_BOX);
        addEventHandler(KeyEvent.KEY_PRESSED, this::keyPressed);
        // the inner combo box of the skin: its list, once made, closes on the keys that close a combo box's list
        skinProperty().addListener((o, was, skin) -> inner().ifPresent(combo -> {
            spokenItems(combo);
            listKeys(combo.getSkin());
            combo.skinProperty().addListener((p, before, comboSkin) -> listKeys(comboSkin));
        }));
    }

    /**
     * How an item of the open list is spoken: {@code words} of its text and whether it is ticked ("Bounced, ticked").
     * Without it, its text alone.
     */
    void speakItemsAs(BiFunction<String, Boolean, String> words) {
        itemWords = words;
    }

    /** The cells of the inner combo box's list, as the skin makes them, with their ticks in their accessible text. */
    @SuppressWarnings("unchecked")
    private void spokenItems(ComboBox<?> combo) {
        // the skin's combo box shows this control's items (CheckComboBoxSkin), so its cells are of T
        ComboBox<T> list = (ComboBox<T>) combo;
        Callback<ListView<T>, ListCell<T>> made = list.getCellFactory();
        if (made != null) {
            list.setCellFactory(v -> spoken(made.call(v)));
        }
    }

    private ListCell<T> spoken(ListCell<T> cell) {
        // the checked items change however an item is ticked: the cell's box is bound to its item's check state
        cell.accessibleTextProperty().bind(Bindings.createStringBinding(
                () -> cell.isEmpty() || cell.getItem() == null ? null
                        : itemWords.apply(cell.getText(), getCheckModel().isChecked(cell.getItem())),
                cell.itemProperty(), cell.emptyProperty(), cell.textProperty(), getCheckModel().getCheckedItems()));
        return cell;
    }

    private void listKeys(javafx.scene.control.Skin<?> comboSkin) {
        if (comboSkin instanceof ComboBoxListViewSkin<?> listSkin && listSkin.getPopupContent() != null) {
            listSkin.getPopupContent().addEventHandler(KeyEvent.KEY_PRESSED, this::keyPressedInList);
            if (listSkin.getPopupContent() instanceof ListView<?> list) {
                // a screen reader asks the focused control which item it is on: this one, not the inner combo box
                list.getFocusModel().focusedIndexProperty()
                        .addListener(o -> notifyAccessibleAttributeChanged(AccessibleAttribute.FOCUS_ITEM));
            }
        }
    }

    /** Whether the list is open. */
    boolean isShowing() {
        return inner().map(ComboBox::isShowing).orElse(false);
    }

    /** The combo box the skin draws the control with, once it has its skin (ChoiceWidth measures its title there). */
    Optional<ComboBox<?>> inner() {
        return getChildrenUnmodifiable().stream().filter(ComboBox.class::isInstance)
                .<ComboBox<?>>map(n -> (ComboBox<?>) n).findFirst();
    }

    private void keyPressed(KeyEvent e) {
        if (e.isConsumed()) {
            return;
        }
        KeyCode code = e.getCode();
        boolean bare = !e.isAltDown() && !e.isControlDown() && !e.isShortcutDown() && !e.isMetaDown();
        boolean opens = code == KeyCode.F4 || (code == KeyCode.DOWN || code == KeyCode.UP) && e.isAltDown()
                || (code == KeyCode.SPACE || code == KeyCode.DOWN) && bare;
        if (opens) {
            show();
            e.consume();
        } else if (code == KeyCode.ENTER && bare) {
            // a filter is chosen, not a step left: Enter on it fired the step's Next
            e.consume();
        }
    }

    private void keyPressedInList(KeyEvent e) {
        KeyCode code = e.getCode();
        if (code == KeyCode.F4 || code == KeyCode.ENTER
                || (code == KeyCode.UP || code == KeyCode.DOWN) && e.isAltDown()) {
            hide();
            requestFocus();
            e.consume();
        }
    }

    @Override
    public Object queryAccessibleAttribute(AccessibleAttribute attribute, Object... parameters) {
        return switch (attribute) {
            case EXPANDED -> isShowing();
            case TEXT -> getAccessibleText();
            // the item of the open list the arrows are on, as the inner combo box's skin has it; none while closed
            case FOCUS_ITEM -> inner().filter(ComboBox::isShowing)
                    .map(combo -> combo.queryAccessibleAttribute(attribute, parameters)).orElse(null);
            default -> super.queryAccessibleAttribute(attribute, parameters);
        };
    }

    @Override
    public void executeAccessibleAction(AccessibleAction action, Object... parameters) {
        switch (action) {
            case EXPAND -> show();
            case COLLAPSE -> hide();
            default -> super.executeAccessibleAction(action, parameters);
        }
    }
}
