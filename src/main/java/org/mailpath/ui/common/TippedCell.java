package org.mailpath.ui.common;

import javafx.scene.control.TableCell;
import javafx.scene.control.Tooltip;

/**
 * A table cell of text that, when its column is too narrow and the text is drawn cut with the ellipsis, shows the
 * whole text in a tooltip (a cause or a recipient address may be longer than any sensible column). The Events and
 * Report steps' message tables use it (in the Report step the key columns share a narrow window's width).
 */
public final class TippedCell<S> extends TableCell<S, String> {

    private final Tooltip whole = new Tooltip();

    @Override
    protected void updateItem(String item, boolean empty) {
        super.updateItem(item, empty);
        setText(empty ? null : item);
    }

    @Override
    protected void layoutChildren() {
        super.layoutChildren();
        CutTextTip.update(this, whole);
    }

    /** The text in this cell's tooltip, or empty when the cell shows it whole. */
    public String tip() {
        return CutTextTip.tip(this);
    }
}
