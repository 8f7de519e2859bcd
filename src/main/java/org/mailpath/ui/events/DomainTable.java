package org.mailpath.ui.events;

import atlantafx.base.theme.Styles;
import atlantafx.base.theme.Tweaks;
import java.util.List;
import java.util.OptionalDouble;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.input.KeyCode;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.mailpath.engine.analysis.DomainSummary;
import org.mailpath.ui.common.CellWidths;
import org.mailpath.ui.common.Messages;
import org.mailpath.ui.common.TableRoom;

/** The Domains tab: each recipient domain's counts by verdict; double-click or Enter shows its messages. */
final class DomainTable {

    private DomainTable() {
    }

    /** The tab's table; {@code showMessages} shows the Messages tab once the domain filter is set. */
    static Node of(EventsViewModel model, Messages messages, Runnable showMessages) {
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
        table.getColumns().add(Columns.tippedColumn("domains-col-domain", messages.get("events.col.domain"),
                d -> EventsViewModel.shownDomain(d.domain()), 200));
        table.getColumns().add(Columns.numberColumn("domains-col-messages", messages.get("events.col.messages"),
                DomainSummary::messages, 90));
        table.getColumns().add(Columns.numberColumn("domains-col-delivered", messages.get("events.col.delivered"),
                DomainSummary::delivered, 90));
        table.getColumns().add(Columns.numberColumn("domains-col-bounced", messages.get("events.col.bounced"),
                DomainSummary::bounced, 90));
        table.getColumns().add(Columns.numberColumn("domains-col-deferred", messages.get("events.col.deferred"),
                DomainSummary::deferred, 90));
        // the four verdicts share out every message: without this column a domain's counts did not add up
        table.getColumns().add(Columns.numberColumn("domains-col-received-only",
                messages.get("events.col.receivedOnly"), DomainSummary::receivedOnly, 110));
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
            if (e.getCode() == KeyCode.ENTER) {
                open.run();
                e.consume();
            }
        });
        VBox box = new VBox(table);
        VBox.setVgrow(table, Priority.ALWAYS);
        box.setPadding(new Insets(8, 0, 0, 0));
        return box;
    }
}
