package org.mailpath.ui.report;

import atlantafx.base.theme.Styles;
import atlantafx.base.theme.Tweaks;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.transformation.SortedList;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ScrollBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;
import org.mailpath.report.Paper;
import org.mailpath.report.ReportFormat;
import org.mailpath.ui.common.FilterRow;
import org.mailpath.ui.common.Labels;
import org.mailpath.ui.common.LanguageChoice;
import org.mailpath.ui.common.Messages;
import org.mailpath.ui.common.TippedCell;

/**
 * Step 5 on screen: the scope (domains, failing only), redaction and exports on the left; on the right the messages
 * in scope, each with its include box, above the live preview.
 */
public final class ReportView {

    private final SplitPane root;

    public ReportView(ReportViewModel model, Messages messages) {
        Label title = Labels.wrapped("");
        title.textProperty().bind(model.titleProperty());
        title.getStyleClass().add(Styles.TITLE_3);
        Label lead = Labels.wrapped(messages.get("report.lead"));
        // small, as the help under the other choices of the side: a line less of it is a domain more in view
        lead.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);

        Label domainsLabel = new Label(messages.get("report.domains"));
        domainsLabel.getStyleClass().add(Styles.TEXT_BOLD);
        ListView<DomainChoice> list = new ListView<>(model.domains());
        list.setId("report-domains");
        list.setPrefHeight(220);
        // at least three domains visible: in a low window the side scrolls instead of squeezing the list; in a
        // higher one the list takes the side's free height, more domains at a glance
        list.setMinHeight(130);
        VBox.setVgrow(list, Priority.ALWAYS);
        list.setCellFactory(v -> new ListCell<>() {
            private final CheckBox box = new CheckBox();
            private DomainChoice bound;

            {
                // clicked, never tabbed to: each box was a Tab stop (30 domains, 30 Tabs to pass the list); the list
                // is one, its arrows move and Space ticks, as in the messages table (IncludeCell)
                box.setFocusTraversable(false);
            }

            @Override
            protected void updateItem(DomainChoice item, boolean empty) {
                super.updateItem(item, empty);
                if (bound != null) {
                    box.selectedProperty().unbindBidirectional(bound.includedProperty());
                    bound = null;
                }
                accessibleTextProperty().unbind();
                if (empty || item == null) {
                    setAccessibleText(null);
                    setGraphic(null);
                    return;
                }
                bound = item;
                // the cell's words are in its graphic, where a screen reader found none: said with the choice
                accessibleTextProperty().bind(Bindings.when(item.includedProperty())
                        .then(messages.format("report.domains.spoken.in", item.domain(), item.counts()))
                        .otherwise(messages.format("report.domains.spoken.out", item.domain(), item.counts())));
                box.setMnemonicParsing(false);
                box.setText(item.domain());
                box.selectedProperty().bindBidirectional(item.includedProperty());
                Label counts = new Label(item.counts());
                counts.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED);
                setGraphic(new VBox(2, box, counts));
            }
        });
        // Space on the chosen domain includes or leaves it out, as in the messages table; without it the keyboard
        // reached a domain only by tabbing through the boxes of every domain above it. Tabbed to, the list has none
        // chosen: the domain with the focus (the first, if none) is chosen and ticked, where Space did nothing
        list.setOnKeyPressed(e -> {
            if (e.getCode() != KeyCode.SPACE || e.getTarget() != list || e.isShortcutDown() || e.isAltDown()
                    || list.getItems().isEmpty()) {
                return;
            }
            if (list.getSelectionModel().getSelectedItem() == null) {
                list.getSelectionModel().select(Math.max(0, list.getFocusModel().getFocusedIndex()));
            }
            DomainChoice chosen = list.getSelectionModel().getSelectedItem();
            chosen.includedProperty().set(!chosen.included());
            e.consume();
        });
        domainsLabel.setLabelFor(list);
        Button all = new Button(messages.get("report.domains.all"));
        all.setId("report-domains-all");
        all.getStyleClass().addAll(Styles.SMALL, Styles.FLAT);
        all.disableProperty().bind(model.canSelectAllDomainsProperty().not());
        all.setOnAction(e -> model.selectAllDomains(true));
        Button none = new Button(messages.get("report.domains.none"));
        none.setId("report-domains-none");
        none.getStyleClass().addAll(Styles.SMALL, Styles.FLAT);
        none.disableProperty().bind(model.canSelectNoDomainProperty().not());
        none.setOnAction(e -> model.selectAllDomains(false));
        // All and None on the heading's line, not a row of their own under the list: at 1024 x 700 the list kept
        // the height of one domain and a half above the fixed action bar. The heading wraps before they are cut.
        all.setMinWidth(Region.USE_PREF_SIZE);
        none.setMinWidth(Region.USE_PREF_SIZE);
        domainsLabel.setWrapText(true);
        domainsLabel.setMinHeight(Region.USE_PREF_SIZE);
        domainsLabel.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(domainsLabel, Priority.ALWAYS);
        HBox domainsHead = new HBox(4, domainsLabel, all, none);
        domainsHead.setAlignment(Pos.CENTER_LEFT);
        model.highlightedDomainProperty().bind(list.getSelectionModel().selectedItemProperty());
        // When one domain is left chosen (by "only the one selected in Events", the hint's "Only …", or on arrival
        // from a message selected in Events) it may be far down the list: show it, scrolling only as far as it takes
        // (DomainListScroll), so that no domain above it is left cut off at the top.
        Runnable showChosenDomain = () -> model.domains().stream().filter(DomainChoice::included).findFirst()
                .ifPresent(d -> DomainListScroll.reveal(list, model.domains().indexOf(d)));
        Node scopeHint = scopeHint(model, showChosenDomain);

        CheckBox redact = new CheckBox(messages.get("report.redact"));
        redact.setId("report-redact");
        redact.selectedProperty().bindBidirectional(model.redactProperty());
        // wrapped, as the choice under it: with a larger system font the side's width cut it "Redact local parts of add…"
        redact.setWrapText(true);
        redact.setMinHeight(Region.USE_PREF_SIZE);
        CheckBox problems = new CheckBox(messages.get("report.problemsOnly"));
        problems.setId("report-problems-only");
        problems.setWrapText(true);
        problems.setMinHeight(Region.USE_PREF_SIZE);
        problems.selectedProperty().bindBidirectional(model.problemsOnlyProperty());
        HBox language = languageAndPaper(model, messages);

        // The step's main action, full size and accented (as small text-only buttons beside the note's bigger one the
        // export looked secondary); the other formats in one menu beside it, so that the row keeps the height of the
        // one line of small buttons it replaces and the domain list its rows at 1024 x 700.
        Button pdf = exportButton(model, messages);
        MenuButton more = new MenuButton(messages.get("report.export.more"));
        more.setId("report-export-more");
        more.setMnemonicParsing(true);
        more.setTooltip(new Tooltip(messages.get("report.export.more.tip")));
        // spoken by its visible words (WCAG 2.5.3 Label in Name), what it holds as the help after them; given
        // outright, as a menu button speaks no text of its own (a button speaks its label)
        more.setAccessibleText(more.getText().replaceFirst("_", ""));
        more.setAccessibleHelp(messages.get("report.export.more.tip"));
        more.disableProperty().bind(model.canExportProperty().not());
        for (ReportFormat format : List.of(ReportFormat.HTML, ReportFormat.JSON, ReportFormat.TEXT, ReportFormat.CSV)) {
            MenuItem item = new MenuItem(messages.get("report.export." + format.name()));
            item.setId("report-export-" + format.extension());
            item.setMnemonicParsing(true);
            item.setOnAction(e -> model.export(format));
            more.getItems().add(item);
        }
        FlowPane exports = new FlowPane(8, 6, pdf, more);
        exports.setId("report-exports");
        Button note = new Button("", new FontIcon(Material2AL.CONTENT_COPY));
        note.textProperty().bind(model.copyNoteTextProperty());
        note.setId("report-copy-note");
        note.setWrapText(true);
        note.setMinHeight(Region.USE_PREF_SIZE);
        note.disableProperty().bind(model.canCopyNoteProperty().not());
        note.setOnAction(e -> model.copyNote());
        Label exportReason = Labels.wrapped("");
        exportReason.setId("report-export-reason");
        exportReason.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED);
        exportReason.textProperty().bind(model.exportBlockedReasonProperty());
        exportReason.visibleProperty().bind(model.exportBlockedReasonProperty().isNotEmpty());
        exportReason.managedProperty().bind(exportReason.visibleProperty());

        Label status = Labels.wrapped("");
        status.setId("report-status");
        status.textProperty().bind(model.statusProperty());
        model.statusIsErrorProperty().addListener((o, a, b) -> {
            status.getStyleClass().remove(Styles.DANGER);
            if (b) {
                status.getStyleClass().add(Styles.DANGER);
            }
        });
        ProgressIndicator writing = new ProgressIndicator();
        writing.setPrefSize(18, 18);
        writing.visibleProperty().bind(model.exportingProperty());
        // how far a rebuilt whole report got (JSON, CSV of a long log); spinning while the file is written
        writing.progressProperty().bind(model.exportProgressProperty());
        writing.managedProperty().bind(writing.visibleProperty());
        HBox statusRow = new HBox(8, writing, status);
        statusRow.setAlignment(Pos.CENTER_LEFT);
        // no empty line kept for it in the bar: the height goes to the domain list until an export has something to say
        statusRow.visibleProperty().bind(model.statusProperty().isNotEmpty().or(model.exportingProperty()));
        statusRow.managedProperty().bind(statusRow.visibleProperty());

        VBox left = new VBox(8, title, lead, domainsHead, list);
        left.setPadding(new Insets(18, 18, 8, 18));
        left.setMinWidth(340);
        // What shapes the export (redaction, bounced and deferred only, the report's language, the PDF's paper) sits
        // with the export buttons: at the end of the scrolled scope it was scrolled away at 1024 x 700, and in the
        // Swedish app the English preview was left without the choice that explains it.
        VBox options = new VBox(6, redact, problems, language);
        options.setId("report-options");
        // the step's actions under the scrolled scope, always in view: at 1024 x 700 with the skipped-steps notice
        // above they were below the window's bottom, only Back in the footer. Its top edge (CSS) shows where the
        // scrolled part ends; without it a row cut in half above the bar looked like broken layout.
        VBox actions = new VBox(8, options, exports, exportReason, note, statusRow);
        actions.setId("report-actions");
        actions.setPadding(new Insets(10, 18, 14, 18));
        actions.setMinHeight(Region.USE_PREF_SIZE);
        actions.getStyleClass().add("report-actions");

        Label previewTitle = new Label(messages.get("report.preview"));
        previewTitle.getStyleClass().add("section-title");
        ProgressIndicator building = new ProgressIndicator();
        building.setPrefSize(16, 16);
        building.visibleProperty().bind(model.previewingProperty());
        // how far the build got, as the import step's bar shows its read; spinning while that is not known
        building.progressProperty().bind(model.buildProgressProperty());
        previewTitle.setMinWidth(Region.USE_PREF_SIZE);
        Region headGap = new Region();
        HBox.setHgrow(headGap, Priority.ALWAYS);
        // the list limit with the preview, whose length it sets: in the fixed bar of the side its row took the
        // height of a domain at 1024 x 700
        ListLimitField limit = listLimit(model, messages);
        HBox previewHead = new HBox(8, previewTitle, building, headGap, limit.row());
        previewHead.setAlignment(Pos.CENTER_LEFT);
        // wrapped at the window's width (at 1024 x 640 unwrapped lines were cut at the right edge, "16 Novembe", behind
        // a sideways scroll bar), an indented paragraph's lines all indented
        ReportPreviewArea preview = new ReportPreviewArea();
        preview.setId("report-preview");
        preview.getStyleClass().add("mono");
        preview.reportProperty().bind(model.previewProperty());
        VBox.setVgrow(preview, Priority.ALWAYS);
        // a few lines of the report whatever the height: squeezed by the hint and its heading, it showed none at 2x;
        // in ems, so that the lines it keeps follow a larger font
        preview.setStyle("-fx-min-height: 4em;");
        // above the preview, not in the side: there it pushed the export and note buttons below the fold at 1280 x 800
        VBox previewBox = new WrappedColumn(8, scopeHint, previewHead, limit.notes(), preview);
        previewBox.setPadding(new Insets(10, 18, 12, 12));

        SplitPane split = new SplitPane(messagesPane(model, messages, showChosenDomain), previewBox);
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.56);
        // Below the height the messages and the preview need at least (a few rows, the hint, a few lines) the side
        // scrolls, as the left one does: squeezed instead, at 1093 x 566 (1366 x 708 at 125 %) no whole row showed
        // and the split's divider covered the hint under the table. Above it the split fills the side as before.
        ScrollPane right = new ScrollPane(split);
        right.setId("report-right");
        right.setFitToWidth(true);
        right.setFitToHeight(true);
        right.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        right.setMinHeight(0);
        right.getStyleClass().add(Tweaks.EDGE_TO_EDGE);

        ScrollPane leftScroll = new SideScrollPane(left);
        leftScroll.setFitToWidth(true);
        leftScroll.setFitToHeight(true);
        leftScroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        VBox.setVgrow(leftScroll, Priority.ALWAYS);
        // the scope scrolls and gives way; the actions keep their height
        leftScroll.setMinHeight(0);
        VBox side = new VBox(leftScroll, actions);
        root = new SplitPane(side, right);
        root.setDividerPositions(0.31);
    }

    /**
     * How many messages the PDF, HTML and text reports list in full: a field with arrows (Up and Down step by 500),
     * what is typed taken on Enter or on leaving it, as a spinner does; a problem with it and how many of the
     * report's messages are listed said under it.
     */
    private static ListLimitField listLimit(ReportViewModel model, Messages messages) {
        Spinner<Integer> field = new Spinner<>();
        field.setId("report-list-limit");
        field.setEditable(true);
        // 100 px at the theme's 14 px, in ems so that "2000" stays whole in a larger font ("200" was left of it)
        field.setStyle("-fx-pref-width: 7.2em;");
        SpinnerValueFactory.IntegerSpinnerValueFactory values = new SpinnerValueFactory.IntegerSpinnerValueFactory(0,
                999_999_999, model.listLimitProperty().get(), 500);
        // the text typed goes to the view-model, which says what is wrong with it; the field keeps its last good
        // number (never an exception from a converter that cannot read the text)
        values.setConverter(new StringConverter<>() {
            @Override
            public String toString(Integer n) {
                return n == null ? "" : n.toString();
            }

            @Override
            public Integer fromString(String text) {
                model.listLimitTextProperty().set(text);
                return model.listLimitProperty().get();
            }
        });
        field.setValueFactory(values);
        field.valueProperty().addListener((o, was, now) -> model.listLimitTextProperty().set(String.valueOf(now)));
        model.listLimitProperty().addListener((o, was, now) -> values.setValue(now.intValue()));
        explain(field, messages.get("report.listLimit.tip"));
        Label label = new Label(messages.get("report.listLimit"));
        label.setMnemonicParsing(true);
        label.setLabelFor(field);
        // wrapped rather than cut where the window is narrow (900 px in Swedish), the preview's title kept whole
        label.setWrapText(true);
        label.setMinHeight(Region.USE_PREF_SIZE);
        field.setMinWidth(Region.USE_PREF_SIZE);
        HBox row = new HBox(8, label, field);
        row.setAlignment(Pos.CENTER_LEFT);
        Label problem = Labels.wrapped("");
        problem.setId("report-list-limit-problem");
        problem.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.DANGER);
        problem.textProperty().bind(model.listLimitProblemProperty());
        problem.visibleProperty().bind(model.listLimitProblemProperty().isNotEmpty());
        problem.managedProperty().bind(problem.visibleProperty());
        Label listed = Labels.wrapped("");
        listed.setId("report-listing");
        listed.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED);
        listed.textProperty().bind(model.listingProperty());
        listed.visibleProperty().bind(model.listingProperty().isNotEmpty().and(problem.visibleProperty().not()));
        listed.managedProperty().bind(listed.visibleProperty());
        VBox notes = new VBox(2, problem, listed);
        notes.visibleProperty().bind(problem.visibleProperty().or(listed.visibleProperty()));
        notes.managedProperty().bind(notes.visibleProperty());
        return new ListLimitField(row, notes);
    }

    /** A control's tip, wrapped, and the same words as its accessible help (read by a screen reader). */
    private static void explain(Control control, String text) {
        Tooltip tip = new Tooltip(text);
        tip.setWrapText(true);
        tip.setMaxWidth(420);
        control.setTooltip(tip);
        control.setAccessibleHelp(text);
    }

    /**
     * The report's language and the PDF's paper side by side, each labelled above its choice: a row of its own for
     * the paper, label beside choice as the language has it, took the height of a domain from the list at 1024 x 700
     * (ReportActionsInViewTest). The paper is offered for every export, as the PDF button always shows; the other
     * formats have none (HTML prints on the browser's paper), which its tip says.
     */
    private static HBox languageAndPaper(ReportViewModel model, Messages messages) {
        ChoiceBox<Locale> language = LanguageChoice.choice("report-language", model.reportLanguages(),
                model.reportLanguageProperty());
        Label languageLabel = new Label(messages.get("report.language"));
        languageLabel.setLabelFor(language);

        ChoiceBox<Paper> paper = new ChoiceBox<>();
        paper.setId("report-paper");
        paper.getItems().setAll(Paper.values());
        paper.setConverter(new StringConverter<>() {
            @Override
            public String toString(Paper p) {
                return p == null ? "" : messages.get("report.paper." + p.name());
            }

            @Override
            public Paper fromString(String s) {
                return paper.getItems().stream().filter(p -> toString(p).equals(s)).findFirst().orElse(null);
            }
        });
        paper.valueProperty().bindBidirectional(model.paperProperty());
        // as wide as "US Letter" needs, in ems: left to itself a choice box is as wide as its menu, and beside the
        // language that widened the side (and narrowed the messages table) at 1024 x 700
        paper.setStyle("-fx-pref-width: 8.5em;");
        paper.setMinWidth(Region.USE_PREF_SIZE);
        explain(paper, messages.get("report.paper.tip"));
        Label paperLabel = new Label(messages.get("report.paper"));
        paperLabel.setMnemonicParsing(true);
        paperLabel.setLabelFor(paper);

        HBox row = new HBox(14, labelledAbove(languageLabel, language), labelledAbove(paperLabel, paper));
        row.setAlignment(Pos.BOTTOM_LEFT);
        return row;
    }

    private static VBox labelledAbove(Label label, Node choice) {
        // wrapped rather than cut with a larger system font, as the step's other labels
        label.setWrapText(true);
        label.setMinHeight(Region.USE_PREF_SIZE);
        return new VBox(2, label, choice);
    }

    /** The list limit's labelled field, and what is said of it under the preview's heading. */
    private record ListLimitField(HBox row, VBox notes) {
    }

    /**
     * Above the preview: that a report for one mail team should name its domain only, with the button that keeps
     * one, or after the default kept only the domain of the message selected in Events, the button that undoes it.
     */
    private static Node scopeHint(ReportViewModel model, Runnable showChosenDomain) {
        Label text = Labels.wrapped("");
        text.setId("report-domains-hint");
        text.textProperty().bind(model.scopeHintProperty());
        Button keepOnly = hintButton(model.keepOnlyTextProperty(), "report-domains-keep-only");
        keepOnly.setOnAction(e -> {
            model.keepOnlyDomain();
            showChosenDomain.run();
        });
        // the domain of the message selected in Events, ticked alone on arrival
        model.usualDomainsTextProperty().addListener((o, was, words) -> {
            if (!words.isEmpty()) {
                showChosenDomain.run();
            }
        });
        Button usual = hintButton(model.usualDomainsTextProperty(), "report-domains-usual");
        usual.setOnAction(e -> model.tickUsualDomains());
        HBox buttons = new HBox(6, keepOnly, usual);
        buttons.setAlignment(Pos.CENTER_RIGHT);
        buttons.setMinWidth(Region.USE_PREF_SIZE);
        HBox.setHgrow(text, Priority.ALWAYS);
        text.setMaxWidth(Double.MAX_VALUE);
        HBox box = new HBox(10, text, buttons);
        box.setAlignment(Pos.CENTER_LEFT);
        box.getStyleClass().add("callout-accent");
        box.visibleProperty().bind(model.scopeHintProperty().isNotEmpty());
        box.managedProperty().bind(box.visibleProperty());
        return box;
    }

    private static Button hintButton(javafx.beans.value.ObservableStringValue words, String id) {
        Button b = new Button();
        b.setId(id);
        b.setMnemonicParsing(false);
        b.getStyleClass().add(Styles.SMALL);
        b.textProperty().bind(words);
        b.visibleProperty().bind(Bindings.isNotEmpty(words));
        b.managedProperty().bind(b.visibleProperty());
        return b;
    }

    /** The messages in scope: search, bulk choices, and a virtualised table with an include box per row. */
    private static Node messagesPane(ReportViewModel model, Messages messages, Runnable showChosenDomain) {
        Label title = new Label(messages.get("report.messages"));
        title.setMnemonicParsing(true);
        title.getStyleClass().add("section-title");
        Label count = new Label();
        count.setId("report-message-count");
        count.textProperty().bind(model.countTextProperty());
        count.getStyleClass().add(Styles.TEXT_MUTED);
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox head = new HBox(8, title, gap, count);
        head.setAlignment(Pos.BASELINE_LEFT);

        TextField search = new TextField();
        search.setId("report-message-search");
        // a short prompt, as on the Events step: a long one was cut in a narrow window; the tooltip says the rest
        search.setPromptText(messages.get("report.messages.search.prompt"));
        search.setTooltip(new Tooltip(messages.get("report.messages.search.tooltip")));
        search.textProperty().bindBidirectional(model.searchProperty());
        search.setOnAction(e -> e.consume());
        Button all = smallButton(messages, "report.messages.all", "report-messages-all", e -> model.includeShown(true));
        all.disableProperty().bind(model.canIncludeAllShownProperty().not());
        Button none = smallButton(messages, "report.messages.none", "report-messages-none", e -> model.includeShown(false));
        none.disableProperty().bind(model.canIncludeNoneShownProperty().not());
        Button failing = smallButton(messages, "report.messages.failing", "report-messages-failing",
                e -> model.includeOnlyFailingShown());
        failing.disableProperty().bind(model.canIncludeOnlyFailingShownProperty().not());
        Button onlySelected = new Button(messages.get("report.messages.onlySelected"),
                new FontIcon(Material2AL.FILTER_CENTER_FOCUS));
        onlySelected.setId("report-only-selected");
        onlySelected.setMnemonicParsing(false);
        onlySelected.getStyleClass().add(Styles.SMALL);
        Tooltip onlySelectedTip = new Tooltip();
        onlySelectedTip.textProperty().bind(model.selectedInEventsProperty());
        onlySelected.setTooltip(onlySelectedTip);
        onlySelected.visibleProperty().bind(model.selectedInEventsProperty().isNotEmpty());
        onlySelected.managedProperty().bind(onlySelected.visibleProperty());
        onlySelected.disableProperty().bind(model.canIncludeOnlySelectedProperty().not());
        onlySelected.setOnAction(e -> {
            model.includeOnlySelected();
            showChosenDomain.run();
        });
        // The buttons keep their whole words; in a narrow window they go below the search field rather than
        // squeezing it (it was 22 px wide in the smallest window).
        FilterRow tools = new FilterRow(search, 6, all, none, failing, onlySelected);

        TableColumn<MessageChoice, String> time = column(messages.get("report.col.time"), MessageChoice::time, 124);
        time.setId("report-col-time");
        TableColumn<MessageChoice, String> recipient = column(messages.get("report.col.recipient"),
                MessageChoice::recipient, 210);
        recipient.setId("report-col-recipient");
        TableColumn<MessageChoice, String> result = column(messages.get("report.col.verdict"),
                MessageChoice::verdictText, 100);
        result.setId("report-col-verdict");
        TableColumn<MessageChoice, String> cause = column(messages.get("report.col.cause"), MessageChoice::cause, 160);
        cause.setId("report-col-cause");
        TableColumn<MessageChoice, String> messageId = column(messages.get("report.col.messageId"),
                MessageChoice::messageIdHeader, 500);
        messageId.setId("report-col-message-id");
        TableColumn<MessageChoice, Boolean> include = new TableColumn<>(messages.get("report.col.include"));
        include.setId("report-col-include");
        MessageColumns[] keyColumns = new MessageColumns[1];
        TableView<MessageChoice> table = new TableView<>() {
            @Override
            protected void layoutChildren() {
                super.layoutChildren();
                // Recipient, Result and Cause in the visible width, fitted to this log's texts (MessageColumns)
                keyColumns[0].fit();
            }
        };
        keyColumns[0] = new MessageColumns(table, include, time, recipient, result, cause);
        model.shownMessages().addListener((javafx.collections.ListChangeListener<MessageChoice>) c
                -> keyColumns[0].textsChanged());
        SortedList<MessageChoice> sorted = new SortedList<>(model.shownMessages());
        sorted.comparatorProperty().bind(table.comparatorProperty());
        table.setItems(sorted);
        table.setId("report-messages");
        table.setEditable(true);
        table.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        include.setCellValueFactory(d -> d.getValue().includedProperty());
        include.setCellFactory(c -> new IncludeCell(
                row -> messages.format("report.messages.include.spoken", row.recipient())));
        include.setEditable(true);
        include.setPrefWidth(76);
        include.setMinWidth(60);
        include.setStyle("-fx-alignment: CENTER;");
        table.getColumns().add(include);
        table.getColumns().addAll(List.of(time, recipient, result, cause, messageId));
        table.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
        table.setRowFactory(v -> new TableRow<>() {
            @Override
            protected void updateItem(MessageChoice item, boolean empty) {
                super.updateItem(item, empty);
                getStyleClass().removeAll("row-bounced", "row-deferred");
                opacityProperty().unbind();
                setOpacity(1);
                if (!empty && item != null) {
                    switch (item.verdict()) {
                        case BOUNCED -> getStyleClass().add("row-bounced");
                        case DEFERRED -> getStyleClass().add("row-deferred");
                        default -> { }
                    }
                    // A message left out stays in the list, dimmed, so it can be taken back in.
                    opacityProperty().bind(Bindings.when(item.includedProperty()).then(1.0).otherwise(0.5));
                }
            }
        });
        // Space takes the selected rows in or out; tabbed to, the table has none selected, and then the row with the
        // focus (the first, if none) is chosen and toggled: Space there did nothing
        table.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.SPACE && !e.isShortcutDown() && !e.isAltDown()) {
                List<MessageChoice> rows = List.copyOf(table.getSelectionModel().getSelectedItems());
                if (rows.isEmpty() && !table.getItems().isEmpty()) {
                    int focused = Math.max(0, table.getFocusModel().getFocusedIndex());
                    table.getSelectionModel().select(focused);
                    rows = List.copyOf(table.getSelectionModel().getSelectedItems());
                }
                model.toggle(rows);
                e.consume();
            }
        });
        table.getStyleClass().addAll(Styles.DENSE, Tweaks.EDGE_TO_EDGE);
        Label placeholder = Labels.wrapped("");
        placeholder.setId("report-messages-empty");
        placeholder.textProperty().bind(model.emptyListTextProperty());
        table.setPlaceholder(placeholder);
        title.setLabelFor(table);
        VBox.setVgrow(table, Priority.ALWAYS);
        // the heading, three dense rows and the sideways scroll bar at least: without a minimum the lines above the
        // table squeezed it to a header and a cut row in a short window. In ems, to hold as many rows in a larger font.
        table.setStyle("-fx-min-height: 10em;");

        Label keys = new Label(messages.get("report.messages.keys"));
        keys.setId("report-messages-keys");
        keys.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED);
        keys.setWrapText(true);
        keys.setMinHeight(Region.USE_PREF_SIZE);

        // The rows come failures first, then by first seen, which no sort arrow shows: "First seen" looked
        // chronological. Said above the table until a column header is clicked; its arrow tells the order then.
        Label order = new Label(messages.get("report.messages.order"), new FontIcon(Material2MZ.SORT));
        order.setId("report-messages-order");
        order.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED);
        order.setWrapText(true);
        order.setMinHeight(Region.USE_PREF_SIZE);
        order.visibleProperty().bind(Bindings.isEmpty(table.getSortOrder()));
        order.managedProperty().bind(order.visibleProperty());

        VBox box = new WrappedColumn(8, head, tools, order, table, keys);
        box.setPadding(new Insets(18, 18, 10, 12));
        // no fixed minimum (180 px was less than its lines and the table's least): the sum of its parts', so that the
        // split's divider never covers the hint under the table
        return box;
    }

    private static Button smallButton(Messages messages, String key, String id,
                                      javafx.event.EventHandler<javafx.event.ActionEvent> action) {
        Button b = new Button(messages.get(key));
        b.setId(id);
        b.getStyleClass().add(Styles.SMALL);
        b.setTooltip(new Tooltip(messages.get(key + ".tip")));
        b.setOnAction(action);
        return b;
    }

    private static <S> TableColumn<S, String> column(String title, Function<S, String> value, double width) {
        TableColumn<S, String> c = new TableColumn<>(title);
        c.setCellValueFactory(d -> new ReadOnlyObjectWrapper<>(value.apply(d.getValue())));
        // a text cut in a narrow column is shown whole in the cell's tooltip
        c.setCellFactory(col -> new TippedCell<>());
        c.setPrefWidth(width);
        c.setEditable(false);
        return c;
    }

    public Node root() {
        return root;
    }

    /**
     * A column whose least height is its lines' at the width it has. A split pane asks its parts for theirs at no
     * width, where a wrapped line counts as one: the scope hint's four lines at 2x were one, the split gave the
     * preview's part less than they take, and the hint was drawn under the divider.
     */
    private static final class WrappedColumn extends VBox {

        WrappedColumn(double spacing, Node... children) {
            super(spacing, children);
        }

        @Override
        protected double computeMinHeight(double width) {
            return super.computeMinHeight(width < 0 && getWidth() > 0 ? getWidth() : width);
        }
    }

    /**
     * The left side's scroll pane, never narrower than its content's minimum plus the vertical scroll bar. A plain
     * scroll pane may be made narrower than that by the split pane's divider (at 31 % of a 1024 px window), and then
     * the ends of the side's lines were simply not drawn: it has no horizontal scroll bar.
     */
    private static final class SideScrollPane extends ScrollPane {

        private final Region content;

        SideScrollPane(Region content) {
            super(content);
            this.content = content;
        }

        @Override
        protected double computeMinWidth(double height) {
            double bar = getChildrenUnmodifiable().stream()
                    .filter(n -> n instanceof ScrollBar b && b.getOrientation() == Orientation.VERTICAL)
                    .mapToDouble(n -> n.prefWidth(-1)).max().orElse(0);
            return snappedLeftInset() + content.minWidth(-1) + bar + snappedRightInset();
        }
    }

    /**
     * The PDF export, the report as it is attached for a recipient's mail team: the step's primary button, its text
     * saying what it does ("Export as PDF…"), with a tooltip that a screen reader gives as its help.
     */
    private static Button exportButton(ReportViewModel model, Messages messages) {
        Button b = new Button(messages.get("report.export.PDF"), new FontIcon(Material2AL.GET_APP));
        b.getStyleClass().add(Styles.ACCENT);
        b.setId("report-export-" + ReportFormat.PDF.extension());
        b.setTooltip(new Tooltip(messages.get("report.export.PDF.tip")));
        // spoken by its visible words (WCAG 2.5.3 Label in Name): it said only the tooltip's sentence, which a
        // speech user saying "Export as PDF" could not reach; the sentence is the help after them
        b.setAccessibleHelp(messages.get("report.export.PDF.tip"));
        b.disableProperty().bind(model.canExportProperty().not());
        b.setOnAction(e -> model.export(ReportFormat.PDF));
        return b;
    }

}
