package org.mailpath.ui.common;

import javafx.beans.property.ReadOnlyBooleanProperty;

/** What the wizard frame needs to know of a step's view-model. */
public interface WizardStep {

    /** True when the user may go on to the next step. */
    ReadOnlyBooleanProperty completeProperty();

    /**
     * True when the step's work was done, which the step bar checks off once the step was visited. A step that may be
     * skipped (complete before its work is done, such as the DNS checks) says here whether that work was done; a step
     * left not done when the user went past it shows as skipped. By default a complete step is done.
     */
    default ReadOnlyBooleanProperty doneProperty() {
        return completeProperty();
    }

    /** True while the step runs background work (the wizard's Cancel stops it). */
    ReadOnlyBooleanProperty busyProperty();

    /** The user came to this step. */
    default void entered() {
    }

    /** Stops the step's running work (the user pressed Cancel, left the step, or closes the window). */
    void cancelWork();
}
