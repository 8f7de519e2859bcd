package org.mailpath.ui.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mailpath.ui.app.SceneNodes.all;
import static org.mailpath.ui.app.SceneNodes.shown;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.layout.BackgroundFill;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import org.junit.jupiter.api.Test;
import org.mailpath.ui.importing.ImportState;
import org.mailpath.ui.testing.TestEngines;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The bars of the Events step's charts (causes: bounced beside deferred; messages over time: bounced, deferred and
 * delivered stacked) are graphical objects of WCAG 2.2 SC 1.4.11 (https://www.w3.org/TR/WCAG22/#non-text-contrast):
 * two segments that touch need 3:1 between their colours, or a gap between them whose colour has 3:1 against both,
 * as the pie chart with gaps in Understanding Non-text Contrast
 * (https://www.w3.org/WAI/WCAG22/Understanding/non-text-contrast.html#graphical-objects) and technique G209
 * (https://www.w3.org/WAI/WCAG22/Techniques/general/G209) have it. In both themes, with the sample log.
 */
class ChartSegmentsTest extends RunningAppTest {

    @Test
    void segmentsSideBySideAreSetApartByAGapInBothThemes(FxRobot robot) throws Exception {
        robot.interact(() -> app.importModel().importFile(TestEngines.sampleLog()));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> app.importModel().stateProperty().get() == ImportState.DONE);
        robot.interact(() -> app.wizard().goTo(AppContext.EVENTS));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !app.eventsModel().loadingProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
        List<String> measured = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        inBothThemes(robot, theme -> robot.interact(() -> pairs(theme, measured, problems)));
        System.out.println("ChartSegmentsTest: " + measured.size() + " pairs of segments side by side");
        measured.forEach(m -> System.out.println("  " + m));
        assertTrue(measured.size() >= 4, "pairs: " + measured.size());
        assertEquals("", String.join("\n", problems));
    }

    /** Each two segments next to each other in one bar; on the JavaFX thread. */
    private void pairs(String theme, List<String> measured, List<String> problems) {
        Parent root = app.scene().getRoot();
        root.applyCss();
        root.layout();
        Map<Parent, List<Region>> bars = new LinkedHashMap<>();
        for (Node n : all(root)) {
            if (n instanceof Region r && r.getStyleClass().contains("bar") && shown(r) && r.getWidth() > 0
                    && r.getHeight() > 0) {
                bars.computeIfAbsent(r.getParent(), p -> new ArrayList<>()).add(r);
            }
        }
        for (Map.Entry<Parent, List<Region>> bar : bars.entrySet()) {
            boolean stacked = bar.getKey() instanceof VBox;
            List<Region> segments = new ArrayList<>(bar.getValue());
            segments.sort(Comparator.comparingDouble(r -> stacked ? bounds(r).getMinY() : bounds(r).getMinX()));
            for (int i = 1; i < segments.size(); i++) {
                Region a = segments.get(i - 1);
                Region b = segments.get(i);
                double gap = stacked ? bounds(b).getMinY() - bounds(a).getMaxY() : bounds(b).getMinX() - bounds(a).getMaxX();
                Color panel = TextContrast.behind(a);
                Color ca = fill(a, panel);
                Color cb = fill(b, panel);
                String pair = String.format(Locale.ROOT, "%s, %s %s %s | %s: %.2f:1 between them, gap %.1f px of %s (%.2f:1, %.2f:1)",
                        theme, stacked ? "column" : "row", styles(a), Wcag.hex(ca), styles(b) + " " + Wcag.hex(cb),
                        Wcag.contrast(ca, cb), gap, Wcag.hex(panel), Wcag.contrast(panel, ca), Wcag.contrast(panel, cb));
                measured.add(pair);
                boolean apart = Wcag.contrast(ca, cb) >= Wcag.LARGE_TEXT_OR_NON_TEXT || gap >= 1
                        && Wcag.contrast(panel, ca) >= Wcag.LARGE_TEXT_OR_NON_TEXT
                        && Wcag.contrast(panel, cb) >= Wcag.LARGE_TEXT_OR_NON_TEXT;
                if (!apart) {
                    problems.add(pair);
                }
            }
        }
    }

    private static Bounds bounds(Region r) {
        return r.localToScene(r.getLayoutBounds());
    }

    private static String styles(Region r) {
        return r.getStyleClass().stream().filter(s -> s.startsWith("bar-")).findFirst().orElse("bar");
    }

    /** The segment's colour: its fills painted over what is behind it. */
    private static Color fill(Region r, Color behind) {
        Color c = behind;
        for (BackgroundFill f : r.getBackground() == null ? List.<BackgroundFill>of() : r.getBackground().getFills()) {
            c = Wcag.over(f.getFill() instanceof Color colour ? colour : Color.TRANSPARENT, c);
        }
        return c;
    }
}
