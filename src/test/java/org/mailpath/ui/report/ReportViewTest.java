package org.mailpath.ui.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mailpath.engine.analysis.MessageChain;
import org.mailpath.ui.common.WizardSession;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The Report step's message choice on screen, driven with mouse and keyboard (headless, Monocle). */
@ExtendWith(ApplicationExtension.class)
class ReportViewTest {

    private final WizardSession session = new WizardSession();
    private ReportViewModel model;

    @Start
    void start(Stage stage) {
        model = ReportStepFixture.showDay(stage, session);
    }

    private static String count(FxRobot robot) {
        return robot.lookup("#report-message-count").queryAs(Label.class).getText();
    }

    @Test
    void theTableSaysItsOrderUntilAColumnIsSorted(FxRobot robot) {
        Label order = robot.lookup("#report-messages-order").queryAs(Label.class);
        assertTrue(order.isVisible());
        assertEquals("Bounced and deferred first, then by time (First seen). Click a column header to sort by it.",
                order.getText());
        TableView<?> table = robot.lookup("#report-messages").queryTableView();
        assertEquals(org.mailpath.engine.analysis.Verdict.BOUNCED, ((MessageChoice) table.getItems().getFirst()).verdict(),
                "failures first, as it says");
        robot.clickOn(robot.lookup("#report-messages .column-header").nth(1).queryAs(Node.class)); // First seen
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(table.getSortOrder().isEmpty());
        assertFalse(order.isVisible(), "the column's sort arrow says the order now");
        robot.interact(() -> table.getSortOrder().clear());
        assertTrue(order.isVisible());
    }

    @Test
    void thePreviewWrapsItsLinesInASmallWindow(FxRobot robot) {
        robot.interact(() -> {
            Stage stage = (Stage) robot.lookup("#report-preview").query().getScene().getWindow();
            stage.setWidth(1024);
            stage.setHeight(640);
        });
        WaitForAsyncUtils.waitForFxEvents();
        TextArea preview = robot.lookup("#report-preview").queryAs(TextArea.class);
        assertTrue(preview.isWrapText());
        assertFalse(preview.getText().isEmpty());
        robot.interact(() -> {
            preview.applyCss();
            preview.layout();
            // no line runs off to the right: the preview has no sideways scroll bar to hide its ends behind
            for (Node bar : preview.lookupAll(".scroll-bar")) {
                if (bar instanceof javafx.scene.control.ScrollBar sb
                        && sb.getOrientation() == javafx.geometry.Orientation.HORIZONTAL) {
                    assertFalse(sb.isVisible(), "a sideways scroll bar under the preview");
                }
            }
        });
    }

    /**
     * An indented paragraph keeps its indent on every line it is wrapped to, in a wide and in a narrow window; no
     * line is wider than the text's room (the text area has nothing left to wrap back to column 0); what is selected
     * is copied as the report says it.
     */
    @Test
    void wrappedLinesOfAnIndentedParagraphKeepItsIndent(FxRobot robot) {
        ReportPreviewArea preview = robot.lookup("#report-preview").queryAs(ReportPreviewArea.class);
        String report = model.previewProperty().get();
        int wide = wrappedWithHangingIndents(robot, preview, 1280, 800, report);
        // a selection made in the wide window is the same words after the preview is wrapped again
        String words = report.lines().filter(l -> l.startsWith("  ") && l.strip().length() > 40).findFirst()
                .orElseThrow().strip().substring(0, 20);
        robot.interact(() -> {
            int at = preview.getText().indexOf(words);
            preview.selectRange(at, at + words.length());
        });
        assertEquals(words, preview.selectedReportText());
        int narrow = wrappedWithHangingIndents(robot, preview, 900, 700, report);
        assertTrue(narrow < wide, narrow + " columns in the narrow window, " + wide + " in the wide one");
        assertEquals(words, preview.selectedReportText());

        robot.interact(preview::selectAll);
        assertEquals(report, preview.selectedReportText(), "all of it copies as the report, without the breaks");
        robot.interact(() -> {
            preview.copy();
            assertEquals(report, javafx.scene.input.Clipboard.getSystemClipboard().getString());
        });
    }

