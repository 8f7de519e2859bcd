package org.mailpath.ui.shell;

import java.util.function.Supplier;
import javafx.scene.Node;
import org.kordamp.ikonli.Ikon;
import org.mailpath.ui.common.WizardStep;

/** One page of the wizard: its title key, icon, view-model and a factory for its view (built on first visit). */
public record StepPage(String titleKey, Ikon icon, WizardStep step, Supplier<Node> view) {
}
