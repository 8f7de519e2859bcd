package org.mailpath.ui.events;

import atlantafx.base.theme.Styles;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.AccessibleRole;
import javafx.scene.Node;
import javafx.scene.input.KeyCode;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.mailpath.engine.log.MailEvent;
import org.mailpath.engine.report.ReportTexts;
import org.mailpath.ui.common.Messages;

/** The charts above the table: the causes of the bounces and deferrals, and the events over time. */
final class ChartsPane {

    /**
     * Between two segments of a bar: red, amber and green side by side have less than 3:1 between them, and each has
     * 3:1 against the panel, so a gap showing the panel sets them apart (WCAG 2.2 SC 1.4.11, Understanding Non-text
     * Contrast's pie chart with gaps, https://www.w3.org/WAI/WCAG22/Understanding/non-text-contrast.html#graphical-objects;
     * technique G209, https://www.w3.org/WAI/WCAG22/Techniques/general/G209). Two pixels: one could blur into its
     * neighbours when the screen scales by a fraction.
     */
    static final double SEGMENT_GAP = 2;
    /** The causes chart's name column and its longest bar, in px: together no wider than before the names grew. */
    private static final double CAUSE_NAME_WIDTH = 255;
    private static final double CAUSE_BAR_WIDTH = 135;
    /** The least height and width of a time column's part that shows its letter (D, P), in px. */
    static final double LETTER_ROOM = 14;

    private final EventsViewModel model;
    private final Messages messages;
    private final Node root;

    ChartsPane(EventsViewModel model, Messages messages) {
        this.model = model;
        this.messages = messages;
        root = charts();
    }

    /** The two charts side by side, drawn with plain regions: calm, theme-aware and cheap. */
    Node root() {
        return root;
    }

    private Node charts() {
        VBox causes = panel(messages.get("events.causes.title"));
        VBox causeBars = new VBox(6);
        causeBars.setId("cause-chart");
        // the reach of the keys' ring around a row (ChartKeys): not cut by the panel's edge
        causeBars.setPadding(new Insets(2, 0, 2, 0));
        Runnable drawCauses = () -> drawCauses(causeBars);
        model.causeBars().addListener((ListChangeListener<CauseBar>) c -> drawCauses.run());
        drawCauses.run();
        ChartKeys.install(causeBars, KeyCode.UP, KeyCode.DOWN, messages.get("events.causes.keys"));
        // which part of a bar is which: the reviewer with deuteranopia could not tell them apart without it
        HBox causeLegend = new HBox(14, legend("bounced", "events.causes.bounced"),
                legend("deferred", "events.causes.deferred"));
        causeLegend.setId("cause-legend");
        causeLegend.visibleProperty().bind(Bindings.isNotEmpty(model.causeBars()));
        causeLegend.managedProperty().bind(causeLegend.visibleProperty());
        // beside the title, not under the bars: a line more would take the messages' room; under it when narrow
        Node causeTitle = causes.getChildren().removeFirst();
        javafx.scene.layout.FlowPane head = new javafx.scene.layout.FlowPane(20, 4, causeTitle, causeLegend);
        head.setAlignment(Pos.CENTER_LEFT);
        causes.getChildren().addAll(head, causeBars);

        VBox time = panel(messages.get("events.time.title"));
        HBox timeBars = new HBox(2);
        timeBars.setId("time-chart");
        timeBars.setAlignment(Pos.BOTTOM_LEFT);
        timeBars.setPrefHeight(96);
        timeBars.setMinHeight(96);
        Runnable drawTime = () -> drawTime(timeBars);
        model.timeBuckets().addListener((ListChangeListener<TimeBucket>) c -> drawTime.run());
        model.timeChartNoteProperty().addListener((o, a, b) -> drawTime.run());
        drawTime.run();
        ChartKeys.install(timeBars, KeyCode.LEFT, KeyCode.RIGHT, messages.get("events.time.keys"));
        HBox legend = new HBox(14, legend("delivered", "events.time.delivered"), legend("deferred", "events.time.deferred"),
                legend("bounced", "events.time.bounced"));
        // the legend names events (D, T, P), which the cards above count as messages: "Deferral attempts" beside a
        // Deferred card of 0 reads as a contradiction unless said
        legend.setId("time-legend");
        Tooltip.install(legend, new Tooltip(messages.get("events.time.legend.tooltip")));
        time.getChildren().addAll(timeBars, timeAxis(), legend);

        HBox.setHgrow(causes, Priority.ALWAYS);
        HBox.setHgrow(time, Priority.ALWAYS);
        causes.setPrefWidth(420);
        time.setPrefWidth(520);
        return new HBox(12, causes, time);
    }