    /**
     * While the width keeps changing, as it does on every pulse of a drag of the window's edge, the preview keeps the
     * wrap it has (each new one replaced and laid out the whole text, a stall per step with a large report); once the
     * width has settled it is wrapped once, at the last width. The drag is made on the UI thread in one go, so the
     * wait for the width to settle cannot end in the middle of it, however slow the machine.
     */
    @Test
    void aDraggedWidthKeepsTheWrapUntilItSettles(FxRobot robot) {
        ReportPreviewArea preview = robot.lookup("#report-preview").queryAs(ReportPreviewArea.class);
        String report = model.previewProperty().get();
        int wide = wrappedWithHangingIndents(robot, preview, 1280, 800, report);
        robot.interact(() -> {
            String shown = preview.getText();
            double height = preview.getHeight();
            double width = preview.getWidth();
            javafx.scene.text.Text text = (javafx.scene.text.Text) preview.lookup(".text");
            double room = text.getWrappingWidth();
            for (int step = 1; step <= 30; step++) {
                preview.resize(width - 8 * step, height);
                preview.layout();
                assertEquals(wide, preview.columns(), "still the wrap of before, at step " + step);
                assertEquals(shown, preview.getText());
            }
            double narrowRoom = text.getWrappingWidth();
            assertTrue(narrowRoom < room - 200, "the text's room went from " + room + " to " + narrowRoom + " px");

            preview.settleWidth();
            int narrow = preview.columns();
            assertTrue(narrow < wide, narrow + " columns after the drag, " + wide + " before");
            for (String line : preview.getText().lines().toList()) {
                assertTrue(line.length() <= narrow, narrow + " columns: '" + line + "'");
            }
            // as many columns as the last width holds: one more would not fit (the area keeps half a pixel spare)
            javafx.scene.text.Text columns = new javafx.scene.text.Text("0".repeat(narrow + 1));
            columns.setFont(preview.getFont());
            assertTrue(columns.getLayoutBounds().getWidth() > narrowRoom - 0.5, "wrapped at the last width");
            preview.selectAll();
            assertEquals(report, preview.selectedReportText(), "copied as the report after the new wrap");
        });
    }

    /** Sizes the window, checks the preview's lines, and returns the columns it is wrapped at. */
    private static int wrappedWithHangingIndents(FxRobot robot, ReportPreviewArea preview, double width, double height,
                                                 String report) {
        robot.interact(() -> {
            Stage stage = (Stage) preview.getScene().getWindow();
            stage.setWidth(width);
            stage.setHeight(height);
        });
        WaitForAsyncUtils.waitForFxEvents();
        int[] columns = new int[1];
        robot.interact(() -> {
            preview.applyCss();
            preview.layout();
            // without waiting for the width to settle (the wait may or may not have ended by now)
            preview.settleWidth();
            columns[0] = preview.columns();
            javafx.scene.text.Text text = (javafx.scene.text.Text) preview.lookup(".text");
            double room = text.getWrappingWidth();
            java.util.List<String> shown = preview.getText().lines().toList();
            for (String line : shown) {
                assertTrue(line.length() <= columns[0], width + " px, " + columns[0] + " columns: '" + line + "'");
                javafx.scene.text.Text measured = new javafx.scene.text.Text(line);
                measured.setFont(preview.getFont());
                assertTrue(measured.getLayoutBounds().getWidth() <= room, "fits in " + room + " px: '" + line + "'");
            }
            // each line of the report is shown on as many lines as it takes, those after its first indented as it
            int next = 0;
            int continued = 0;
            for (String line : report.lines().toList()) {
                String words = line.replaceAll("\\s+", "");
                String indent = " ".repeat(Math.min(line.length() - line.stripLeading().length(), columns[0] / 2));
                StringBuilder seen = new StringBuilder(shown.get(next++).replaceAll("\\s+", ""));
                while (seen.length() < words.length()) {
                    String continuation = shown.get(next++);
                    assertTrue(continuation.startsWith(indent) && !continuation.startsWith(indent + " "),
                            "indented as '" + line + "': '" + continuation + "'");
                    seen.append(continuation.replaceAll("\\s+", ""));
                    continued += indent.isEmpty() ? 0 : 1;
                }
                assertEquals(words, seen.toString());
            }
            assertEquals(shown.size(), next);
            assertTrue(continued > 0, "some indented paragraph is wrapped at " + columns[0] + " columns");
        });
        return columns[0];
    }

