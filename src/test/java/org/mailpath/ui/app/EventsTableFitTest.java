package org.mailpath.ui.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.text.Text;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The Events step's message table at 1024×640 and 1280×800, in every offered language: no column header is cut (at
 * 1024 px the Events header was drawn "Ev…"), no time is cut, at 1280×800 the common causes are shown whole (the
 * sample's most common cause was drawn "Recipient does not …"), at 1280×800 no result is cut ("Received o…"), at
 * both sizes a recipient is shown up to its domain's name ("nobody@cont…" when the results took the width at
 * 1024 px), and a cell cut all the same (a long result at 1024 px among them) has its whole text in a tooltip.
 */
@ExtendWith(ApplicationExtension.class)
class EventsTableFitTest {

    @ParameterizedTest
    @MethodSource("org.mailpath.testing.TestLanguages#everyLanguage")
    void headersAndTimesAreWholeAndACutCellSaysItAllInItsTooltip(String language, FxRobot robot) throws Exception {
        TestApps.Running running = TestApps.Running.onEventsOfTheSample(Locale.forLanguageTag(language), robot);
        try {
            AppContext app = running.app();
            List<String> cut = new ArrayList<>();
            // 1280×800 first, as the app opens: a window grown from 1024 px shares the new room in proportion to the
            // columns' widths then, not their preferred ones, and its cut cells have their tooltips
            for (int[] size : new int[][] {{1280, 800}, {1024, 640}}) {
                TestApps.resize(robot, app, size[0], size[1]);
                WaitForAsyncUtils.waitForFxEvents();
                String where = size[0] + "×" + size[1];
                robot.interact(() -> collect(app.scene().getRoot(), where, cut));
                // at 1280 px every result of the log is whole ("Received o…", "Delivered af…" were cut); at 1024 px a
                // long one ("Delivered after 2 retries") may be cut, its tooltip whole, so that the recipients are
                // not ("nobody@cont…"): the table shows each kind under its own filter
                boolean wide = size[0] == 1280;
                for (org.mailpath.ui.events.VerdictFilter filter : org.mailpath.ui.events.VerdictFilter.values()) {
                    robot.interact(() -> app.eventsModel().verdictFilterProperty().set(filter));
                    WaitForAsyncUtils.waitForFxEvents();
                    robot.interact(() -> cutResults(app.scene().getRoot(), where + " " + filter, wide, cut));
                }
                // the recipient shown up to its domain's name at both sizes ("nobody@cont…" when the results took
                // the width at 1024 px), the whole address in its tooltip (bounces first, as the tour shows them)
                robot.interact(() -> app.eventsModel().verdictFilterProperty().set(
                        org.mailpath.ui.events.VerdictFilter.BOUNCED));
                WaitForAsyncUtils.waitForFxEvents();
                robot.interact(() -> {
                    app.scene().getRoot().applyCss();
                    app.scene().getRoot().layout();
                    List<String> recipients = drawnIn(app.scene().getRoot(), "events-col-recipient");
                    if (recipients.stream().noneMatch(r -> r.startsWith("nobody@contoso."))) {
                        cut.add(where + ": recipients drawn " + recipients);
                    }
                });
                robot.interact(() -> app.eventsModel().clearFilters());
                if (size[0] == 1280 && "en".equals(language)) {
                    // the sample's bounces first, as the tour shows them
                    robot.interact(() -> app.eventsModel().verdictFilterProperty().set(
                            org.mailpath.ui.events.VerdictFilter.BOUNCED));
                    WaitForAsyncUtils.waitForFxEvents();
                    List<String> causes = new ArrayList<>();
                    robot.interact(() -> causes.addAll(drawnCauses(app.scene().getRoot())));
                    assertTrue(causes.contains("Recipient unknown or refused"), "causes drawn at 1280×800: " + causes);
                    robot.interact(() -> app.eventsModel().clearFilters());
                }
            }
            assertEquals(List.of(), cut);
        } finally {
            running.close();
        }
    }

