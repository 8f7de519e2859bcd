package org.mailpath.ui.testing;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import org.mailpath.ui.common.WizardStep;

/**
 * The step after the one under test (the Report step after the DNS checks), as the wizard sees it: always complete,
 * never busy, nothing to cancel; the wizard can go on to it and judge the step left behind.
 */
public final class FinishedStep implements WizardStep {

    @Override
    public ReadOnlyBooleanProperty completeProperty() {
        return new ReadOnlyBooleanWrapper(true).getReadOnlyProperty();
    }

    @Override
    public ReadOnlyBooleanProperty busyProperty() {
        return new ReadOnlyBooleanWrapper(false).getReadOnlyProperty();
    }

    @Override
    public void cancelWork() {
    }
}
