package org.mailpath.ui.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import javafx.scene.AccessibleRole;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.controlsfx.control.CheckComboBox;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mailpath.engine.analysis.MessageChain;
import org.mailpath.engine.analysis.UnsharedIdGuess;
import org.mailpath.engine.status.Category;
import org.mailpath.ui.common.Messages;
import org.mailpath.ui.common.SyncTaskRunner;
import org.mailpath.ui.common.TippedCell;
import org.mailpath.ui.common.WizardSession;
import org.mailpath.ui.testing.FakeDialogs;
import org.mailpath.ui.testing.TestAnalyses;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The step on screen (headless): the ControlsFX cause filter and the search field drive the table. */
@ExtendWith(ApplicationExtension.class)
class EventsViewTest {

    private final WizardSession session = new WizardSession();
    private EventsViewModel model;

    @Start
    void start(Stage stage) {
        Messages messages = Messages.forLocale(Locale.ENGLISH);
        model = new EventsViewModel(session, new SyncTaskRunner(), new FakeDialogs(), messages);
        session.setAnalysis(TestAnalyses.day());
        Scene scene = new Scene(new javafx.scene.layout.StackPane(new EventsView(model, messages).root()), 1200, 760);
        scene.getStylesheets().add(EventsView.class.getResource("/org/mailpath/ui/mailpath.css").toExternalForm());
        showAtSceneSize(stage, scene);
    }

    /** Shows {@code scene} on {@code stage} at the scene's own size, whatever a whole-app test left on the stage. */
    static void showAtSceneSize(Stage stage, Scene scene) {
        stage.setScene(scene);
        // the stage is shared with the whole-app tests, whose window keeps its 900×600 minimum
        stage.setMinWidth(0);
        stage.setMinHeight(0);
        // and keeps the size a whole-app test gave it last (900×600 after NarrowSwedishWindowTest): the scene's size
        stage.sizeToScene();
        stage.show();
    }

    @Test
    @SuppressWarnings("unchecked")
    void theCauseFilterAndTheSearchFieldFilterTheTable(FxRobot robot) {
        CheckComboBox<Category> cause = robot.lookup("#events-cause-filter").queryAs(CheckComboBox.class);
        TableView<MessageRow> table = robot.lookup("#message-table").queryAs(TableView.class);
        assertEquals(List.of(Category.RECIPIENT, Category.MAILBOX_FULL), List.copyOf(cause.getItems()));
        assertEquals("All causes", cause.getTitle());
        assertEquals(60, table.getItems().size());

        robot.interact(() -> cause.getCheckModel().check(Category.RECIPIENT));
        assertEquals(Set.of(Category.RECIPIENT), model.causeFilter());
        assertEquals(7, table.getItems().size());
        assertEquals("Recipient unknown or refused", cause.getTitle());

        robot.interact(model::clearFilters);
        assertTrue(cause.getCheckModel().getCheckedItems().isEmpty(), "Clear filters unticks the causes too");
        assertEquals(60, table.getItems().size());

        TextField search = robot.lookup("#events-search").queryAs(TextField.class);
        robot.clickOn(search).write("info2");
        assertEquals(1, table.getItems().size());
        robot.interact(() -> search.setText(""));
        assertEquals("", model.searchProperty().get());
        assertEquals(60, table.getItems().size());
    }