    /**
     * The causes chart, opened with its toggle at 1024×640: every count is whole (the "Other causes" count of the
     * sample, 10, was drawn "…").
     */
    @ParameterizedTest
    @MethodSource("org.mailpath.testing.TestLanguages#everyLanguage")
    void theCausesCountsAreWholeInASmallWindow(String language, FxRobot robot) throws Exception {
        TestApps.Running running = TestApps.Running.onEventsOfTheSample(Locale.forLanguageTag(language), robot);
        try {
            AppContext app = running.app();
            TestApps.resize(robot, app, 1024, 640);
            WaitForAsyncUtils.waitForFxEvents();
            robot.interact(() -> ((javafx.scene.control.ToggleButton) app.scene().getRoot()
                    .lookup("#events-charts-toggle")).setSelected(true));
            WaitForAsyncUtils.waitForFxEvents();
            List<String> cut = new ArrayList<>();
            robot.interact(() -> {
                Parent root = app.scene().getRoot();
                root.applyCss();
                root.layout();
                Node other = root.lookup("#cause-other");
                assertTrue(other != null && other.isVisible(), "the sample has other causes, shown in the chart");
                for (Node n : ((Parent) other).getChildrenUnmodifiable()) {
                    if (n instanceof Label l && !drawn(l).equals(l.getText())) {
                        cut.add("\"" + l.getText() + "\" drawn as \"" + drawn(l) + "\"");
                    }
                }
            });
            assertEquals(List.of(), cut);
        } finally {
            running.close();
        }
    }

