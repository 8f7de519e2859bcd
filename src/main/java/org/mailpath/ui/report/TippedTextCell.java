package org.mailpath.ui.report;

import javafx.scene.Node;
import javafx.scene.control.TableCell;
import javafx.scene.control.Tooltip;
import javafx.scene.text.Text;

/**
 * A text cell of the messages table that, when its column is narrower than its text and the text is drawn cut with
 * the ellipsis, shows the whole text in a tooltip: the key columns share a narrow window's width (MessageColumns), so
 * a long address or cause may be cut there.
 */
final class TippedTextCell<S> extends TableCell<S, String> {

    private final Tooltip whole = new Tooltip();

    @Override
    protected void updateItem(String item, boolean empty) {
        super.updateItem(item, empty);
        setText(empty ? null : item);
    }

    @Override
    protected void layoutChildren() {
        super.layoutChildren();
        // decided once drawn: only the skin knows where the text is cut
        boolean cut = false;
        if (getText() != null && !getText().isEmpty()) {
            for (Node child : getChildrenUnmodifiable()) {
                if (child instanceof Text t && !getText().equals(t.getText())) {
                    cut = true;
                }
            }
        }
        if (cut) {
            whole.setText(getText());
            if (getTooltip() != whole) {
                setTooltip(whole);
            }
        } else if (getTooltip() != null) {
            setTooltip(null);
        }
    }

    /** The text of this cell's tooltip, or empty when the cell shows its text whole. */
    String tip() {
        return getTooltip() == null ? "" : getTooltip().getText();
    }
}
