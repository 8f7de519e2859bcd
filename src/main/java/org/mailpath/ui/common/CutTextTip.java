package org.mailpath.ui.common;

import javafx.scene.Node;
import javafx.scene.control.Labeled;
import javafx.scene.control.Tooltip;
import javafx.scene.text.Text;

/**
 * The whole text of a {@link Labeled} drawn cut with the ellipsis, as its tooltip ({@link TippedCell},
 * {@link TippedLabel}): set after each layout, as only the skin knows where the text is cut.
 */
final class CutTextTip {

    private CutTextTip() {
    }

    /** Shows {@code whole} with the labeled's text when the text is drawn cut, and no tooltip when it is whole. */
    static void update(Labeled labeled, Tooltip whole) {
        String text = labeled.getText();
        boolean cut = false;
        if (text != null && !text.isEmpty()) {
            for (Node child : labeled.getChildrenUnmodifiable()) {
                if (child instanceof Text t && !text.equals(t.getText())) {
                    cut = true;
                }
            }
        }
        if (cut) {
            whole.setText(text);
            if (labeled.getTooltip() != whole) {
                labeled.setTooltip(whole);
            }
        } else if (labeled.getTooltip() != null) {
            labeled.setTooltip(null);
        }
    }

    /** The text in the labeled's tooltip, or empty when it shows its text whole. */
    static String tip(Labeled labeled) {
        return labeled.getTooltip() == null ? "" : labeled.getTooltip().getText();
    }
}
