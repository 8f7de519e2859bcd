package org.mailpath.ui.shell;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.Scene;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.mailpath.ui.common.Messages;
import org.mailpath.ui.common.StepFocus;
import atlantafx.base.theme.Styles;

/**
 * The wizard frame: a header with the step indicator, the current step's view, and Back / Next / Cancel.
 * Step views are built the first time they are shown, which keeps start-up short, or ahead of that while the
 * window is idle ({@link #buildAhead}, {@link IdleWork}).
 */
public final class WizardView {

    private final WizardViewModel model;
    private final List<StepPage> pages;
    private final Messages messages;
    private final BorderPane root = new BorderPane();
    /** Step views built ahead of their first visit, hidden in {@link #content}; see {@link #buildAhead}. */
    private final Set<Node> ahead = new HashSet<>();
    private final StackPane content = new StackPane() {
        @Override
        protected void layoutChildren() {
            super.layoutChildren();
            // the hidden views built ahead are laid out as they will be when shown
            Insets in = getInsets();
            for (Node n : ahead) {
                layoutInArea(n, in.getLeft(), in.getTop(), getWidth() - in.getLeft() - in.getRight(),
                        getHeight() - in.getTop() - in.getBottom(), 0, getAlignment().getHpos(),
                        getAlignment().getVpos());
            }
        }
    };
    private final HBox headerActions = new HBox(4);
    private final Map<Integer, Node> built = new HashMap<>();
    private final Button back = new Button();
    private final Button next = new Button();
    private final Button cancel = new Button();

    public WizardView(WizardViewModel model, List<StepPage> pages, Messages messages) {
        this.model = model;
        this.pages = List.copyOf(pages);
        this.messages = messages;
        root.getStyleClass().add("wizard");
        root.setTop(new VBox(header(), skippedNotice()));
        content.getStyleClass().add("wizard-content");
        root.setCenter(content);
        root.setBottom(buttonBar());
        model.currentProperty().addListener((o, a, b) -> show(b.intValue()));
        show(model.current());
    }

    public BorderPane root() {
        return root;
    }

    /** Space at the right of the header for app-wide buttons (theme, about). */
    public HBox headerActions() {
        return headerActions;
    }

    public Button nextButton() {
        return next;
    }

    /** Ctrl+1…5 jump to a step; installed once the scene exists. */
    public void installAccelerators(Scene scene) {
        KeyCode[] digits = {KeyCode.DIGIT1, KeyCode.DIGIT2, KeyCode.DIGIT3, KeyCode.DIGIT4, KeyCode.DIGIT5,
                KeyCode.DIGIT6, KeyCode.DIGIT7, KeyCode.DIGIT8, KeyCode.DIGIT9};
        for (int i = 0; i < pages.size() && i < digits.length; i++) {
            int index = i;
            scene.getAccelerators().put(new KeyCodeCombination(digits[i], KeyCombination.SHORTCUT_DOWN),
                    () -> model.goTo(index));
        }
    }

    private Node header() {
        Label title = new Label(messages.get("app.title"));
        title.getStyleClass().addAll(Styles.TITLE_3, "app-title");
        // In a narrow window the step names keep their words and the name beside the logo gives way; rather than
        // "MailP…" it is left out (the window title still says it).
        title.setMinWidth(0);
        title.visibleProperty().bind(Bindings.createBooleanBinding(
                () -> title.getWidth() >= title.prefWidth(-1) - 0.5, title.widthProperty()));
        FontIcon logo = new FontIcon(org.kordamp.ikonli.material2.Material2MZ.MARK_EMAIL_READ);
        logo.getStyleClass().add("app-logo");
        HBox brand = new HBox(8, logo, title);
        brand.setAlignment(Pos.CENTER_LEFT);

        HBox steps = new HBox(4);
        steps.setAlignment(Pos.CENTER);
        steps.getStyleClass().add("step-indicator");
        for (int i = 0; i < pages.size(); i++) {
            if (i > 0) {
                Region line = new Region();
                line.getStyleClass().add("step-line");
                steps.getChildren().add(line);
            }
            steps.getChildren().add(stepButton(i));
        }
        Region left = new Region();
        Region right = new Region();
        HBox.setHgrow(left, Priority.ALWAYS);
        HBox.setHgrow(right, Priority.ALWAYS);
        headerActions.setAlignment(Pos.CENTER_RIGHT);
        headerActions.setMinWidth(Region.USE_PREF_SIZE);
        HBox header = new HBox(12, brand, left, steps, right, headerActions);
        header.setAlignment(Pos.CENTER_LEFT);
        header.getStyleClass().add("wizard-header");
        header.setPadding(new Insets(10, 16, 10, 16));
        return header;
    }

