package org.mailpath.ui.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableView;
import javafx.scene.text.Text;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.mailpath.ui.common.CellWidths;
import org.mailpath.ui.dnscheck.CheckState;
import org.mailpath.ui.dnscheck.ChecksState;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The DNS step's table after the sample's checks, at 1024×700 and 1280×800, in every offered language: every state is
 * drawn whole ("Not check…" and "Ej kontroll…" were drawn for the blocklists this computer's resolver could not ask),
 * in every row, each scrolled into view; the columns fit beside the vertical bar (none runs under it) and a result
 * too long for its column ends with the ellipsis.
 */
@ExtendWith(ApplicationExtension.class)
class DnsChecksTableFitTest {

    @ParameterizedTest
    @MethodSource("org.mailpath.testing.TestLanguages#everyLanguage")
    void everyStateIsDrawnWhole(String language, FxRobot robot) throws Exception {
        TestApps.Running running = TestApps.Running.onEventsOfTheSample(Locale.forLanguageTag(language), robot);
        try {
            AppContext app = running.app();
            // the step first drawn at 1024×700: its columns fitted to that width, not refitted by a resize (the
            // review's window, whose Result column ran under the vertical bar)
            TestApps.resize(robot, app, 1024, 700);
            robot.interact(() -> app.wizard().goTo(2));
            WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> app.checksModel().canRunProperty().get());
            robot.interact(() -> app.checksModel().run());
            WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS,
                    () -> app.checksModel().stateProperty().get() == ChecksState.DONE);
            List<String> cut = new ArrayList<>();
            List<String> notChecked = new ArrayList<>();
            List<String> overflow = new ArrayList<>();
            List<String> resultsCutBare = new ArrayList<>();
            int[] resultsCut = new int[1];
            for (int[] size : new int[][] {{1024, 700}, {1280, 800}, {1024, 700}}) {
                TestApps.resize(robot, app, size[0], size[1]);
                WaitForAsyncUtils.waitForFxEvents();
                TableView<?> table = (TableView<?>) robot.lookup("#check-table").query();
                int rows = table.getItems().size();
                assertTrue(rows > 20, "the sample's checks fill the table: " + rows);
                // the columns share the room beside the vertical bar: none runs past it (the review: 702 px of
                // columns in a 683 px table, the Result column cut mid-word under the bar, no horizontal bar)
                robot.interact(() -> {
                    double room = CellWidths.columnsRoom(table, CellWidths.verticalBars(table));
                    double columns = table.getColumns().stream().mapToDouble(c -> c.getWidth()).sum();
                    if (columns > room + 0.5) {
                        overflow.add(size[0] + "×" + size[1] + ": columns " + columns + " px in " + room + " px");
                    }
                });
                for (int i = 0; i < rows; i++) {
                    int row = i;
                    robot.interact(() -> {
                        table.scrollTo(row);
                        Parent root = app.scene().getRoot();
                        root.applyCss();
                        root.layout();
                        for (Node n : table.lookupAll(".table-cell")) {
                            if (n instanceof TableCell<?, ?> cell && cell.isVisible() && !cell.isEmpty()
                                    && cell.getTableColumn() == table.getColumns().getFirst()
                                    // a cell not laid out (the flow's spare) draws nothing yet; a cut one an ellipsis
                                    && !drawn(cell).isEmpty() && !cell.getText().equals(drawn(cell))) {
                                cut.add(size[0] + "×" + size[1] + ": \"" + cell.getText() + "\" drawn \""
                                        + drawn(cell) + "\"");
                            }
                            // a Result the column cannot show whole ends with the ellipsis, not cut mid-word
                            if (n instanceof TableCell<?, ?> cell && cell.isVisible() && !cell.isEmpty()
                                    && cell.getTableColumn() == table.getColumns().getLast()
                                    && !drawn(cell).isEmpty() && !cell.getText().equals(drawn(cell))) {
                                resultsCut[0]++;
                                if (!drawn(cell).endsWith(cell.getEllipsisString())) {
                                    resultsCutBare.add(size[0] + "×" + size[1] + ": \"" + drawn(cell) + "\"");
                                }
                            }
                            if (n instanceof TableCell<?, ?> cell && cell.getItem() == CheckState.NOT_CHECKED
                                    && !drawn(cell).isEmpty()) {
                                notChecked.add(drawn(cell));
                            }
                        }
                    });
                }
            }
            // the sample's blocklists are not checked (no list answers the loopback resolver): the longest label
            assertTrue(!notChecked.isEmpty(), "no row of the sample is not checked");
            assertEquals(List.of(), cut.stream().distinct().toList());
            assertEquals(List.of(), overflow);
            // at 1024 wide some results are longer than the column (so the ellipsis is asserted of real cuts)
            assertTrue(resultsCut[0] > 0, "no result cut at 1024×700");
            assertEquals(List.of(), resultsCutBare.stream().distinct().toList());
        } finally {
            running.close();
        }
    }

    private static String drawn(Parent labeled) {
        for (Node child : labeled.getChildrenUnmodifiable()) {
            // the label's text, not the state's icon (an Ikonli FontIcon is a Text too)
            if (child instanceof Text t && !(child instanceof org.kordamp.ikonli.javafx.FontIcon)) {
                return t.getText();
            }
        }
        return "";
    }
}
