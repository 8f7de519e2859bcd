package org.mailpath.ui.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import javafx.scene.AccessibleAction;
import javafx.scene.AccessibleAttribute;
import javafx.scene.AccessibleRole;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.skin.ComboBoxListViewSkin;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.BorderPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mailpath.engine.status.Category;
import org.mailpath.ui.common.Messages;
import org.mailpath.ui.common.SyncTaskRunner;
import org.mailpath.ui.common.WizardSession;
import org.mailpath.ui.testing.FakeDialogs;
import org.mailpath.ui.testing.TestAnalyses;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The message filters from the keyboard alone (headless), in a scene with a default button as the wizard's Next: the
 * cause filter (a ControlsFX check combo box) opened on no key and spoke as a nameless group, and Enter on any filter
 * left the step.
 */
@ExtendWith(ApplicationExtension.class)
class EventsFilterKeysTest {

    private final WizardSession session = new WizardSession();
    private EventsViewModel model;
    private int nextPressed;

    @Start
    void start(Stage stage) {
        Messages messages = Messages.forLocale(Locale.ENGLISH);
        model = new EventsViewModel(session, new SyncTaskRunner(), new FakeDialogs(), messages);
        session.setAnalysis(TestAnalyses.day());
        Button next = new Button("Next");
        next.setDefaultButton(true);
        next.setOnAction(e -> nextPressed++);
        BorderPane pane = new BorderPane(new EventsView(model, messages).root());
        pane.setBottom(next);
        EventsViewTest.showAtSceneSize(stage, new Scene(pane, 1200, 760));
    }

    @Test
    @SuppressWarnings("unchecked")
    void theCauseFilterOpensTicksAndClosesByKeyboardAndSaysWhatItShows(FxRobot robot) {
        KeyboardCheckComboBox<Category> cause = robot.lookup("#events-cause-filter").queryAs(KeyboardCheckComboBox.class);
        robot.interact(cause::requestFocus);
        assertEquals(AccessibleRole.COMBO_BOX, cause.queryAccessibleAttribute(AccessibleAttribute.ROLE));
        assertEquals("Cause filter: All causes", cause.queryAccessibleAttribute(AccessibleAttribute.TEXT));
        assertEquals(false, cause.queryAccessibleAttribute(AccessibleAttribute.EXPANDED));

        for (List<KeyCode> keys : List.of(List.of(KeyCode.F4), List.of(KeyCode.SPACE), List.of(KeyCode.DOWN))) {
            robot.type(keys.toArray(KeyCode[]::new));
            WaitForAsyncUtils.waitForFxEvents();
            assertTrue(cause.isShowing(), keys + " opens the list");
            assertEquals(true, cause.queryAccessibleAttribute(AccessibleAttribute.EXPANDED));
            robot.type(KeyCode.ESCAPE);
            WaitForAsyncUtils.waitForFxEvents();
            assertFalse(cause.isShowing(), "Escape closes it");
            assertSame(cause, cause.getScene().getFocusOwner(), "and the focus stays on the filter");
        }
        robot.press(KeyCode.ALT).type(KeyCode.DOWN).release(KeyCode.ALT);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(cause.isShowing(), "Alt+Down opens the list");

        robot.type(KeyCode.DOWN, KeyCode.SPACE);
        assertEquals(Set.of(Category.RECIPIENT), model.causeFilter(), "Space ticks the cause in the list");
        robot.type(KeyCode.DOWN, KeyCode.SPACE);
        assertEquals(Set.of(Category.RECIPIENT, Category.MAILBOX_FULL), model.causeFilter());
        robot.type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(cause.isShowing(), "Enter closes the list");
        assertSame(cause, cause.getScene().getFocusOwner());
        assertEquals("Cause filter: 2 causes", cause.queryAccessibleAttribute(AccessibleAttribute.TEXT));
        robot.type(KeyCode.ENTER);
        assertEquals(0, nextPressed, "Enter on the filter does not leave the step");

        robot.interact(() -> cause.executeAccessibleAction(AccessibleAction.EXPAND));
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(cause.isShowing(), "a screen reader's expand opens it");
        robot.interact(() -> cause.executeAccessibleAction(AccessibleAction.COLLAPSE));
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(cause.isShowing());
    }

