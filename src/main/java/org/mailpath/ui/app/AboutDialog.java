package org.mailpath.ui.app;

import javafx.geometry.Insets;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.mailpath.engine.common.MailPathVersion;
import org.mailpath.ui.common.LanguageChoice;
import org.mailpath.ui.common.Messages;

/** The About box on screen: version, what MailPath does, the language for the next start, forgetting settings. */
public final class AboutDialog {

    /** The text's greatest width: 440 px at the theme's 14 px font. */
    static final double TEXT_EMS = 440 / 14.0;

    private final AboutViewModel model;
    private final Messages messages;
    private final Window owner;
    private final ButtonType forget;
    private final Alert alert;

    public AboutDialog(AboutViewModel model, Messages messages, Window owner) {
        this.model = model;
        this.messages = messages;
        this.owner = owner;
        forget = new ButtonType(messages.get("app.settings.clear"));
        ButtonType close = new ButtonType(messages.get("app.about.close"), ButtonBar.ButtonData.CANCEL_CLOSE);
        alert = new Alert(Alert.AlertType.NONE, "", forget, close);
        alert.initOwner(owner);
        alert.setTitle(messages.get("app.about.title"));
        alert.setHeaderText(messages.get("app.title") + " " + MailPathVersion.version());
        Label text = new Label(messages.format("app.about.text", MailPathVersion.version()));
        text.setWrapText(true);
        // 440 px at the theme's 14 px font, in ems so that a larger system font widens it: at 20 a box as narrow as
        // before cut "Language (from the next sta…" and "Forget recent files …"
        text.setStyle("-fx-max-width: " + TEXT_EMS + "em;");
        text.setPadding(new Insets(4));
        alert.getDialogPane().setContent(new Content(text, languageChoice(), alert.getDialogPane()));
        // The box opens with Close focused and as its default: the dialog pane otherwise focuses its first button,
        // "Forget …", and Enter or Space pressed at once to dismiss the box wiped the settings.
        defaultAndFocused(alert, close, forget);
    }

    /**
     * Shows the box and waits; "Forget …" asks first, naming what is lost, and once confirmed the settings are gone
     * and a second box says so.
     */
    public void showAndWait() {
        alert.showAndWait().filter(forget::equals).filter(t -> confirmForgetting()).ifPresent(t -> {
            model.forgetSettings();
            Alert done = new Alert(Alert.AlertType.INFORMATION, messages.get("app.settings.cleared"), ButtonType.OK);
            done.initOwner(owner);
            done.setTitle(messages.get("app.about"));
            done.setHeaderText(null);
            done.showAndWait();
        });
    }

    /**
     * Whether the user confirms forgetting: the question names all that goes, and Cancel is focused and the
     * default, so a key pressed by habit keeps everything.
     */
    private boolean confirmForgetting() {
        ButtonType confirm = new ButtonType(messages.get("app.settings.clear.confirm"), ButtonBar.ButtonData.OK_DONE);
        ButtonType keep = new ButtonType(messages.get("app.settings.clear.keep"), ButtonBar.ButtonData.CANCEL_CLOSE);
        Alert ask = new Alert(Alert.AlertType.CONFIRMATION, messages.get("app.settings.clear.question"), confirm,
                keep);
        ask.initOwner(owner);
        ask.setTitle(messages.get("app.settings.clear"));
        ask.setHeaderText(messages.get("app.settings.clear.header"));
        defaultAndFocused(ask, keep, confirm);
        return ask.showAndWait().filter(confirm::equals).isPresent();
    }

    /**
     * Makes {@code safe}'s button the box's default and focuses it when the box is shown, and {@code other}'s no
     * default: the dialog pane otherwise focuses its first button, and a key pressed at once would press that.
     */
    private static void defaultAndFocused(Alert box, ButtonType safe, ButtonType other) {
        Button safeButton = (Button) box.getDialogPane().lookupButton(safe);
        safeButton.setDefaultButton(true);
        ((Button) box.getDialogPane().lookupButton(other)).setDefaultButton(false);
        box.setOnShown(e -> safeButton.requestFocus());
    }

    /**
     * The box's content, at least as wide as its buttons want: the dialog pane takes its width from its content, and
     * the button bar gives each button the widest one's width, so "Glöm senaste filer och inställningar" was cut
     * beside "Stäng".
     */
    private static final class Content extends VBox {
        private final DialogPane pane;

        Content(Label text, HBox choice, DialogPane pane) {
            super(12, text, choice);
            this.pane = pane;
        }

        @Override
        protected double computePrefWidth(double height) {
            double own = super.computePrefWidth(height);
            return pane.lookup(".button-bar") instanceof ButtonBar bar ? Math.max(own, bar.prefWidth(-1)) : own;
        }

        @Override
        protected double computeMinWidth(double height) {
            return computePrefWidth(height);
        }
    }

    /** The label says the choice applies from the next start: the texts in the window are loaded once. */
    private HBox languageChoice() {
        return LanguageChoice.labelled("about-language", messages.get("app.language"), model.languages(),
                model.languageProperty());
    }
}
