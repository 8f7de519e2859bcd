package org.mailpath.ui.events;

import java.util.OptionalDouble;
import javafx.collections.ObservableList;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.skin.ComboBoxListViewSkin;

/**
 * Combo boxes only as wide as the text of their choice and their arrow. Their own preferred width is that of their
 * widest item: for the domain filter of a large log thousands of cells measured on a layout, and for the cause filter
 * the widest cause plus its tick box, taken from a row with little room (the filters wrap when it runs out). The
 * list that drops down still fits its items.
 */
final class ChoiceWidth {

    private ChoiceWidth() {
    }

    /** A combo box as wide as its choice. */
    static <T> ComboBox<T> comboBox(ObservableList<T> items) {
        return new ComboBox<>(items) {
            @Override
            protected double computePrefWidth(double height) {
                return of(this).orElseGet(() -> super.computePrefWidth(height));
            }
        };
    }

    /**
     * A check combo box as wide as its title: the ControlsFX skin shows it in an inner combo box's button cell. One
     * the keyboard opens (see KeyboardCheckComboBox).
     */
    static <T> KeyboardCheckComboBox<T> checkComboBox(ObservableList<T> items) {
        return new KeyboardCheckComboBox<>(items) {
            @Override
            protected double computePrefWidth(double height) {
                OptionalDouble title = inner().map(ChoiceWidth::of).orElse(OptionalDouble.empty());
                return title.isPresent() ? snappedLeftInset() + title.getAsDouble() + snappedRightInset()
                        : super.computePrefWidth(height);
            }
        };
    }

    /** Empty until the combo box has its skin. */
    private static OptionalDouble of(ComboBox<?> combo) {
        Node arrow = combo.lookup(".arrow-button");
        if (!(combo.getSkin() instanceof ComboBoxListViewSkin<?> skin) || skin.getDisplayNode() == null
                || arrow == null) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of(combo.snappedLeftInset() + skin.getDisplayNode().prefWidth(-1) + arrow.prefWidth(-1)
                + combo.snappedRightInset());
    }
}