    private Node stepButton(int index) {
        StepPage page = pages.get(index);
        String title = messages.get(page.titleKey());
        Label number = new Label(String.valueOf(index + 1));
        number.getStyleClass().add("step-number");
        FontIcon done = new FontIcon(Material2AL.CHECK);
        done.getStyleClass().add("step-check");
        // partly done: a dash, half of a check (the DNS checks begun and stopped, by the user or an error)
        FontIcon partly = new FontIcon(org.kordamp.ikonli.material2.Material2MZ.REMOVE);
        partly.getStyleClass().add("step-partly");
        // run to the end, most of it not made from this network (no DNS answers): offline, neither a tick nor a dash
        FontIcon notChecked = new FontIcon(Material2AL.CLOUD_OFF);
        notChecked.getStyleClass().add("step-not-checked");
        StackPane badge = new StackPane(number, done, partly, notChecked);
        badge.getStyleClass().add("step-badge");
        Button button = new Button(title, badge);
        button.setMnemonicParsing(false);
        button.setMinWidth(Region.USE_PREF_SIZE);
        button.getStyleClass().addAll("step-button", Styles.FLAT);
        button.setFocusTraversable(true);
        button.setTooltip(new Tooltip(messages.format("wizard.step.tooltip", index + 1, title)));
        button.setOnAction(e -> model.goTo(index));
        Tooltip tooltip = button.getTooltip();
        Runnable refresh = () -> {
            StepStatus status = model.statusProperty(index).get();
            button.getStyleClass().removeAll("current", "done", "not-checked", "partly-done", "skipped", "available", "locked");
            button.getStyleClass().add(status.name().toLowerCase(Locale.ROOT).replace('_', '-'));
            tooltip.setText(messages.format(switch (status) {
                case SKIPPED -> "wizard.step.tooltip.skipped";
                case PARTLY_DONE -> "wizard.step.tooltip.partlyDone";
                case NOT_CHECKED -> "wizard.step.tooltip.notChecked";
                default -> "wizard.step.tooltip";
            }, index + 1, title));
            // The state shows only as an icon and a style: a screen reader is told it in words, with the number.
            button.setAccessibleText(messages.format("wizard.step.spoken." + status.name(), index + 1, title));
            button.setDisable(status == StepStatus.LOCKED);
            done.setVisible(status == StepStatus.DONE);
            partly.setVisible(status == StepStatus.PARTLY_DONE);
            notChecked.setVisible(status == StepStatus.NOT_CHECKED);
            number.setVisible(status != StepStatus.DONE && status != StepStatus.PARTLY_DONE
                    && status != StepStatus.NOT_CHECKED);
        };
        model.statusProperty(index).addListener(o -> refresh.run());
        refresh.run();
        return button;
    }

    /**
     * On the last step (the report), what it lacks for each step before it that was skipped or stopped part way
     * ({@link WizardViewModel#reportNoticeProperty()}), in the step's own words (it knows what it did: how many checks
     * finished, whether another step's work took the place of its own): skipping is allowed, but the report must not
     * be taken for one with DNS findings or DKIM checks it does not have, nor said to lack findings it holds.
     */
    private Node skippedNotice() {
        Label notice = new Label();
        notice.setId("wizard-skipped");
        notice.setWrapText(true);
        notice.setMaxWidth(Double.MAX_VALUE);
        notice.setGraphic(new FontIcon(Material2AL.INFO));
        notice.getStyleClass().addAll("callout", "wizard-skipped");
        notice.textProperty().bind(model.reportNoticeProperty());
        notice.visibleProperty().bind(model.reportNoticeProperty().isNotEmpty());
        StackPane box = new StackPane(notice);
        box.setPadding(new Insets(8, 16, 0, 16));
        box.visibleProperty().bind(notice.visibleProperty());
        box.managedProperty().bind(notice.visibleProperty());
        return box;
    }