    /**
     * The notice of rows rejected as invalid, beside the message count, is read whole in a 1024 px window: it was
     * cut to "… not counted here. The Import ste…" there.
     */
    @Test
    void theNoticeOfRejectedRowsIsShownWholeInASmallWindow(FxRobot robot) throws Exception {
        WizardSession bad = new WizardSession();
        Messages messages = Messages.forLocale(Locale.ENGLISH);
        EventsViewModel m = new EventsViewModel(bad, new SyncTaskRunner(), new FakeDialogs(), messages);
        bad.setAnalysis(new org.mailpath.engine.analysis.EmailLogAnalyzer().analyze(
                org.mailpath.engine.log.LogFixtures.sample("synthetic-with-bad-rows.csv"),
                org.mailpath.engine.common.ProgressListener.NONE, org.mailpath.engine.common.Cancellation.none()));
        javafx.scene.control.Label[] notice = new javafx.scene.control.Label[1];
        javafx.scene.Parent[] root = new javafx.scene.Parent[1];
        robot.interact(() -> {
            root[0] = (javafx.scene.Parent) new EventsView(m, messages).root();
            Stage stage = new Stage();
            // the step's share of a 1024x700 window: the detail pane takes the right third
            Scene scene = new Scene(root[0], 670, 560);
            scene.getStylesheets().add(EventsView.class.getResource("/org/mailpath/ui/mailpath.css").toExternalForm());
            stage.setScene(scene);
            stage.show();
            notice[0] = (javafx.scene.control.Label) root[0].lookup("#events-rejected");
        });
        WaitForAsyncUtils.waitForFxEvents();
        String whole = m.rejectedNoticeProperty().get();
        assertTrue(whole.startsWith("3 rows of the log were rejected"), whole);
        robot.interact(() -> {
            assertEquals(whole, notice[0].getText());
            // the label draws its text in one Text node (its icon is another), cut with the ellipsis if it must be
            List<String> drawn = notice[0].getChildrenUnmodifiable().stream()
                    .filter(n -> n instanceof javafx.scene.text.Text && n != notice[0].getGraphic())
                    .map(n -> ((javafx.scene.text.Text) n).getText()).toList();
            assertEquals(List.of(whole), drawn, "the notice as drawn");
            javafx.geometry.Bounds b = notice[0].localToScene(notice[0].getLayoutBounds());
            assertTrue(b.getMaxX() <= root[0].getScene().getWidth() && b.getMaxY() <= root[0].getScene().getHeight(),
                    "inside the window: " + b);
            notice[0].getScene().getWindow().hide();
        });
    }

    /**
     * A log of only R rows left "Events over time" blank: the chart says why. A search for a whole address no row
     * holds says what analyze --message-id says of such a message, under the table's "No message matches".
     */
    @Test
    @SuppressWarnings("unchecked")
    void aBlankChartAndAnEmptySearchSayWhy(FxRobot robot) {
        robot.interact(() -> session.setAnalysis(TestAnalyses.of(List.of(TestAnalyses.receivedOnly("a@acme.com", 0)))));
        HBox time = robot.lookup("#time-chart").queryAs(HBox.class);
        Label none = (Label) time.lookup("#time-chart-none");
        assertEquals(model.timeChartNoteProperty().get(), none.getText());
        assertTrue(none.getText().startsWith("Nothing to plot"), none.getText());

        robot.interact(() -> model.searchProperty().set("nobody@nowhere.example"));
        TableView<MessageRow> table = robot.lookup("#message-table").queryAs(TableView.class);
        assertTrue(((Label) table.getPlaceholder()).getText().startsWith("No message matches these filters. A message"
                + " with no row in the log was not sent by Salesforce"), ((Label) table.getPlaceholder()).getText());
        robot.interact(() -> session.setAnalysis(TestAnalyses.day()));
        assertTrue(time.lookup("#time-chart-none") == null, "bars again");
    }

    @Test
    void theDomainFilterSaysAllDomainsWhenTheViewWasBuiltBeforeTheLog(FxRobot robot) {
        // the app builds the step ahead, before any log is read
        WizardSession fresh = new WizardSession();
        Messages messages = Messages.forLocale(Locale.ENGLISH);
        EventsViewModel early = new EventsViewModel(fresh, new SyncTaskRunner(), new FakeDialogs(), messages);
        javafx.scene.control.ComboBox<?>[] domain = new javafx.scene.control.ComboBox<?>[1];
        robot.interact(() -> {
            javafx.scene.Parent root = (javafx.scene.Parent) new EventsView(early, messages).root();
            Stage stage = new Stage();
            stage.setScene(new Scene(root, 1200, 760));
            stage.show();
            domain[0] = (javafx.scene.control.ComboBox<?>) root.lookup("#events-domain-filter");
        });
        robot.interact(() -> fresh.setAnalysis(TestAnalyses.day()));
        assertEquals("All domains", buttonText(domain[0]));
        robot.interact(() -> early.domainFilterProperty().set(early.domainChoices().get(1)));
        assertEquals(early.domainChoices().get(1), buttonText(domain[0]));
        robot.interact(() -> fresh.setAnalysis(TestAnalyses.of(List.of(TestAnalyses.bounced("a@x.example", 1)))));
        assertEquals("All domains", buttonText(domain[0]), "the next log clears the filter, and says so");
        robot.interact(() -> domain[0].getScene().getWindow().hide());
    }

