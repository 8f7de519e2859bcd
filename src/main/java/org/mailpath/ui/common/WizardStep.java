package org.mailpath.ui.common;

import javafx.beans.property.ReadOnlyBooleanProperty;

/** What the wizard frame needs to know of a step's view-model. */
public interface WizardStep {

    /** True when the user may go on to the next step. */
    ReadOnlyBooleanProperty completeProperty();

    /** True while the step runs background work (the wizard's Cancel stops it). */
    ReadOnlyBooleanProperty busyProperty();

    /** The user came to this step. */
    default void entered() {
    }

    /** Stops the step's running work (the user pressed Cancel, left the step, or closes the window). */
    void cancelWork();
}
