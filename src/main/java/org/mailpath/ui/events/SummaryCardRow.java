package org.mailpath.ui.events;

import atlantafx.base.theme.Styles;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.mailpath.engine.report.ReportTexts;
import org.mailpath.ui.common.Messages;

/** The summary cards above the charts: one button per verdict, which filters the table to its messages. */
final class SummaryCardRow {

    private final EventsViewModel model;
    private final Messages messages;
    private final Node root;

    SummaryCardRow(EventsViewModel model, Messages messages) {
        this.model = model;
        this.messages = messages;
        root = cards();
    }

    /** The row of cards; its cards are made again for each log. */
    Node root() {
        return root;
    }

    private Node cards() {
        HBox box = new HBox(12);
        box.setId("summary-cards");
        Runnable rebuild = () -> {
            box.getChildren().clear();
            for (SummaryCard card : model.cards()) {
                box.getChildren().add(card(card));
            }
        };
        model.cards().addListener((ListChangeListener<SummaryCard>) c -> rebuild.run());
        rebuild.run();
        return box;
    }

    private Node card(SummaryCard card) {
        Label count = new Label(ReportTexts.of(messages.locale()).count(card.count()));
        count.getStyleClass().add("card-count");
        Label percent = new Label(card.percent());
        percent.getStyleClass().addAll(Styles.TEXT_MUTED);
        HBox numbers = new HBox(8, count, percent);
        numbers.setAlignment(Pos.BASELINE_LEFT);
        Label title = new Label(card.title());
        title.getStyleClass().add("card-title");
        VBox lines = new VBox(2, title, numbers);
        String spoken = card.title() + ": " + count.getText() + " (" + card.percent() + ")";
        if (!card.note().isEmpty()) {
            // part of this card's count (Delivered after retry is inside Delivered), not a card of its own
            Label note = new Label(card.note());
            note.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED);
            note.setId("card-note-" + card.filter().name());
            lines.getChildren().add(note);
            spoken += ", " + card.note();
        }
        Button button = new Button();
        button.setGraphic(lines);
        button.setMnemonicParsing(false);
        button.getStyleClass().addAll("summary-card", "card-" + card.filter().name().toLowerCase(java.util.Locale.ROOT));
        button.setId("card-" + card.filter().name());
        button.setTooltip(new Tooltip(messages.get("events.card.tooltip")));
        // the card's text is in its graphic, which a screen reader does not read
        button.setAccessibleText(spoken);
        button.setMaxWidth(Double.MAX_VALUE);
        button.setMaxHeight(Double.MAX_VALUE); // as high as the Delivered card with its note
        button.setAlignment(Pos.TOP_LEFT);
        button.setOnAction(e -> model.showOnly(card.filter()));
        HBox.setHgrow(button, Priority.ALWAYS);
        return button;
    }
}