    private Node buttonBar() {
        back.setId("wizard-back");
        next.setId("wizard-next");
        cancel.setId("wizard-cancel");
        back.setText(messages.get("wizard.back"));
        back.setGraphic(new FontIcon(Material2AL.ARROW_BACK));
        back.disableProperty().bind(model.canBackProperty().not());
        back.setOnAction(e -> model.back());

        next.setText(messages.get("wizard.next"));
        next.setGraphic(new FontIcon(Material2AL.ARROW_FORWARD));
        next.setContentDisplay(ContentDisplay.RIGHT);
        next.getStyleClass().add(Styles.ACCENT);
        next.setDefaultButton(true);
        next.disableProperty().bind(model.canNextProperty().not());
        next.visibleProperty().bind(Bindings.createBooleanBinding(
                () -> model.current() < model.stepCount() - 1, model.currentProperty()));
        next.managedProperty().bind(next.visibleProperty());
        next.setOnAction(e -> model.next());

        cancel.setText(messages.get("wizard.cancel"));
        cancel.setMnemonicParsing(false);
        cancel.setTooltip(new Tooltip(messages.get("wizard.cancel.tooltip")));
        cancel.setCancelButton(true);
        cancel.disableProperty().bind(model.canCancelProperty().not());
        cancel.setOnAction(e -> model.cancel());

        // A disabled button shows no tooltip: why Next is disabled is said beside it.
        Label locked = new Label(messages.get("wizard.step.locked"));
        locked.setId("wizard-next-locked");
        locked.getStyleClass().add(Styles.TEXT_MUTED);
        locked.visibleProperty().bind(model.nextLockedProperty());
        locked.managedProperty().bind(locked.visibleProperty());
        locked.setMinWidth(Region.USE_PREF_SIZE);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox bar = new HBox(8, cancel, spacer, locked, back, next);
        bar.setAlignment(Pos.CENTER_RIGHT);
        bar.getStyleClass().add("wizard-buttons");
        bar.setPadding(new Insets(10, 16, 10, 16));
        return bar;
    }

    private void show(int index) {
        Node view = built.computeIfAbsent(index, i -> pages.get(i).view().get());
        // The step left goes (as always); views built ahead and not yet shown stay, hidden.
        content.getChildren().removeIf(n -> n != view && !ahead.contains(n));
        ahead.remove(view);
        view.setVisible(true);
        view.setManaged(true);
        if (!content.getChildren().contains(view)) {
            content.getChildren().add(view);
        }
        // Hand focus to the new step's main control, or its first one, so the keyboard continues where the eyes go
        // (and a screen reader says where it is); the step's root is a container that shows no focus ring.
        // Skins first: a step shown for the first time has none yet, and so no controls inside its scroll panes.
        if (view.getScene() != null) {
            view.applyCss();
        }
        StepFocus.of(view).orElse(view).requestFocus();
    }

    /**
     * Builds a step's view before its first visit and keeps it in the window, hidden, so its CSS, skins and layout
     * (and the classes they load) are done then and not when the step is entered. The first build of the Events
     * step took the UI thread 0.5-1 s, which the end of every import paid.
     */
    public void buildAhead(int index) {
        if (built.containsKey(index)) {
            return;
        }
        Node view = pages.get(index).view().get();
        built.put(index, view);
        view.setVisible(false);
        // unmanaged: its size does not count in the window's; laid out at the content's size all the same
        view.setManaged(false);
        ahead.add(view);
        content.getChildren().add(0, view);
    }

    /** The views built so far (for tests and the screenshot tour). */
    public List<Node> builtViews() {
        return new ArrayList<>(built.values());
    }
}
