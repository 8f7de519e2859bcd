package org.mailpath.ui.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.TableCell;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.mailpath.ui.common.Messages;
import org.mailpath.ui.events.VerdictFilter;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The Events step's Result column with the usual and a larger system font ({@code -Dcom.sun.javafx.fontSize=20}),
 * in English and Swedish, at 1280×800 and 1024×640: the one-word results ("Delivered", "Bounced", "Deferred") are
 * whole. At 20 the column kept its width in pixels and drew "Delive…".
 */
@ExtendWith(ApplicationExtension.class)
class EventsTableLargerFontTest {

    @ParameterizedTest
    @CsvSource({"en, 13", "sv, 13", "en, 20", "sv, 20"})
    void theOneWordResultsAreWhole(String language, double systemFont, FxRobot robot) throws Exception {
        Locale locale = Locale.forLanguageTag(language);
        Messages messages = Messages.forLocale(locale);
        List<String> words = List.of(messages.get("events.verdict.DELIVERED"), messages.get("events.verdict.BOUNCED"),
                messages.get("events.verdict.DEFERRED"));
        TestApps.Running running = TestApps.Running.onEventsOfTheSample(locale, robot);
        // after the app's start, which sets the stylesheet for this system's (the test's usual) font
        try (LargerFont font = LargerFont.of(systemFont, robot)) {
            try {
                AppContext app = running.app();
                List<String> cut = new ArrayList<>();
                List<String> seen = new ArrayList<>();
                for (int[] size : new int[][] {{1280, 800}, {1200, 780}, {1024, 640}}) {
                    TestApps.resize(robot, app, size[0], size[1]);
                    WaitForAsyncUtils.waitForFxEvents();
                    for (VerdictFilter filter : VerdictFilter.values()) {
                        robot.interact(() -> app.eventsModel().verdictFilterProperty().set(filter));
                        WaitForAsyncUtils.waitForFxEvents();
                        String where = size[0] + "×" + size[1] + " " + filter;
                        robot.interact(() -> results(app.scene().getRoot(), words, where, seen, cut));
                    }
                    robot.interact(() -> app.eventsModel().clearFilters());
                }
                double size = robot.lookup("#message-table").query().lookup(".table-cell") instanceof TableCell<?, ?> c
                        ? c.getFont().getSize() : 0;
                assertEquals(14 * Math.max(13, systemFont) / 13, size, 0.01, "the cells' font");
                assertFalse(seen.isEmpty(), "the sample's one-word results are shown");
                assertEquals(List.of(), cut);
            } finally {
                running.close();
            }
        }
    }

    private static void results(Parent root, List<String> words, String where, List<String> seen, List<String> cut) {
        root.applyCss();
        root.layout();
        for (Node n : root.lookup("#message-table").lookupAll(".table-cell")) {
            if (n instanceof TableCell<?, ?> cell && cell.isVisible() && !cell.isEmpty()
                    && "events-col-verdict".equals(cell.getTableColumn().getId())
                    && words.contains(cell.getText())) {
                seen.add(cell.getText());
                if (!LargerFont.drawn(cell).equals(cell.getText())) {
                    cut.add(where + ": \"" + cell.getText() + "\" drawn as \"" + LargerFont.drawn(cell) + "\" ("
                            + cell.getTableColumn().getWidth() + " px, font " + cell.getFont().getSize() + ")");
                }
            }
        }
    }
}
