package org.mailpath.ui.common;

import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.OverrunStyle;
import javafx.scene.control.Tooltip;
import javafx.scene.text.Text;

/**
 * A one-line label of text from a log (a domain name) that, when its room is too narrow and the text is drawn cut with
 * the ellipsis, shows the whole text in a tooltip: {@link TippedCell} for a label placed in a row of its own (the DNS
 * checks step's list of recipient domains, where a long name beside its remove button must not push the button out).
 */
public final class TippedLabel extends Label {

    private final Tooltip whole = new Tooltip();

    public TippedLabel(String text) {
        super(text);
        setMnemonicParsing(false);
        setTextOverrun(OverrunStyle.ELLIPSIS);
        // the label may shrink to its ellipsis: the room left beside the other nodes of its row is what it gets
        setMinWidth(0);
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

    /** The text in this label's tooltip, or empty when the label shows it whole. */
    public String tip() {
        return getTooltip() == null ? "" : getTooltip().getText();
    }
}
