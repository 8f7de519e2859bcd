package org.mailpath.ui.testing;

import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.TableView;
import javafx.scene.text.Text;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Walking a whole table as a user scrolls it, for the fit tests: a virtual flow makes cells only for the rows on
 * screen, so what a cell draws is read row by row, after the table has laid out what it shows.
 */
public final class TableScan {

    private TableScan() {
    }

    /**
     * Scrolls to every third row of {@code table} and, on the FX thread with the table's CSS applied and laid out,
     * runs {@code atEach}: every row is on screen at least once.
     */
    public static void everyThirdRow(FxRobot robot, TableView<?> table, Runnable atEach) {
        for (int i = 0; i < table.getItems().size(); i += 3) {
            int row = i;
            robot.interact(() -> table.scrollTo(row));
            WaitForAsyncUtils.waitForFxEvents();
            robot.interact(() -> {
                table.applyCss();
                table.layout();
                atEach.run();
            });
        }
    }

    /** The text a labelled control draws (its Text child, cut with an ellipsis when it does not fit); "" if none. */
    public static String drawn(Parent labeled) {
        for (Node child : labeled.getChildrenUnmodifiable()) {
            if (child instanceof Text t) {
                return t.getText();
            }
        }
        return "";
    }
}
