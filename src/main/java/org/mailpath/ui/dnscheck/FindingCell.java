package org.mailpath.ui.dnscheck;

import atlantafx.base.theme.Styles;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.mailpath.engine.address.IdnaNames;
import org.mailpath.engine.finding.Finding;
import org.mailpath.engine.finding.Severity;
import org.mailpath.ui.common.IconButtons;
import org.mailpath.ui.common.Labels;
import org.mailpath.ui.common.Messages;

/**
 * One line of the findings list: a domain's name, a severity's heading, or a finding's card with its copy button.
 * Only the cells in sight exist, each drawing the line it is given now.
 */
final class FindingCell extends ListCell<FindingLine> {

    /** Evidence longer than this shows its last lines only (an SMTP finding carries its whole transcript). */
    private static final int EVIDENCE_LINES = 8;

    private final Messages messages;
    private final Consumer<Finding> copy;

    FindingCell(Messages messages, Consumer<Finding> copy) {
        this.messages = messages;
        this.copy = copy;
        // as wide as the list, never as the longest line: the text wraps instead of scrolling sideways
        setPrefWidth(0);
        getStyleClass().add("finding-line");
    }

    @Override
    protected void updateItem(FindingLine item, boolean empty) {
        super.updateItem(item, empty);
        setText(null);
        if (empty || item == null) {
            setGraphic(null);
            setAccessibleText(null);
            return;
        }
        switch (item) {
            case FindingLine.DomainHeading(String domain) -> {
                Label d = new Label(IdnaNames.withUnicode(domain));
                d.getStyleClass().add(Styles.TITLE_4);
                setGraphic(d);
                setAccessibleText(d.getText());
            }
            case FindingLine.SeverityHeading(FindingGroup g) -> {
                Label sev = new Label(g.title() + " (" + g.findings().size() + ")");
                sev.getStyleClass().addAll("severity-label", severityStyle(g.severity()));
                setGraphic(sev);
                setAccessibleText(IdnaNames.withUnicode(g.domain()) + ": " + sev.getText());
            }
            case FindingLine.Entry(Finding f) -> {
                setGraphic(card(f));
                // the card's texts sit in the graphic, which a screen reader does not read as the entry's text
                setAccessibleText(f.message(messages.locale()) + " (" + f.subject() + ")");
            }
        }
    }

    /**
     * The height the graphic needs at the cell's width: a list asks it for the width it will give, and a label that
     * wraps is only as tall as its lines at that width (the default asks the graphic at no width: one long line).
     */
    @Override
    protected double computePrefHeight(double width) {
        Node graphic = getGraphic();
        if (graphic == null || width <= 0) {
            return super.computePrefHeight(width);
        }
        double inner = width - snappedLeftInset() - snappedRightInset();
        return snappedTopInset() + graphic.prefHeight(inner) + snappedBottomInset();
    }

    private static String severityStyle(Severity s) {
        return switch (s) {
            case ERROR -> Styles.DANGER;
            case WARNING -> Styles.WARNING;
            case INFO -> Styles.ACCENT;
            case OK -> Styles.SUCCESS;
        };
    }

    private Node card(Finding f) {
        Label message = Labels.wrapped(f.message(messages.locale()));
        message.getStyleClass().add(Styles.TEXT_BOLD);
        Label meta = Labels.wrapped(f.code() + " · " + f.subject());
        meta.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED, "mono");
        Button copyButton = new Button(null, new FontIcon(Material2AL.CONTENT_COPY));
        copyButton.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT, Styles.SMALL);
        IconButtons.named(copyButton, messages.get("dns.finding.copy"));
        // every card has one: a screen reader going from button to button is told which finding each one copies
        copyButton.setAccessibleText(messages.format("dns.finding.copy.spoken", f.message(messages.locale()),
                f.subject()));
        copyButton.setOnAction(e -> copy.accept(f));
        VBox head = new VBox(2, message, meta);
        HBox.setHgrow(head, Priority.ALWAYS);
        HBox top = new HBox(8, head, copyButton);
        VBox card = new VBox(6, top);
        card.getStyleClass().add("finding-card");
        if (!f.evidence().isEmpty()) {
            List<String> lines = f.evidence();
            if (lines.size() > EVIDENCE_LINES) {
                List<String> shown = new ArrayList<>();
                shown.add(messages.format("dns.finding.moreEvidence", lines.size() - EVIDENCE_LINES));
                shown.addAll(lines.subList(lines.size() - EVIDENCE_LINES, lines.size()));
                lines = shown;
            }
            Label evidence = Labels.wrapped(String.join("\n", lines));
            evidence.getStyleClass().addAll("mono", "evidence");
            evidence.setMaxWidth(Double.MAX_VALUE);
            card.getChildren().add(evidence);
        }
        String remediation = f.remediation(messages.locale());
        if (!remediation.isEmpty()) {
            card.getChildren().add(Labels.wrapped(messages.get("dns.finding.todo") + ": " + remediation));
        }
        Label actor = Labels.wrapped(messages.format("events.detail.actor", messages.get("actor." + f.actor().name())));
        actor.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED);
        card.getChildren().add(actor);
        return card;
    }
}
