package org.mailpath.ui.events;

import atlantafx.base.theme.Styles;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableStringValue;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.mailpath.ui.common.Labels;
import org.mailpath.ui.common.Messages;

/**
 * The selected message: who, what it means, what to do and who must act, then its facts and path R → T → … → D/P.
 */
final class TimelinePane {

    private static final Ikon COPY = Material2AL.CONTENT_COPY;

    private final EventsViewModel model;
    private final Messages messages;
    private final StackPane root = new StackPane();
    private final VBox head;

    TimelinePane(EventsViewModel model, Messages messages) {
        this.model = model;
        this.messages = messages;
        Label empty = new Label(messages.get("events.detail.empty"));
        empty.getStyleClass().add(Styles.TEXT_MUTED);
        empty.visibleProperty().bind(model.selectedProperty().isNull());

        Label recipient = Labels.wrapped("");
        recipient.getStyleClass().add(Styles.TITLE_4);
        recipient.setId("detail-recipient");
        Label verdict = new Label();
        verdict.setId("detail-verdict");
        verdict.getStyleClass().add("verdict-badge");
        // in a narrow pane the badge goes under the recipient (AddressHeading); the badge keeps its word
        verdict.setMinWidth(Region.USE_PREF_SIZE);
        AddressHeading who = new AddressHeading(recipient, verdict);
        Label messageId = Labels.wrapped("");
        messageId.getStyleClass().addAll("mono", Styles.TEXT_SMALL);
        Label sender = Labels.wrapped("");
        sender.getStyleClass().add(Styles.TEXT_MUTED);
        model.selectedProperty().addListener((o, a, row) -> {
            who.setAddress(row == null ? "" : row.recipient());
            verdict.setText(row == null ? "" : row.verdict());
            verdict.getStyleClass().removeAll("delivered", "bounced", "deferred", "received_only");
            if (row != null) {
                verdict.getStyleClass().add(row.chain().verdict().name().toLowerCase(java.util.Locale.ROOT));
            }
            messageId.setText(row == null ? "" : model.messageIdLine(row));
            sender.setText(row == null ? "" : messages.get("events.detail.sender") + ": " + row.sender());
        });

        Button copyId = new Button(messages.get("events.detail.copyId"), icon(COPY, "btn-icon"));
        copyId.setId("copy-message-id");
        copyId.getStyleClass().add(Styles.SMALL);
        copyId.disableProperty().bind(model.canCopyMessageIdProperty().not());
        copyId.setOnAction(e -> model.copyMessageId());
        Button copyAll = new Button(messages.get("events.detail.copyAll"), icon(COPY, "btn-icon"));
        copyAll.getStyleClass().addAll(Styles.SMALL, Styles.FLAT);
        copyAll.setId("copy-details");
        copyAll.setMnemonicParsing(false);
        copyAll.disableProperty().bind(model.canCopyDetailsProperty().not());
        copyAll.setOnAction(e -> model.copyDetails());
        Label copied = new Label();
        copied.setId("copied");
        copied.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.SUCCESS);
        copied.textProperty().bind(model.copiedProperty());
        // a narrow pane (a small window, Swedish) puts the buttons on two lines instead of cutting their words
        FlowPane copy = new FlowPane(8, 6, copyId, copyAll, copied);
        copy.setAlignment(javafx.geometry.Pos.CENTER_LEFT);

        VBox handOff = new VBox(4);
        handOff.getStyleClass().add("callout-accent");
        handOff.setId("hand-off");
        Label handOffTitle = Labels.wrapped(messages.get("events.detail.handOffTitle"));
        handOffTitle.getStyleClass().add(Styles.TEXT_BOLD);
        handOff.getChildren().addAll(handOffTitle, bound(model.handOffNoteProperty()));
        handOff.visibleProperty().bind(Bindings.isNotEmpty(model.handOffNoteProperty()));
        handOff.managedProperty().bind(handOff.visibleProperty());

        VBox steps = new VBox(0);
        steps.setId("timeline");
        model.timeline().addListener((ListChangeListener<TimelineEntry>) c -> {
            steps.getChildren().clear();
            for (int i = 0; i < model.timeline().size(); i++) {
                steps.getChildren().add(step(model.timeline().get(i), i == model.timeline().size() - 1));
            }
        });

