package org.mailpath.ui.report;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.Locale;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.TableRow;
import javafx.stage.Stage;
import org.mailpath.ui.common.Messages;
import org.mailpath.ui.common.SyncTaskRunner;
import org.mailpath.ui.common.WizardSession;
import org.mailpath.ui.testing.FakeDialogs;
import org.mailpath.ui.testing.TestAnalyses;
import org.mailpath.ui.testing.TestSettings;
import org.testfx.api.FxRobot;

/** The Report step as its screen tests set it up: the model entered over a session's analysis, shown at 1280 x 800. */
final class ReportStepFixture {

    /** A fixed "now", so that what the step shows does not depend on the day the tests run. */
    private static final Clock NOW = Clock.fixed(Instant.parse("2026-03-07T10:00:00Z"), ZoneOffset.UTC);

    private ReportStepFixture() {
    }

    /**
     * A day's analysis in {@code session}, and the step's view of it in English shown on {@code stage}: the model,
     * entered.
     */
    static ReportViewModel showDay(Stage stage, WizardSession session) {
        session.setAnalysis(TestAnalyses.day());
        Messages messages = Messages.forLocale(Locale.ENGLISH);
        ReportViewModel model = enteredModel(session, messages);
        show(stage, (Parent) new ReportView(model, messages).root());
        return model;
    }

    /** The step's model over {@code session}'s analysis, with fresh settings, entered as the wizard enters it. */
    static ReportViewModel enteredModel(WizardSession session, Messages messages) {
        ReportViewModel model = new ReportViewModel(ReportExporter.standard(), new SyncTaskRunner(),
                new FakeDialogs(), TestSettings.fresh(), session, messages, NOW);
        model.entered();
        return model;
    }

    /** Shows {@code root} on {@code stage} in a scene of 1280 x 800. */
    static void show(Stage stage, Parent root) {
        stage.setScene(new Scene(root, 1280, 800));
        // the stage is shared with the whole-app tests and keeps the size the last of them gave it: the scene's
        stage.sizeToScene();
        stage.show();
    }

    /** The messages table's top row on screen that holds a message (the table keeps empty rows below the last). */
    static TableRow<?> firstRow(FxRobot robot) {
        return robot.lookup("#report-messages .table-row-cell").queryAll().stream()
                .filter(n -> ((TableRow<?>) n).getItem() != null)
                .min(Comparator.comparingDouble(n -> n.localToScene(n.getBoundsInLocal()).getMinY()))
                .map(n -> (TableRow<?>) n).orElseThrow();
    }
}
