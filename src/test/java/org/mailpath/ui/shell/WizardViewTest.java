package org.mailpath.ui.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import javafx.util.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.kordamp.ikonli.material2.Material2AL;
import org.mailpath.ui.common.Messages;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Step views built ahead of their first visit: built once, hidden and out of the layout until shown. */
@ExtendWith(ApplicationExtension.class)
class WizardViewTest {

    private final WizardViewModelTest.Step first = new WizardViewModelTest.Step(true);
    private final WizardViewModelTest.Step second = new WizardViewModelTest.Step(true);
    private final WizardViewModelTest.Step third = new WizardViewModelTest.Step(true);
    private final List<String> builds = new ArrayList<>();
    private WizardViewModel wizard;
    private WizardView view;

    @Start
    void start(Stage stage) {
        wizard = new WizardViewModel(List.of(first, second, third));
        List<StepPage> pages = List.of(page("one", first), page("two", second), page("three", third));
        view = new WizardView(wizard, pages, Messages.forLocale(Locale.ENGLISH));
        stage.setScene(new Scene(view.root(), 900, 600));
        // the stage is shared with the whole-app tests and keeps the size the last of them gave it: the scene's
        stage.sizeToScene();
        stage.show();
    }

    private StepPage page(String name, WizardViewModelTest.Step step) {
        return new StepPage("wizard.step.import", Material2AL.LIST, step, () -> {
            builds.add(name);
            Label label = new Label(name);
            label.setId("view-" + name);
            label.setMaxSize(Double.MAX_VALUE, Double.MAX_VALUE);
            if (name.equals("three")) {
                // a wide view: were it managed while hidden, the window's minimum width would grow with it
                label.setMinWidth(5000);
            }
            return label;
        });
    }

    /**
     * The review went from Events straight to Report: the report then had no DNS findings and no DKIM checks, and the
     * Report step must say so in plain words (and the step bar must not check those steps off). Each step says what
     * the report lacks of it, in its own words: a step with nothing to say (the DKIM step whose selectors the DNS
     * checks looked up) adds nothing.
     */
    @Test
    void theLastStepSaysWhatTheReportLacksForTheStepsSkipped(FxRobot robot) {
        WizardViewModelTest.Step events = new WizardViewModelTest.Step(true);
        WizardViewModelTest.Step dns = new WizardViewModelTest.Step(true);
        WizardViewModelTest.Step dkim = new WizardViewModelTest.Step(true);
        WizardViewModelTest.Step report = new WizardViewModelTest.Step(true);
        dns.done.set(false);
        dkim.done.set(false);
        dns.notice.set("The DNS checks were not run.");
        dkim.notice.set("The DKIM step was skipped.");
        report.notice.set("never said: the report step is not skipped");
        Label[] notice = new Label[1];
        Node[] dnsButton = new Node[1];
        WizardViewModel[] wizardOf = new WizardViewModel[1];
        robot.interact(() -> {
            WizardViewModel five = new WizardViewModel(List.of(events, dns, dkim, report));
            WizardView v = new WizardView(five, List.of(new StepPage("wizard.step.events", Material2AL.LIST, events,
                            Label::new), new StepPage("wizard.step.dnscheck", Material2AL.LIST, dns, Label::new),
                    new StepPage("wizard.step.dkim", Material2AL.LIST, dkim, Label::new),
                    new StepPage("wizard.step.report", Material2AL.LIST, report, Label::new)),
                    Messages.forLocale(Locale.ENGLISH));
            new Scene(v.root());
            v.root().applyCss();
            notice[0] = (Label) v.root().lookup("#wizard-skipped");
            assertFalse(notice[0].isVisible(), "nothing skipped yet");
            wizardOf[0] = five;
            five.goTo(3);
            v.root().applyCss();
            dnsButton[0] = v.root().lookupAll(".step-button").stream().toList().get(1);
        });
        assertTrue(notice[0].isVisible());
        assertEquals("The DNS checks were not run. The DKIM step was skipped.", notice[0].getText());
        assertTrue(dnsButton[0].getStyleClass().contains("skipped"), dnsButton[0].getStyleClass().toString());
        assertFalse(dnsButton[0].lookup(".step-check").isVisible(), "no check mark on a step skipped");
        // said in words too, not only by the icon and the style
        assertEquals("Step 2: DNS checks, skipped", spoken(dnsButton[0]));
        assertEquals("Step 1: Events, done", spoken(dnsButton[0].getParent().lookupAll(".step-button").iterator()
                .next()));
        assertEquals("Step 4: Report, current", spoken(dnsButton[0].getParent().lookupAll(".step-button").stream()
                .toList().get(3)));
        robot.interact(() -> dkim.notice.set(""));
        assertEquals("The DNS checks were not run.", notice[0].getText(), "the DKIM step has nothing to say");

        // the checks stopped part way: partly done, in their words
        robot.interact(() -> {
            wizardOf[0].goTo(1);
            dns.partly.set(true);
            dns.notice.set("The DNS checks were stopped, so the report holds only the 3 of 9 checks that finished.");
            wizardOf[0].goTo(3);
        });
        assertTrue(dnsButton[0].getStyleClass().contains("partly-done"), dnsButton[0].getStyleClass().toString());
        assertFalse(dnsButton[0].getStyleClass().contains("skipped"));
        assertFalse(dnsButton[0].lookup(".step-check").isVisible(), "not checked off");
        assertTrue(dnsButton[0].lookup(".step-partly").isVisible());
        assertEquals("Step 2: DNS checks, stopped part way", spoken(dnsButton[0]));
        assertEquals("Step 2: DNS checks, stopped part way (Ctrl+2)",
                ((javafx.scene.control.Button) dnsButton[0]).getTooltip().getText());
        assertEquals("The DNS checks were stopped, so the report holds only the 3 of 9 checks that finished.",
                notice[0].getText());

        robot.interact(() -> {
            dkim.notice.set("The DKIM step was skipped.");
            wizardOf[0].goTo(1);
            dns.done.set(true);
            wizardOf[0].goTo(3);
        });
        assertTrue(dnsButton[0].getStyleClass().contains("done"), "visited and run");
        assertEquals("Step 2: DNS checks, done", spoken(dnsButton[0]));
        assertEquals("The DKIM step was skipped.", notice[0].getText());
    }

