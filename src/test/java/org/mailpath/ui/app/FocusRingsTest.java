package org.mailpath.ui.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.IntStream;
import javafx.geometry.Insets;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.Border;
import javafx.scene.layout.BorderStroke;
import javafx.scene.layout.BorderStrokeStyle;
import javafx.scene.layout.BorderWidths;
import javafx.scene.layout.CornerRadii;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * {@link FocusRings} on small scenes: a ring 3 px outside a button (as mailpath.css draws it) is cut at an edge of a
 * scrolling view that the view is scrolled to the end of, and only there.
 */
@ExtendWith(ApplicationExtension.class)
class FocusRingsTest {

    private StackPane root;

    @Start
    void start(Stage stage) {
        root = new StackPane();
        stage.setScene(new Scene(root, 300, 200));
        stage.show();
    }

    /** A button with the ring of mailpath.css: 2 px, 3 px outside. */
    private static Button ringed(String text) {
        Button b = new Button(text);
        b.setBorder(new Border(new BorderStroke(Color.BLUE, BorderStrokeStyle.SOLID, CornerRadii.EMPTY,
                new BorderWidths(2), new Insets(-3))));
        b.setMinHeight(25);
        b.setMaxHeight(25);
        return b;
    }

    private static void gap(VBox box, double height) {
        Region r = new Region();
        r.setMinHeight(height);
        r.setPrefHeight(height);
        box.getChildren().add(r);
    }

    /** Shows {@code content} 300 by 200 px, whatever size the stage other tests share was left at. */
    private void show(Region content) {
        content.setPrefSize(300, 200);
        content.setMaxSize(300, 200);
        root.getChildren().setAll(content);
        root.applyCss();
        root.layout();
        root.layout();
    }

    @Test
    void aRingAtTheTopOfAScrollPaneScrolledToItsStartIsCutUnlessTheContentLeavesRoom(FxRobot robot) {
        robot.interact(() -> {
            Button top = ringed("top");
            VBox content = new VBox(top);
            gap(content, 600);
            ScrollPane pane = new ScrollPane(content);
            pane.setFitToWidth(true);
            show(pane);
            List<String> cuts = FocusRings.cuts(top);
            assertEquals(1, cuts.size(), cuts.toString());
            assertTrue(cuts.getFirst().contains("cut off at the top, left by the clip of")
                    && cuts.getFirst().contains("(scrolled to that end)"), cuts.getFirst());

            content.setPadding(new Insets(3));
            show(pane);
            assertEquals(List.of(), FocusRings.cuts(top));
        });
    }

    @Test
    void aRingAtAnEdgeTheViewCanStillBeScrolledPastIsNotCut(FxRobot robot) {
        robot.interact(() -> {
            Button low = ringed("low");
            VBox content = new VBox();
            content.setPadding(new Insets(4));
            gap(content, 0);
            content.getChildren().add(low);
            gap(content, 600);
            ScrollPane pane = new ScrollPane(content);
            pane.setFitToWidth(true);
            show(pane);
            // the button's bottom 1 px above the viewport's (the theme of the shared stage decides the pane's edge)
            Region viewport = (Region) pane.lookup(".viewport");
            double bottom = viewport.localToScene(viewport.getLayoutBounds()).getMaxY();
            double above = bottom - low.localToScene(low.getLayoutBounds()).getMaxY() - 1;
            ((Region) content.getChildren().getFirst()).setMinHeight(above);
            ((Region) content.getChildren().getFirst()).setPrefHeight(above);
            show(pane);
            double button = low.localToScene(low.getLayoutBounds()).getMaxY();
            assertTrue(button < bottom && button + 3 > bottom + 0.5, "the ring crosses the bottom: " + button + " " + bottom);
            assertEquals(List.of(), FocusRings.cuts(low), "more content below: scrolling shows the ring");
        });
    }

    @Test
    void theRingsOfAListsFirstAndLastRowAreCutWhereTheListIsScrolledToThatEnd(FxRobot robot) {
        robot.interact(() -> {
            ListView<Integer> list = new ListView<>();
            list.getItems().setAll(IntStream.range(0, 40).boxed().toList());
            list.setFixedCellSize(25);
            list.setCellFactory(v -> new ListCell<>() {
                @Override
                protected void updateItem(Integer item, boolean empty) {
                    super.updateItem(item, empty);
                    setPadding(Insets.EMPTY);
                    setGraphic(empty ? null : ringed("row " + item));
                }
            });
            show(list);
            Button first = rowButton(list, 0);
            assertTrue(FocusRings.cuts(first).stream().anyMatch(c -> c.contains("cut off at the top")),
                    FocusRings.cuts(first).toString());

            list.scrollTo(39);
            show(list);
            Button last = rowButton(list, 39);
            assertTrue(FocusRings.cuts(last).stream().anyMatch(c -> c.contains("cut off at the bottom")),
                    FocusRings.cuts(last).toString());
        });
    }

    private static Button rowButton(ListView<Integer> list, int index) {
        return list.lookupAll(".list-cell").stream().map(ListCell.class::cast)
                .filter(c -> c.getIndex() == index && c.isVisible() && c.getGraphic() != null)
                .map(c -> (Button) c.getGraphic()).findFirst().orElseThrow();
    }
}
