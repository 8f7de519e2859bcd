package org.mailpath.ui.common;

import javafx.event.ActionEvent;
import javafx.scene.control.CheckBox;

/**
 * A check box that its mnemonic (Alt + the underlined letter) ticks. JavaFX fires a mnemonic as a bare ActionEvent,
 * which runs a button's action but does not toggle a check box: only {@link #fire()} does, so an ActionEvent that
 * does not come from it is a mnemonic and toggles here.
 */
public final class MnemonicCheckBox extends CheckBox {

    private boolean firing;

    public MnemonicCheckBox(String text) {
        super(text);
        addEventHandler(ActionEvent.ACTION, e -> {
            if (!firing && !isDisabled()) {
                fire();
            }
        });
    }

    @Override
    public void fire() {
        firing = true;
        try {
            super.fire();
        } finally {
            firing = false;
        }
    }
}