    /**
     * The Domains tab at 1024×640 and 1280×800, in every offered language: every header and count whole and inside
     * the table (at 1024 px the Swedish "Endast mottaget" was cut and its counts drawn past the table's edge), and the
     * domain column wide enough for the sample's domains ("fabrika…": the count columns had taken its width).
     */
    @ParameterizedTest
    @MethodSource("org.mailpath.testing.TestLanguages#everyLanguage")
    void theDomainsTabShowsItsDomainsAndCountsWhole(String language, FxRobot robot) throws Exception {
        TestApps.Running running = TestApps.Running.onEventsOfTheSample(Locale.forLanguageTag(language), robot);
        try {
            AppContext app = running.app();
            robot.interact(() -> domainsTab(app.scene().getRoot()).getSelectionModel().select(1));
            List<String> cut = new ArrayList<>();
            for (int[] size : new int[][] {{1280, 800}, {1024, 640}}) {
                TestApps.resize(robot, app, size[0], size[1]);
                WaitForAsyncUtils.waitForFxEvents();
                String where = size[0] + "×" + size[1];
                robot.interact(() -> collectDomains(app.scene().getRoot(), where, cut));
            }
            // sorted by its last column, whose arrow then takes room beside its title
            robot.interact(() -> {
                TableView<?> table = (TableView<?>) app.scene().getRoot().lookup("#domain-table");
                sortBy(table, table.getColumns().getLast());
            });
            WaitForAsyncUtils.waitForFxEvents();
            robot.interact(() -> collectDomains(app.scene().getRoot(), "1024×640 sorted", cut));
            assertEquals(List.of(), cut);
        } finally {
            running.close();
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static void sortBy(TableView table, TableColumn column) {
        table.getSortOrder().setAll(column);
    }

    private static javafx.scene.control.TabPane domainsTab(Parent root) {
        for (Node n : root.lookupAll(".tab-pane")) {
            if (n instanceof javafx.scene.control.TabPane tabs && tabs.getTabs().size() == 2
                    && tabs.getTabs().get(1).getContent().lookup("#domain-table") != null) {
                return tabs;
            }
        }
        throw new AssertionError("no Domains tab");
    }

    private static void collectDomains(Parent root, String where, List<String> cut) {
        root.applyCss();
        root.layout();
        TableView<?> table = (TableView<?>) root.lookup("#domain-table");
        assertTrue(table.getWidth() > 300, where + ": the domain table is " + table.getWidth() + " px wide");
        double columns = 0;
        for (TableColumn<?, ?> c : table.getColumns()) {
            columns += c.getWidth();
        }
        // the columns inside the table (its border and a vertical scroll bar aside), none drawn past its edge
        if (columns > table.getWidth()) {
            cut.add(where + ": the columns take " + columns + " px of a table " + table.getWidth() + " px wide");
        }
        for (Node n : table.lookupAll(".column-header")) {
            if (n.isVisible() && n.getId() != null && n.getId().startsWith("domains-col-")) {
                Label title = (Label) n.lookup(".label");
                String drawn = drawn(title);
                if (!drawn.equals(title.getText())) {
                    cut.add(where + ": header \"" + title.getText() + "\" drawn as \"" + drawn + "\"");
                }
            }
        }
        for (Node n : table.lookupAll(".table-cell")) {
            if (n instanceof TableCell<?, ?> cell && cell.isVisible() && !cell.isEmpty() && cell.getText() != null
                    && !cell.getText().isEmpty() && !drawn(cell).equals(cell.getText())) {
                cut.add(where + ": \"" + cell.getText() + "\" drawn as \"" + drawn(cell) + "\" in "
                        + cell.getTableColumn().getId() + " (" + cell.getTableColumn().getWidth() + " px)");
            }
        }
    }

    private static void collect(Parent root, String where, List<String> cut) {
        root.applyCss();
        root.layout();
        TableView<?> table = (TableView<?>) root.lookup("#message-table");
        assertTrue(table.getWidth() > 300, where + ": the table is " + table.getWidth() + " px wide");
        for (Node n : table.lookupAll(".column-header")) {
            if (n.isVisible() && n.getId() != null && n.getId().startsWith("events-col-")) {
                Label title = (Label) n.lookup(".label");
                String drawn = drawn(title);
                if (!drawn.equals(title.getText())) {
                    cut.add(where + ": header \"" + title.getText() + "\" drawn as \"" + drawn + "\"");
                }
            }
        }
        for (Node n : table.lookupAll(".table-cell")) {
            if (!(n instanceof TableCell<?, ?> cell) || !cell.isVisible() || cell.isEmpty() || cell.getText() == null
                    || cell.getText().isEmpty()) {
                continue;
            }
            TableColumn<?, ?> column = cell.getTableColumn();
            String drawn = drawn(cell);
            boolean whole = drawn.equals(cell.getText());
            if ("events-col-time".equals(column.getId()) && !whole) {
                cut.add(where + ": time \"" + cell.getText() + "\" drawn as \"" + drawn + "\"");
            }
            String tip = cell.getTooltip() == null ? "" : cell.getTooltip().getText();
            if (!whole && !tip.equals(cell.getText()) && !"events-col-events".equals(column.getId())) {
                cut.add(where + ": \"" + cell.getText() + "\" drawn as \"" + drawn + "\" has the tooltip \"" + tip + "\"");
            }
        }
    }

    /** The results drawn cut: any where {@code wide}, else those without their whole text in a tooltip. */
    private static void cutResults(Parent root, String where, boolean wide, List<String> cut) {
        root.applyCss();
        root.layout();
        for (Node n : root.lookup("#message-table").lookupAll(".table-cell")) {
            if (n instanceof TableCell<?, ?> cell && cell.isVisible() && !cell.isEmpty() && cell.getText() != null
                    && !cell.getText().isEmpty() && "events-col-verdict".equals(cell.getTableColumn().getId())
                    && !drawn(cell).equals(cell.getText())) {
                String tip = cell.getTooltip() == null ? "" : cell.getTooltip().getText();
                if (wide || !tip.equals(cell.getText())) {
                    cut.add(where + ": result \"" + cell.getText() + "\" drawn as \"" + drawn(cell)
                            + "\" with the tooltip \"" + tip + "\"");
                }
            }
        }
    }

    private static List<String> drawnCauses(Parent root) {
        return drawnIn(root, "events-col-cause");
    }

    /** The texts drawn in the visible cells of the message table's column {@code columnId}. */
    private static List<String> drawnIn(Parent root, String columnId) {
        List<String> drawn = new ArrayList<>();
        for (Node n : root.lookup("#message-table").lookupAll(".table-cell")) {
            if (n instanceof TableCell<?, ?> cell && cell.isVisible() && !cell.isEmpty()
                    && cell.getText() != null && !cell.getText().isEmpty()
                    && columnId.equals(cell.getTableColumn().getId())) {
                drawn.add(drawn(cell));
            }
        }
        return drawn;
    }

    private static String drawn(Parent labeled) {
        for (Node child : labeled.getChildrenUnmodifiable()) {
            if (child instanceof Text t) {
                return t.getText();
            }
        }
        return "";
    }
}
