package org.mailpath.ui.events;

import atlantafx.base.theme.Styles;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.control.ToggleButton;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;
import org.mailpath.ui.common.FilterRow;
import org.mailpath.ui.common.Messages;
import org.mailpath.ui.common.StepFocus;

/**
 * Step 2 on screen. Every text that comes from the log goes into plain labels and cells (never parsed).
 * <p>
 * The view lays out its parts: the cards ({@link SummaryCardRow}), the charts ({@link ChartsPane}), the search and
 * filters ({@link FilterBar}) above the messages ({@link MessageTable}), the Domains tab ({@link DomainTable}) and the
 * selected message ({@link TimelinePane}).
 */
public final class EventsView {

    /** The least height kept for the tabs, filters and table (about seven rows) before the charts give way. */
    static final double MIN_TABLE_AREA = 300;

    private final EventsViewModel model;
    private final Messages messages;
    private final StackPane root = new StackPane();

    public EventsView(EventsViewModel model, Messages messages) {
        this.model = model;
        this.messages = messages;
        Label empty = new Label(messages.get("events.empty"));
        empty.getStyleClass().addAll(Styles.TITLE_4, Styles.TEXT_MUTED);
        empty.visibleProperty().bind(model.emptyProperty());
        Node cards = new SummaryCardRow(model, messages).root();
        Node charts = new ChartsPane(model, messages).root();
        charts.setId("events-charts");
        ToggleButton chartsToggle = chartsToggle();
        VBox content = new VBox(14, cards, chartsToggle, charts, body()) {
            @Override
            protected void layoutChildren() {
                // In a low window the charts give their room to the messages: at the 600 px minimum the table showed
                // one and a half rows below them. The cards still give the counts; the cause is a column and a filter.
                // They are not hidden without a word: a closed toggle says they are there and shows them when asked.
                // Decided here, where the charts' height for the log now shown is known.
                boolean room = getHeight() - snappedTopInset() - snappedBottomInset() - cards.prefHeight(-1)
                        - charts.prefHeight(-1) - 2 * getSpacing() >= MIN_TABLE_AREA;
                boolean shown = room || chartsToggle.isSelected();
                if (chartsToggle.isManaged() == room) {
                    chartsToggle.setManaged(!room);
                    chartsToggle.setVisible(!room);
                }
                if (charts.isManaged() != shown) {
                    charts.setManaged(shown);
                    charts.setVisible(shown);
                }
                super.layoutChildren();
            }
        };
        chartsToggle.selectedProperty().addListener(o -> content.requestLayout());
        content.setPadding(new Insets(16, 20, 12, 20));
        content.visibleProperty().bind(model.emptyProperty().not());
        root.getChildren().addAll(content, empty);
        root.getStyleClass().add("events-view");
        // the messages are what the step is for: a keyboard user lands in their list, not on the first count card
        StepFocus.mainControl(root, () -> java.util.Optional.ofNullable(root.lookup("#message-table")));
    }

    public Node root() {
        return root;
    }

    /** Shown in a window too low for the charts and the messages: closed, it keeps the charts' room for the table. */
    private ToggleButton chartsToggle() {
        ToggleButton toggle = new ToggleButton();
        toggle.setId("events-charts-toggle");
        toggle.getStyleClass().addAll(Styles.FLAT, Styles.SMALL);
        toggle.setMnemonicParsing(false);
        toggle.setManaged(false);
        toggle.setVisible(false);
        FontIcon closed = new FontIcon(Material2AL.CHEVRON_RIGHT);
        FontIcon open = new FontIcon(Material2AL.EXPAND_MORE);
        Runnable show = () -> {
            toggle.setText(messages.get(toggle.isSelected() ? "events.charts.hide" : "events.charts.show"));
            toggle.setGraphic(toggle.isSelected() ? open : closed);
        };
        toggle.selectedProperty().addListener(o -> show.run());
        show.run();
        return toggle;
    }

    // ---- table and details

    private Node body() {
        Tab messagesTab = new Tab(messages.get("events.tab.messages"), messagesPane());
        TabPane tabs = new TabPane(messagesTab, new Tab(messages.get("events.tab.domains"),
                DomainTable.of(model, messages, () -> tabs().getSelectionModel().select(messagesTab))));
        this.tabs = tabs;
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        // The theme's plain tabs, underlined when chosen, as the DNS step's: the floating style drew the chosen tab as
        // a white box with a rounded edge, which beside the search field read as another field to type in.
        TimelinePane timeline = new TimelinePane(model, messages);
        ScrollPane scroll = new ScrollPane(timeline.root());
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add("detail-scroll");
        VBox.setVgrow(scroll, Priority.ALWAYS);
        VBox detail = new VBox(timeline.head(), scroll);
        detail.getStyleClass().add("detail-side");
        SplitPane split = new SplitPane(tabs, detail);
        split.setOrientation(Orientation.HORIZONTAL);
        // the message table gets the larger part: its recipients and causes are what the admin scans
        split.setDividerPositions(0.68);
        VBox.setVgrow(split, Priority.ALWAYS);
        return split;
    }

    private Node messagesPane() {
        FilterRow filters = new FilterBar(model, messages).root();
        TableView<MessageRow> table = MessageTable.of(model, messages);
        VBox.setVgrow(table, Priority.ALWAYS);
        Label count = new Label();
        count.textProperty().bind(model.countTextProperty());
        count.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED);
        // rows the reader rejected are in no count here: said beside the count, not left to the Import step alone
        Label rejected = new Label();
        rejected.setId("events-rejected");
        rejected.textProperty().bind(model.rejectedNoticeProperty());
        rejected.setGraphic(new FontIcon(Material2MZ.WARNING));
        rejected.getGraphic().getStyleClass().add("state-warning");
        rejected.getStyleClass().add(Styles.TEXT_SMALL);
        // wrapped, not cut: beside the count it was "… The Import ste…" in a 1024 px window
        rejected.setWrapText(true);
        rejected.setMinWidth(0);
        rejected.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(rejected, Priority.ALWAYS);
        // as tall as its lines: the column shrinks the table, not the notice, when room is short
        rejected.setMinHeight(Region.USE_PREF_SIZE);
        rejected.visibleProperty().bind(Bindings.isNotEmpty(model.rejectedNoticeProperty()));
        rejected.managedProperty().bind(rejected.visibleProperty());
        count.setMinWidth(Region.USE_PREF_SIZE);
        HBox countRow = new HBox(16, count, rejected);
        countRow.setAlignment(Pos.CENTER_LEFT);
        countRow.setMinHeight(Region.USE_PREF_SIZE);
        VBox box = new VBox(8, filters, table, countRow);
        box.setPadding(new Insets(8, 0, 0, 0));
        return box;
    }

    private TabPane tabs;

    private TabPane tabs() {
        return tabs;
    }
}
