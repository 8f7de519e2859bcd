package org.mailpath.ui.dnscheck;

import atlantafx.base.theme.Styles;
import atlantafx.base.theme.Tweaks;
import java.util.Arrays;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Spinner;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.TitledPane;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;
import org.mailpath.engine.address.IdnaNames;
import org.mailpath.ui.common.CellWidths;
import org.mailpath.ui.common.IconButtons;
import org.mailpath.ui.common.Labels;
import org.mailpath.ui.common.Messages;
import org.mailpath.ui.common.MnemonicCheckBox;
import org.mailpath.ui.common.StepFocus;
import org.mailpath.ui.common.TippedLabel;

/**
 * Step 3 on screen: what to check on the left (with the opt-in mail server test), live rows on the right, and
 * below them the grouped findings and the selected mail server's conversation.
 */
public final class DnsCheckView {

    private static final KeyCombination COPY = new KeyCodeCombination(KeyCode.C, KeyCombination.SHORTCUT_DOWN);

    private final DnsCheckViewModel model;
    private final Messages messages;
    private final SplitPane root;

    public DnsCheckView(DnsCheckViewModel model, Messages messages) {
        this.model = model;
        this.messages = messages;
        root = new SplitPane(settingsPane(), resultsPane());
        root.setDividerPositions(0.3);
        root.getStyleClass().add("dnscheck-view");
        // The domains to check are what the step is about: the list takes the focus when the step is shown.
        StepFocus.mainControl(root, () -> java.util.Optional.ofNullable(root.lookup("#dns-domains")));
    }

    public Node root() {
        return root;
    }

    // ---- left: what to check

