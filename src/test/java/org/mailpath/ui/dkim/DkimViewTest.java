package org.mailpath.ui.dkim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.mailpath.engine.check.CheckOptions;
import org.mailpath.ui.common.DkimCoverage;
import org.mailpath.ui.common.Messages;
import org.mailpath.ui.common.SettingsStore;
import org.mailpath.ui.common.SyncTaskRunner;
import org.mailpath.ui.common.WizardSession;
import org.mailpath.ui.testing.FakeDialogs;
import org.mailpath.ui.testing.TestAnalyses;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The DKIM step on screen (headless, Monocle) says under its form whether the DNS checks cover its domain: in a
 * callout when they do not (the report then has nothing of the selectors looked up here), in muted words when they do.
 */
@ExtendWith(ApplicationExtension.class)
class DkimViewTest {

    @TempDir
    static Path dir;

    private final WizardSession session = new WizardSession();
    private DkimViewModel model;

    @Start
    void start(Stage stage) {
        session.setAnalysis(TestAnalyses.day());
        Messages messages = Messages.forLocale(Locale.ENGLISH);
        model = new DkimViewModel((d, s, o, c) -> List.of(), new SyncTaskRunner(), new FakeDialogs(),
                SettingsStore.open(dir.resolve("s.properties")), session, messages, CheckOptions.defaults());
        model.domainProperty().set("acme.example");
        stage.setScene(new Scene((Parent) new DkimView(model, messages).root(), 1024, 600));
        stage.show();
    }

    @Test
    void theStepSaysWhetherTheChecksCoverItsDomain(FxRobot robot) {
        Label coverage = robot.lookup("#dkim-coverage").queryAs(Label.class);
        assertTrue(coverage.isVisible());
        assertTrue(coverage.getText().startsWith("The DNS checks (step 3) have not been run for this log"),
                coverage.getText());
        assertTrue(coverage.getStyleClass().contains("callout"), "not covered: said plainly");

        robot.interact(() -> session.setDkimCoverage(new DkimCoverage(true, List.of("sf1"),
                Map.of("acme.example", DkimCoverage.Outcome.CHECKED))));
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(coverage.getText().startsWith("The DNS checks (step 3) checked the DKIM of acme.example"),
                coverage.getText());
        assertFalse(coverage.getStyleClass().contains("callout"));

        robot.interact(() -> model.domainProperty().set("other.example"));
        assertEquals("The DNS checks (step 3) did not check the DKIM of other.example: it was not their sending "
                + "domain. The report says nothing about it, and the selectors looked up here do not go into it. To "
                + "include them, give other.example as your sending domain on step 3 and run the checks again.",
                coverage.getText());
        assertTrue(coverage.getStyleClass().contains("callout"));

        robot.interact(() -> model.domainProperty().set(""));
        assertFalse(coverage.isVisible(), "nothing to say without a domain");
    }
}