    @Test
    void theSearchPromptFitsItsFieldAndTheTooltipSaysWhatIsSearched(FxRobot robot) {
        TextField search = robot.lookup("#events-search").queryAs(TextField.class);
        for (int width : new int[] {1200, 900}) {
            robot.interact(() -> search.getScene().getWindow().setWidth(width));
            WaitForAsyncUtils.waitForFxEvents();
            javafx.scene.text.Text prompt = new javafx.scene.text.Text(search.getPromptText());
            prompt.setFont(search.getFont());
            double room = search.getWidth() - search.getPadding().getLeft() - search.getPadding().getRight();
            assertTrue(prompt.getLayoutBounds().getWidth() <= room,
                    "'" + search.getPromptText() + "' is cut at a window " + width + " wide");
        }
        assertTrue(search.getTooltip().getText().contains("Message ID"), search.getTooltip().getText());
    }

    @Test
    void theEventsColumnSaysWhatItsLettersMean(FxRobot robot) {
        Node header = robot.lookup("#message-table #events-col-events").query();
        Object tip = header.getProperties().get("javafx.scene.control.Tooltip");
        assertTrue(tip instanceof javafx.scene.control.Tooltip, "the Events column's header has a tooltip");
        String text = ((javafx.scene.control.Tooltip) tip).getText();
        assertTrue(text.contains("R received by Salesforce") && text.contains("P bounced"), text);
        // a D handing the message between Salesforce's servers is no delivery: the table marks it h and says so
        assertTrue(text.contains("h handed between Salesforce’s own mail servers, not delivered"), text);
    }

    /**
     * Each domain's counts add up to its messages: received only has its column (it was left out, so 1 message of
     * acme.com was 1 delivered, 0 bounced, 0 deferred and nothing else).
     */
    @Test
    @SuppressWarnings("unchecked")
    void eachDomainsCountsAddUpToItsMessages(FxRobot robot) {
        TableView<org.mailpath.engine.analysis.DomainSummary> domains = robot.lookup("#domain-table")
                .queryAs(TableView.class);
        List<String> headers = domains.getColumns().stream().map(javafx.scene.control.TableColumn::getText).toList();
        assertEquals(List.of("Domain", "Messages", "Delivered", "Bounced", "Deferred", "Received only"), headers);
        assertTrue(domains.getItems().stream().anyMatch(d -> d.receivedOnly() > 0), "the fixture has a received-only");
        for (org.mailpath.engine.analysis.DomainSummary d : domains.getItems()) {
            long[] cells = new long[6];
            for (int i = 1; i < 6; i++) {
                cells[i] = ((Number) domains.getColumns().get(i).getCellObservableValue(d).getValue()).longValue();
            }
            assertEquals(cells[1], cells[2] + cells[3] + cells[4] + cells[5], d.domain() + ": " + headers + " "
                    + java.util.Arrays.toString(cells));
        }
    }

    private static String buttonText(javafx.scene.control.ComboBox<?> combo) {
        return combo.getButtonCell().getText();
    }

    @Test
    void deliveredAfterRetryIsALineOfTheDeliveredCardNotACardOfItsOwn(FxRobot robot) {
        HBox cards = robot.lookup("#summary-cards").queryAs(HBox.class);
        assertEquals(List.of("card-DELIVERED", "card-BOUNCED", "card-DEFERRED", "card-RECEIVED_ONLY"),
                cards.getChildren().stream().map(Node::getId).toList());
        javafx.scene.control.Label note = robot.lookup("#card-note-DELIVERED").queryAs(javafx.scene.control.Label.class);
        assertEquals("of which 6 after retry", note.getText());
        assertTrue(note.isVisible());
        assertEquals("Delivered: 48 (80 %), of which 6 after retry", cards.getChildren().getFirst().getAccessibleText());
    }

