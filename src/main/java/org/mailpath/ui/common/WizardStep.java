package org.mailpath.ui.common;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

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

    /**
     * True when the step's work was begun and stopped part way, what finished kept (the DNS checks cancelled or
     * failed, however many of them ended, none included): the step bar shows it as partly done, neither done nor
     * skipped, for it was not gone past and the report holds what finished of it; {@link #reportNoticeProperty()} says
     * how much. Read only while the step is not {@linkplain #doneProperty() done}. Never, by default.
     */
    default ReadOnlyBooleanProperty partlyDoneProperty() {
        return new ReadOnlyBooleanWrapper(false).getReadOnlyProperty();
    }

    /**
     * True when the step's work ran to the end yet most of it could not be made from this computer's network (the DNS
     * checks where DNS answers nothing): the step bar marks it apart from done, whose tick reads as "all well" though
     * the work found out next to nothing. Read only while the step is {@linkplain #doneProperty() done}. Never, by
     * default.
     */
    default ReadOnlyBooleanProperty mostlyNotCheckedProperty() {
        return new ReadOnlyBooleanWrapper(false).getReadOnlyProperty();
    }

    /**
     * What the report lacks of this step's work, in plain words, said on the last step while this step shows as
     * skipped or partly done; empty when it lacks nothing worth saying (say, work another step made in its place).
     * Nothing, by default.
     */
    default ReadOnlyStringProperty reportNoticeProperty() {
        return new ReadOnlyStringWrapper("").getReadOnlyProperty();
    }

    /** True while the step runs background work (the wizard's Cancel stops it). */
    ReadOnlyBooleanProperty busyProperty();

    /** The user came to this step. */
    default void entered() {
    }

    /** Stops the step's running work (the user pressed Cancel, left the step, or closes the window). */
    void cancelWork();
}
