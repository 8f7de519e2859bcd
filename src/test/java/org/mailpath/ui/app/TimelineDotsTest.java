package org.mailpath.ui.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.layout.Region;
import javafx.scene.paint.Paint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mailpath.ui.events.MessageRow;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The timeline's dots: a hand-off between Salesforce's servers ("h", a D row that delivered nothing) has its own
 * muted dot, not the delivery's green one it was drawn with.
 */
@ExtendWith(ApplicationExtension.class)
class TimelineDotsTest {

    @Test
    void aHandOffIsNotDrawnAsADelivery(FxRobot robot) throws Exception {
        TestApps.Running running = TestApps.Running.onEventsOfTheSample(Locale.ENGLISH, robot);
        try {
            AppContext app = running.app();
            // a message handed on inside Salesforce, then delivered: both dots in one timeline
            MessageRow row = app.eventsModel().visibleRows().stream()
                    .filter(r -> r.events().contains("h") && r.events().contains("D")).findFirst()
                    .orElseThrow(() -> new AssertionError("the sample has a hand-off before a delivery"));
            robot.interact(() -> app.eventsModel().selectedProperty().set(row));
            WaitForAsyncUtils.waitForFxEvents();
            List<List<String>> classes = new ArrayList<>();
            List<Paint> colours = new ArrayList<>();
            robot.interact(() -> {
                Parent root = app.scene().getRoot();
                root.applyCss();
                for (Node dot : root.lookup("#timeline").lookupAll(".timeline-dot")) {
                    classes.add(List.copyOf(dot.getStyleClass()));
                    colours.add(((Region) dot).getBackground().getFills().getFirst().getFill());
                }
            });
            assertEquals(row.events().length(), classes.size(), "a dot for each event: " + classes);
            int handOff = row.events().indexOf('h');
            int delivery = row.events().lastIndexOf('D');
            assertTrue(classes.get(handOff).contains("event-handoff"), "the hand-off's dot: " + classes.get(handOff));
            assertTrue(classes.get(delivery).contains("event-delivered"), "the delivery's: " + classes.get(delivery));
            assertNotEquals(colours.get(delivery), colours.get(handOff), "the hand-off drawn in the delivery's colour");
        } finally {
            running.close();
        }
    }
}