    @Test
    void theChartsSplitIsReadableWithoutItsColours(FxRobot robot) {
        // the bars' bounced/deferred/delivered split is drawn in colours only: screen readers get it in words
        VBox causes = robot.lookup("#cause-chart").queryAs(VBox.class);
        List<String> rows = causes.getChildren().stream().map(Node::getAccessibleText).toList();
        assertTrue(!rows.isEmpty() && !model.timeBuckets().isEmpty(), "the fixture has causes and times");
        assertEquals(model.causeBars().stream().map(CauseBar::text).toList(), rows);
        assertEquals(model.causes().stream().map(c -> c.label() + ": Bounced " + c.bounced() + ", Deferred "
                + c.deferred()).toList(), rows, "two causes: a bar each, with its counts in words");
        HBox time = robot.lookup("#time-chart").queryAs(HBox.class);
        assertEquals(model.timeBuckets().size(), time.getChildren().size());
        for (int i = 0; i < time.getChildren().size(); i++) {
            TimeBucket b = model.timeBuckets().get(i);
            assertEquals(b.label() + "\nDeliveries (D): " + b.delivered() + "\nDeferral attempts (T): " + b.deferred()
                    + "\nBounces (P): " + b.bounced(), time.getChildren().get(i).getAccessibleText());
            assertEquals(AccessibleRole.TEXT, time.getChildren().get(i).getAccessibleRole());
        }
    }

    /**
     * Not by colour alone (a reviewer with deuteranopia): the causes chart has a legend, which it lacked; the time
     * chart's delivered and bounced parts carry their letters (D, P) where they are large enough; the deferred parts
     * are told by their hatch (mailpath.css), not a letter.
     */
    @Test
    void theChartsSayWhichPartIsWhichBesideTheirColours(FxRobot robot) {
        HBox legend = robot.lookup("#cause-legend").queryAs(HBox.class);
        assertTrue(legend.isVisible());
        assertEquals(List.of("Bounced", "Deferred"), legend.getChildren().stream()
                .map(n -> ((javafx.scene.control.Label) n).getText()).toList());
        assertEquals(List.of("bar-bounced", "bar-deferred"), legend.getChildren().stream()
                .map(n -> ((javafx.scene.control.Label) n).getGraphic().getStyleClass().getLast()).toList());
        HBox time = robot.lookup("#time-chart").queryAs(HBox.class);
        Map<String, Set<String>> letters = new java.util.TreeMap<>();
        for (Node column : time.getChildren()) {
            for (Node part : ((VBox) column).getChildren()) {
                javafx.scene.layout.Region r = (javafx.scene.layout.Region) part;
                String kind = r.getStyleClass().getLast();
                Set<String> shown = letters.computeIfAbsent(kind, k -> new java.util.TreeSet<>());
                r.getChildrenUnmodifiable().stream().filter(Node::isVisible)
                        .map(n -> ((javafx.scene.control.Label) n).getText()).forEach(shown::add);
                boolean room = r.getHeight() >= ChartsPane.LETTER_ROOM && r.getWidth() >= ChartsPane.LETTER_ROOM;
                if (room && !kind.equals("bar-deferred")) {
                    assertEquals(1, r.getChildrenUnmodifiable().stream().filter(Node::isVisible).count(), kind);
                }
            }
        }
        // the fixture's bounces are too few an hour for a letter; a delivery's part has room
        assertEquals(Set.of("D"), letters.get("bar-delivered"), letters.toString());
        assertTrue(Set.of("P").containsAll(letters.get("bar-bounced")), letters.toString());
        assertEquals(Set.of(), letters.get("bar-deferred"), letters.toString());
    }

