package org.mailpath.ui.dkim;

import atlantafx.base.theme.Styles;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.event.ActionEvent;
import javafx.event.EventHandler;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;
import org.mailpath.engine.finding.Finding;
import org.mailpath.ui.common.Labels;
import org.mailpath.ui.common.Messages;

/** Step 4 on screen: domain and selectors on top, one card per selector below. */
public final class DkimView {

    private final DkimViewModel model;
    private final Messages messages;
    private final ScrollPane root;

    public DkimView(DkimViewModel model, Messages messages) {
        this.model = model;
        this.messages = messages;
        Label title = new Label(messages.get("dkim.title"));
        title.getStyleClass().add(Styles.TITLE_3);
        Label lead = Labels.wrapped(messages.get("dkim.lead"));
        lead.getStyleClass().add(Styles.TEXT_MUTED);

        TextField domain = new TextField();
        domain.setId("dkim-domain");
        domain.textProperty().bindBidirectional(model.domainProperty());
        domain.setPrefWidth(260);
        // Enter in either field looks the selectors up; without an action of its own the domain field passed
        // Enter on to the window's default button, Next, which left the step without looking anything up.
        EventHandler<ActionEvent> lookUp = e -> {
            model.inspect();
            e.consume();
        };
        domain.setOnAction(lookUp);
        TextField selectors = new TextField();
        selectors.setId("dkim-selectors");
        selectors.setPromptText(messages.get("dkim.selectors.prompt"));
        selectors.textProperty().bindBidirectional(model.selectorsProperty());
        selectors.setPrefWidth(220);
        selectors.setOnAction(lookUp);
        Label domainLabel = new Label(messages.get("dkim.domain"));
        domainLabel.setLabelFor(domain);
        Label selectorsLabel = new Label(messages.get("dkim.selectors"));
        selectorsLabel.setLabelFor(selectors);
        Button check = new Button(messages.get("dkim.check"), new FontIcon(Material2MZ.SEARCH));
        check.setId("dkim-check");
        check.getStyleClass().add(Styles.ACCENT);
        check.disableProperty().bind(model.canInspectProperty().not());
        check.setOnAction(e -> model.inspect());
        Button cancel = new Button(messages.get("dns.cancel"), new FontIcon(Material2MZ.STOP));
        cancel.disableProperty().bind(model.canCancelProperty().not());
        cancel.setOnAction(e -> model.cancel());
        Button copy = new Button(messages.get("dkim.copyRecords"), new FontIcon(Material2AL.CONTENT_COPY));
        copy.setId("dkim-copy");
        copy.disableProperty().bind(model.canCopyRecordsProperty().not());
        copy.setOnAction(e -> model.copyRecords());
        // The text fields give way in a narrow window; the buttons keep their whole words.
        List.of(check, cancel, copy).forEach(b -> b.setMinWidth(Region.USE_PREF_SIZE));
        HBox form = new HBox(10, field(domainLabel, domain), field(selectorsLabel, selectors), check, cancel, copy);
        form.setAlignment(Pos.BOTTOM_LEFT);

        Label hint = Labels.wrapped(messages.get("dkim.hint"));
        hint.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        // whether the DNS checks (step 3), and so the report, cover this domain's DKIM: a callout when they do not
        Label coverage = Labels.wrapped("");
        coverage.setId("dkim-coverage");
        coverage.textProperty().bind(model.coverageProperty());
        coverage.visibleProperty().bind(Bindings.isNotEmpty(model.coverageProperty()));
        coverage.managedProperty().bind(coverage.visibleProperty());
        coverage.setMaxWidth(Double.MAX_VALUE);
        Runnable coverageStyle = () -> {
            coverage.getStyleClass().removeAll("callout", Styles.TEXT_MUTED);
            coverage.getStyleClass().add(model.coveredProperty().get() ? Styles.TEXT_MUTED : "callout");
        };
        model.coveredProperty().addListener(o -> coverageStyle.run());
        coverageStyle.run();
        Label summary = Labels.wrapped("");
        summary.textProperty().bind(model.summaryProperty());
        summary.getStyleClass().add(Styles.TEXT_BOLD);
        summary.visibleProperty().bind(model.stateProperty().isEqualTo(DkimViewModel.State.DONE));
        Label error = Labels.wrapped("");
        error.textProperty().bind(model.errorTextProperty());
        error.getStyleClass().add("callout");
        error.visibleProperty().bind(Bindings.isNotEmpty(model.errorTextProperty()));
        error.managedProperty().bind(error.visibleProperty());
        Label running = Labels.wrapped(messages.get("dkim.running"));
        running.visibleProperty().bind(model.stateProperty().isEqualTo(DkimViewModel.State.RUNNING));
        running.managedProperty().bind(running.visibleProperty());

        VBox cards = new VBox(12);
        cards.setId("dkim-cards");
        model.rows().addListener((ListChangeListener<SelectorRow>) c -> {
            cards.getChildren().clear();
            model.rows().forEach(r -> cards.getChildren().add(card(r)));
        });
        VBox box = new VBox(12, title, lead, form, hint, coverage, running, error, summary,
                cards);
        box.setPadding(new Insets(20, 24, 20, 24));
        box.setMaxWidth(1000);
        root = new ScrollPane(box);
        root.setFitToWidth(true);
        root.getStyleClass().add("detail-scroll");
    }

    public Node root() {
        return root;
    }

    private static VBox field(Label label, Node input) {
        return new VBox(4, label, input);
    }

    private Node card(SelectorRow r) {
        // not checked (this network's DNS gave no answer): grey, as step 3 shows it, not an error of the selector
        FontIcon icon = new FontIcon(r.good() ? Material2AL.CHECK_CIRCLE
                : r.notChecked() ? Material2MZ.REMOVE_CIRCLE_OUTLINE : Material2AL.ERROR);
        icon.getStyleClass().add(r.good() ? "state-ok" : r.notChecked() ? "state-not_checked" : "state-error");
        icon.setIconSize(22);
        Label name = new Label(r.name());
        name.getStyleClass().addAll(Styles.TITLE_4, "mono");
        Label state = new Label(r.stateText());
        state.getStyleClass().add("verdict-badge");
        if (!r.notChecked()) {
            state.getStyleClass().add(r.good() ? "delivered" : "bounced");
        }
        HBox head = new HBox(10, icon, name, state);
        head.setAlignment(Pos.CENTER_LEFT);
        VBox card = new VBox(8, head);
        card.getStyleClass().add("finding-card");
        if (!r.key().isEmpty()) {
            card.getChildren().add(Labels.wrapped(messages.format("dkim.card.key", r.key())));
        }
        if (!r.cnameTarget().isEmpty()) {
            Label target = Labels.wrapped(messages.format("dkim.card.cname", r.cnameTarget()));
            target.getStyleClass().add("mono");
            card.getChildren().add(target);
        }
        for (Finding f : r.findings()) {
            Label message = Labels.wrapped(f.message(messages.locale()));
            card.getChildren().add(message);
        }
        if (!r.recordsToPublish().isEmpty()) {
            Label publish = new Label(messages.get("dkim.card.publish"));
            publish.getStyleClass().add(Styles.TEXT_BOLD);
            Label records = Labels.wrapped(String.join("\n", r.recordsToPublish()));
            records.getStyleClass().addAll("mono", "evidence");
            records.setMaxWidth(Double.MAX_VALUE);
            card.getChildren().addAll(publish, records);
        }
        return card;
    }

}
