package org.mailpath.ui.dnscheck;

import atlantafx.base.theme.Styles;
import atlantafx.base.theme.Tweaks;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Spinner;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.TitledPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;
import org.mailpath.engine.finding.Finding;
import org.mailpath.engine.finding.Severity;
import org.mailpath.ui.common.Labels;
import org.mailpath.ui.common.Messages;

/** Step 3 on screen: what to check on the left, live rows and grouped findings on the right. */
public final class DnsCheckView {

    private final DnsCheckViewModel model;
    private final Messages messages;
    private final SplitPane root;

    public DnsCheckView(DnsCheckViewModel model, Messages messages) {
        this.model = model;
        this.messages = messages;
        root = new SplitPane(settingsPane(), resultsPane());
        root.setDividerPositions(0.3);
        root.getStyleClass().add("dnscheck-view");
    }

    public Node root() {
        return root;
    }

    // ---- left: what to check

    private Node settingsPane() {
        Label title = new Label(messages.get("dns.title"));
        title.getStyleClass().add(Styles.TITLE_3);
        Label lead = Labels.wrapped(messages.get("dns.lead"));
        lead.getStyleClass().add(Styles.TEXT_MUTED);

        Label senderLabel = new Label(messages.get("dns.sender"));
        senderLabel.getStyleClass().add(Styles.TEXT_BOLD);
        TextField sender = new TextField();
        sender.setId("dns-sender");
        sender.setPromptText(messages.get("dns.sender.prompt"));
        sender.textProperty().bindBidirectional(model.senderDomainProperty());
        senderLabel.setLabelFor(sender);

        Label recipientsLabel = new Label(messages.get("dns.recipients"));
        recipientsLabel.getStyleClass().add(Styles.TEXT_BOLD);
        ListView<String> list = new ListView<>(model.recipientDomains());
        list.setId("dns-domains");
        list.setPrefHeight(170);
        list.setPlaceholder(Labels.wrapped(messages.get("dns.recipients.empty")));
        list.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                if (empty || item == null) {
                    setGraphic(null);
                    setText(null);
                    return;
                }
                Label name = new Label(item);
                Region spacer = new Region();
                HBox.setHgrow(spacer, Priority.ALWAYS);
                Button remove = new Button(null, new FontIcon(Material2AL.CLOSE));
                remove.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT, Styles.SMALL);
                remove.setTooltip(new Tooltip(messages.format("dns.recipients.remove", item)));
                remove.setOnAction(e -> model.removeDomain(item));
                HBox row = new HBox(6, name, spacer, remove);
                row.setAlignment(Pos.CENTER_LEFT);
                setGraphic(row);
                setText(null);
            }
        });
        list.setOnKeyPressed(e -> {
            String selected = list.getSelectionModel().getSelectedItem();
            if (selected != null && (e.getCode() == javafx.scene.input.KeyCode.DELETE
                    || e.getCode() == javafx.scene.input.KeyCode.BACK_SPACE)) {
                model.removeDomain(selected);
                e.consume();
            }
        });
        recipientsLabel.setLabelFor(list);

        TextField add = new TextField();
        add.setId("dns-new-domain");
        add.setPromptText(messages.get("dns.recipients.addPrompt"));
        add.textProperty().bindBidirectional(model.newDomainProperty());
        add.setOnAction(e -> {
            model.addDomain();
            e.consume();
        });
        HBox.setHgrow(add, Priority.ALWAYS);
        Button addButton = new Button(null, new FontIcon(Material2AL.ADD));
        addButton.setTooltip(new Tooltip(messages.get("dns.recipients.add")));
        addButton.disableProperty().bind(model.canAddDomainProperty().not());
        addButton.setOnAction(e -> model.addDomain());
        HBox addRow = new HBox(6, add, addButton);

        TextField resolvers = new TextField();
        resolvers.setId("dns-resolvers");
        resolvers.setPromptText(messages.get("dns.resolvers.prompt"));
        resolvers.textProperty().bindBidirectional(model.resolversProperty());
        Label resolverProblem = Labels.wrapped("");
        resolverProblem.textProperty().bind(model.resolverProblemProperty());
        resolverProblem.getStyleClass().add(Styles.DANGER);
        resolverProblem.visibleProperty().bind(Bindings.isNotEmpty(model.resolverProblemProperty()));
        resolverProblem.managedProperty().bind(resolverProblem.visibleProperty());
        Spinner<Integer> timeout = new Spinner<>(1, 30, model.timeoutSecondsProperty().get());
        timeout.setEditable(true);
        timeout.setPrefWidth(90);
        timeout.valueProperty().addListener((o, a, b) -> model.timeoutSecondsProperty().set(b));
        Label resolversLabel = new Label(messages.get("dns.resolvers"));
        resolversLabel.setLabelFor(resolvers);
        Label timeoutLabel = new Label(messages.get("dns.timeout"));
        timeoutLabel.setLabelFor(timeout);
        HBox timeoutRow = new HBox(8, timeoutLabel, timeout);
        timeoutRow.setAlignment(Pos.CENTER_LEFT);
        VBox resolverBox = new VBox(6, resolversLabel, resolvers, resolverProblem, timeoutRow);
        TitledPane resolverPane = new TitledPane(messages.get("dns.resolvers.title"), resolverBox);
        resolverPane.setExpanded(false);
        resolverPane.getStyleClass().add(Styles.DENSE);

        Button run = new Button(messages.get("dns.run"), new FontIcon(Material2MZ.PLAY_ARROW));
        run.setId("dns-run");
        run.getStyleClass().add(Styles.ACCENT);
        run.disableProperty().bind(model.canRunProperty().not());
        run.setOnAction(e -> model.run());
        Button cancel = new Button(messages.get("dns.cancel"), new FontIcon(Material2MZ.STOP));
        cancel.setId("dns-cancel");
        cancel.disableProperty().bind(model.canCancelProperty().not());
        cancel.setOnAction(e -> model.cancel());
        HBox buttons = new HBox(8, run, cancel);

        VBox box = new VBox(10, title, lead, senderLabel, sender, recipientsLabel, list, addRow, resolverPane, buttons);
        box.setPadding(new Insets(18));
        ScrollPane scroll = new ScrollPane(box);
        scroll.setFitToWidth(true);
        scroll.setMinWidth(300);
        return scroll;
    }

    // ---- right: live rows and findings

    private Node resultsPane() {
        ProgressBar bar = new ProgressBar();
        bar.progressProperty().bind(model.progressProperty());
        bar.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(bar, Priority.ALWAYS);
        Label progress = new Label();
        progress.setId("dns-progress");
        progress.textProperty().bind(model.progressTextProperty());
        progress.getStyleClass().add(Styles.TEXT_MUTED);
        HBox progressRow = new HBox(10, bar, progress);
        progressRow.setAlignment(Pos.CENTER_LEFT);
        progressRow.visibleProperty().bind(model.stateProperty().isEqualTo(ChecksState.RUNNING)
                .or(model.stateProperty().isEqualTo(ChecksState.DONE)));
        progressRow.managedProperty().bind(progressRow.visibleProperty());

        Label error = Labels.wrapped("");
        error.setId("dns-error");
        error.textProperty().bind(model.errorTextProperty());
        error.getStyleClass().add("callout");
        error.visibleProperty().bind(Bindings.isNotEmpty(model.errorTextProperty()));
        error.managedProperty().bind(error.visibleProperty());

        TableView<CheckRow> table = new TableView<>(model.rows());
        table.setId("check-table");
        table.getStyleClass().addAll(Styles.DENSE, Tweaks.EDGE_TO_EDGE);
        TableColumn<CheckRow, CheckState> stateColumn = new TableColumn<>(messages.get("dns.col.state"));
        stateColumn.setCellValueFactory(d -> d.getValue().stateProperty());
        stateColumn.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(CheckState item, boolean empty) {
                super.updateItem(item, empty);
                if (empty || item == null) {
                    setGraphic(null);
                    setText(null);
                    return;
                }
                FontIcon icon = new FontIcon(stateIcon(item));
                icon.getStyleClass().add("state-" + item.name().toLowerCase(java.util.Locale.ROOT));
                setGraphic(icon);
                setText(messages.get("dns.state." + item.name()));
            }
        });
        stateColumn.setPrefWidth(130);
        TableColumn<CheckRow, String> domain = new TableColumn<>(messages.get("dns.col.domain"));
        domain.setCellValueFactory(d -> new ReadOnlyObjectWrapper<>(d.getValue().domain()));
        domain.setPrefWidth(170);
        TableColumn<CheckRow, String> check = new TableColumn<>(messages.get("dns.col.check"));
        check.setCellValueFactory(d -> new ReadOnlyObjectWrapper<>(d.getValue().label()));
        check.setPrefWidth(170);
        TableColumn<CheckRow, String> summary = new TableColumn<>(messages.get("dns.col.summary"));
        summary.setCellValueFactory(d -> d.getValue().summaryProperty());
        summary.setPrefWidth(420);
        table.getColumns().addAll(java.util.List.of(stateColumn, domain, check, summary));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        Label placeholder = Labels.wrapped(messages.get("dns.rows.empty"));
        placeholder.getStyleClass().add(Styles.TEXT_MUTED);
        table.setPlaceholder(placeholder);

        VBox findings = new VBox(10);
        findings.setId("dns-findings");
        findings.setPadding(new Insets(4, 4, 12, 4));
        model.groups().addListener((ListChangeListener<FindingGroup>) c -> drawFindings(findings));
        ScrollPane findingsScroll = new ScrollPane(findings);
        findingsScroll.setFitToWidth(true);
        findingsScroll.getStyleClass().add("detail-scroll");

        Label findingsTitle = new Label(messages.get("dns.findings.title"));
        findingsTitle.getStyleClass().add("section-title");
        Button copyAll = new Button(messages.get("dns.findings.copyAll"), new FontIcon(Material2AL.CONTENT_COPY));
        copyAll.getStyleClass().addAll(Styles.SMALL, Styles.FLAT);
        copyAll.disableProperty().bind(model.canCopyFindingsProperty().not());
        copyAll.setOnAction(e -> model.copyAll());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox findingsHead = new HBox(8, findingsTitle, spacer, copyAll);
        findingsHead.setAlignment(Pos.CENTER_LEFT);
        VBox findingsBox = new VBox(6, findingsHead, findingsScroll);
        VBox.setVgrow(findingsScroll, Priority.ALWAYS);
        findingsBox.setPadding(new Insets(8, 0, 0, 0));

        SplitPane split = new SplitPane(table, findingsBox);
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.5);
        VBox.setVgrow(split, Priority.ALWAYS);
        VBox box = new VBox(10, progressRow, error, split);
        box.setPadding(new Insets(14, 18, 12, 14));
        return new StackPane(box);
    }

    private static Ikon stateIcon(CheckState state) {
        return switch (state) {
            case PENDING -> Material2MZ.RADIO_BUTTON_UNCHECKED;
            case RUNNING -> Material2AL.HOURGLASS_EMPTY;
            case OK -> Material2AL.CHECK_CIRCLE;
            case WARNING -> Material2MZ.WARNING;
            case ERROR -> Material2AL.ERROR;
            case CANCELLED -> Material2AL.BLOCK;
        };
    }

    private void drawFindings(VBox box) {
        box.getChildren().clear();
        if (model.groups().isEmpty()) {
            return;
        }
        String lastDomain = null;
        for (FindingGroup g : model.groups()) {
            if (!g.domain().equals(lastDomain)) {
                Label d = new Label(g.domain());
                d.getStyleClass().add(Styles.TITLE_4);
                box.getChildren().add(d);
                lastDomain = g.domain();
            }
            Label sev = new Label(g.title() + " (" + g.findings().size() + ")");
            sev.getStyleClass().addAll("severity-label", severityStyle(g.severity()));
            box.getChildren().add(sev);
            for (Finding f : g.findings()) {
                box.getChildren().add(findingCard(f));
            }
        }
    }

    private static String severityStyle(Severity s) {
        return switch (s) {
            case ERROR -> Styles.DANGER;
            case WARNING -> Styles.WARNING;
            case INFO -> Styles.ACCENT;
            case OK -> Styles.SUCCESS;
        };
    }

    private Node findingCard(Finding f) {
        Label message = Labels.wrapped(f.message());
        message.getStyleClass().add(Styles.TEXT_BOLD);
        Label meta = Labels.wrapped(f.code() + " · " + f.subject());
        meta.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED, "mono");
        Button copy = new Button(null, new FontIcon(Material2AL.CONTENT_COPY));
        copy.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT, Styles.SMALL);
        copy.setTooltip(new Tooltip(messages.get("dns.finding.copy")));
        copy.setOnAction(e -> model.copy(f));
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        VBox head = new VBox(2, message, meta);
        HBox.setHgrow(head, Priority.ALWAYS);
        HBox top = new HBox(8, head, copy);
        VBox card = new VBox(6, top);
        card.getStyleClass().add("finding-card");
        if (!f.evidence().isEmpty()) {
            Label evidence = Labels.wrapped(String.join("\n", f.evidence()));
            evidence.getStyleClass().addAll("mono", "evidence");
            evidence.setMaxWidth(Double.MAX_VALUE);
            card.getChildren().add(evidence);
        }
        if (!f.remediation().isEmpty()) {
            card.getChildren().add(Labels.wrapped(messages.get("dns.finding.todo") + ": " + f.remediation()));
        }
        Label actor = Labels.wrapped(messages.format("events.detail.actor", messages.get("actor." + f.actor().name())));
        actor.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED);
        card.getChildren().add(actor);
        return card;
    }

}
