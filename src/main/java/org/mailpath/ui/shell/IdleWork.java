package org.mailpath.ui.shell;

import atlantafx.base.theme.Styles;
import atlantafx.base.theme.Tweaks;
import java.util.Iterator;
import java.util.List;
import java.util.function.BooleanSupplier;
import javafx.animation.PauseTransition;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.scene.Scene;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.StackPane;
import javafx.util.Duration;

/**
 * Work done ahead on the UI thread while the user is not waiting for it (building step views before their first
 * visit): one piece at a time with a pause between, so the UI thread is busy in short stretches and answers input
 * (and draws frames) in between.
 */
public final class IdleWork {

    private IdleWork() {
    }

    /** Runs {@code pieces} in order, the first after {@code gap}, each next {@code gap} after the last; stops early
     * once {@code wanted} says no (the window was closed). */
    public static void oneAtATime(List<Runnable> pieces, Duration gap, BooleanSupplier wanted) {
        Iterator<Runnable> next = List.copyOf(pieces).iterator();
        PauseTransition pause = new PauseTransition(gap);
        pause.setOnFinished(e -> {
            if (next.hasNext() && wanted.getAsBoolean()) {
                next.next().run();
                pause.playFromStart();
            }
        });
        pause.play();
    }

    /**
     * Makes a throw-away table of a few rows in an off-screen scene with {@code stylesheets}, styled and laid out:
     * the classes, skins and styles of table rows and cells are then loaded and warm. A view built ahead has no
     * rows yet, so without this the first table filled (the Events step at the end of an import) paid for them.
     */
    public static void warmTableCells(List<String> stylesheets) {
        TableView<String> table = new TableView<>();
        for (int c = 0; c < 3; c++) {
            TableColumn<String, String> column = new TableColumn<>("c" + c);
            column.setCellValueFactory(d -> new ReadOnlyObjectWrapper<>(d.getValue()));
            table.getColumns().add(column);
        }
        for (int r = 0; r < 8; r++) {
            table.getItems().add("row " + r);
        }
        table.getStyleClass().addAll(Styles.DENSE, Tweaks.EDGE_TO_EDGE);
        StackPane root = new StackPane(table);
        Scene scene = new Scene(root, 600, 300);
        scene.getStylesheets().setAll(stylesheets);
        root.applyCss();
        root.layout();
    }
}
