package org.mailpath.ui.importing;

import atlantafx.base.theme.Styles;
import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.OverrunStyle;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.DragEvent;
import javafx.scene.input.KeyCode;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;
import org.mailpath.engine.log.FileProblem;
import org.mailpath.ui.common.Messages;
import org.mailpath.ui.common.StepFocus;

/** Step 1 on screen: the drop zone, Open… and the sample, progress while reading, problems when done. */
public final class ImportView {

    private final ImportViewModel model;
    private final Messages messages;
    private final HBox root;
    private final StackPane overlay = new StackPane();
    /** The button Enter should press in each state: Open…, or See the events once a log is read. */
    private final java.util.Map<ImportState, Button> primary = new java.util.EnumMap<>(ImportState.class);

    public ImportView(ImportViewModel model, Messages messages, Runnable continueToEvents) {
        this.model = model;
        this.messages = messages;
        StackPane states = new StackPane(emptyPane(), loadingPane(), failedPane(), donePane(continueToEvents));
        states.getStyleClass().add("drop-zone");
        states.setId("drop-zone");
        model.dropVerdictProperty().addListener((o, a, b) -> {
            states.pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("accept"), b == DropVerdict.ACCEPT);
            states.pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("refuse"), b == DropVerdict.REFUSE);
        });
        HBox.setHgrow(states, Priority.ALWAYS);
        root = new HBox(20, states, recentPane());
        root.setPadding(new Insets(24));
        root.getStyleClass().add("import-view");
        buildOverlay();
        // Shown again, the step focuses what Enter should press, as when it opens or a read ends.
        StepFocus.mainControl(root, () -> java.util.Optional.ofNullable(primary.get(model.stateProperty().get())));
        // Without this the window starts with the header's first step button focused, and a log that stays here
        // (it has problems to read first) leaves focus wherever it was: Enter then pressed that, not the next step.
        model.stateProperty().addListener((o, a, b) -> focusPrimary());
        root.sceneProperty().addListener((o, a, b) -> focusPrimary());
    }

    public Node root() {
        return root;
    }

    private void focusPrimary() {
        Button button = primary.get(model.stateProperty().get());
        if (root.getScene() != null && button != null) {
            button.requestFocus();
        }
    }

    /** A hint drawn over the whole window while a file is dragged over it; mouse-transparent. */
    public Node dropOverlay() {
        return overlay;
    }

    /**
     * Makes the whole window a drop target. Acceptance is decided from the names alone (no disk access while
     * dragging); a drop brings the Import step to the front and starts reading.
     */
    public void acceptDropsOn(Scene scene, Runnable showImport) {
        scene.addEventHandler(DragEvent.DRAG_OVER, e -> {
            if (e.getGestureSource() == null && e.getDragboard().hasFiles()) {
                if (model.dragOver(paths(e.getDragboard().getFiles()))) {
                    e.acceptTransferModes(TransferMode.COPY);
                }
                e.consume();
            }
        });
        scene.addEventHandler(DragEvent.DRAG_EXITED_TARGET, e -> {
            if (e.getTarget() == scene) {
                model.dragEnded();
            }
        });
        scene.addEventHandler(DragEvent.DRAG_EXITED, e -> model.dragEnded());
        scene.addEventHandler(DragEvent.DRAG_DROPPED, e -> {
            boolean taken = e.getDragboard().hasFiles() && model.dropAcceptable(paths(e.getDragboard().getFiles()));
            if (taken) {
                showImport.run();
                model.drop(paths(e.getDragboard().getFiles()));
            } else {
                model.dragEnded();
            }
            e.setDropCompleted(taken);
            e.consume();
        });
    }

    private static List<Path> paths(List<File> files) {
        return files.stream().map(File::toPath).toList();
    }

    private void buildOverlay() {
        Label hint = new Label();
        hint.setMnemonicParsing(false);
        hint.textProperty().bind(model.dropHintProperty());
        hint.getStyleClass().add("drop-hint");
        hint.setWrapText(true);
        overlay.getChildren().add(hint);
        overlay.setAlignment(Pos.BOTTOM_CENTER);
        overlay.setPadding(new Insets(0, 0, 80, 0));
        overlay.setMouseTransparent(true);
        overlay.setPickOnBounds(false);
        overlay.visibleProperty().bind(model.dropVerdictProperty().isNotEqualTo(DropVerdict.NONE));
        model.dropVerdictProperty().addListener((o, a, b) -> {
            hint.getStyleClass().removeAll("accept", "refuse");
            if (b != DropVerdict.NONE) {
                hint.getStyleClass().add(b.name().toLowerCase(java.util.Locale.ROOT));
            }
        });
    }

    private VBox statePane(ImportState state) {
        VBox box = new VBox(14);
        box.setAlignment(Pos.CENTER);
        box.setMaxWidth(620);
        box.visibleProperty().bind(model.stateProperty().isEqualTo(state));
        box.managedProperty().bind(box.visibleProperty());
        return box;
    }

    private Node emptyPane() {
        VBox box = statePane(ImportState.EMPTY);
        FontIcon icon = new FontIcon(Material2AL.FILE_UPLOAD);
        icon.getStyleClass().add("hero-icon");
        Label title = title(messages.get("import.title"));
        Label lead = text(messages.get("import.lead"));
        Label howto = text(messages.get("import.howto"));
        howto.getStyleClass().add(Styles.TEXT_MUTED);
        HBox actions = actions();
        primary.put(ImportState.EMPTY, (Button) actions.getChildren().getFirst());
        box.getChildren().addAll(icon, title, notice(), lead, actions, relayField(), howto);
        return box;
    }

    private HBox actions() {
        Button open = new Button(messages.get("import.open"), new FontIcon(Material2AL.FOLDER_OPEN));
        open.getStyleClass().add(Styles.ACCENT);
        open.setId("import-open");
        open.disableProperty().bind(model.canOpenProperty().not());
        open.setOnAction(e -> model.open());
        Button sample = new Button(messages.get("import.sample"), new FontIcon(Material2MZ.SCIENCE));
        sample.setId("import-sample");
        sample.disableProperty().bind(model.canOpenProperty().not());
        sample.setOnAction(e -> model.trySample());
        // In a narrow window the recent-files list gives way; the buttons keep their whole words.
        open.setMinWidth(Region.USE_PREF_SIZE);
        sample.setMinWidth(Region.USE_PREF_SIZE);
        HBox actions = new HBox(10, open, sample);
        actions.setAlignment(Pos.CENTER);
        return actions;
    }

    /**
     * The Email Relay field, under Open… in each pane that has it: the org's relay (host names or IP addresses), which
     * the analysis needs before it reads a log; its error, when it holds something else, below it.
     */
    private Node relayField() {
        TextField field = new TextField();
        field.setId("import-relay-hosts");
        field.setPromptText(messages.get("import.relay.prompt"));
        field.setPrefColumnCount(24);
        field.textProperty().bindBidirectional(model.relayHostsProperty());
        field.setTooltip(new Tooltip(messages.get("import.relay.help")));
        Label label = new Label(messages.get("import.relay.label"));
        label.setLabelFor(field);
        label.setMinWidth(Region.USE_PREF_SIZE);
        HBox row = new HBox(8, label, field);
        row.setAlignment(Pos.CENTER);
        Label error = text("");
        error.getStyleClass().add(Styles.DANGER);
        error.textProperty().bind(model.relayHostsErrorProperty());
        error.visibleProperty().bind(model.relayHostsErrorProperty().isNotEmpty());
        error.managedProperty().bind(error.visibleProperty());
        // changed after a log was read: the analysis judged the replies while reading, so it must read the log again
        Label changed = text(messages.get("import.relay.changed"));
        Button again = new Button(messages.get("import.relay.readAgain"));
        again.setId("import-relay-read-again");
        again.disableProperty().bind(model.canOpenProperty().not());
        again.setOnAction(e -> model.readAgain());
        HBox notice = new HBox(8, changed, again);
        notice.setAlignment(Pos.CENTER);
        notice.visibleProperty().bind(model.relayChangedProperty());
        notice.managedProperty().bind(notice.visibleProperty());
        VBox box = new VBox(4, row, error, notice);
        box.setAlignment(Pos.CENTER);
        return box;
    }

    private Node loadingPane() {
        VBox box = statePane(ImportState.LOADING);
        Label title = title("");
        title.textProperty().bind(model.loadingTitleProperty());
        ProgressBar bar = new ProgressBar();
        bar.setPrefWidth(420);
        bar.progressProperty().bind(model.progressProperty());
        Label detail = text("");
        detail.textProperty().bind(model.progressTextProperty());
        detail.getStyleClass().add(Styles.TEXT_MUTED);
        Button cancel = new Button(messages.get("import.cancel"), new FontIcon(Material2MZ.STOP));
        cancel.setId("import-cancel");
        cancel.disableProperty().bind(model.canCancelProperty().not());
        cancel.setOnAction(e -> model.cancel());
        box.getChildren().addAll(title, bar, detail, cancel);
        return box;
    }

    private Node failedPane() {
        VBox box = statePane(ImportState.FAILED);
        FontIcon icon = new FontIcon(Material2AL.ERROR_OUTLINE);
        icon.getStyleClass().addAll("hero-icon", "danger");
        Label title = title(messages.get("import.error.title"));
        // a valid export with no mail in it is no broken file: the neutral look of the empty pane's icon, an
        // information sign and a title that says so; the text below gives what to check
        Runnable look = () -> {
            boolean noMail = model.noMailLoggedProperty().get();
            icon.setIconCode(noMail ? Material2AL.INFO : Material2AL.ERROR_OUTLINE);
            icon.getStyleClass().remove("danger");
            if (!noMail) {
                icon.getStyleClass().add("danger");
            }
            title.setText(messages.get(noMail ? "import.noMail.title" : "import.error.title"));
        };
        model.noMailLoggedProperty().addListener((o, a, b) -> look.run());
        look.run();
        Label error = text("");
        error.setId("import-error");
        error.textProperty().bind(model.errorTextProperty());
        HBox actions = actions();
        primary.put(ImportState.FAILED, (Button) actions.getChildren().getFirst());
        box.getChildren().addAll(icon, title, error, notice(), actions, relayField());
        return box;
    }

    private Node donePane(Runnable continueToEvents) {
        VBox box = statePane(ImportState.DONE);
        box.setMaxWidth(760);
        FontIcon icon = new FontIcon(Material2AL.CHECK_CIRCLE);
        icon.setId("import-done-icon");
        icon.getStyleClass().addAll("hero-icon", "success");
        // counts in doubt (rows left out, messages joined by a guess) or a log read by an assumption (dates day
        // first…): no green check mark above the warnings that say so, the warning sign of their lines instead
        Runnable look = () -> {
            boolean warned = model.warnedProperty().get();
            icon.setIconCode(warned ? Material2MZ.WARNING : Material2AL.CHECK_CIRCLE);
            icon.getStyleClass().removeAll("success", "warning");
            icon.getStyleClass().add(warned ? "warning" : "success");
        };
        model.warnedProperty().addListener(o -> look.run());
        look.run();
        Label title = title("");
        title.textProperty().bind(model.doneTitleProperty());
        Label summary = text("");
        summary.setId("import-summary");
        summary.textProperty().bind(model.summaryTextProperty());
        // the reason for the warning sign when the counts are whole: what was assumed in reading the log
        Label assumed = notice(model.assumedTextProperty());
        assumed.setId("import-assumed");
        // several logs read together: each with its rows and the copies of rows left out
        VBox files = new VBox(2);
        files.setId("import-files");
        files.setAlignment(Pos.CENTER);
        model.fileLines().addListener((javafx.collections.ListChangeListener<String>) c ->
                files.getChildren().setAll(model.fileLines().stream().map(ImportView::text).toList()));
        files.visibleProperty().bind(Bindings.isNotEmpty(model.fileLines()));
        files.managedProperty().bind(files.visibleProperty());
        Label problemsTitle = new Label();
        problemsTitle.getStyleClass().add(Styles.TEXT_BOLD);
        problemsTitle.textProperty().bind(Bindings.createStringBinding(() -> messages.get(
                model.problems().isEmpty() ? "import.done.noProblems"
                        : model.fileLines().isEmpty() ? "import.done.problems" : "import.done.problemsMany"),
                model.problems(), model.fileLines()));
        ListView<FileProblem> problems = new ListView<>(model.problems());
        problems.setId("import-problems");
        problems.setCellFactory(v -> new ListCell<>() {
            {
                setWrapText(true);
                // No width of its own: the list lays the cell out at its own width and asks its height for that
                // width. Bound to the list's width less a guess, a long problem got the height of fewer lines than
                // it wrapped to and its end was cut.
                setPrefWidth(0);
            }

            @Override
            protected void updateItem(FileProblem item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : model.describe(item));
                // the sign matches the word after the text: a row left out, or a warning about the file
                setGraphic(empty || item == null ? null
                        : new FontIcon(item.rejected() ? Material2MZ.REMOVE_CIRCLE_OUTLINE : Material2MZ.WARNING));
            }
        });
        problems.setPrefHeight(180);
        // the texts above keep their whole lines (see text()): in a smaller window this list gives up its height,
        // down to about three lines that still read as a list that scrolls
        problems.setMinHeight(PROBLEMS_LEAST_HEIGHT);
        problems.visibleProperty().bind(Bindings.isNotEmpty(model.problems()));
        problems.managedProperty().bind(problems.visibleProperty());
        Button go = new Button(messages.get("import.done.continue"), new FontIcon(Material2AL.ARROW_FORWARD));
        go.setContentDisplay(javafx.scene.control.ContentDisplay.RIGHT);
        go.getStyleClass().add(Styles.ACCENT);
        go.setOnAction(e -> continueToEvents.run());
        primary.put(ImportState.DONE, go);
        go.setMinWidth(Region.USE_PREF_SIZE);
        HBox buttons = actions();
        buttons.getChildren().addFirst(go);
        buttons.getChildren().get(1).getStyleClass().remove(Styles.ACCENT);
        box.getChildren().addAll(icon, title, notice(), summary, assumed, files, problemsTitle, problems, buttons,
                relayField());
        return box;
    }

    /** What became of a read that left the screen as it was (cancelled, or failed with a log still open). */
    private Label notice() {
        return notice(model.noticeTextProperty());
    }

    /** A warning line with the given text, shown only while there is some. */
    private static Label notice(ReadOnlyStringProperty text) {
        Label notice = text("");
        notice.getStyleClass().addAll("import-notice", Styles.WARNING);
        notice.textProperty().bind(text);
        notice.visibleProperty().bind(text.isNotEmpty());
        notice.managedProperty().bind(notice.visibleProperty());
        return notice;
    }

    /** The least height of the list of a log's problems: about three lines of it, scrolled for the rest. */
    private static final double PROBLEMS_LEAST_HEIGHT = 72;

    /** The side panel's width, unless its heading needs more. */
    private static final double RECENT_WIDTH = 280;

    /** A recent entry's padding and the list's vertical scroll bar, which its text must leave room for. */
    private static final double RECENT_CELL_INSETS = 36;

    private Node recentPane() {
        Label title = new Label(messages.get("import.recent.title"));
        title.getStyleClass().addAll(Styles.TITLE_4);
        ListView<List<Path>> list = new ListView<>(model.recentFiles());
        list.setId("recent-files");
        list.getStyleClass().add("recent-list");
        Label placeholder = text(messages.get("import.recent.empty"));
        placeholder.getStyleClass().add(Styles.TEXT_MUTED);
        list.setPlaceholder(placeholder);
        list.setCellFactory(v -> new ListCell<>() {
            private final Label name = new Label();
            private final Label folder = new Label();
            private final VBox lines = new VBox(2, name, folder);

            {
                // As wide as the list, not as its longest entry: the names of logs opened together, one a line,
                // wrap only a name longer than the line, and a long folder is shortened in the middle, instead of a
                // sideways scroll bar under the list. A cell lays its graphic out at its preferred size, so only a
                // set width lets the labels wrap.
                setPrefWidth(0);
                name.prefWidthProperty().bind(list.widthProperty().subtract(RECENT_CELL_INSETS));
                folder.prefWidthProperty().bind(name.prefWidthProperty());
                for (Label l : List.of(name, folder)) {
                    l.setWrapText(true); // "3 logs, opened together, in" above the folder, not cut through
                    l.setMinHeight(Region.USE_PREF_SIZE);
                }
                folder.setTextOverrun(OverrunStyle.CENTER_ELLIPSIS);
                folder.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
            }

            @Override
            protected void updateItem(List<Path> item, boolean empty) {
                super.updateItem(item, empty);
                setText(null);
                if (empty || item == null) {
                    setGraphic(null);
                    setAccessibleText(null);
                    setTooltip(null);
                    return;
                }
                name.setText(model.recentName(item));
                folder.setText(model.recentFolder(item));
                // greyed as the list's placeholder is: a file moved or deleted since it was opened
                name.getStyleClass().remove(Styles.TEXT_MUTED);
                if (model.recentMissing(item)) {
                    name.getStyleClass().add(Styles.TEXT_MUTED);
                }
                setGraphic(lines);
                setAccessibleText(model.recentSpoken(item));
                setTooltip(new Tooltip(item.stream().map(Path::toString).collect(Collectors.joining("\n"))));
            }
        });
        list.setOnMouseClicked(e -> {
            if (e.getClickCount() == 2 && list.getSelectionModel().getSelectedItem() != null) {
                model.openRecent(list.getSelectionModel().getSelectedItem());
            }
        });
        list.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER && list.getSelectionModel().getSelectedItem() != null) {
                model.openRecent(list.getSelectionModel().getSelectedItem());
                e.consume();
            }
        });
        VBox.setVgrow(list, Priority.ALWAYS);
        Button clear = new Button(messages.get("import.recent.clear"), new FontIcon(Material2AL.DELETE_SWEEP));
        clear.getStyleClass().add(Styles.FLAT);
        clear.disableProperty().bind(model.canClearRecentProperty().not());
        clear.setOnAction(e -> model.clearRecentFiles());
        // The heading and its button keep their whole words ("Senaste fi..." beside "Rensa list..." at 1024 px in
        // Swedish): the panel is never narrower than the two need, and the drop zone beside it gives way.
        title.setMinWidth(Region.USE_PREF_SIZE);
        clear.setMinWidth(Region.USE_PREF_SIZE);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox head = new HBox(8, title, spacer, clear);
        head.setAlignment(Pos.CENTER_LEFT);
        // One width in every state of the drop zone beside it: given room by what the zone would like, the panel
        // was shrunk toward its least width by a long text there (a read's progress line, a log's results) and
        // widened again by a short one, so the list and its heading moved as a log was read. The drop zone takes the
        // rest of the row instead.
        VBox box = new VBox(8, head, list) {
            @Override
            protected double computePrefWidth(double height) {
                return Math.max(RECENT_WIDTH, snappedLeftInset() + head.prefWidth(-1) + snappedRightInset());
            }
        };
        box.setMinWidth(Region.USE_PREF_SIZE);
        box.setMaxWidth(Region.USE_PREF_SIZE);
        box.getStyleClass().add("side-panel");
        return box;
    }

    private static Label title(String text) {
        Label l = new Label(text);
        l.setMnemonicParsing(false);
        l.getStyleClass().add(Styles.TITLE_2);
        l.setWrapText(true);
        l.setMinHeight(Region.USE_PREF_SIZE); // as text(): its whole lines, not one line cut
        return l;
    }

    private static Label text(String text) {
        Label l = new Label(text);
        l.setMnemonicParsing(false);
        l.setWrapText(true);
        l.setAlignment(Pos.CENTER);
        l.setTextAlignment(javafx.scene.text.TextAlignment.CENTER);
        // As high as its wrapped lines: a pane short of height shrinks every child toward its least height, and a
        // label's is one line, so with the list of problems below a summary of two lines was drawn on one, cut
        // with "...". The list gives up its height instead (PROBLEMS_LEAST_HEIGHT).
        l.setMinHeight(Region.USE_PREF_SIZE);
        return l;
    }
}