    /**
     * The counts the tooltips show a pointer are reachable by keys (they showed only on hover): each chart is a Tab
     * stop; the arrow keys go from part to part, the part gets the ring, its counts show in a tooltip under it and are
     * the chart's accessible text.
     */
    @Test
    void theChartsCountsAreReachableByKeys(FxRobot robot) {
        HBox time = robot.lookup("#time-chart").queryAs(HBox.class);
        VBox causes = robot.lookup("#cause-chart").queryAs(VBox.class);
        assertTrue(time.isFocusTraversable() && causes.isFocusTraversable());
        assertEquals(AccessibleRole.TEXT, time.getAccessibleRole());
        assertEquals("Left and Right arrow keys: from bar to bar.", time.getAccessibleHelp());
        robot.interact(time::requestFocus);
        assertTrue(time.getChildren().getFirst().getStyleClass().contains(ChartKeys.CURRENT));
        assertEquals(time.getChildren().getFirst().getAccessibleText(), time.getAccessibleText());
        assertEquals(time.getAccessibleText(), shownTip());
        robot.type(KeyCode.RIGHT);
        Node second = time.getChildren().get(1);
        assertTrue(second.getStyleClass().contains(ChartKeys.CURRENT));
        assertFalse(time.getChildren().getFirst().getStyleClass().contains(ChartKeys.CURRENT));
        assertEquals(second.getAccessibleText(), time.getAccessibleText());
        assertEquals(second.getAccessibleText(), shownTip());
        robot.type(KeyCode.END);
        assertEquals(time.getChildren().getLast().getAccessibleText(), time.getAccessibleText());
        robot.type(KeyCode.ESCAPE);
        assertEquals("", shownTip(), "Escape hides the tooltip (SC 1.4.13)");

        robot.interact(causes::requestFocus);
        assertFalse(time.getChildren().getLast().getStyleClass().contains(ChartKeys.CURRENT), "the ring left");
        robot.type(KeyCode.DOWN);
        assertEquals(model.causeBars().get(1).text(), causes.getAccessibleText());
        assertEquals(model.causeBars().get(1).text(), shownTip());
        robot.type(KeyCode.DOWN, 5);
        assertEquals(model.causeBars().getLast().text(), causes.getAccessibleText(), "stays on the last");
    }

    /** The text of the tooltip showing, if one is ("" if none). */
    private static String shownTip() {
        WaitForAsyncUtils.waitForFxEvents();
        return javafx.stage.Window.getWindows().stream()
                .filter(w -> w instanceof javafx.scene.control.Tooltip t && t.isShowing())
                .map(w -> ((javafx.scene.control.Tooltip) w).getText()).findFirst().orElse("");
    }

    /**
     * The time chart counts the log's D, T and P rows, not messages: its legend said "Deferred" beside a Deferred card
     * of 0 while brown bars of T rows (retries of messages later delivered) filled the hours (the visual review).
     */
    @Test
    void theTimeChartsLegendSaysItCountsEventsAndItsTooltipHowTheCardsDiffer(FxRobot robot) {
        HBox legend = robot.lookup("#time-legend").queryAs(HBox.class);
        assertEquals(List.of("Deliveries (D)", "Deferral attempts (T)", "Bounces (P)"), legend.getChildren().stream()
                .map(n -> ((javafx.scene.control.Label) n).getText()).toList());
        Object tip = legend.getProperties().get("javafx.scene.control.Tooltip");
        assertTrue(tip instanceof javafx.scene.control.Tooltip t && t.getText().startsWith("The bars count the log’s"
                + " events, not messages"), String.valueOf(tip));
        // what the legend says is what the bars count: every T row, also those of messages delivered in the end
        List<org.mailpath.engine.analysis.MessageChain> chains = session.analysis().orElseThrow().chains();
        long tRows = chains.stream().flatMap(c -> c.events().stream())
                .filter(e -> e.event() == org.mailpath.engine.log.MailEvent.TRANSIENT_FAILURE).count();
        long deferredMessages = chains.stream()
                .filter(c -> c.verdict() == org.mailpath.engine.analysis.Verdict.DEFERRED).count();
        assertTrue(tRows > deferredMessages, "the fixture retries messages it delivers: " + tRows);
        assertEquals(tRows, model.timeBuckets().stream().mapToLong(TimeBucket::deferred).sum());
    }