    /**
     * The review found focus on a step's root after each step change: a container that showed no ring and that a
     * screen reader said nothing of. It goes to the step's main control when the view names one, else to its first
     * control that can take it (inside a scroll pane too, not one disabled or hidden).
     */
    @Test
    void aStepShownFocusesItsMainControlOrElseItsFirstControl(FxRobot robot) {
        WizardViewModelTest.Step a = new WizardViewModelTest.Step(true);
        WizardViewModelTest.Step b = new WizardViewModelTest.Step(true);
        WizardViewModelTest.Step c = new WizardViewModelTest.Step(true);
        javafx.scene.control.Button open = new javafx.scene.control.Button("Open");
        javafx.scene.control.Button off = new javafx.scene.control.Button("disabled");
        off.setDisable(true);
        javafx.scene.control.Button hidden = new javafx.scene.control.Button("hidden");
        hidden.setVisible(false);
        javafx.scene.control.TextField field = new javafx.scene.control.TextField();
        javafx.scene.control.Button first = new javafx.scene.control.Button("first");
        javafx.scene.control.ListView<String> main = new javafx.scene.control.ListView<>();
        Node[] focused = new Node[3];
        robot.interact(() -> {
            WizardViewModel three = new WizardViewModel(List.of(a, b, c));
            javafx.scene.layout.VBox one = new javafx.scene.layout.VBox(new Label("Import"), open);
            javafx.scene.control.ScrollPane two = new javafx.scene.control.ScrollPane(
                    new javafx.scene.layout.VBox(new Label("Events"), off, hidden, field));
            javafx.scene.control.SplitPane last = new javafx.scene.control.SplitPane(
                    new javafx.scene.layout.VBox(first), main);
            org.mailpath.ui.common.StepFocus.mainControl(last, () -> java.util.Optional.of(main));
            WizardView v = new WizardView(three, List.of(
                    new StepPage("wizard.step.import", Material2AL.LIST, a, () -> one),
                    new StepPage("wizard.step.events", Material2AL.LIST, b, () -> two),
                    new StepPage("wizard.step.dnscheck", Material2AL.LIST, c, () -> last)),
                    Messages.forLocale(Locale.ENGLISH));
            Scene scene = new Scene(v.root());
            three.goTo(1);
            focused[1] = scene.getFocusOwner();
            three.goTo(2);
            focused[2] = scene.getFocusOwner();
            three.goTo(0);
            focused[0] = scene.getFocusOwner();
        });
        assertSame(field, focused[1], "the first control that can take the focus, inside the scroll pane: "
                + focused[1]);
        assertSame(main, focused[2], "the main control the view names: " + focused[2]);
        assertSame(open, focused[0], String.valueOf(focused[0]));
    }

    /** What a screen reader says of a node: its accessible TEXT attribute, as the review read it. */
    private static String spoken(Node node) {
        return String.valueOf(node.queryAccessibleAttribute(javafx.scene.AccessibleAttribute.TEXT));
    }

    @Test
    void aViewBuiltAheadIsHiddenAndShownLaterWithoutASecondBuild(FxRobot robot) {
        robot.interact(() -> view.buildAhead(1));
        Node two = robot.lookup("#view-two").query();
        assertFalse(two.isVisible());
        assertFalse(two.isManaged());
        Node one = robot.lookup("#view-one").query();
        assertTrue(one.isVisible());
        assertEquals(one.getLayoutBounds(), two.getLayoutBounds(), "laid out at the size it will be shown at");

        robot.interact(() -> wizard.goTo(1));
        assertSame(two, robot.lookup("#view-two").query());
        assertTrue(two.isVisible() && two.isManaged());
        assertTrue(robot.lookup("#view-one").tryQuery().isEmpty(), "the step left is taken out, as before");
        assertEquals(List.of("one", "two"), builds);

        robot.interact(() -> view.buildAhead(1));
        robot.interact(() -> wizard.goTo(0));
        assertEquals(List.of("one", "two"), builds, "a view is built once");

        robot.interact(() -> view.buildAhead(2));
        assertTrue(view.root().minWidth(-1) < 5000, "a hidden view does not count in the window's size");
    }

    @Test
    void whileIdleTheStepsAreBuiltOneAtATime(FxRobot robot) throws Exception {
        robot.interact(() -> IdleWork.oneAtATime(List.of(() -> view.buildAhead(1), () -> view.buildAhead(2)),
                Duration.millis(50), () -> true));
        WaitForAsyncUtils.waitFor(5, java.util.concurrent.TimeUnit.SECONDS, () -> builds.size() == 3);
        assertEquals(List.of("one", "two", "three"), builds);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(robot.lookup("#view-one").query().isVisible());
        assertFalse(robot.lookup("#view-three").query().isVisible());
        robot.interact(() -> wizard.goTo(2));
        assertTrue(robot.lookup("#view-three").query().isVisible());
        assertEquals(3, builds.size());
    }
}
