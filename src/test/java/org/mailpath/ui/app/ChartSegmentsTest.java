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
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.layout.BackgroundFill;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

/**
 * The bars of the Events step's charts (causes: bounced beside deferred; messages over time: bounced, deferred and
 * delivered stacked) are graphical objects of WCAG 2.2 SC 1.4.11 (https://www.w3.org/TR/WCAG22/#non-text-contrast):
 * two segments that touch need 3:1 between their colours, or a gap between them whose colour has 3:1 against both,
 * as the pie chart with gaps in Understanding Non-text Contrast
 * (https://www.w3.org/WAI/WCAG22/Understanding/non-text-contrast.html#graphical-objects) and technique G209
 * (https://www.w3.org/WAI/WCAG22/Techniques/general/G209) have it. In both themes, with the sample log.
 * <p>
 * And the kinds differ in lightness, not in hue alone (a reviewer with deuteranopia saw bounced and deferred, and in
 * the dark theme delivered and bounced, as one colour): each kind has 3:1 against the panel and 1.5:1 against every
 * other kind, whichever two meet.
 */
class ChartSegmentsTest extends RunningAppTest {

    @Test
    void segmentsSideBySideAreSetApartByAGapInBothThemes(FxRobot robot) throws Exception {
        showSampleEvents(robot);
        List<String> measured = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        inBothThemes(robot, theme -> robot.interact(() -> pairs(theme, measured, problems)));
        System.out.println("ChartSegmentsTest: " + measured.size() + " pairs of segments side by side");
        measured.forEach(m -> System.out.println("  " + m));
        assertTrue(measured.size() >= 4, "pairs: " + measured.size());
        assertEquals("", String.join("\n", problems));
    }

    /** Each kind's colour against the panel and against each other kind, in both themes. */
    @Test
    void theKindsDifferInLightnessInBothThemes(FxRobot robot) throws Exception {
        showSampleEvents(robot);
        List<String> problems = new ArrayList<>();
        List<String> measured = new ArrayList<>();
        inBothThemes(robot, theme -> robot.interact(() -> {
            Parent root = app.scene().getRoot();
            root.applyCss();
            root.layout();
            Map<String, Color> kinds = new java.util.TreeMap<>();
            Color panel = null;
            for (Node n : all(root)) {
                if (n instanceof Region r && r.getStyleClass().contains("bar") && shown(r)) {
                    panel = TextContrast.behind(r);
                    kinds.putIfAbsent(styles(r), fill(r, panel));
                }
            }
            assertEquals(List.of("bar-bounced", "bar-deferred", "bar-delivered"), List.copyOf(kinds.keySet()), theme);
            for (Map.Entry<String, Color> k : kinds.entrySet()) {
                double against = Wcag.contrast(k.getValue(), panel);
                measured.add(String.format(Locale.ROOT, "%s %s %s: %.2f:1 against the panel", theme, k.getKey(),
                        Wcag.hex(k.getValue()), against));
                if (against < Wcag.LARGE_TEXT_OR_NON_TEXT) {
                    problems.add(measured.getLast());
                }
                for (Map.Entry<String, Color> other : kinds.entrySet()) {
                    double between = Wcag.contrast(k.getValue(), other.getValue());
                    if (k.getKey().compareTo(other.getKey()) < 0) {
                        measured.add(String.format(Locale.ROOT, "%s %s | %s: %.2f:1", theme, k.getKey(),
                                other.getKey(), between));
                        if (between < 1.5) {
                            problems.add(measured.getLast());
                        }
                    }
                }
            }
        }));
        measured.forEach(m -> System.out.println("  " + m));
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

    /**
     * The segment's colour: its fills painted over what is behind it. Of a hatch (a gradient's stripes: the deferred
     * parts) its first stop, the kind's colour; the stripes between are the panel's.
     */
    private static Color fill(Region r, Color behind) {
        Color c = behind;
        for (BackgroundFill f : r.getBackground() == null ? List.<BackgroundFill>of() : r.getBackground().getFills()) {
            Color top = switch (f.getFill()) {
                case Color colour -> colour;
                case javafx.scene.paint.LinearGradient hatch -> hatch.getStops().getFirst().getColor();
                default -> Color.TRANSPARENT;
            };
            c = Wcag.over(top, c);
        }
        return c;
    }
}
