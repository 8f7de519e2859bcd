package org.mailpath.ui.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import atlantafx.base.theme.Styles;
import atlantafx.base.theme.Tweaks;
import java.util.List;
import javafx.application.Application;
import javafx.geometry.Insets;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderStroke;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mailpath.ui.app.Wcag;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Keyboard focus on an edge-to-edge table (the Events, DNS and Report steps' tables) is visible (WCAG 2.2 SC 2.4.7):
 * AtlantaFX sets such a table's edge to 0 px, and mailpath.css only changed its colour on focus, so nothing showed.
 */
@ExtendWith(ApplicationExtension.class)
class FocusedTableTest {

    private TableView<String> table;
    private Button other;
    private Scene scene;

    @Start
    void start(Stage stage) {
        table = new TableView<>();
        table.getStyleClass().addAll(Styles.DENSE, Tweaks.EDGE_TO_EDGE);
        table.getColumns().add(new TableColumn<String, String>("Recipient"));
        table.getItems().addAll("a@example.com", "b@example.com");
        other = new Button("Other");
        scene = new Scene(new VBox(other, table), 400, 300);
        scene.getStylesheets().add(EventsView.class.getResource("/org/mailpath/ui/mailpath.css").toExternalForm());
        EventsViewTest.showAtSceneSize(stage, scene);
    }

    /** The theme the JVM had before: the other tests of this JVM see what they saw. */
    private final String before = Application.getUserAgentStylesheet();

    @AfterEach
    void themeAsBefore() {
        Application.setUserAgentStylesheet(before);
    }

    @Test
    void aFocusedEdgeToEdgeTableHasAVisibleEdgeInBothThemes(FxRobot robot) {
        for (String ua : List.of(new PrimerLight().getUserAgentStylesheet(), new PrimerDark().getUserAgentStylesheet())) {
            robot.interact(() -> {
                Application.setUserAgentStylesheet(ua);
                other.requestFocus();
                scene.getRoot().applyCss();
                scene.getRoot().layout();
            });
            Insets unfocused = table.getInsets();
            robot.interact(() -> {
                table.requestFocus();
                scene.getRoot().applyCss();
                scene.getRoot().layout();
            });
            assertTrue(table.isFocused());
            BorderStroke edge = table.getBorder().getStrokes().getFirst();
            // above and below: the sides' width is the columns' (the Report step's at 1024 px, ReportMessagesFitTest)
            assertTrue(edge.getWidths().getTop() >= 2 && edge.getWidths().getBottom() >= 2, ua + ": " + edge.getWidths());
            Color ring = (Color) edge.getTopStroke();
            // what the ring lies next to: the header and the rows
            for (String inside : List.of(".column-header-background", ".table-row-cell")) {
                javafx.scene.layout.Region r = (javafx.scene.layout.Region) table.lookup(inside);
                Color behind = (Color) r.getBackground().getFills().getLast().getFill();
                assertTrue(Wcag.contrast(ring, behind) >= 3, ua + ": the ring " + ring + " against " + inside + " " + behind);
            }
            assertTrue(ring.getOpacity() == 1, ua + ": " + ring);
            // the content stays where it was: the edge is there, transparent, while the table is not focused
            assertEquals(unfocused, table.getInsets(), ua);
        }
    }
}
