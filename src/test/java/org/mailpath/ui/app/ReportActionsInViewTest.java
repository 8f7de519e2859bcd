package org.mailpath.ui.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.layout.Border;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mailpath.ui.dkim.DkimViewModel;
import org.mailpath.ui.dnscheck.ChecksState;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The Report step's actions at 1024×700, in English and Swedish: the PDF export and the menu of the other formats
 * beside it (HTML, JSON, Text, CSV), "Copy a note for the recipient's mail team" and the options that shape the export (redaction, bounced and deferred only, the report's
 * language) lie inside the window and inside the visible part of their side, with the notice of the skipped steps
 * above the step and without it (the review: with the notice "Export the report" was cut and the buttons below the
 * window's bottom; without it the note's button was; later the redact box and the language choice, last in the
 * scrolled scope, were scrolled out of view, leaving the Swedish app's English preview unexplained). Above the bar the
 * domain list shows at least three domains wholly without the notice and two with it (it showed one and a half:
 * the bar's two lines of export buttons, an empty status line and the All/None row took the height).
 */
@ExtendWith(ApplicationExtension.class)
class ReportActionsInViewTest {

    private static final List<String> ACTIONS = List.of("#report-export-pdf", "#report-export-more",
            "#report-copy-note", "#report-redact", "#report-problems-only", "#report-language");

    @ParameterizedTest
    @ValueSource(strings = {"en", "sv"})
    void theActionsAreInTheWindow(String language, FxRobot robot) throws Exception {
        TestApps.Running running = TestApps.Running.onEventsOfTheSample(Locale.forLanguageTag(language), robot);
        try {
            AppContext app = running.app();
            TestApps.resize(robot, app, 1024, 700);
            robot.interact(() -> app.wizard().goTo(AppContext.REPORT));
            WaitForAsyncUtils.waitForFxEvents();
            assertTrue(robot.lookup("#wizard-skipped").query().isVisible(), "the checks skipped: the notice shown");
            List<String> outside = new ArrayList<>(outside(robot, app, "with the notice"));
            int withNotice = domainsInView(robot, app);
            // the other formats are in the menu beside the PDF export, each its own item
            javafx.scene.control.MenuButton more = robot.lookup("#report-export-more")
                    .queryAs(javafx.scene.control.MenuButton.class);
            assertEquals(List.of("report-export-html", "report-export-json", "report-export-txt", "report-export-csv"),
                    more.getItems().stream().map(javafx.scene.control.MenuItem::getId).toList());
            // the main action full size on one line with the menu (two lines took a domain row at 1024 x 700), and
            // said to a screen reader and in a tooltip
            javafx.scene.control.Button pdf = robot.lookup("#report-export-pdf").queryButton();
            assertEquals(pdf.localToScene(pdf.getLayoutBounds()).getMinY(),
                    more.localToScene(more.getLayoutBounds()).getMinY(), 0.5, "the PDF export and the menu on one line");
            assertFalse(pdf.getStyleClass().contains(atlantafx.base.theme.Styles.SMALL), "full size");
            assertTrue(pdf.getStyleClass().contains(atlantafx.base.theme.Styles.ACCENT), "the primary action");
            // spoken by its visible words first (WCAG 2.5.3), the tooltip's sentence as the help after them
            assertEquals(pdf.getText().replaceFirst("_", ""),
                    pdf.queryAccessibleAttribute(javafx.scene.AccessibleAttribute.TEXT));
            assertEquals(pdf.getAccessibleHelp(), pdf.getTooltip().getText());
            assertEquals(more.getText().replaceFirst("_", ""), more.getAccessibleText());
            assertEquals(more.getAccessibleHelp(), more.getTooltip().getText());

            robot.interact(() -> app.wizard().goTo(AppContext.CHECKS));
            WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> app.checksModel().canRunProperty().get());
            robot.interact(() -> app.checksModel().run());
            WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS,
                    () -> app.checksModel().stateProperty().get() == ChecksState.DONE);
            robot.interact(() -> app.wizard().goTo(AppContext.DKIM));
            robot.interact(() -> app.dkimModel().selectorsProperty().set("sf1, sf2"));
            WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> app.dkimModel().canInspectProperty().get());
            robot.interact(() -> app.dkimModel().inspect());
            WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS,
                    () -> app.dkimModel().stateProperty().get() == DkimViewModel.State.DONE);
            robot.interact(() -> app.wizard().goTo(AppContext.REPORT));
            WaitForAsyncUtils.waitForFxEvents();
            assertFalse(robot.lookup("#wizard-skipped").query().isVisible(), "nothing skipped: no notice");
            outside.addAll(outside(robot, app, "without the notice"));
            assertEquals(List.of(), outside);
            // the list above the fixed bar shows domains to choose from, not one and a half
            int withoutNotice = domainsInView(robot, app);
            assertTrue(withNotice >= 2, withNotice + " domains wholly in view with the notice");
            assertTrue(withoutNotice >= 3, withoutNotice + " domains wholly in view without the notice");
        } finally {
            running.close();
        }
    }

    /**
     * The bar has a drawn top edge in both themes, where the scrolled scope ends (the review: a check box row cut in
     * half right above "Export the report" looked like broken layout), at least as clear against the step's background
     * as the wizard footer's own top edge.
     */
    @org.junit.jupiter.api.Test
    void theBarHasATopEdgeInBothThemes(FxRobot robot) throws Exception {
        TestApps.Running running = TestApps.Running.onEventsOfTheSample(Locale.ENGLISH, robot);
        try {
            AppContext app = running.app();
            TestApps.resize(robot, app, 1024, 700);
            robot.interact(() -> app.wizard().goTo(AppContext.REPORT));
            WaitForAsyncUtils.waitForFxEvents();
            List<String> faint = new ArrayList<>();
            for (String theme : List.of("light", "dark")) {
                if (theme.equals("dark")) {
                    robot.interact(() -> app.appearance().toggle());
                    WaitForAsyncUtils.waitForFxEvents();
                }
                robot.interact(() -> {
                    app.scene().getRoot().applyCss();
                    Color ground = fill(app.scene().getRoot().lookup(".wizard-content"));
                    Color bar = topEdge(app.scene().getRoot().lookup("#report-actions"));
                    Color footer = topEdge(app.scene().getRoot().lookup(".wizard-buttons"));
                    double barContrast = Wcag.contrast(Wcag.over(bar, ground), ground);
                    double footerContrast = Wcag.contrast(Wcag.over(footer, ground), ground);
                    if (barContrast < footerContrast - 0.005 || barContrast <= 1.0) {
                        faint.add(theme + ": the bar's edge " + barContrast + ":1, the footer's " + footerContrast + ":1");
                    }
                });
            }
            assertEquals(List.of(), faint);
        } finally {
            if (running.app().appearance().darkProperty().get()) {
                robot.interact(() -> running.app().appearance().toggle());
            }
            running.close();
        }
    }

    private static Color fill(Node n) {
        return (Color) ((Region) n).getBackground().getFills().getLast().getFill();
    }

    /** The colour of a region's top border, transparent when it draws none (no stroke, or zero wide). */
    private static Color topEdge(Node n) {
        Border border = ((Region) n).getBorder();
        if (border == null) {
            return Color.TRANSPARENT;
        }
        return border.getStrokes().stream().filter(s -> s.getWidths().getTop() >= 1)
                .map(s -> (Color) s.getTopStroke()).filter(c -> c.getOpacity() > 0).findFirst()
                .orElse(Color.TRANSPARENT);
    }

    /** The actions and options not wholly inside the window's scene, nor inside their side's visible part. */
    private static List<String> outside(FxRobot robot, AppContext app, String when) {
        List<String> out = new ArrayList<>();
        robot.interact(() -> {
            app.scene().getRoot().applyCss();
            app.scene().getRoot().layout();
            double width = app.scene().getWidth();
            double height = app.scene().getHeight();
            for (String id : ACTIONS) {
                Node n = robot.lookup(id).query();
                Bounds b = n.localToScene(n.getLayoutBounds());
                boolean whole = n.isVisible() && b.getMinX() >= 0 && b.getMinY() >= 0 && b.getMaxX() <= width + 0.5
                        && b.getMaxY() <= height + 0.5 && visibleInClip(n);
                if (!whole) {
                    out.add(when + ": " + id + " at " + b + " in " + width + "×" + height);
                }
            }
        });
        return out;
    }

    /**
     * How many of the domain list's rows are wholly in view: inside the list's own viewport and inside the side's
     * visible part as it is shown (not scrolled).
     */
    private static int domainsInView(FxRobot robot, AppContext app) {
        int[] count = {0};
        robot.interact(() -> {
            app.scene().getRoot().applyCss();
            app.scene().getRoot().layout();
            javafx.scene.control.ListView<?> list = robot.lookup("#report-domains").queryAs(
                    javafx.scene.control.ListView.class);
            Node clip = list.lookup(".clipped-container");
            Bounds view = clip.localToScene(clip.getLayoutBounds());
            count[0] = (int) list.lookupAll(".list-cell").stream()
                    .filter(c -> c.isVisible() && ((javafx.scene.control.ListCell<?>) c).getItem() != null)
                    .filter(c -> {
                        Bounds b = c.localToScene(c.getLayoutBounds());
                        return b.getMinY() >= view.getMinY() - 0.5 && b.getMaxY() <= view.getMaxY() + 0.5
                                && visibleInClip(c);
                    }).count();
        });
        return count[0];
    }

    /** Not clipped away by a scroll pane above it: inside each ancestor's visible bounds. */
    private static boolean visibleInClip(Node n) {
        Bounds b = n.localToScene(n.getLayoutBounds());
        for (Node p = n.getParent(); p != null; p = p.getParent()) {
            if (p instanceof javafx.scene.control.ScrollPane sp) {
                Node viewport = sp.lookup(".viewport");
                Bounds v = (viewport == null ? sp : viewport).localToScene(
                        (viewport == null ? sp : viewport).getLayoutBounds());
                if (b.getMinY() < v.getMinY() - 0.5 || b.getMaxY() > v.getMaxY() + 0.5) {
                    return false;
                }
            }
        }
        return true;
    }
}