        VBox diagnosis = new VBox(6);
        diagnosis.setId("detail-diagnosis");
        diagnosis.getStyleClass().add("callout");
        Label why = new Label(messages.get("events.detail.why"));
        why.getStyleClass().add(Styles.TEXT_BOLD);
        Label todo = new Label(messages.get("events.detail.todo"));
        todo.setId("detail-todo");
        todo.getStyleClass().add(Styles.TEXT_BOLD);
        diagnosis.getChildren().addAll(why, bound(model.explanationProperty()), todo,
                bound(model.remediationProperty()), bound(model.actorProperty(), Styles.TEXT_BOLD));
        diagnosis.visibleProperty().bind(Bindings.isNotEmpty(model.explanationProperty()));
        diagnosis.managedProperty().bind(diagnosis.visibleProperty());

        // shown only when not empty (bound() makes it so)
        Node addressProblem = bound(model.addressProblemProperty(), Styles.DANGER);
        addressProblem.setId("detail-address-problem");
        // a count that rests on a guess is a caution, not an error: the message may be right
        Node guess = bound(model.guessNoteProperty(), Styles.WARNING);
        guess.setId("detail-guess");

        // Who the message was for and the copy buttons stay above the part that scrolls (head()): under the Message ID
        // at the foot of the pane, the buttons were half cut off at 1280×800 and scrolled away in lower windows.
        head = new VBox(8, who, copy);
        head.setId("detail-head");
        head.setPadding(new Insets(14, 14, 0, 14));
        head.visibleProperty().bind(model.selectedProperty().isNotNull());
        head.managedProperty().bind(head.visibleProperty());
        // What it means and what to do first, under who the message was for: that is what the admin came for, and at
        // the bottom it needed scrolling past the timeline in all but the tallest windows. Then the facts to trace it
        // (sender, Message ID) and the timeline, which the diagnosis sums up.
        VBox details = new VBox(10, addressProblem, guess, diagnosis, handOff, sender, messageId, steps);
        details.setPadding(new Insets(10, 14, 14, 14));
        details.visibleProperty().bind(model.selectedProperty().isNotNull());
        root.getChildren().addAll(details, empty);
        root.setAlignment(Pos.TOP_LEFT);
        StackPane.setAlignment(empty, Pos.CENTER);
        root.setMinHeight(200);
    }

    /** The part that scrolls: the diagnosis, the facts and the timeline, or the word to select a message. */
    Node root() {
        return root;
    }

    /** Above {@link #root()}, not scrolled with it: the recipient, the result and the copy buttons (hidden with no message). */
    Node head() {
        return head;
    }

    private Node step(TimelineEntry e, boolean last) {
        Region dot = new Region();
        // a hand-off between Salesforce's servers is a D row that delivered nothing: not the delivery's green
        boolean handOff = String.valueOf(EventSigns.HANDOFF).equals(e.sign());
        dot.getStyleClass().addAll("timeline-dot",
                handOff ? "event-handoff" : "event-" + e.event().name().toLowerCase(java.util.Locale.ROOT));
        Region line = new Region();
        line.getStyleClass().add("timeline-line");
        line.setVisible(!last);
        VBox.setVgrow(line, Priority.ALWAYS);
        VBox rail = new VBox(dot, line);
        rail.setAlignment(Pos.TOP_CENTER);
        rail.setMinWidth(18);

        Label title = Labels.wrapped(e.sign() + "  " + e.title());
        title.getStyleClass().add(Styles.TEXT_BOLD);
        Label time = new Label(e.time());
        time.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED);
        VBox text = new VBox(2, title, time);
        for (String part : new String[] {e.stage(), e.relay(), e.tls()}) {
            if (!part.isEmpty()) {
                Label l = Labels.wrapped(part);
                l.getStyleClass().add(Styles.TEXT_SMALL);
                text.getChildren().add(l);
            }
        }
        if (!e.status().isEmpty()) {
            Label status = Labels.wrapped(e.status());
            status.getStyleClass().addAll("mono", "status-line");
            text.getChildren().add(status);
        }
        text.setPadding(new Insets(0, 0, 12, 0));
        HBox.setHgrow(text, Priority.ALWAYS);
        HBox row = new HBox(8, rail, text);
        return row;
    }

    /** A wrapped label of {@code text}, shown only while the text is not empty. */
    private static Node bound(ObservableStringValue text, String... styles) {
        Label l = Labels.wrapped("");
        l.textProperty().bind(text);
        l.getStyleClass().addAll(styles);
        l.visibleProperty().bind(Bindings.isNotEmpty(text));
        l.managedProperty().bind(l.visibleProperty());
        return l;
    }

    private static FontIcon icon(Ikon ikon, String style) {
        FontIcon i = new FontIcon(ikon);
        i.getStyleClass().add(style);
        return i;
    }
}
