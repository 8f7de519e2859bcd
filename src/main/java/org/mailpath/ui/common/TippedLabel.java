package org.mailpath.ui.common;

import javafx.scene.control.Label;
import javafx.scene.control.OverrunStyle;
import javafx.scene.control.Tooltip;

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
        CutTextTip.update(this, whole);
    }

    /** The text in this label's tooltip, or empty when the label shows it whole. */
    public String tip() {
        return CutTextTip.tip(this);
    }
}
