package org.mailpath.ui.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Labeled;
import javafx.scene.text.Text;
import org.controlsfx.control.CheckComboBox;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.mailpath.engine.status.Category;
import org.mailpath.ui.events.VerdictFilter;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The Events step's filter boxes show the whole text of every choice, in every offered language, in a 1024×640 and a
 * 1280×800 window: at 1024 px the Swedish "Alla meddelanden" was drawn "Alla meddelan…" and the English
 * "All messages" "All messa…". {@link NarrowSwedishWindowTest} leaves combo boxes out, so they are looked at here.
 */
@ExtendWith(ApplicationExtension.class)
class EventsFiltersFitTest {

    @ParameterizedTest
    @MethodSource("org.mailpath.testing.TestLanguages#everyLanguage")
    void everyChoiceOfEveryFilterIsShownWhole(String language, FxRobot robot) throws Exception {
        TestApps.Running running = TestApps.Running.onEventsOfTheSample(Locale.forLanguageTag(language), robot);
        try {
            AppContext app = running.app();
            List<String> cut = new ArrayList<>();
            for (int[] size : new int[][] {{1024, 640}, {1280, 800}}) {
                TestApps.resize(robot, app, size[0], size[1]);
                collect(robot, app, size[0] + "×" + size[1], cut);
            }
            assertEquals(List.of(), cut);
        } finally {
            running.close();
        }
    }

    @SuppressWarnings("unchecked")
    private static void collect(FxRobot robot, AppContext app, String where, List<String> cut) {
        Parent root = app.scene().getRoot();
        ComboBox<VerdictFilter> verdict = (ComboBox<VerdictFilter>) root.lookup("#events-verdict-filter");
        ComboBox<String> domain = (ComboBox<String>) root.lookup("#events-domain-filter");
        CheckComboBox<Category> cause = (CheckComboBox<Category>) root.lookup("#events-cause-filter");
        for (VerdictFilter choice : VerdictFilter.values()) {
            robot.interact(() -> app.eventsModel().verdictFilterProperty().set(choice));
            check(robot, verdict, where, cut);
        }
        for (String choice : List.copyOf(domain.getItems())) {
            robot.interact(() -> app.eventsModel().domainFilterProperty().set(choice));
            check(robot, domain, where, cut);
        }
        robot.interact(() -> app.eventsModel().clearFilters());
        check(robot, cause, where, cut);
        for (Category choice : List.copyOf(cause.getItems())) {
            robot.interact(() -> {
                app.eventsModel().causeFilter().clear();
                app.eventsModel().causeFilter().add(choice);
            });
            check(robot, cause, where, cut);
        }
        robot.interact(() -> app.eventsModel().causeFilter().addAll(cause.getItems()));
        check(robot, cause, where, cut);
        robot.interact(() -> app.eventsModel().clearFilters());
    }

    /** The text in the box drawn whole, and the box itself inside the pane that shows it. */
    private static void check(FxRobot robot, Node filter, String where, List<String> cut) {
        WaitForAsyncUtils.waitForFxEvents();
        String[] found = {null};
        robot.interact(() -> {
            Parent root = filter.getScene().getRoot();
            root.applyCss();
            root.layout();
            for (Node n : filter.lookupAll(".list-cell")) {
                if (n instanceof Labeled cell && cell.isVisible() && cell.getText() != null) {
                    for (Node child : cell.getChildrenUnmodifiable()) {
                        if (child instanceof Text t && !t.getText().equals(cell.getText())) {
                            found[0] = "\"" + cell.getText() + "\" drawn as \"" + t.getText() + "\"";
                        }
                    }
                }
            }
            Bounds b = filter.localToScene(filter.getLayoutBounds());
            for (Node p = filter.getParent(); p != null && found[0] == null; p = p.getParent()) {
                if (p.getClip() != null) {
                    Bounds c = p.localToScene(p.getClip().getBoundsInParent());
                    if (b.getMaxX() > c.getMaxX() + 0.5) {
                        found[0] = filter.getId() + " ends at x=" + Math.round(b.getMaxX()) + ", its pane at "
                                + Math.round(c.getMaxX()) + " (row " + filter.getParent().localToScene(
                                filter.getParent().getLayoutBounds()) + " filter " + b + ")";
                    }
                }
            }
            if (found[0] == null && b.getMaxX() > filter.getScene().getWidth() + 0.5) {
                found[0] = filter.getId() + " ends past the window";
            }
        });
        if (found[0] != null) {
            cut.add(where + ": " + found[0]);
        }
    }
}
