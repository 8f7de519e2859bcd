package org.mailpath.ui.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import javafx.collections.ObservableList;
import javafx.scene.AccessibleAttribute;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuButton;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.Mnemonic;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mailpath.ui.common.Messages;
import org.mailpath.ui.common.WizardSession;
import org.mailpath.ui.testing.TestAnalyses;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The Report step by keyboard and screen reader (headless): the messages table one Tab stop whose rows Space takes in
 * or out, each include box and domain named, the export buttons spoken by their visible words, and one control per
 * mnemonic, in English and Swedish, with the wizard's Back and Next beside the step.
 */
@ExtendWith(ApplicationExtension.class)
class ReportKeyboardTest {

    private final WizardSession session = new WizardSession();
    private ReportViewModel model;

    @Start
    void start(Stage stage) {
        session.setAnalysis(TestAnalyses.day());
        model = viewModel(Locale.ENGLISH);
        ReportStepFixture.show(stage, step(model, Messages.forLocale(Locale.ENGLISH)));
    }

    private ReportViewModel viewModel(Locale locale) {
        return ReportStepFixture.enteredModel(session, Messages.forLocale(locale));
    }

    /** The step with the wizard's Back and Next under it, as the app shows it. */
    private static Parent step(ReportViewModel model, Messages messages) {
        BorderPane pane = new BorderPane(new ReportView(model, messages).root());
        Button back = new Button(messages.get("wizard.back"));
        Button next = new Button(messages.get("wizard.next"));
        next.setDefaultButton(true);
        pane.setBottom(new HBox(8, back, next));
        return pane;
    }

