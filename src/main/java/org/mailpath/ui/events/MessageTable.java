package org.mailpath.ui.events;

import atlantafx.base.theme.Styles;
import atlantafx.base.theme.Tweaks;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.ListChangeListener;
import javafx.collections.transformation.SortedList;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import org.mailpath.ui.common.Formats;
import org.mailpath.ui.common.Messages;
import org.mailpath.ui.common.TableRoom;

/** The message table: columns fitted to the log's texts, failing rows marked, the selection kept in step. */
final class MessageTable {

    /**
     * The share of their designed widths the recipients and causes keep beside whole results, at the least: the
     * Result column is widened for whole results ("Delivered after 2 retries") only where it leaves them that much.
     * With the sample they keep 77–90 % at 1280×800 (results whole, recipients shown to "nobody@contoso.") and would
     * keep 39–52 % at 1024 px ("nobody@cont…"), in Swedish and English; the width that follows is measured for each
     * log's results and each language's titles ({@link #fitted}), where a fixed 740 px table suited one.
     */
    private static final double KEPT_BESIDE_RESULTS = 0.75;

    private MessageTable() {
    }

    /**
     * The messages the search and filters show, sorted by the column the user chose; bounced and deferred rows
     * marked, what it says when it shows none, and its selection kept equal to the view-model's.
     */
    static TableView<MessageRow> of(EventsViewModel model, Messages messages) {
        TableView<MessageRow> table = fitted(model, messages);
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
        table.getColumns().add(Columns.tippedColumn("events-col-recipient", messages.get("events.col.recipient"),
                MessageRow::recipient, 190));
        table.getColumns().add(Columns.tippedColumn("events-col-verdict", messages.get("events.col.verdict"),
                MessageRow::verdict, 85));
        // at 1280×800 the sample's recipients and its common causes ("Recipient unknown or refused") are whole; the
        // longest cause names are cut there and show whole in their tooltips
        table.getColumns().add(Columns.tippedColumn("events-col-cause", messages.get("events.col.cause"),
                MessageRow::cause, 250));
        TableColumn<MessageRow, String> events = Columns.column(messages.get("events.col.events"), MessageRow::events,
                60);
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
        return table;
    }

    /**
     * A table whose Result and Cause columns are as wide as this log's texts where it has room (see
     * {@link HeaderWidths}), its headers whole, and the events column's header with its tooltip.
     */
    private static TableView<MessageRow> fitted(EventsViewModel model, Messages messages) {
        // "RP", "RTD": the letters are the log's Mail Events, which the header's tooltip spells out. A column has no
        // tooltip of its own; its header, made by the skin, carries the column's id and is looked up once laid out.
        Tooltip eventsTip = new Tooltip(messages.get("events.col.events.tooltip"));
        List<String> oneWordResults = List.of(messages.get("events.verdict.DELIVERED"),
                messages.get("events.verdict.BOUNCED"), messages.get("events.verdict.DEFERRED"));
        return new TableView<>() {
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
    }
}
