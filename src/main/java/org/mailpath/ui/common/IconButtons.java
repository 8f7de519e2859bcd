package org.mailpath.ui.common;

import javafx.scene.control.ButtonBase;
import javafx.scene.control.Tooltip;

/** Buttons that show only an icon: what they do is said by a tooltip to the mouse and to a screen reader alike. */
public final class IconButtons {

    private IconButtons() {
    }

    /** Gives {@code button} its tooltip and its accessible text (a tooltip alone left it read as "button"). */
    public static void named(ButtonBase button, String what) {
        button.setTooltip(new Tooltip(what));
        button.setAccessibleText(what);
    }
}
