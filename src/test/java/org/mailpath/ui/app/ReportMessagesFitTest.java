package org.mailpath.ui.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableView;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.mailpath.ui.common.Messages;
import org.mailpath.ui.testing.TableScan;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The Report step's message table at 1280×800 and 1024×700, in every offered language, every domain of the sample
 * ticked: every result is drawn whole in every row (they were drawn "Delivered..." and "Levererat..." in a Result
 * column of 100 px).
 */
@ExtendWith(ApplicationExtension.class)
class ReportMessagesFitTest {

    @ParameterizedTest
    @MethodSource("org.mailpath.testing.TestLanguages#everyLanguage")
    void everyResultIsDrawnWhole(String language, FxRobot robot) throws Exception {
        Locale locale = Locale.forLanguageTag(language);
        TestApps.Running running = TestApps.Running.onEventsOfTheSample(locale, robot);
        try {
            AppContext app = running.app();
            robot.interact(() -> app.wizard().goTo(4));
            WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> !app.reportModel().messagesLoadingProperty().get());
            robot.interact(() -> app.reportModel().selectAllDomains(true));
            WaitForAsyncUtils.waitForFxEvents();
            String title = Messages.forLocale(locale).get("report.col.verdict");
            List<String> cut = new ArrayList<>();
            TreeSet<String> seen = new TreeSet<>();
            for (int[] size : new int[][] {{1280, 800}, {1024, 700}}) {
                TestApps.resize(robot, app, size[0], size[1]);
                WaitForAsyncUtils.waitForFxEvents();
                String where = size[0] + "×" + size[1];
                @SuppressWarnings("unchecked")
                TableView<Object> table = robot.lookup("#report-messages").queryAs(TableView.class);
                int rows = table.getItems().size();
                assertTrue(rows >= 30, "every domain of the sample ticked: " + rows + " rows");
                TableScan.everyThirdRow(robot, table, () -> {
                    for (Node n : table.lookupAll(".table-cell")) {
                        if (n instanceof TableCell<?, ?> cell && cell.isVisible() && !cell.isEmpty()
                                && cell.getText() != null && !cell.getText().isEmpty()
                                && title.equals(cell.getTableColumn().getText())) {
                            seen.add(cell.getText());
                            String drawn = TableScan.drawn(cell);
                            if (!drawn.equals(cell.getText())) {
                                cut.add(where + ": \"" + cell.getText() + "\" drawn as \"" + drawn + "\" ("
                                        + cell.getTableColumn().getWidth() + " px)");
                            }
                        }
                    }
                });
            }
            assertTrue(seen.size() >= 3, "the sample's results: " + seen);
            assertEquals(List.of(), cut.stream().distinct().toList());
        } finally {
            running.close();
        }
    }
}