    /**
     * Under the bars: where the first starts and the last ends, in UTC as Formats writes times, and how long a bar
     * is. Without it the chart could not be read (which hours? how long a log?).
     */
    private Node timeAxis() {
        Label start = axisLabel("time-axis-start");
        Label step = axisLabel("time-axis-step");
        Label end = axisLabel("time-axis-end");
        Runnable show = () -> {
            TimeAxis axis = model.timeAxisProperty().get();
            start.setText(axis.start());
            step.setText(axis.step());
            end.setText(axis.end());
        };
        model.timeAxisProperty().addListener((o, a, b) -> show.run());
        show.run();
        Region left = new Region();
        Region right = new Region();
        HBox.setHgrow(left, Priority.ALWAYS);
        HBox.setHgrow(right, Priority.ALWAYS);
        HBox axis = new HBox(8, start, left, step, right, end);
        axis.setId("time-axis");
        axis.getStyleClass().add("time-axis");
        axis.visibleProperty().bind(Bindings.isNotEmpty(model.timeBuckets()));
        axis.managedProperty().bind(axis.visibleProperty());
        return axis;
    }

    private static Label axisLabel(String id) {
        Label l = new Label();
        l.setId(id);
        l.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED);
        l.setMinWidth(Region.USE_PREF_SIZE);
        return l;
    }

    private VBox panel(String title) {
        Label l = new Label(title);
        l.getStyleClass().add("panel-title");
        VBox box = new VBox(8, l);
        box.getStyleClass().add("panel");
        box.setPadding(new Insets(10, 14, 10, 14));
        return box;
    }

    private Node legend(String kind, String key) {
        Region swatch = new Region();
        swatch.getStyleClass().addAll("swatch", "bar-" + kind);
        Label l = new Label(messages.get(key), swatch);
        l.getStyleClass().add(Styles.TEXT_SMALL);
        return l;
    }

    private void drawCauses(VBox box) {
        if (model.causeBars().isEmpty()) {
            Label none = new Label(messages.get("events.causes.none"));
            none.getStyleClass().add(Styles.TEXT_MUTED);
            box.getChildren().setAll(none);
            return;
        }
        // set at once: each change of the children runs ChartKeys' listener over all of them
        List<Node> rows = new ArrayList<>();
        long max = model.causeBars().stream().mapToLong(CauseBar::total).max().orElse(1);
        for (CauseBar cause : model.causeBars()) {
            // wide enough for the reports' cause names ("Authentication (SPF/DKIM/DMARC)"); the row's tooltip has it
            // whole in any case
            Label name = new Label(cause.label());
            name.setMinWidth(CAUSE_NAME_WIDTH);
            name.setPrefWidth(CAUSE_NAME_WIDTH);
            HBox bars = new HBox(SEGMENT_GAP);
            if (cause.bounced() > 0) {
                bars.getChildren().add(bar("bar-bounced", cause.bounced(), max, CAUSE_BAR_WIDTH));
            }
            if (cause.deferred() > 0) {
                bars.getChildren().add(bar("bar-deferred", cause.deferred(), max, CAUSE_BAR_WIDTH));
            }
            Label count = new Label(ReportTexts.of(messages.locale()).count(cause.total()));
            count.getStyleClass().add(Styles.TEXT_MUTED);
            // the count keeps its digits: in a 1024 px window the row was short of room and "Other causes" showed "…"
            count.setMinWidth(Region.USE_PREF_SIZE);
            HBox row = new HBox(8, name, bars, count);
            row.setAlignment(Pos.CENTER_LEFT);
            if (cause.gathered()) {
                // what "Other causes" holds is in its tooltip (and accessible text); the cause filter lists them all
                row.setId("cause-other");
            }
            described(row, cause.text());
            rows.add(row);
        }
        box.getChildren().setAll(rows);
    }

    /**
     * A chart part's counts, which its colours alone would tell (WCAG 2.2 SC 1.4.1): in a tooltip for the mouse, and
     * as the node's accessible text for screen readers.
     */
    private static void described(Node part, String counts) {
        Tooltip.install(part, new Tooltip(counts));
        part.setAccessibleRole(AccessibleRole.TEXT);
        part.setAccessibleText(counts);
    }

    private static Region bar(String style, long value, long max, double width) {
        Region r = new Region();
        r.getStyleClass().addAll("bar", style);
        double w = max == 0 ? 0 : width * value / max;
        r.setMinSize(w, 12);
        r.setPrefSize(w, 12);
        r.setMaxSize(w, 12);
        return r;
    }

    private void drawTime(HBox box) {
        if (model.timeBuckets().isEmpty() && !model.timeChartNoteProperty().get().isEmpty()) {
            // a log of only R rows: said why the chart is blank, as the causes chart says it has none
            Label none = new Label(model.timeChartNoteProperty().get());
            none.setId("time-chart-none");
            none.getStyleClass().add(Styles.TEXT_MUTED);
            none.setWrapText(true);
            box.getChildren().setAll(none);
            return;
        }
        // set at once: each change of the children runs ChartKeys' listener over all of them
        List<Node> columns = new ArrayList<>();
        long max = model.timeBuckets().stream().mapToLong(b -> b.delivered() + b.deferred() + b.bounced()).max().orElse(1);
        double height = 90;
        for (TimeBucket b : model.timeBuckets()) {
            VBox column = new VBox(SEGMENT_GAP);
            column.setAlignment(Pos.BOTTOM_CENTER);
            if (b.bounced() > 0) {
                column.getChildren().add(vbar("bar-bounced", b.bounced(), max, height, MailEvent.PERMANENT_FAILURE));
            }
            if (b.deferred() > 0) {
                column.getChildren().add(vbar("bar-deferred", b.deferred(), max, height, MailEvent.TRANSIENT_FAILURE));
            }
            if (b.delivered() > 0) {
                column.getChildren().add(vbar("bar-delivered", b.delivered(), max, height, MailEvent.DELIVERED));
            }
            // every bar as wide as the others and together as wide as the panel: its width stands for the log's
            // period, from the axis's start to its end (bars at most 64 px wide filled only its left third)
            column.setMinWidth(1);
            column.setPrefWidth(1);
            column.setMaxWidth(Double.MAX_VALUE);
            HBox.setHgrow(column, Priority.ALWAYS);
            described(column, b.label() + "\n" + messages.get("events.time.delivered") + ": "
                    + b.delivered() + "\n" + messages.get("events.time.deferred") + ": " + b.deferred() + "\n"
                    + messages.get("events.time.bounced") + ": " + b.bounced());
            columns.add(column);
        }
        box.getChildren().setAll(columns);
    }

    /**
     * A part of a time column. Besides its colour (mailpath.css: each kind of a lightness of its own, the deferrals
     * hatched), a delivery's and a bounce's part carries the log's letter where it is large enough to read: a column
     * of one kind has no neighbour to compare its lightness with.
     */
    private static Region vbar(String style, long value, long max, double height, MailEvent event) {
        StackPane r = new StackPane();
        r.getStyleClass().addAll("bar", style);
        double h = max == 0 ? 0 : height * value / max;
        r.setMinHeight(h);
        r.setPrefHeight(h);
        r.setMaxHeight(h);
        r.setMinWidth(0);
        r.setMaxWidth(Double.MAX_VALUE);
        if (event != MailEvent.TRANSIENT_FAILURE && h >= LETTER_ROOM) {
            Label letter = new Label(String.valueOf(event.letter()));
            letter.getStyleClass().add("bar-letter");
            letter.setMinSize(0, 0);
            // hidden, not cut, in a column too narrow for it (a long log's many hours)
            letter.visibleProperty().bind(r.widthProperty().greaterThanOrEqualTo(LETTER_ROOM));
            r.getChildren().add(letter);
        }
        return r;
    }
}