    private Node settingsPane() {
        Label title = Labels.wrapped(messages.get("dns.title"));
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
        runOnEnter(sender);

        Label recipientsLabel = new Label(messages.get("dns.recipients"));
        recipientsLabel.getStyleClass().add(Styles.TEXT_BOLD);
        ListView<String> list = new ListView<>(model.recipientDomains());
        list.setId("dns-domains");
        list.setPrefHeight(170);
        Label none = Labels.wrapped(messages.get("dns.recipients.empty"));
        none.textProperty().bind(Bindings.when(model.prefillingProperty())
                .then(messages.get("dns.recipients.finding")).otherwise(model.recipientsEmptyProperty()));
        list.setPlaceholder(none);
        list.setCellFactory(v -> new ListCell<>() {
            {
                // the cells are as wide as the list, not as their longest name: no horizontal scroll bar, which
                // hid every row's remove button off the right edge behind one long domain
                setPrefWidth(0);
            }

            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                if (empty || item == null) {
                    setGraphic(null);
                    setText(null);
                    return;
                }
                // a long name is cut with an ellipsis (its tooltip says it whole) so the remove button stays in
                // sight: the name takes the room the button leaves, never more
                TippedLabel name = new TippedLabel(IdnaNames.withUnicode(item));
                name.getStyleClass().add("dns-domain-name");
                name.setMaxWidth(Double.MAX_VALUE);
                HBox.setHgrow(name, Priority.ALWAYS);
                Button remove = new Button(null, new FontIcon(Material2AL.CLOSE));
                remove.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT, Styles.SMALL);
                remove.setMinWidth(Region.USE_PREF_SIZE);
                IconButtons.named(remove, messages.format("dns.recipients.remove", item));
                remove.setOnAction(e -> model.removeDomain(item));
                HBox row = new HBox(6, name, remove);
                row.setAlignment(Pos.CENTER_LEFT);
                setGraphic(row);
                setText(null);
                // the name sits in the graphic, which a screen reader does not read as the entry's text
                setAccessibleText(model.domainSpoken(item));
            }
        });
        // where each domain's checks stand is said again when a run starts and ends
        model.stateProperty().addListener(o -> list.refresh());
        model.rows().addListener((ListChangeListener<CheckRow>) c -> list.refresh());
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
        // a short prompt: the field is narrow in a small window and a long one was cut; the tooltip says the rest
        add.setPromptText(messages.get("dns.recipients.addPrompt"));
        add.setTooltip(new Tooltip(messages.get("dns.recipients.addTooltip")));
        add.textProperty().bindBidirectional(model.newDomainProperty());
        add.setOnAction(e -> {
            model.addDomain();
            e.consume();
        });
        HBox.setHgrow(add, Priority.ALWAYS);
        Button addButton = new Button(null, new FontIcon(Material2AL.ADD));
        IconButtons.named(addButton, messages.get("dns.recipients.add"));
        addButton.disableProperty().bind(model.canAddDomainProperty().not());
        addButton.setOnAction(e -> model.addDomain());
        HBox addRow = new HBox(6, add, addButton);

        TextField resolvers = new TextField();
        resolvers.setId("dns-resolvers");
        resolvers.setPromptText(messages.get("dns.resolvers.prompt"));
        resolvers.textProperty().bindBidirectional(model.resolversProperty());
        runOnEnter(resolvers);
        Label resolverProblem = Labels.wrapped("");
        resolverProblem.textProperty().bind(model.resolverProblemProperty());
        resolverProblem.getStyleClass().add(Styles.DANGER);
        resolverProblem.visibleProperty().bind(Bindings.isNotEmpty(model.resolverProblemProperty()));
        resolverProblem.managedProperty().bind(resolverProblem.visibleProperty());
        Spinner<Integer> timeout = new Spinner<>(1, 30, model.timeoutSecondsProperty().get());
        timeout.setId("dns-timeout");
        timeout.setEditable(true);
        timeout.setPrefWidth(90);
        timeout.valueProperty().addListener((o, a, b) -> model.timeoutSecondsProperty().set(b));
        // Enter takes the seconds typed and runs the checks, as in the other fields, instead of reaching Next
        timeout.addEventFilter(javafx.scene.input.KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == javafx.scene.input.KeyCode.ENTER) {
                try {
                    timeout.commitValue();
                } catch (NumberFormatException notANumber) {
                    // not a number: the field shows the seconds it had, which the checks use
                    timeout.cancelEdit();
                }
                model.run();
                e.consume();
            }
        });
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
        // once a run for this log has ended, the same button runs the checks again
        run.textProperty().bind(Bindings.when(model.ranProperty()).then(messages.get("dns.run.again"))
                .otherwise(messages.get("dns.run")));
        run.getStyleClass().add(Styles.ACCENT);
        run.disableProperty().bind(model.canRunProperty().not());
        run.setOnAction(e -> model.run());
        // No Cancel of its own: the window's Cancel (and Esc) just below stops the checks, and two Cancel buttons
        // one above the other made a user wonder which one stops what.
        HBox buttons = new HBox(8, run);

        VBox box = new VBox(10, title, lead, senderLabel, sender, recipientsLabel, list, leftOutNotice(), addRow,
                resolverPane, mailServerOptions());
        box.setPadding(new Insets(18, 18, 8, 18));
        ScrollPane scroll = new ScrollPane(box);
        scroll.setFitToWidth(true);
        VBox.setVgrow(scroll, Priority.ALWAYS);
        // Run stays in sight however long the options above grow; the line above it shows where they scroll under.
        buttons.setPadding(new Insets(10, 18, 14, 18));
        buttons.getStyleClass().add("dnscheck-actions");
        VBox pane = new VBox(scroll, buttons);
        pane.setMinWidth(300);
        return pane;
    }

    /**
     * Below the domains, when some failing domain of the log is not among them: how many are checked, and the action
     * that adds the others (a report must not read as if they were checked).
     */
    private Node leftOutNotice() {
        Label text = Labels.wrapped("");
        text.setId("dns-left-out");
        text.setGraphic(new FontIcon(Material2MZ.WARNING));
        text.getGraphic().getStyleClass().add("state-warning");
        text.textProperty().bind(model.leftOutNoticeProperty());
        Button addOthers = new Button(messages.get("dns.recipients.addLeftOut"), new FontIcon(Material2AL.ADD));
        addOthers.setId("dns-add-left-out");
        addOthers.getStyleClass().add(Styles.SMALL);
        addOthers.setOnAction(e -> model.addLeftOutDomains());
        VBox box = new VBox(6, text, addOthers);
        box.getStyleClass().add("callout");
        box.visibleProperty().bind(Bindings.isNotEmpty(model.leftOutNoticeProperty()));
        box.managedProperty().bind(box.visibleProperty());
        return box;
    }

    /**
     * Enter in a field of this step runs the checks, as Enter in the add-a-domain field adds its domain: without an
     * action of its own a text field passes Enter on to the window's default button, Next, which left the step
     * without running anything. Nothing happens while the checks cannot run.
     */
    private void runOnEnter(TextField field) {
        field.setOnAction(e -> {
            model.run();
            e.consume();
        });
    }

    /** The opt-in SMTP test, and behind it the RCPT test with its address and what it does. */
    private Node mailServerOptions() {
        CheckBox probe = new MnemonicCheckBox(messages.get("dns.smtp.enable"));
        probe.setId("dns-smtp");
        probe.setWrapText(true);
        probe.selectedProperty().bindBidirectional(model.probeServersProperty());
        Label help = Labels.wrapped(messages.get("dns.smtp.help"));
        help.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);

        CheckBox rcpt = new MnemonicCheckBox(messages.get("dns.smtp.rcpt"));
        rcpt.setId("dns-smtp-rcpt");
        rcpt.setWrapText(true);
        rcpt.selectedProperty().bindBidirectional(model.rcptTestProperty());
        Label rcptHelp = Labels.wrapped(messages.get("dns.smtp.rcpt.help"));
        rcptHelp.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        ComboBox<String> address = new ComboBox<>(model.rcptSuggestions());
        address.setId("dns-smtp-rcpt-address");
        address.setEditable(true);
        address.setMaxWidth(Double.MAX_VALUE);
        address.setPromptText(messages.get("dns.smtp.rcpt.prompt"));
        address.getEditor().textProperty().bindBidirectional(model.rcptAddressProperty());
        address.disableProperty().bind(model.rcptTestProperty().not());
        // Enter in the address runs the checks too (not the window's Next); with its list open it picks the entry.
        // A key filter, not onAction: an editable combo box fires its action also when an entry is picked.
        address.addEventFilter(javafx.scene.input.KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == javafx.scene.input.KeyCode.ENTER && !address.isShowing()) {
                model.run();
                e.consume();
            }
        });
        Label addressLabel = new Label(messages.get("dns.smtp.rcpt.label"));
        addressLabel.setLabelFor(address);
        addressLabel.disableProperty().bind(address.disableProperty());
        Label problem = Labels.wrapped("");
        problem.setId("dns-smtp-rcpt-problem");
        problem.textProperty().bind(model.rcptProblemProperty());
        problem.getStyleClass().add(Styles.DANGER);
        problem.visibleProperty().bind(Bindings.isNotEmpty(model.rcptProblemProperty()));
        problem.managedProperty().bind(problem.visibleProperty());

        VBox rcptBox = new VBox(6, rcpt, rcptHelp, addressLabel, address, problem);
        rcptBox.setPadding(new Insets(4, 0, 0, 24));
        rcptBox.visibleProperty().bind(model.canEditRcptProperty());
        rcptBox.managedProperty().bind(rcptBox.visibleProperty());
        VBox box = new VBox(6, probe, help, rcptBox);
        box.getStyleClass().add("callout");
        box.setAccessibleText(messages.get("dns.smtp.title"));
        return box;
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

        Label notice = Labels.wrapped("");
        notice.setId("dns-smtp-notice");
        notice.setGraphic(new FontIcon(Material2MZ.WARNING));
        notice.getGraphic().getStyleClass().add("state-warning");
        notice.textProperty().bind(model.probeNoticeProperty());
        notice.getStyleClass().add("callout");
        notice.setMaxWidth(Double.MAX_VALUE);
        notice.visibleProperty().bind(Bindings.isNotEmpty(model.probeNoticeProperty()));
        notice.managedProperty().bind(notice.visibleProperty());

        TableColumn<CheckRow, CheckState> stateColumn = new TableColumn<>(messages.get("dns.col.state"));
        List<String> stateLabels = Arrays.stream(CheckState.values()).map(s -> messages.get("dns.state." + s.name()))
                .toList();
        TableView<CheckRow> table = new TableView<>(model.rows()) {
            /** Whether the state column's least width was measured in a drawn cell. */
            private boolean measured;

            @Override
            protected void layoutChildren() {
                super.layoutChildren();
                // the longest state label ("Not checked", "Ej kontrollerat") with its icon must not be cut to "Not
                // check…" when a narrow window shrinks the columns: measured as the other tables measure theirs, in a
                // drawn cell's font, padding and icon, once one is drawn (the columns are laid out again at once)
                if (!measured) {
                    CellWidths.aCell(this, stateColumn).filter(c -> c.getGraphic() != null).ifPresent(cell -> {
                        measured = true;
                        double least = CellWidths.cellWidthWithGraphic(cell, stateLabels);
                        stateColumn.setMinWidth(least);
                        stateColumn.setPrefWidth(Math.max(130, least));
                        // the columns were fitted before these widths: fitted again (setting the policy runs it), or
                        // at a width not changed since (a window opened at 1024 x 700) they ran past the table, the
                        // Result column cut under the vertical bar without its ellipsis
                        var policy = getColumnResizePolicy();
                        setColumnResizePolicy(UNCONSTRAINED_RESIZE_POLICY);
                        setColumnResizePolicy(policy);
                        requestLayout();
                    });
                }
            }
        };
        table.setId("check-table");
        table.getStyleClass().addAll(Styles.DENSE, Tweaks.EDGE_TO_EDGE);
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
        // until a row is drawn (and measured, above) the column's width is only asked of the header
        stateColumn.setPrefWidth(130);
        TableColumn<CheckRow, String> domain = new TableColumn<>(messages.get("dns.col.domain"));
        domain.setCellValueFactory(d -> new ReadOnlyObjectWrapper<>(
                IdnaNames.withUnicode(d.getValue().domain())));
        domain.setPrefWidth(170);
        TableColumn<CheckRow, String> check = new TableColumn<>(messages.get("dns.col.check"));
        check.setCellValueFactory(d -> new ReadOnlyObjectWrapper<>(d.getValue().label()));
        check.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : item);
                // a mail server's name and address may not fit the column
                setTooltip(empty || item == null ? null : new Tooltip(item));
            }
        });
        check.setPrefWidth(200);
        TableColumn<CheckRow, String> summary = new TableColumn<>(messages.get("dns.col.summary"));
        summary.setCellValueFactory(d -> d.getValue().summaryProperty());
        summary.setPrefWidth(420);
        table.getColumns().addAll(List.of(stateColumn, domain, check, summary));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        Label placeholder = Labels.wrapped(messages.get("dns.rows.empty"));
        placeholder.getStyleClass().add(Styles.TEXT_MUTED);
        table.setPlaceholder(placeholder);
        table.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> model.selectedRowProperty().set(b));
        model.selectedRowProperty().addListener((o, a, b) -> {
            if (b != table.getSelectionModel().getSelectedItem()) {
                table.getSelectionModel().select(b);
                if (b != null) {
                    table.scrollTo(b);
                }
            }
        });

        // Virtualized: only the lines in sight have nodes. A card per finding of every domain at once (300 domains,
        // ~16,000 labels) ran a 256 MB heap out and froze the window for 20 s restyling them when a run ended.
        ListView<FindingLine> findings = new ListView<>();
        findings.setId("dns-findings");
        findings.getStyleClass().add(Tweaks.EDGE_TO_EDGE);
        findings.setCellFactory(v -> new FindingCell(messages, model::copy));
        findings.setPlaceholder(new Region());
        model.groups().addListener((ListChangeListener<FindingGroup>) c ->
                findings.getItems().setAll(FindingLine.of(model.groups())));
        // by keyboard: the arrows go from line to line, the usual copy keys copy the finding on the selected line
        findings.setOnKeyPressed(e -> {
            if (COPY.match(e) && findings.getSelectionModel().getSelectedItem() instanceof FindingLine.Entry(var f)) {
                model.copy(f);
                e.consume();
            }
        });
        VBox.setVgrow(findings, Priority.ALWAYS);

        Button copyAll = new Button(messages.get("dns.findings.copyAll"), new FontIcon(Material2AL.CONTENT_COPY));
        copyAll.getStyleClass().addAll(Styles.SMALL, Styles.FLAT);
        copyAll.disableProperty().bind(model.canCopyFindingsProperty().not());
        copyAll.setOnAction(e -> model.copyAll());
        VBox findingsBox = new VBox(findings);
        findingsBox.setPadding(new Insets(6, 0, 0, 0));

        Button copyTranscript = new Button(messages.get("dns.smtp.conversation.copy"),
                new FontIcon(Material2AL.CONTENT_COPY));
        copyTranscript.setId("dns-smtp-transcript-copy");
        copyTranscript.getStyleClass().addAll(Styles.SMALL, Styles.FLAT);
        copyTranscript.disableProperty().bind(model.canCopyTranscriptProperty().not());
        copyTranscript.setOnAction(e -> model.copyTranscript());

        Tab findingsTab = new Tab(messages.get("dns.findings.title"), findingsBox);
        Tab conversationTab = new Tab(messages.get("dns.smtp.conversation.tab"), conversationPane());
        conversationTab.setId("dns-smtp-conversation-tab");
        conversationTab.disableProperty().bind(model.hasConversationsProperty().not());
        TabPane tabs = new TabPane(findingsTab, conversationTab);
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        tabs.getStyleClass().add(Styles.DENSE);
        // Choosing a mail server's row is asking for its conversation.
        model.selectedRowProperty().addListener((o, a, b) -> {
            if (b != null && b.target().isPresent()) {
                tabs.getSelectionModel().select(conversationTab);
            }
        });
        model.hasConversationsProperty().addListener((o, a, b) -> {
            if (!b) {
                tabs.getSelectionModel().select(findingsTab);
            }
        });

        // Each tab's copy button sits at the right end of the tab row, where it costs no height.
        copyAll.visibleProperty().bind(findingsTab.selectedProperty());
        copyAll.managedProperty().bind(copyAll.visibleProperty());
        copyTranscript.visibleProperty().bind(conversationTab.selectedProperty());
        copyTranscript.managedProperty().bind(copyTranscript.visibleProperty());
        HBox tabActions = new HBox(4, copyAll, copyTranscript);
        tabActions.getStyleClass().add("tab-actions");
        tabActions.setPickOnBounds(false);
        tabActions.setAlignment(Pos.TOP_RIGHT);
        tabActions.setMaxSize(Region.USE_PREF_SIZE, Region.USE_PREF_SIZE);
        StackPane.setAlignment(tabActions, Pos.TOP_RIGHT);
        StackPane lower = new StackPane(tabs, tabActions);

        SplitPane split = new SplitPane(table, lower);
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.5);
        VBox.setVgrow(split, Priority.ALWAYS);
        // when a run ends, what it found in a few words, before its ~170 rows
        Label summaryOfRun = Labels.wrapped("");
        summaryOfRun.setId("dns-summary");
        summaryOfRun.textProperty().bind(model.resultSummaryProperty());
        summaryOfRun.getStyleClass().add("callout");
        summaryOfRun.setMaxWidth(Double.MAX_VALUE);
        summaryOfRun.visibleProperty().bind(Bindings.isNotEmpty(model.resultSummaryProperty()));
        summaryOfRun.managedProperty().bind(summaryOfRun.visibleProperty());
        VBox box = new VBox(10, progressRow, summaryOfRun, error, notice, split);
        box.setPadding(new Insets(14, 18, 12, 14));
        return new StackPane(box);
    }

    /** The selected mail server's conversation in a monospace area (selectable, copyable), or a hint. */
    private Node conversationPane() {
        TextArea text = new TextArea();
        text.setId("dns-smtp-transcript");
        text.setEditable(false);
        text.setWrapText(false);
        text.getStyleClass().add("mono");
        text.textProperty().bind(model.transcriptProperty());
        Label hint = Labels.wrapped(messages.get("dns.smtp.conversation.empty"));
        hint.getStyleClass().add(Styles.TEXT_MUTED);
        hint.setPadding(new Insets(12));
        StackPane.setAlignment(hint, Pos.TOP_LEFT);
        hint.visibleProperty().bind(Bindings.isEmpty(model.transcriptProperty()));
        text.visibleProperty().bind(hint.visibleProperty().not());
        StackPane body = new StackPane(text, hint);
        body.setPadding(new Insets(6, 0, 0, 0));
        return body;
    }

    private static Ikon stateIcon(CheckState state) {
        return switch (state) {
            case PENDING -> Material2MZ.RADIO_BUTTON_UNCHECKED;
            case RUNNING -> Material2AL.HOURGLASS_EMPTY;
            case OK -> Material2AL.CHECK_CIRCLE;
            case NOTE -> Material2AL.INFO;
            case NOT_CHECKED -> Material2MZ.REMOVE_CIRCLE_OUTLINE;
            case WARNING -> Material2MZ.WARNING;
            case ERROR -> Material2AL.ERROR;
            case CANCELLED -> Material2AL.BLOCK;
            case STOPPED -> Material2MZ.STOP_CIRCLE;
        };
    }

}
