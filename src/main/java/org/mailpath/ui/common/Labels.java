package org.mailpath.ui.common;

import javafx.scene.control.Label;
import javafx.scene.layout.Region;

/** Labels for text that may come from a log or a server: shown verbatim (no mnemonics), wrapped, never cut. */
public final class Labels {

    private Labels() {
    }

    public static Label wrapped(String text) {
        Label l = new Label(text);
        l.setWrapText(true);
        l.setMnemonicParsing(false);
        l.setMinHeight(Region.USE_PREF_SIZE);
        return l;
    }
}
