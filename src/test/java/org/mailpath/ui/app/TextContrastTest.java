package org.mailpath.ui.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.mailpath.engine.analysis.Verdict;
import org.mailpath.ui.dkim.DkimViewModel;
import org.mailpath.ui.dnscheck.ChecksState;
import org.mailpath.ui.importing.ImportState;
import org.mailpath.ui.testing.TestEngines;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * WCAG 2.2 SC 1.4.3 Contrast (Minimum), https://www.w3.org/TR/WCAG22/#contrast-minimum: every text of every step,
 * with the sample log, in the light and the dark theme, has 4.5:1 against what is behind it (3:1 if large-scale).
 * The colours are the ones the themes resolve to in the scene graph (see {@link TextContrast}).
 */
class TextContrastTest extends RunningAppTest {

    private static void waitUntil(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, condition);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void everyTextOfEveryStepHasEnoughContrastInBothThemes(FxRobot robot) throws Exception {
        List<TextContrast.Measure> measured = new ArrayList<>();
        measured.addAll(view(robot, "light, 1 Import (empty)"));

        showSampleEvents(robot);
        // a selected bounced row (its own text colours) and the message's details beside the table
        robot.interact(() -> app.eventsModel().selectedProperty().set(app.eventsModel().visibleRows().stream()
                .filter(r -> r.chain().verdict() == Verdict.BOUNCED).findFirst().orElseThrow()));
        robot.interact(() -> robot.lookup("#message-table").queryAs(javafx.scene.control.TableView.class)
                .scrollTo(app.eventsModel().selectedProperty().get()));
        robot.interact(() -> app.wizard().goTo(AppContext.CHECKS));
        waitUntil(() -> app.checksModel().canRunProperty().get());
        robot.interact(() -> app.checksModel().run());
        waitUntil(() -> app.checksModel().stateProperty().get() == ChecksState.DONE);
        robot.interact(() -> app.wizard().goTo(AppContext.DKIM));
        robot.interact(() -> app.dkimModel().selectorsProperty().set("sf1, sf2"));
        waitUntil(() -> app.dkimModel().canInspectProperty().get());
        robot.interact(() -> app.dkimModel().inspect());
        waitUntil(() -> app.dkimModel().stateProperty().get() == DkimViewModel.State.DONE
                || app.dkimModel().stateProperty().get() == DkimViewModel.State.FAILED);
        robot.interact(() -> app.wizard().goTo(AppContext.REPORT));
        waitUntil(() -> !app.reportModel().previewingProperty().get());

        inBothThemes(robot, theme -> {
            measured.addAll(step(robot, theme + ", 1 Import (sample read)", AppContext.IMPORT));
            measured.addAll(step(robot, theme + ", 2 Events (a bounced message selected)", AppContext.EVENTS));
            measured.addAll(step(robot, theme + ", 3 DNS checks (run)", AppContext.CHECKS));
            measured.addAll(step(robot, theme + ", 4 DKIM (inspected)", AppContext.DKIM));
            measured.addAll(step(robot, theme + ", 5 Report", AppContext.REPORT));
        });
        // a log with problems stays on Import and lists them
        robot.interact(() -> app.importModel().importFile(
                TestEngines.sampleLog().resolveSibling("synthetic-with-bad-rows.csv")));
        waitUntil(() -> app.importModel().stateProperty().get() == ImportState.DONE);
        inBothThemes(robot, theme -> measured.addAll(step(robot, theme + ", 1 Import (problems in the file)",
                AppContext.IMPORT)));

        List<TextContrast.Measure> failing = measured.stream().filter(TextContrast.Measure::fails).toList();
        System.out.println("TextContrastTest: " + measured.size() + " texts measured, " + failing.size() + " below SC 1.4.3");
        failing.forEach(m -> System.out.println("  " + m));
        assertTrue(measured.size() > 300, "texts measured: " + measured.size());
        assertEquals("", String.join("\n", failing.stream().map(Object::toString).toList()));
    }

    private List<TextContrast.Measure> step(FxRobot robot, String name, int index) throws Exception {
        showStep(robot, index);
        return view(robot, name);
    }

    private List<TextContrast.Measure> view(FxRobot robot, String name) {
        List<TextContrast.Measure> found = new ArrayList<>();
        robot.interact(() -> TextContrast.measure(app.scene().getRoot()).stream()
                .map(m -> new TextContrast.Measure(name + ": " + m.where(), m.text(), m.fill(), m.background(),
                        m.ratio(), m.needed()))
                .forEach(found::add));
        return found;
    }
}