    private static boolean inside(Node node, Node parent) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (n == parent) {
                return true;
            }
        }
        return false;
    }

    @Test
    void theMessagesTableIsOneTabStopAndSpaceTakesTheFocusedRowInOrOut(FxRobot robot) {
        TableView<?> table = robot.lookup("#report-messages").queryTableView();
        robot.interact(() -> {
            table.getSelectionModel().clearSelection();
            table.requestFocus();
        });
        robot.type(KeyCode.TAB);
        Node after = table.getScene().getFocusOwner();
        assertFalse(inside(after, table), "Tab leaves the table at once, not for its first include box: " + after);

        robot.interact(table::requestFocus);
        MessageChoice first = (MessageChoice) table.getItems().getFirst();
        assertTrue(first.included());
        robot.type(KeyCode.SPACE);
        assertFalse(first.included(), "Space with no row selected leaves out the row with the focus");
        assertEquals(List.of(first), List.copyOf(table.getSelectionModel().getSelectedItems()), "and selects it");
        robot.type(KeyCode.SPACE);
        assertTrue(first.included(), "and takes it back in");
    }

    /**
     * The domain list is one Tab stop, as the messages table: each domain's box was one (a log of 30 domains, 30 Tabs
     * to pass the list). The arrows move between domains, Space ticks the one chosen (the one with the focus when the
     * list was tabbed to with none chosen), and each box still says its domain and whether it is ticked.
     */
    @Test
    void theDomainListIsOneTabStopWhoseArrowsMoveAndSpaceTicks(FxRobot robot) {
        @SuppressWarnings("unchecked")
        ListView<DomainChoice> list = robot.lookup("#report-domains").queryAs(ListView.class);
        assertTrue(list.getItems().size() >= 3, "domains to move between: " + list.getItems());
        robot.interact(() -> {
            list.getSelectionModel().clearSelection();
            list.requestFocus();
        });
        robot.type(KeyCode.TAB);
        Node after = list.getScene().getFocusOwner();
        assertFalse(inside(after, list), "Tab leaves the list at once, not for its first domain's box: " + after);
        robot.press(KeyCode.SHIFT).type(KeyCode.TAB).release(KeyCode.SHIFT);
        assertSame(list, list.getScene().getFocusOwner(), "Shift+Tab comes back to the list, not its last box");

        List<Boolean> was = list.getItems().stream().map(DomainChoice::included).toList();
        int focused = Math.max(0, list.getFocusModel().getFocusedIndex());
        DomainChoice first = list.getItems().get(focused);
        robot.type(KeyCode.SPACE);
        assertEquals(!was.get(focused), first.included(), "Space with none chosen ticks the domain with the focus");
        assertSame(first, list.getSelectionModel().getSelectedItem(), "and chooses it");
        robot.type(KeyCode.DOWN);
        DomainChoice next = list.getItems().get(focused + 1);
        assertSame(next, list.getSelectionModel().getSelectedItem(), "Down moves to the next domain");
        robot.type(KeyCode.SPACE);
        assertEquals(!was.get(focused + 1), next.included(), "Space ticks the domain moved to");
        assertEquals(!was.get(focused), first.included(), "and leaves the one before as it was");
        robot.type(KeyCode.UP, KeyCode.SPACE);
        assertEquals(was.get(focused), first.included(), "Up moves back, Space unticks it again");
        assertSame(list, list.getScene().getFocusOwner(), "the focus stays on the list throughout");

        // each box: not a Tab stop, spoken with its domain and its state, which follows the choice
        WaitForAsyncUtils.waitForFxEvents();
        CheckBox box = robot.lookup("#report-domains .list-cell").queryAll().stream()
                .map(n -> (ListCell<?>) n).filter(c -> c.getItem() == next).findFirst()
                .map(c -> (CheckBox) c.lookup(".check-box")).orElseThrow();
        assertFalse(box.isFocusTraversable());
        assertEquals(next.domain(), box.queryAccessibleAttribute(AccessibleAttribute.TEXT));
        assertEquals(next.included(), box.queryAccessibleAttribute(AccessibleAttribute.SELECTED));
        robot.interact(() -> next.includedProperty().set(!next.included()));
        assertEquals(next.included(), box.queryAccessibleAttribute(AccessibleAttribute.SELECTED));
        robot.interact(() -> {
            for (int i = 0; i < was.size(); i++) {
                list.getItems().get(i).includedProperty().set(was.get(i));
            }
        });
    }

    @Test
    void eachIncludeBoxSaysWhichMessageItTakesIn(FxRobot robot) {
        TableRow<?> row = ReportStepFixture.firstRow(robot);
        MessageChoice message = (MessageChoice) row.getItem();
        String words = "Include message to " + message.recipient() + " in the report";
        CheckBox box = (CheckBox) row.lookup(".check-box");
        assertFalse(box.isFocusTraversable());
        assertEquals(words, box.queryAccessibleAttribute(AccessibleAttribute.TEXT));
        Node cell = box.getParent();
        assertTrue(cell instanceof IncludeCell, String.valueOf(cell));
        assertEquals(words, cell.queryAccessibleAttribute(AccessibleAttribute.TEXT));
        robot.clickOn(box);
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(message.included(), "a click on the box still leaves the message out");
    }

    @Test
    void eachDomainSaysItsNameCountsAndWhetherItIsInTheReport(FxRobot robot) {
        List<ListCell<?>> cells = robot.lookup("#report-domains .list-cell").queryAll().stream()
                .<ListCell<?>>map(n -> (ListCell<?>) n).filter(c -> c.getItem() != null).toList();
        assertFalse(cells.isEmpty());
        for (ListCell<?> cell : cells) {
            DomainChoice d = (DomainChoice) cell.getItem();
            assertEquals(d.domain() + ": " + d.counts() + (d.included() ? ", in the report" : ", left out of the report"),
                    cell.queryAccessibleAttribute(AccessibleAttribute.TEXT));
        }
        DomainChoice first = (DomainChoice) cells.getFirst().getItem();
        boolean was = first.included();
        robot.interact(() -> first.includedProperty().set(!was));
        assertEquals(first.domain() + ": " + first.counts() + (was ? ", left out of the report" : ", in the report"),
                cells.getFirst().queryAccessibleAttribute(AccessibleAttribute.TEXT), "said as it changes");
        robot.interact(() -> first.includedProperty().set(was));
    }

    @Test
    void theExportButtonsAreSpokenByTheirVisibleWordsTheirSentenceAsHelp(FxRobot robot) {
        Node pdf = robot.lookup("#report-export-pdf").query();
        assertEquals("Export as PDF…", pdf.queryAccessibleAttribute(AccessibleAttribute.TEXT));
        assertEquals("Save the report as a PDF, to attach to your email to the recipient’s mail team or to keep",
                pdf.queryAccessibleAttribute(AccessibleAttribute.HELP));
        Node more = robot.lookup("#report-export-more").query();
        assertEquals("More formats", more.queryAccessibleAttribute(AccessibleAttribute.TEXT));
        assertEquals("Save the report as HTML, JSON, plain text or CSV",
                more.queryAccessibleAttribute(AccessibleAttribute.HELP));
    }

    @Test
    void eachMnemonicOfTheStepIsOneControlsInEnglishAndSwedish(FxRobot robot) {
        assertEquals(Map.of(), clashes(robot.lookup("#report-messages").query().getScene()), "English");
        Scene[] swedish = new Scene[1];
        robot.interact(() -> {
            Stage stage = new Stage();
            swedish[0] = new Scene(step(viewModel(Locale.of("sv")), Messages.forLocale(Locale.of("sv"))), 1280, 800);
            stage.setScene(swedish[0]);
            stage.show();
        });
        WaitForAsyncUtils.waitForFxEvents();
        try {
            assertEquals(Map.of(), clashes(swedish[0]), "Swedish");
        } finally {
            robot.interact(() -> swedish[0].getWindow().hide());
        }
    }

    @Test
    void altFOpensMoreFormats(FxRobot robot) {
        MenuButton more = robot.lookup("#report-export-more").queryAs(MenuButton.class);
        robot.interact(() -> robot.lookup("#report-message-search").query().requestFocus());
        robot.press(KeyCode.ALT).type(KeyCode.F).release(KeyCode.ALT);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(more.isShowing(), "Alt+F opens More formats");
        robot.interact(more::hide);
    }

    /**
     * The list limit (the review: the app's export had none) is a labelled field reached by its mnemonic: typed and
     * taken with Enter, stepped with the arrow keys; what is not a number of messages is said under it.
     */
    @Test
    void theListLimitIsALabelledFieldTypedOrSteppedByKeyboard(FxRobot robot) {
        javafx.scene.control.Spinner<?> field = robot.lookup("#report-list-limit").queryAs(
                javafx.scene.control.Spinner.class);
        javafx.scene.control.Label label = robot.lookup(".label").queryAllAs(javafx.scene.control.Label.class)
                .stream().filter(l -> l.getLabelFor() == field).findFirst().orElseThrow();
        assertEquals("Messages listed in full", label.getText().replace("_", ""));
        robot.interact(() -> robot.lookup("#report-message-search").query().requestFocus());
        robot.press(KeyCode.ALT).type(KeyCode.L).release(KeyCode.ALT);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(inside(field.getScene().getFocusOwner(), field), "Alt+L: " + field.getScene().getFocusOwner());
        assertEquals(2000, model.listLimitProperty().get());

        robot.interact(() -> field.getEditor().setText("abc"));
        robot.type(KeyCode.ENTER);
        assertEquals("Type a whole number of messages, 0 (every one) or more.",
                robot.lookup("#report-list-limit-problem").queryLabeled().getText());
        assertTrue(robot.lookup("#report-list-limit-problem").query().isVisible());
        assertTrue(robot.lookup("#report-export-pdf").queryButton().isDisabled(), "no export with it");

        robot.interact(() -> field.getEditor().setText("3"));
        robot.type(KeyCode.ENTER);
        assertEquals(3, model.listLimitProperty().get());
        assertFalse(robot.lookup("#report-list-limit-problem").query().isVisible());
        assertTrue(robot.lookup("#report-listing").queryLabeled().getText().startsWith("The report lists 3 of its "),
                robot.lookup("#report-listing").queryLabeled().getText());
        robot.type(KeyCode.UP);
        assertEquals(503, model.listLimitProperty().get(), "the Up arrow steps by 500");
        assertFalse(robot.lookup("#report-export-pdf").queryButton().isDisabled());
    }

    /** The key combinations that more than one control of the scene answers, with those controls. */
    private static Map<KeyCombination, List<Node>> clashes(Scene scene) {
        Map<KeyCombination, List<Node>> clashes = new java.util.HashMap<>();
        for (Map.Entry<KeyCombination, ObservableList<Mnemonic>> e : scene.getMnemonics().entrySet()) {
            List<Node> nodes = new ArrayList<>(e.getValue().stream().map(Mnemonic::getNode).distinct()
                    .collect(Collectors.toList()));
            if (nodes.size() > 1) {
                clashes.put(e.getKey(), nodes);
            }
        }
        return clashes;
    }
}
