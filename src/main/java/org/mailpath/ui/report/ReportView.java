package org.mailpath.ui.report;

import atlantafx.base.theme.Styles;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextArea;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;
import org.mailpath.report.ReportFormat;
import org.mailpath.ui.common.Labels;
import org.mailpath.ui.common.Messages;

/** Step 5 on screen: choices and exports on the left, the live preview on the right. */
public final class ReportView {

    private final SplitPane root;

    public ReportView(ReportViewModel model, Messages messages) {
        Label title = Labels.wrapped(messages.get("report.title"));
        title.getStyleClass().add(Styles.TITLE_3);
        Label lead = Labels.wrapped(messages.get("report.lead"));
        lead.getStyleClass().add(Styles.TEXT_MUTED);

        Label domainsLabel = new Label(messages.get("report.domains"));
        domainsLabel.getStyleClass().add(Styles.TEXT_BOLD);
        ListView<DomainChoice> list = new ListView<>(model.domains());
        list.setId("report-domains");
        list.setPrefHeight(220);
        list.setCellFactory(v -> new ListCell<>() {
            private final CheckBox box = new CheckBox();
            private DomainChoice bound;

            @Override
            protected void updateItem(DomainChoice item, boolean empty) {
                super.updateItem(item, empty);
                if (bound != null) {
                    box.selectedProperty().unbindBidirectional(bound.includedProperty());
                    bound = null;
                }
                if (empty || item == null) {
                    setGraphic(null);
                    return;
                }
                bound = item;
                box.setMnemonicParsing(false);
                box.setText(item.domain());
                box.selectedProperty().bindBidirectional(item.includedProperty());
                Label counts = new Label(item.counts());
                counts.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED);
                setGraphic(new VBox(2, box, counts));
            }
        });
        domainsLabel.setLabelFor(list);
        Button all = new Button(messages.get("report.domains.all"));
        all.getStyleClass().addAll(Styles.SMALL, Styles.FLAT);
        all.setOnAction(e -> model.selectAllDomains(true));
        Button none = new Button(messages.get("report.domains.none"));
        none.getStyleClass().addAll(Styles.SMALL, Styles.FLAT);
        none.setOnAction(e -> model.selectAllDomains(false));
        HBox allNone = new HBox(4, all, none);

        CheckBox redact = new CheckBox(messages.get("report.redact"));
        redact.setId("report-redact");
        redact.selectedProperty().bindBidirectional(model.redactProperty());
        CheckBox problems = new CheckBox(messages.get("report.problemsOnly"));
        problems.selectedProperty().bindBidirectional(model.problemsOnlyProperty());

        Button pdf = exportButton(model, messages, ReportFormat.PDF, Material2MZ.PICTURE_AS_PDF);
        pdf.getStyleClass().add(Styles.ACCENT);
        Button html = exportButton(model, messages, ReportFormat.HTML, Material2AL.CODE);
        Button json = exportButton(model, messages, ReportFormat.JSON, Material2AL.DESCRIPTION);
        Label exportLabel = new Label(messages.get("report.export"));
        exportLabel.getStyleClass().add(Styles.TEXT_BOLD);
        HBox exports = new HBox(8, pdf, html, json);
        Button note = new Button(messages.get("report.copyNote"), new FontIcon(Material2AL.CONTENT_COPY));
        note.setId("report-copy-note");
        note.disableProperty().bind(model.canCopyNoteProperty().not());
        note.setOnAction(e -> model.copyNote());

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
        writing.managedProperty().bind(writing.visibleProperty());
        HBox statusRow = new HBox(8, writing, status);
        statusRow.setAlignment(Pos.CENTER_LEFT);

        VBox left = new VBox(10, title, lead, domainsLabel, list, allNone, redact, problems, new Region(), exportLabel, exports, note,
                statusRow);
        left.setPadding(new Insets(18));
        left.setMinWidth(340);

        Label previewTitle = new Label(messages.get("report.preview"));
        previewTitle.getStyleClass().add("section-title");
        ProgressIndicator building = new ProgressIndicator();
        building.setPrefSize(16, 16);
        building.visibleProperty().bind(model.previewingProperty());
        HBox previewHead = new HBox(8, previewTitle, building);
        previewHead.setAlignment(Pos.CENTER_LEFT);
        TextArea preview = new TextArea();
        preview.setId("report-preview");
        preview.setEditable(false);
        preview.setWrapText(false);
        preview.getStyleClass().add("mono");
        preview.textProperty().bind(model.previewProperty());
        VBox.setVgrow(preview, Priority.ALWAYS);
        VBox right = new VBox(8, previewHead, preview);
        right.setPadding(new Insets(18, 18, 12, 12));

        root = new SplitPane(left, right);
        root.setDividerPositions(0.34);
    }

    public Node root() {
        return root;
    }

    private static Button exportButton(ReportViewModel model, Messages messages, ReportFormat format,
                                       org.kordamp.ikonli.Ikon icon) {
        Button b = new Button(messages.get("report.export." + format.name()), new FontIcon(icon));
        b.setId("report-export-" + format.extension());
        b.disableProperty().bind(model.canExportProperty().not());
        b.setOnAction(e -> model.export(format));
        return b;
    }

}