    /**
     * Each cause of the open list says whether it is ticked, however it is ticked: the list's check box cells spoke as
     * list items by their text alone. The item the arrows are on is the filter's focus item while the list is open,
     * since the focus stays on the filter.
     */
    @Test
    @SuppressWarnings("unchecked")
    void eachCauseInTheOpenListSaysWhetherItIsTicked(FxRobot robot) {
        KeyboardCheckComboBox<Category> cause = robot.lookup("#events-cause-filter").queryAs(KeyboardCheckComboBox.class);
        robot.interact(cause::requestFocus);
        assertNull(cause.queryAccessibleAttribute(AccessibleAttribute.FOCUS_ITEM), "no item while the list is closed");
        robot.type(KeyCode.F4, KeyCode.DOWN);
        WaitForAsyncUtils.waitForFxEvents();
        ListView<Category> list = (ListView<Category>) ((ComboBoxListViewSkin<?>) cause.inner().orElseThrow().getSkin())
                .getPopupContent();
        ListCell<Category> recipient = cell(list, Category.RECIPIENT);
        String label = recipient.getText();
        assertFalse(label.isBlank());
        assertEquals(AccessibleRole.LIST_ITEM, recipient.queryAccessibleAttribute(AccessibleAttribute.ROLE));
        assertEquals(label + ", not ticked", recipient.queryAccessibleAttribute(AccessibleAttribute.TEXT));
        assertSame(recipient, cause.queryAccessibleAttribute(AccessibleAttribute.FOCUS_ITEM),
                "the item the arrows are on is the filter's focus item");

        robot.type(KeyCode.SPACE);
        assertEquals(Set.of(Category.RECIPIENT), model.causeFilter());
        assertEquals(label + ", ticked", recipient.queryAccessibleAttribute(AccessibleAttribute.TEXT), "Space");
        robot.type(KeyCode.DOWN);
        ListCell<Category> next = cell(list, list.getItems().get(list.getItems().indexOf(Category.RECIPIENT) + 1));
        assertSame(next, cause.queryAccessibleAttribute(AccessibleAttribute.FOCUS_ITEM), "Down moves the focus item");
        assertEquals(next.getText() + ", not ticked", next.queryAccessibleAttribute(AccessibleAttribute.TEXT));
        robot.type(KeyCode.UP);
        assertSame(recipient, cause.queryAccessibleAttribute(AccessibleAttribute.FOCUS_ITEM), "and Up back");

        robot.clickOn(recipient.getGraphic());
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(Set.of(), model.causeFilter());
        assertEquals(label + ", not ticked", recipient.queryAccessibleAttribute(AccessibleAttribute.TEXT), "a click");
        robot.interact(() -> model.causeFilter().add(Category.RECIPIENT));
        assertEquals(label + ", ticked", recipient.queryAccessibleAttribute(AccessibleAttribute.TEXT), "the model");
        robot.interact(model::clearFilters);
        assertEquals(label + ", not ticked", recipient.queryAccessibleAttribute(AccessibleAttribute.TEXT), "cleared");

        robot.interact(cause::hide);
        assertNull(cause.queryAccessibleAttribute(AccessibleAttribute.FOCUS_ITEM), "none once closed");
    }

    private static ListCell<Category> cell(ListView<Category> list, Category item) {
        return list.lookupAll(".list-cell").stream().map(n -> (ListCell<Category>) n)
                .filter(c -> !c.isEmpty() && c.getItem() == item).findFirst().orElseThrow();
    }

    @Test
    void enterOnTheResultOrDomainFilterDoesNotLeaveTheStep(FxRobot robot) {
        for (String id : List.of("#events-verdict-filter", "#events-domain-filter")) {
            ComboBox<?> filter = robot.lookup(id).queryAs(ComboBox.class);
            robot.interact(filter::requestFocus);
            robot.type(KeyCode.ENTER);
            assertEquals(0, nextPressed, id);
            robot.type(KeyCode.F4);
            WaitForAsyncUtils.waitForFxEvents();
            assertTrue(filter.isShowing(), id);
            robot.type(KeyCode.DOWN, KeyCode.ENTER);
            WaitForAsyncUtils.waitForFxEvents();
            assertFalse(filter.isShowing(), "Enter in the open list chooses: " + id);
            assertEquals(0, nextPressed, id);
        }
    }
}