    @Test
    void inALowWindowTheChartsGiveTheirRoomToTheMessagesBehindAToggle(FxRobot robot) throws Exception {
        Node charts = robot.lookup("#events-charts").query();
        javafx.scene.control.ToggleButton toggle = robot.lookup("#events-charts-toggle")
                .queryAs(javafx.scene.control.ToggleButton.class);
        TableView<?> table = robot.lookup("#message-table").queryAs(TableView.class);
        assertTrue(charts.isVisible(), "760 px: room for both");
        assertTrue(!toggle.isVisible() && !toggle.isManaged(), "no toggle when the charts are shown anyway");
        // the step's height in a window at its 600 px minimum (less the wizard's header and buttons)
        robot.interact(() -> charts.getScene().getWindow().setHeight(490));
        // the window's new size reaches the layout in a later pulse
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !charts.isVisible());
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(table.getHeight() >= 200, "the table is " + table.getHeight() + " px high");
        // not hidden without a word: a closed toggle says they are there and shows them when asked
        assertTrue(toggle.isVisible() && toggle.isManaged() && !toggle.isSelected(), "the charts' toggle");
        assertEquals("Show the charts: causes and events over time", toggle.getText());
        robot.clickOn(toggle);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, charts::isVisible);
        assertEquals("Hide the charts", toggle.getText());
        robot.clickOn(toggle);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !charts.isVisible());
        robot.interact(() -> charts.getScene().getWindow().setHeight(760));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, charts::isVisible); // and they come back when there is room
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(!toggle.isVisible() && !toggle.isManaged());
    }

    @Test
    @SuppressWarnings("unchecked")
    void clickingTheTimeHeaderSortsTheMessagesByTheirFirstEvent(FxRobot robot) {
        TableView<MessageRow> table = robot.lookup("#message-table").queryAs(TableView.class);
        List<Instant> unsorted = firstTimes(table);
        List<Instant> ascending = unsorted.stream().sorted().toList();
        assertNotEquals(ascending, unsorted, "the test log must start out of time order to show the sort");

        robot.clickOn("#events-col-time");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(ascending, firstTimes(table));
        robot.clickOn("#events-col-time");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(ascending.reversed(), firstTimes(table));

        // the sorted view still follows the filters
        robot.interact(() -> model.searchProperty().set("info2"));
        assertEquals(1, table.getItems().size());
        robot.interact(model::clearFilters);
        assertEquals(ascending.reversed(), firstTimes(table));
    }

    @Test
    void whatToDoComesRightUnderTheMessageBeforeItsTimelineAndShowsWithoutScrolling(FxRobot robot) {
        robot.interact(() -> {
            model.verdictFilterProperty().set(VerdictFilter.BOUNCED);
            model.selectedProperty().set(model.visibleRows().getFirst());
        });
        WaitForAsyncUtils.waitForFxEvents();
        javafx.scene.control.ScrollPane detail = robot.lookup(".detail-scroll").queryAs(javafx.scene.control.ScrollPane.class);
        Node todo = robot.lookup("#detail-todo").query();
        Node diagnosis = robot.lookup("#detail-diagnosis").query();
        Node timeline = robot.lookup("#timeline").query();
        Node recipient = robot.lookup("#detail-recipient").query();
        assertEquals(0, detail.getVvalue(), "the pane starts at its top");
        javafx.geometry.Bounds viewport = detail.localToScene(detail.getLayoutBounds());
        javafx.geometry.Bounds todoBounds = todo.localToScene(todo.getLayoutBounds());
        assertTrue(todo.isVisible() && todoBounds.getMaxY() <= viewport.getMaxY(),
                "What to do ends at y=" + todoBounds.getMaxY() + ", the pane shows up to " + viewport.getMaxY());
        double recipientY = recipient.localToScene(recipient.getLayoutBounds()).getMaxY();
        double diagnosisY = diagnosis.localToScene(diagnosis.getLayoutBounds()).getMinY();
        double timelineY = timeline.localToScene(timeline.getLayoutBounds()).getMinY();
        assertTrue(recipientY <= diagnosisY && diagnosisY < timelineY,
                "recipient ends " + recipientY + ", diagnosis starts " + diagnosisY + ", timeline " + timelineY);
        // the copy buttons are still reached by Tab, after the diagnosis (which has nothing to focus)
        assertTrue(robot.lookup("#copy-message-id").query().isFocusTraversable());
        robot.interact(model::clearFilters);
    }

    /**
     * The copy buttons are always whole on screen: at 1280×800 they were half cut off at the foot of the detail pane,
     * which scrolls; scrolled to its end, or in a low window, they are still there to click.
     */
    @Test
    void theCopyButtonsAreWholeOnScreenHoweverTheDetailPaneIsScrolled(FxRobot robot) {
        robot.interact(() -> {
            model.verdictFilterProperty().set(VerdictFilter.BOUNCED);
            model.selectedProperty().set(model.visibleRows().getFirst());
        });
        javafx.scene.control.ScrollPane detail = robot.lookup(".detail-scroll").queryAs(javafx.scene.control.ScrollPane.class);
        for (int height : new int[] {760, 660, 560}) {
            robot.interact(() -> detail.getScene().getWindow().setHeight(height));
            WaitForAsyncUtils.waitForFxEvents();
            for (double v : new double[] {0, 1}) {
                robot.interact(() -> {
                    detail.applyCss();
                    detail.layout();
                    detail.setVvalue(v);
                    detail.layout();
                });
                WaitForAsyncUtils.waitForFxEvents();
                for (String id : List.of("#copy-message-id", "#copy-details")) {
                    Node button = robot.lookup(id).query();
                    assertTrue(button.isVisible(), id);
                    assertWholeOnScreen(button, id + " at " + height + " px, scrolled to " + v);
                }
            }
        }
        robot.interact(() -> {
            detail.getScene().getWindow().setHeight(760);
            model.clearFilters();
        });
    }

    /** {@code node} lies inside its window and inside the viewport of every scroll pane it is in. */
    private static void assertWholeOnScreen(Node node, String what) {
        javafx.geometry.Bounds b = node.localToScene(node.getLayoutBounds());
        javafx.scene.Scene scene = node.getScene();
        assertTrue(b.getMinY() >= 0 && b.getMaxY() <= scene.getHeight(), what + ": " + b + " in a scene "
                + scene.getHeight() + " high");
        for (javafx.scene.Parent p = node.getParent(); p != null; p = p.getParent()) {
            if (p instanceof javafx.scene.control.ScrollPane sp) {
                javafx.geometry.Bounds view = sp.localToScene(sp.getLayoutBounds());
                assertTrue(b.getMinY() >= view.getMinY() - 0.5 && b.getMaxY() <= view.getMaxY() + 0.5,
                        what + ": " + b + " in a scroll pane showing " + view);
            }
        }
    }

    /** The note of a message whose count rests on a guess shows under the recipient; another message has no gap. */
    @Test
    void aMessageWhoseCountRestsOnAGuessShowsItsNoteAndOthersNone(FxRobot robot) {
        MessageChain joined = TestAnalyses.delivered("ann@acme.com", 0, 0);
        MessageChain sure = TestAnalyses.delivered("cy@acme.com", 2, 0);
        robot.interact(() -> {
            session.setAnalysis(TestAnalyses.withGuesses(TestAnalyses.of(List.of(joined, sure)),
                    Map.of(joined, UnsharedIdGuess.JOINED)));
            model.selectedProperty().set(rowOf("cy@acme.com"));
        });
        javafx.scene.control.Label note = robot.lookup("#detail-guess").queryAs(javafx.scene.control.Label.class);
        assertTrue(!note.isVisible() && !note.isManaged(), "hidden, and no room kept for it");
        robot.interact(() -> model.selectedProperty().set(rowOf("ann@acme.com")));
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(note.isVisible() && note.isManaged());
        assertEquals(model.guessNoteProperty().get(), note.getText());
        assertTrue(note.getText().startsWith("Joined from two logs by a best guess"), note.getText());
    }

    private MessageRow rowOf(String recipient) {
        return model.visibleRows().stream().filter(r -> r.recipient().equals(recipient)).findFirst().orElseThrow();
    }

    @Test
    void aCellCutInANarrowWindowShowsItsWholeTextInATooltip(FxRobot robot) {
        TableView<?> table = robot.lookup("#message-table").queryAs(TableView.class);
        robot.interact(() -> table.getScene().getWindow().setWidth(700));
        WaitForAsyncUtils.waitForFxEvents();
        List<String> cut = new java.util.ArrayList<>();
        robot.interact(() -> {
            table.applyCss();
            table.layout();
            for (Node n : table.lookupAll(".table-cell")) {
                if (n instanceof TippedCell<?> cell && cell.isVisible() && !cell.isEmpty() && cell.getText() != null) {
                    String drawn = cell.getChildrenUnmodifiable().stream().filter(c -> c instanceof javafx.scene.text.Text)
                            .map(c -> ((javafx.scene.text.Text) c).getText()).findFirst().orElse("");
                    if (!drawn.equals(cell.getText())) {
                        cut.add(cell.getText());
                        assertEquals(cell.getText(), cell.tip(), "the tooltip of the cell drawn \"" + drawn + "\"");
                    } else {
                        assertEquals("", cell.tip(), "a cell shown whole needs no tooltip");
                    }
                }
            }
        });
        assertTrue(!cut.isEmpty(), "at 700 px some recipient or cause is cut");
        robot.interact(() -> table.getScene().getWindow().setWidth(1200));
    }

    @Test
    void theTimeChartsBarsSpanItsPanelAboveAnAxisFromTheFirstHourToTheLast(FxRobot robot) {
        HBox time = robot.lookup("#time-chart").queryAs(HBox.class);
        WaitForAsyncUtils.waitForFxEvents();
        Node last = time.getChildren().getLast();
        double right = last.getBoundsInParent().getMaxX();
        double room = time.getWidth() - time.snappedRightInset();
        assertTrue(right >= room - 1, "the last bar ends at " + right + " of " + room);
        double first = time.getChildren().getFirst().getBoundsInParent().getWidth();
        assertTrue(Math.abs(first - last.getBoundsInParent().getWidth()) <= 1, "the bars are as wide as each other");
        TimeAxis axis = model.timeAxisProperty().get();
        assertEquals(axis.start(), robot.lookup("#time-axis-start").queryAs(javafx.scene.control.Label.class).getText());
        assertEquals(axis.end(), robot.lookup("#time-axis-end").queryAs(javafx.scene.control.Label.class).getText());
        assertEquals("One bar per hour", robot.lookup("#time-axis-step").queryAs(javafx.scene.control.Label.class)
                .getText());
        Node start = robot.lookup("#time-axis-start").query();
        Node end = robot.lookup("#time-axis-end").query();
        // the axis's ends under the chart's ends
        assertTrue(Math.abs(start.localToScene(start.getLayoutBounds()).getMinX()
                - time.localToScene(time.getLayoutBounds()).getMinX()) <= 1);
        assertTrue(Math.abs(end.localToScene(end.getLayoutBounds()).getMaxX()
                - time.localToScene(time.getLayoutBounds()).getMaxX()) <= 1);
    }

    private static List<Instant> firstTimes(TableView<MessageRow> table) {
        return table.getItems().stream().map(r -> r.chain().events().getFirst().time()).toList();
    }

    /**
     * The Messages/Domains tabs read as tabs: the chosen one is marked by a band under it, not drawn as a box with an
     * edge around its label, which beside the search field looked like another field to type in.
     */
    @Test
    void theChosenTabIsUnderlinedNotBoxedLikeAField(FxRobot robot) {
        robot.interact(() -> {
            javafx.application.Application.setUserAgentStylesheet(new atlantafx.base.theme.PrimerLight()
                    .getUserAgentStylesheet());
            Node root = robot.lookup(".events-view").query();
            root.getScene().getRoot().applyCss();
            root.getScene().getRoot().layout();
        });
        javafx.scene.layout.Region tab = robot.lookup(".events-view .tab:selected").query();
        javafx.scene.layout.Region container = (javafx.scene.layout.Region) tab.lookup(".tab-container");
        boolean edged = container.getBorder() != null && container.getBorder().getStrokes().stream()
                .anyMatch(st -> st.getWidths().getTop() > 0 && ((javafx.scene.paint.Color) st.getTopStroke())
                        .getOpacity() > 0);
        assertFalse(edged, "the chosen tab's label has an edge around it: " + container.getBorder());
        boolean filled = container.getBackground() != null && container.getBackground().getFills().stream()
                .anyMatch(f -> f.getFill() instanceof javafx.scene.paint.Color c && c.getOpacity() > 0);
        assertFalse(filled, "the chosen tab's label sits on a card of its own: " + container.getBackground());
        // the band: the tab's first fill shows below its second, which leaves its bottom pixels uncovered
        List<javafx.scene.layout.BackgroundFill> fills = tab.getBackground().getFills();
        assertTrue(fills.size() >= 2 && fills.get(1).getInsets().getBottom() >= 2
                && ((javafx.scene.paint.Color) fills.getFirst().getFill()).getOpacity() > 0, fills.toString());
    }
}