    @Test
    void clicksAndTheSpaceBarChooseMessagesAndThePreviewFollows(FxRobot robot) {
        TableView<?> table = robot.lookup("#report-messages").queryTableView();
        assertEquals(11, table.getItems().size());
        assertEquals("11 of 11 messages included", count(robot));

        Node row = ReportStepFixture.firstRow(robot);
        MessageChoice first = (MessageChoice) ((TableRow<?>) row).getItem();
        robot.clickOn(row.lookup(".check-box"));
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(first.included(), "the box in the row");
        assertEquals("10 of 11 messages included", count(robot));
        assertFalse(robot.lookup("#report-preview").queryAs(TextArea.class).getText()
                .contains(first.messageIdHeader()));

        robot.clickOn(row.lookupAll(".table-cell").stream().skip(2).findFirst().orElseThrow());
        robot.type(KeyCode.SPACE);
        assertTrue(first.included(), "space on the selected row takes it back in");
        robot.type(KeyCode.DOWN, KeyCode.SPACE);
        assertEquals("10 of 11 messages included", count(robot));
        assertTrue(((CheckBox) row.lookup(".check-box")).isSelected());
    }

    @Test
    void searchBulkButtonsAndTheMessageSelectedInEvents(FxRobot robot) {
        robot.clickOn("#report-message-search").write("kund");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("11 of 11 messages included · 4 shown", count(robot));
        robot.clickOn("#report-messages-none");
        assertEquals("7 of 11 messages included · 4 shown", count(robot));
        robot.doubleClickOn("#report-message-search").eraseText(4);
        robot.clickOn("#report-messages-all");
        assertEquals("11 of 11 messages included", count(robot));

        assertFalse(robot.lookup("#report-only-selected").query().isVisible(), "nothing selected in Events");
        MessageChain chosen = session.analysis().orElseThrow().chains().stream()
                .filter(c -> c.recipient().equals("info2@kund.se")).findFirst().orElseThrow();
        robot.interact(() -> session.setSelectedMessage(chosen));
        assertTrue(robot.lookup("#report-only-selected").query().isVisible());
        robot.clickOn("#report-only-selected");
        assertEquals("1 of 4 messages included · 1 shown", count(robot));
        assertEquals(1, robot.lookup("#report-messages").queryTableView().getItems().size());
        assertFalse(robot.lookup("#report-export-pdf").queryButton().isDisabled());
    }

    @Test
    void withNoDomainTickedTheStepSaysWhatToDoAndOffersOnlyWhatChangesSomething(FxRobot robot) {
        assertFalse(robot.lookup("#report-domains-none").queryButton().isDisabled());
        assertTrue(robot.lookup("#report-messages-all").queryButton().isDisabled(), "all 11 are included");
        assertFalse(robot.lookup("#report-export-reason").query().isVisible());

        robot.clickOn("#report-domains-none");
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(robot.lookup("#report-domains-none").queryButton().isDisabled(), "none is ticked");
        assertFalse(robot.lookup("#report-domains-all").queryButton().isDisabled());
        for (String id : new String[] {"#report-messages-all", "#report-messages-none", "#report-messages-failing"}) {
            assertTrue(robot.lookup(id).queryButton().isDisabled(), id + " with no message listed");
        }
        assertEquals("Tick a recipient domain to put its messages in the report.",
                robot.lookup("#report-messages-empty").queryAs(Label.class).getText());
        assertTrue(robot.lookup("#report-export-pdf").queryButton().isDisabled());
        assertTrue(robot.lookup("#report-copy-note").queryButton().isDisabled());
        Label reason = robot.lookup("#report-export-reason").queryAs(Label.class);
        assertTrue(reason.isVisible());
        assertEquals("Tick at least one recipient domain to export the report or copy a note.", reason.getText());

        robot.clickOn("#report-domains-all");
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(robot.lookup("#report-domains-all").queryButton().isDisabled(), "all are ticked");
        assertFalse(reason.isVisible());
        assertFalse(robot.lookup("#report-export-pdf").queryButton().isDisabled());
    }

