package org.mailpath.ui.events;

import atlantafx.base.theme.Styles;
import atlantafx.base.theme.Tweaks;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.SetChangeListener;
import javafx.collections.transformation.SortedList;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.controlsfx.control.CheckComboBox;
import org.mailpath.engine.status.Category;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;
import org.mailpath.engine.analysis.DomainSummary;
import org.mailpath.ui.common.CellWidths;
import org.mailpath.ui.common.FilterRow;
import org.mailpath.ui.common.Formats;
import org.mailpath.ui.common.IconButtons;
import org.mailpath.ui.common.Labels;
import org.mailpath.ui.common.Messages;
import org.mailpath.ui.common.StepFocus;
import org.mailpath.ui.common.TableRoom;
import org.mailpath.ui.common.TippedCell;

/** Step 2 on screen. Every text that comes from the log goes into plain labels and cells (never parsed). */
public final class EventsView {

    /** The least height kept for the tabs, filters and table (about seven rows) before the charts give way. */
    static final double MIN_TABLE_AREA = 300;

    /**
     * The share of their designed widths the recipients and causes keep beside whole results, at the least: the
     * Result column is widened for whole results ("Delivered after 2 retries") only where it leaves them that much.
     * With the sample they keep 77–90 % at 1280×800 (results whole, recipients shown to "nobody@contoso.") and would
     * keep 39–52 % at 1024 px ("nobody@cont…"), in Swedish and English; the width that follows is measured for each
     * log's results and each language's titles (see the message table), where a fixed 740 px table suited one.
     */
    private static final double KEPT_BESIDE_RESULTS = 0.75;

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
                domainTable(() -> tabs().getSelectionModel().select(messagesTab))));
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
        TextField search = new TextField();
        search.setId("events-search");
        // a short prompt: the field is narrow beside the filters and a long one was cut without an ellipsis
        search.setPromptText(messages.get("events.search.prompt"));
        search.setTooltip(new Tooltip(messages.get("events.search.tooltip")));
        search.textProperty().bindBidirectional(model.searchProperty());
        search.setOnAction(e -> e.consume());

        // each filter as wide as its choice (see ChoiceWidth and FilterRow)
        ComboBox<VerdictFilter> verdict = ChoiceWidth.comboBox(FXCollections.observableArrayList(VerdictFilter.values()));
        verdict.setId("events-verdict-filter");
        verdict.valueProperty().bindBidirectional(model.verdictFilterProperty());
        verdict.setConverter(new StringConverter<>() {
            @Override
            public String toString(VerdictFilter f) {
                return f == null ? "" : messages.get("events.filter." + f.name());
            }

            @Override
            public VerdictFilter fromString(String s) {
                return VerdictFilter.ALL;
            }
        });

        ComboBox<String> domain = ChoiceWidth.comboBox(model.domainChoices());
        domain.setId("events-domain-filter");
        domain.valueProperty().bindBidirectional(model.domainFilterProperty());
        Function<String, String> domainText = d -> d == null || d.isEmpty() ? messages.get("events.filter.allDomains")
                : EventsViewModel.shownDomain(d);
        domain.setButtonCell(textCell(domainText));
        // The skin writes a value missing from the list through the converter, not the cell: a combo built before its
        // first log (the step is built ahead) kept that empty text once the log's list came, where "All domains" belongs.
        domain.setConverter(new StringConverter<>() {
            @Override
            public String toString(String d) {
                return domainText.apply(d);
            }

            @Override
            public String fromString(String s) {
                throw new UnsupportedOperationException("the domain filter is not edited as text");
            }
        });
        domain.setCellFactory(v -> textCell(domainText));

        CheckComboBox<Category> cause = causeFilter();
        // Enter on a closed filter chose nothing and pressed the step's Next: a filter is set, not a step left
        for (ComboBox<?> filter : List.of(verdict, domain)) {
            filter.addEventHandler(KeyEvent.KEY_PRESSED, e -> {
                if (e.getCode() == KeyCode.ENTER) {
                    e.consume();
                }
            });
        }

        Button clear = new Button(null, new FontIcon(Material2AL.CLEAR_ALL));
        clear.setId("events-clear-filters");
        clear.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT);
        IconButtons.named(clear, messages.get("events.filter.clear"));
        clear.setOnAction(e -> model.clearFilters());
        clear.disableProperty().bind(model.canClearFiltersProperty().not());

        FilterRow filters = new FilterRow(search, 8, verdict, domain, cause, clear);
        filters.setId("events-filters");

        // "RP", "RTD": the letters are the log's Mail Events, which the header's tooltip spells out. A column has no
        // tooltip of its own; its header, made by the skin, carries the column's id and is looked up once laid out.
        Tooltip eventsTip = new Tooltip(messages.get("events.col.events.tooltip"));
        List<String> oneWordResults = List.of(messages.get("events.verdict.DELIVERED"),
                messages.get("events.verdict.BOUNCED"), messages.get("events.verdict.DEFERRED"));
        TableView<MessageRow> table = new TableView<>() {
            private final TableRoom columnsRoom = new TableRoom(this);
            private Node tipped;
            /** The results and causes the columns were last measured for (null: not yet, or to measure again). */
            private List<String> measuredResults;
            private List<String> measuredCauses;
            /** The cells' font size they were measured in: a theme with another size measures again. */
            private double measuredFont = -1;
            /**
             * The columns' room from which the results are kept whole, and from which the results and causes are,
             * as measured for this log, language and theme (MAX_VALUE: not measured, or never enough).
             */
            private double roomForResults = Double.MAX_VALUE;
            private double roomForCauses = Double.MAX_VALUE;
            /** How many of the results and causes the columns were last fitted for (-1: not yet). */
            private int fittedLevel = -1;
            /** Whether the headers were kept whole while no row was drawn, for the results now shown. */
            private boolean headersFitted;

            @Override
            protected void layoutChildren() {
                super.layoutChildren();
                if (tipped == null || tipped.getParent() == null) { // none yet, or the headers were made anew
                    tipped = lookup("#events-col-events");
                    if (tipped != null) {
                        Tooltip.install(tipped, eventsTip);
                        measuredResults = null;
                        headersFitted = false;
                    }
                }
                if (tipped == null) {
                    return;
                }
                // The Result column as wide as the longest result of this log ("Delivered after 2 retries", "Endast
                // mottaget") where the table has room: at its 85 px they were cut. In a narrower table (a window under
                // about 1100 px) that width crowded the recipients and causes out ("nobody@cont…"), so there a long
                // result is cut like a cause, whole in its tooltip. With more room the causes are kept whole too, and
                // the recipients, whose addresses have no bound, take what is left. "Room" is that of every column at
                // its designed width with those texts whole, measured for this log's texts in this language's fonts
                // (HeaderWidths.widthForWhole): a fixed 740 px, tuned on the sample in English, gave whole results to
                // a Swedish table too narrow for them beside the recipients. Measured again when a new log's table
                // comes and once a row is drawn, whose font is the cells'; fitted again when the table crosses a room.
                // Asked on every layout pass (each keystroke of a search): compared in place, copied only to measure.
                List<String> results = model.resultTexts();
                List<String> causes = model.causeTexts();
                boolean stale = measuredResults == null || !results.equals(measuredResults)
                        || !causes.equals(measuredCauses);
                Node aCell = lookup(".table-cell");
                if (aCell == null) {
                    // the headers now, the cells' texts once a row is drawn; once, not on every pass of a table
                    // without rows (an empty log, a search that matches nothing)
                    if (!headersFitted || stale) {
                        HeaderWidths.keepWhole(this);
                        headersFitted = true;
                        measuredResults = List.copyOf(results);
                        measuredCauses = List.copyOf(causes);
                        fittedLevel = -1;
                        roomForResults = Double.MAX_VALUE;
                        roomForCauses = Double.MAX_VALUE;
                    }
                    return;
                }
                double font = aCell instanceof TableCell<?, ?> c ? c.getFont().getSize() : measuredFont;
                if (stale || font != measuredFont || roomForResults == Double.MAX_VALUE && fittedLevel == -1) {
                    measuredFont = font;
                    measuredResults = List.copyOf(results);
                    measuredCauses = List.copyOf(causes);
                    roomForResults = HeaderWidths.widthForWhole(this, whole(1), bounds(), KEPT_BESIDE_RESULTS)
                            .orElse(Double.MAX_VALUE);
                    roomForCauses = Math.max(roomForResults, HeaderWidths.widthForWhole(this, whole(2), bounds(), 1)
                            .orElse(Double.MAX_VALUE));
                    fittedLevel = -1;
                }
                double room = columnsRoom.columns();
                int level = room >= roomForCauses ? 2 : room >= roomForResults ? 1 : 0;
                if (level != fittedLevel) {
                    fittedLevel = level;
                    HeaderWidths.keepWhole(this, whole(level), bounds());
                }
            }

            /**
             * The columns kept as wide as their widest text at {@code level}: the one-word results, the results, and
             * the results and causes. The one-word results whole at every width: with a larger system font the
             * column's designed 85 px, shared out in proportion, drew "Delive…" at 1024 px.
             */
            private Map<String, List<String>> whole(int level) {
                return switch (level) {
                    case 0 -> Map.of("events-col-verdict",
                            measuredResults.stream().filter(oneWordResults::contains).toList());
                    case 1 -> Map.of("events-col-verdict", measuredResults);
                    default -> Map.of("events-col-verdict", measuredResults, "events-col-cause", measuredCauses);
                };
            }

            /**
             * The columns whose every text is known, by their texts: the results and the causes of this log. They
             * are no wider than those: the room beyond goes to the recipients, whose addresses have no bound.
             */
            private Map<String, List<String>> bounds() {
                return Map.of("events-col-verdict", measuredResults, "events-col-cause", measuredCauses);
            }
        };
        model.causeTexts().addListener((ListChangeListener<String>) c -> table.requestLayout());
        model.resultTexts().addListener((ListChangeListener<String>) c -> table.requestLayout());
        table.setId("message-table");
        // A filtered list cannot be sorted in place: without the sorted view, clicking a header did nothing.
        SortedList<MessageRow> sorted = new SortedList<>(model.visibleRows());
        sorted.comparatorProperty().bind(table.comparatorProperty());
        table.setItems(sorted);
        // Shown as "12-31 23:59:59", which must sort before "01-01 00:00:01" in a log that spans the new year: the
        // column holds the instant and only its cells show the short form.
        TableColumn<MessageRow, Instant> time = new TableColumn<>(messages.get("events.col.time"));
        // a chain without events (none the log makes) gets an empty cell, sorted first
        time.setCellValueFactory(d -> new ReadOnlyObjectWrapper<>(d.getValue().chain().firstSeen().orElse(null)));
        time.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(Instant item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : Formats.compactTime(item));
            }
        });
        time.setPrefWidth(110);
        time.setId("events-col-time");
        table.getColumns().add(time);
        // Texts from the log and causes can be longer than their column: a cut cell shows its whole text in a tooltip.
        table.getColumns().add(tippedColumn("events-col-recipient", messages.get("events.col.recipient"),
                MessageRow::recipient, 190));
        table.getColumns().add(tippedColumn("events-col-verdict", messages.get("events.col.verdict"),
                MessageRow::verdict, 85));
        // at 1280×800 the sample's recipients and its common causes ("Recipient unknown or refused") are whole; the
        // longest cause names are cut there and show whole in their tooltips
        table.getColumns().add(tippedColumn("events-col-cause", messages.get("events.col.cause"), MessageRow::cause,
                250));
        TableColumn<MessageRow, String> events = column(messages.get("events.col.events"), MessageRow::events, 60);
        events.setId("events-col-events");
        table.getColumns().add(events);
        // The window's width is shared by every column after its preferred width, and none goes below the width of
        // its header (HeaderWidths): with the last column alone taking the change, the others were cut at 1024 px and
        // the Events header drawn "Ev…".
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
        table.setRowFactory(v -> new javafx.scene.control.TableRow<>() {
            @Override
            protected void updateItem(MessageRow item, boolean empty) {
                super.updateItem(item, empty);
                getStyleClass().removeAll("row-bounced", "row-deferred");
                if (!empty && item != null) {
                    switch (item.chain().verdict()) {
                        case BOUNCED -> getStyleClass().add("row-bounced");
                        case DEFERRED -> getStyleClass().add("row-deferred");
                        default -> { }
                    }
                }
            }
        });
        table.getStyleClass().addAll(Styles.DENSE, Tweaks.EDGE_TO_EDGE);
        Label placeholder = new Label();
        // a whole Message ID Header or address no row holds: what that means, as analyze --message-id says it
        placeholder.textProperty().bind(javafx.beans.binding.Bindings.when(model.loadingProperty())
                .then(messages.get("events.table.loading")).otherwise(model.noMatchTextProperty()));
        placeholder.setWrapText(true);
        placeholder.setMaxWidth(640);
        table.setPlaceholder(placeholder);
        table.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> model.selectedProperty().set(b));
        model.selectedProperty().addListener((o, a, b) -> {
            if (b != table.getSelectionModel().getSelectedItem()) {
                table.getSelectionModel().select(b);
                if (b != null) {
                    table.scrollTo(b);
                }
            }
        });
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

    /**
     * The cause column's filter: a ControlsFX check list of the causes in this log. The choice itself lives in the
     * view-model's set; the two are kept equal both ways (the view-model clears it with "Clear filters").
     */
    private CheckComboBox<Category> causeFilter() {
        KeyboardCheckComboBox<Category> cause = ChoiceWidth.checkComboBox(model.causeChoices());
        cause.setId("events-cause-filter");
        cause.setShowCheckedCount(false);
        cause.titleProperty().bind(model.causeFilterTextProperty());
        // named with what it shows: it spoke as a nameless group
        cause.accessibleTextProperty().bind(Bindings.createStringBinding(
                () -> messages.format("events.filter.cause.spoken", model.causeFilterTextProperty().get()),
                model.causeFilterTextProperty()));
        // each cause in the open list said with its tick: a screen reader said its text alone
        cause.speakItemsAs((text, ticked) -> messages.format(
                ticked ? "events.filter.cause.item.ticked" : "events.filter.cause.item.notTicked", text));
        cause.setConverter(new StringConverter<>() {
            @Override
            public String toString(Category c) {
                return c == null ? "" : model.causeLabel(c);
            }

            @Override
            public Category fromString(String s) {
                throw new UnsupportedOperationException("the cause filter is not edited as text");
            }
        });
        boolean[] syncing = {false};
        cause.getCheckModel().getCheckedItems().addListener((ListChangeListener<Category>) c -> {
            if (!syncing[0]) {
                syncing[0] = true;
                List<Category> checked = List.copyOf(cause.getCheckModel().getCheckedItems());
                model.causeFilter().retainAll(checked);
                model.causeFilter().addAll(checked);
                syncing[0] = false;
            }
        });
        model.causeFilter().addListener((SetChangeListener<Category>) c -> {
            if (!syncing[0]) {
                syncing[0] = true;
                for (Category category : cause.getItems()) {
                    if (model.causeFilter().contains(category)) {
                        cause.getCheckModel().check(category);
                    } else {
                        cause.getCheckModel().clearCheck(category);
                    }
                }
                syncing[0] = false;
            }
        });
        return cause;
    }

    private static <T> ListCell<T> textCell(Function<T, String> text) {
        return new ListCell<>() {
            @Override
            protected void updateItem(T item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : text.apply(item));
            }
        };
    }

    private static <S> TableColumn<S, String> column(String title, Function<S, String> value, double width) {
        TableColumn<S, String> c = new TableColumn<>(title);
        c.setCellValueFactory(d -> new ReadOnlyObjectWrapper<>(value.apply(d.getValue())));
        c.setPrefWidth(width);
        return c;
    }

    private static <S> TableColumn<S, String> tippedColumn(String id, String title, Function<S, String> value,
            double width) {
        TableColumn<S, String> c = column(title, value, width);
        c.setId(id);
        c.setCellFactory(col -> new TippedCell<>());
        return c;
    }

    private static <S> TableColumn<S, Number> numberColumn(String id, String title, Function<S, Number> value,
            double width) {
        TableColumn<S, Number> c = new TableColumn<>(title);
        c.setId(id);
        c.setCellValueFactory(d -> new ReadOnlyObjectWrapper<>(value.apply(d.getValue())));
        c.setPrefWidth(width);
        c.setStyle("-fx-alignment: CENTER-RIGHT;");
        return c;
    }

    private TabPane tabs;

    private TabPane tabs() {
        return tabs;
    }

    /** Double-click or Enter on a domain shows its messages. */
    private Node domainTable(Runnable showMessages) {
        TableView<DomainSummary> table = new TableView<>(model.domains()) {
            private final TableRoom columnsRoom = new TableRoom(this);
            private Node measured;
            private List<?> sortedBy;
            private double room = -1;
            /** The widest domain's width in the cells' font; empty until a row is drawn, null: to be measured. */
            private OptionalDouble widestName;

            @Override
            protected void layoutChildren() {
                super.layoutChildren();
                // no title cut, in this language, and the domains whole where the titles can wrap to make room: see
                // HeaderWidths.keepCountsNarrow; again when the headers are made anew, the sort changes (the sorted
                // column has room for its arrow), the table's width changes, or the log's domains (measured once each)
                Node header = lookup("#domains-col-received-only");
                if (widestName == null || widestName.isEmpty() && lookup(".table-cell") != null) {
                    widestName = CellWidths.cellWidth(this, model.domains().stream()
                            .map(d -> EventsViewModel.shownDomain(d.domain())).toList());
                    measured = null;
                }
                double now = columnsRoom.columns();
                if (header != null && (header != measured || !getSortOrder().equals(sortedBy) || now != room)) {
                    measured = header;
                    sortedBy = List.copyOf(getSortOrder());
                    room = now;
                    HeaderWidths.keepCountsNarrow(this, "domains-col-domain", widestName, now);
                }
            }

            {
                // a new log's domains: measured again once drawn
                model.domains().addListener((ListChangeListener<DomainSummary>) c -> {
                    widestName = null;
                    requestLayout();
                });
            }
        };
        table.getSortOrder().addListener((ListChangeListener<TableColumn<DomainSummary, ?>>) c -> table.requestLayout());
        table.setId("domain-table");
        table.getColumns().add(tippedColumn("domains-col-domain", messages.get("events.col.domain"),
                d -> EventsViewModel.shownDomain(d.domain()), 200));
        table.getColumns().add(numberColumn("domains-col-messages", messages.get("events.col.messages"),
                DomainSummary::messages, 90));
        table.getColumns().add(numberColumn("domains-col-delivered", messages.get("events.col.delivered"),
                DomainSummary::delivered, 90));
        table.getColumns().add(numberColumn("domains-col-bounced", messages.get("events.col.bounced"),
                DomainSummary::bounced, 90));
        table.getColumns().add(numberColumn("domains-col-deferred", messages.get("events.col.deferred"),
                DomainSummary::deferred, 90));
        // the four verdicts share out every message: without this column a domain's counts did not add up
        table.getColumns().add(numberColumn("domains-col-received-only", messages.get("events.col.receivedOnly"),
                DomainSummary::receivedOnly, 110));
        // six columns in the step's left part: they share its width rather than run past it at 1024 px
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
        table.getStyleClass().addAll(Styles.DENSE, Tweaks.EDGE_TO_EDGE);
        Runnable open = () -> {
            DomainSummary d = table.getSelectionModel().getSelectedItem();
            if (d != null) {
                model.domainFilterProperty().set(d.domain());
                showMessages.run();
            }
        };
        table.setOnMouseClicked(e -> {
            if (e.getClickCount() == 2) {
                open.run();
            }
        });
        table.setOnKeyPressed(e -> {
            if (e.getCode() == javafx.scene.input.KeyCode.ENTER) {
                open.run();
                e.consume();
            }
        });
        VBox box = new VBox(table);
        VBox.setVgrow(table, Priority.ALWAYS);
        box.setPadding(new Insets(8, 0, 0, 0));
        return box;
    }


    static Node bound(javafx.beans.value.ObservableStringValue text, String... styles) {
        Label l = Labels.wrapped("");
        l.textProperty().bind(text);
        l.getStyleClass().addAll(styles);
        l.visibleProperty().bind(Bindings.isNotEmpty(text));
        l.managedProperty().bind(l.visibleProperty());
        return l;
    }

    static FontIcon icon(org.kordamp.ikonli.Ikon ikon, String style) {
        FontIcon i = new FontIcon(ikon);
        i.getStyleClass().add(style);
        return i;
    }

    static final org.kordamp.ikonli.Ikon COPY = Material2AL.CONTENT_COPY;
    static final org.kordamp.ikonli.Ikon WARN = Material2MZ.WARNING;
}
