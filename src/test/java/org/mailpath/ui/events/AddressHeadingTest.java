package org.mailpath.ui.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import javafx.geometry.Bounds;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mailpath.ui.common.Labels;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The detail's heading in panes of several widths: the badge beside the address where both fit, under it where not,
 * and an address wider than the pane broken after its "@", not mid-word ("alice@contoso.exampl / e"); screen readers
 * get the address as written.
 */
@ExtendWith(ApplicationExtension.class)
class AddressHeadingTest {

    private VBox pane;
    private Label address;
    private Label badge;
    private AddressHeading heading;

    @Start
    void start(Stage stage) {
        address = Labels.wrapped("");
        address.setStyle("-fx-font-size: 18px;");
        badge = new Label("Bounced");
        heading = new AddressHeading(address, badge);
        pane = new VBox(heading, new Label("below"));
        stage.setScene(new Scene(pane, 600, 300));
        stage.show();
    }

    @Test
    void theBadgeGoesBesideUnderOrTheAddressBreaksAfterItsAt(FxRobot robot) {
        String text = "nobody@contoso.example";
        robot.interact(() -> heading.setAddress(text));

        layOut(robot, 600);
        assertEquals(text, address.getText());
        Bounds a = bounds(address);
        Bounds b = bounds(badge);
        assertTrue(b.getMinX() >= a.getMaxX() && b.getMinY() < a.getMaxY(), "beside: " + a + " " + b);

        double alone = address.prefWidth(-1);
        layOut(robot, alone + 20); // the address fits, the badge beside it not
        assertEquals(text, address.getText());
        a = bounds(address);
        b = bounds(badge);
        assertTrue(b.getMinY() >= a.getMaxY(), "under: " + a + " " + b);

        layOut(robot, alone * 0.75); // not even the address
        assertEquals("nobody@\ncontoso.example", address.getText());
        assertEquals(text, address.getAccessibleText());
        a = bounds(address);
        b = bounds(badge);
        assertTrue(b.getMinY() >= a.getMaxY(), "under: " + a + " " + b);
        // two lines, both drawn whole: the label breaks nowhere else and cuts nothing
        double oneLine = address.prefHeight(-1) / 2;
        assertTrue(a.getHeight() < oneLine * 2.6, "the address takes " + a.getHeight() + " px");
        // the next node comes after the whole heading
        assertTrue(bounds(pane.getChildren().get(1)).getMinY() >= b.getMaxY(), "the heading's height is honoured");

        layOut(robot, 600); // wide again: one line
        assertEquals(text, address.getText());
    }

    /**
     * Its texts were measured with new Text nodes on every size query and layout: a layout pass of its pane that
     * changes no text, font or width now measures nothing, and a new address or font measures again.
     */
    @Test
    void aLayoutThatChangesNothingMeasuresNothing(FxRobot robot) {
        String text = "nobody@contoso.example";
        robot.interact(() -> heading.setAddress(text));
        double alone = address.prefWidth(-1);
        for (double width : new double[] {600, alone * 0.75}) {
            layOut(robot, width);
            int before = heading.measurements();
            String shown = address.getText();
            robot.interact(() -> {
                pane.requestLayout();
                pane.layout();
                pane.prefHeight(width);
                heading.prefWidth(-1);
            });
            assertEquals(before, heading.measurements(), "measured again at " + width + " px with nothing changed");
            assertEquals(shown, address.getText());
        }
        int before = heading.measurements();
        robot.interact(() -> heading.setAddress("someone.else@fabrikam.example"));
        layOut(robot, 600);
        assertTrue(heading.measurements() > before, "a new address is measured");
        assertEquals("someone.else@fabrikam.example", address.getText());
        before = heading.measurements();
        robot.interact(() -> address.setStyle("-fx-font-size: 30px;"));
        layOut(robot, 600);
        assertTrue(heading.measurements() > before, "a new font is measured");
    }

    /** A domain wider than the pane wraps within it, on as many lines as it needs, none cut with the ellipsis. */
    @Test
    void aDomainWiderThanThePaneIsDrawnWhole(FxRobot robot) {
        String text = "user1@subsidiary-01.international-holdings-and-logistics-department.example";
        robot.interact(() -> heading.setAddress(text));
        for (double width : new double[] {600, 300, 500}) {
            layOut(robot, width);
            robot.interact(() -> {
                String drawn = address.getChildrenUnmodifiable().stream().filter(javafx.scene.text.Text.class::isInstance)
                        .map(n -> ((javafx.scene.text.Text) n).getText()).findFirst().orElse("");
                assertEquals(address.getText(), drawn, "at " + width + " px");
            });
        }
    }

    private void layOut(FxRobot robot, double width) {
        robot.interact(() -> {
            pane.getScene().getWindow().setWidth(width);
            pane.resize(width, 300);
            pane.applyCss();
            pane.layout();
        });
    }

    private static Bounds bounds(javafx.scene.Node n) {
        return n.localToScene(n.getLayoutBounds());
    }
}
