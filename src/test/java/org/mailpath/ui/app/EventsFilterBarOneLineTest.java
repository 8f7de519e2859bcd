package org.mailpath.ui.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Parent;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The Events step's filter bar keeps its last button (Clear filters, an icon) on the search field's line in a
 * 1024×700 window, in English and Swedish: it was put on a line of its own for want of a few pixels, about 30 px
 * taken from an already short table. The search field gives up that room first (FilterRow).
 */
@ExtendWith(ApplicationExtension.class)
class EventsFilterBarOneLineTest {

    @ParameterizedTest
    @ValueSource(strings = {"en", "sv"})
    void theClearButtonStaysOnTheSearchFieldsLine(String language, FxRobot robot) throws Exception {
        TestApps.Running running = TestApps.Running.onEventsOfTheSample(Locale.forLanguageTag(language), robot);
        try {
            AppContext app = running.app();
            TestApps.resize(robot, app, 1024, 700);
            WaitForAsyncUtils.waitForFxEvents();
            Bounds[] found = new Bounds[3];
            robot.interact(() -> {
                Parent root = app.scene().getRoot();
                root.applyCss();
                root.layout();
                found[0] = inScene(root.lookup("#events-search"));
                found[1] = inScene(root.lookup("#events-clear-filters"));
                found[2] = inScene(root.lookup("#events-cause-filter"));
            });
            Bounds search = found[0];
            Bounds clear = found[1];
            assertTrue(clear.getMinY() >= search.getMinY() - 0.5 && clear.getMaxY() <= search.getMaxY() + 0.5,
                    "the clear button " + clear + " lies in the search field's row " + search);
            assertTrue(clear.getMinX() > found[2].getMaxX(), "beside the last filter, not under it: " + clear);
            assertTrue(search.getWidth() >= 120 - 0.5, "the field keeps room for its prompt: " + search.getWidth());
            assertEquals(1024, app.scene().getWindow().getWidth(), 0.5);
        } finally {
            running.close();
        }
    }

    private static Bounds inScene(Node n) {
        return n.localToScene(n.getLayoutBounds());
    }
}