    /** A report naming several domains says that one mail team's report should name its own only, and keeps one. */
    @Test
    void theHintByTheDomainsKeepsOneAndUndoesTheNarrowingToTheMessageSelectedInEvents(FxRobot robot) {
        Label hint = robot.lookup("#report-domains-hint").queryAs(Label.class);
        assertTrue(hint.isVisible());
        assertTrue(hint.getText().startsWith("This report names 2 recipient domains."), hint.getText());
        assertFalse(robot.lookup("#report-domains-usual").query().isVisible());
        javafx.scene.control.Button keepOnly = robot.lookup("#report-domains-keep-only").queryButton();
        assertEquals("Only example.se", keepOnly.getText());

        // a domain highlighted in the list, by a click beside its box, is the one offered
        Node kund = robot.lookup("#report-domains .list-cell").queryAll().stream()
                .filter(n -> ((javafx.scene.control.ListCell<?>) n).getItem() instanceof DomainChoice d
                        && d.domain().equals("kund.se"))
                .findFirst().orElseThrow();
        robot.clickOn(kund.lookup(".text-muted"));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("Only kund.se", keepOnly.getText());
        robot.clickOn(keepOnly);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(java.util.List.of("kund.se"), model.domains().stream().filter(DomainChoice::included)
                .map(DomainChoice::domain).toList());
        assertFalse(robot.lookup("#report-domains-hint").query().getParent().isVisible(), "one domain: no hint");
        assertEquals("4 of 4 messages included", count(robot));

        // a new log, reached with a message selected in Events: its domain alone, and the way back to the others
        robot.interact(() -> {
            session.setAnalysis(org.mailpath.ui.testing.TestAnalyses.day());
            session.setSelectedMessage(session.analysis().orElseThrow().chains().stream()
                    .filter(c -> c.recipient().equals("user3@northwind.no")).findFirst().orElseThrow());
            model.entered();
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(hint.getText().startsWith("Only northwind.no is ticked"), hint.getText());
        assertFalse(keepOnly.isVisible());
        javafx.scene.control.Button usual = robot.lookup("#report-domains-usual").queryButton();
        assertEquals("All failing domains (2)", usual.getText());
        assertTrue(robot.lookup("#report-domains").queryAs(ListView.class).getSelectionModel().isEmpty());
        robot.clickOn(usual);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("11 of 11 messages included", count(robot));
        assertEquals("Only northwind.no", keepOnly.getText());
    }

    @Test
    void theSpaceBarIncludesOrLeavesOutTheChosenDomain(FxRobot robot) {
        ListView<?> list = robot.lookup("#report-domains").queryAs(ListView.class);
        robot.interact(list::requestFocus);
        robot.type(KeyCode.HOME);
        DomainChoice first = model.domains().getFirst();
        assertTrue(first.included());
        robot.type(KeyCode.SPACE);
        assertFalse(first.included(), "space on the selected domain leaves it out");
        assertFalse(count(robot).startsWith("11 of 11"), count(robot));
        robot.type(KeyCode.SPACE);
        assertTrue(first.included(), "and takes it back in");
        assertEquals("11 of 11 messages included", count(robot));
    }
}
