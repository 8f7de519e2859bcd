package org.mailpath.ui.dnscheck;

import java.io.IOException;
import java.nio.file.Files;
import java.util.Locale;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.mailpath.engine.check.CheckOptions;
import org.mailpath.engine.check.DomainChecker;
import org.mailpath.ui.common.DialogService;
import org.mailpath.ui.common.Messages;
import org.mailpath.ui.common.SettingsStore;
import org.mailpath.ui.common.ThreadTaskRunner;
import org.mailpath.ui.common.WizardSession;

/**
 * The DNS check step as its screen tests set it up: a model in English over the given checks and probe, with fresh
 * settings and checks run off the FX thread, shown with the app's theme and style sheet.
 */
final class DnsCheckStepFixture {

    private DnsCheckStepFixture() {
    }

    static DnsCheckViewModel model(DomainChecker checker, MailServerProbe probe, DialogService dialogs,
                                   WizardSession session) throws IOException {
        return new DnsCheckViewModel(checker, probe, new ThreadTaskRunner(Platform::runLater), dialogs,
                SettingsStore.open(Files.createTempDirectory("mailpath-ui-test").resolve("s.properties")),
                session, Messages.forLocale(Locale.ENGLISH), CheckOptions.defaults());
    }

    /** Shows the step's view of {@code model} on {@code stage} in a scene of 1200 x 760, styled as the app is. */
    static void show(Stage stage, DnsCheckViewModel model) {
        Scene scene = new Scene(new StackPane(new DnsCheckView(model, Messages.forLocale(Locale.ENGLISH)).root()),
                1200, 760);
        Application.setUserAgentStylesheet(new atlantafx.base.theme.PrimerLight().getUserAgentStylesheet());
        scene.getStylesheets().add(DnsCheckView.class.getResource("/org/mailpath/ui/mailpath.css").toExternalForm());
        stage.setScene(scene);
        // the stage is shared with the whole-app tests and keeps the size the last of them gave it: the scene's
        stage.sizeToScene();
        stage.show();
    }
}
