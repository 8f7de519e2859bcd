package org.mailpath.ui.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.mailpath.engine.common.MailPathVersion;
import org.mailpath.ui.common.Messages;
import org.mailpath.ui.common.SettingsStore;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The About box on screen: what it shows, and what its choice and buttons do. */
@ExtendWith(ApplicationExtension.class)
class AboutDialogTest {

    private static final Locale SWEDISH = Locale.forLanguageTag("sv");

    @TempDir
    Path dir;

    private final AtomicInteger recentFilesForgotten = new AtomicInteger();
    private Stage stage;
    private SettingsStore settings;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        stage.setScene(new Scene(new StackPane(), 400, 300));
        stage.show();
    }

    /** Opens the box over the test window in {@code language}; returns once it shows. */
    private void open(Locale language) {
        settings = SettingsStore.open(dir.resolve("settings.properties"));
        settings.put("theme", "dark");
        Messages messages = Messages.forLocale(language);
        AboutViewModel model = new AboutViewModel(OfferedLanguages.load(), messages.locale(), settings,
                recentFilesForgotten::incrementAndGet);
        Platform.runLater(() -> new AboutDialog(model, messages, stage).showAndWait());
        WaitForAsyncUtils.waitForFxEvents();
    }

    @SuppressWarnings("unchecked")
    private static ChoiceBox<Locale> languageChoice(FxRobot robot) {
        return robot.lookup("#about-language").queryAs(ChoiceBox.class);
    }

    @Test
    void showsTheVersionAndTheLanguagesWithTheAppsOwnSelected(FxRobot robot) {
        open(SWEDISH);
        DialogPane pane = robot.lookup(".dialog-pane").queryAs(DialogPane.class);
        assertEquals("MailPath " + MailPathVersion.version(), pane.getHeaderText());
        // the bundled libraries' licenses ask that their notices go with the program: the box says where they are
        assertTrue(robot.lookup(n -> n instanceof javafx.scene.control.Label l
                && l.getText().contains("META-INF/THIRD-PARTY.txt")).tryQuery().isPresent(), "where the licenses are");
        assertTrue(robot.lookup(n -> n instanceof javafx.scene.control.Label l
                && l.getText().contains("/usr/share/doc/mailpath/copyright där .deb-paketet")
                && l.getText().contains("/usr/share/licenses/mailpath/copyright där .rpm-paketet"))
                .tryQuery().isPresent(), "where each Linux package puts its copyright file");
        ChoiceBox<Locale> choice = languageChoice(robot);
        assertEquals(List.of(Locale.ENGLISH, SWEDISH), choice.getItems());
        assertEquals(SWEDISH, choice.getValue());
        assertEquals("Svenska", choice.getConverter().toString(choice.getValue()));
        Label label = robot.lookup("Språk (från nästa start):").queryAs(Label.class);
        assertEquals(choice, label.getLabelFor(), "the label says when a choice applies");

        robot.clickOn("Stäng");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(Optional.empty(), settings.get(OfferedLanguages.SETTING), "looking changed nothing");
        assertEquals(Optional.of("dark"), settings.get("theme"));
        assertEquals(0, recentFilesForgotten.get());
    }

    @Test
    void aLanguagePickedInTheBoxIsSavedForTheNextStart(FxRobot robot) {
        open(Locale.ENGLISH);
        assertEquals(Locale.ENGLISH, languageChoice(robot).getValue());
        robot.clickOn("#about-language");
        robot.clickOn("Svenska");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(SWEDISH, languageChoice(robot).getValue());
        assertEquals(Optional.of("sv"), settings.get(OfferedLanguages.SETTING));
        // the box itself stays in the language the app started in
        assertTrue(robot.lookup("Language (from the next start):").tryQuery().isPresent());

        robot.clickOn("Close");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(Optional.of("sv"), settings.get(OfferedLanguages.SETTING));
        assertEquals(0, recentFilesForgotten.get());
    }

    /**
     * The review found focus on "Forget …" when the box opened: Enter or Space pressed to dismiss it wiped the recent
     * files and settings without a word. Close is focused, and Enter closes.
     */
    @Test
    void focusStartsOnCloseAndEnterRightAfterOpeningForgetsNothing(FxRobot robot) {
        open(Locale.ENGLISH);
        javafx.scene.Node focused = robot.lookup(".dialog-pane").query().getScene().getFocusOwner();
        assertTrue(focused instanceof javafx.scene.control.Button, String.valueOf(focused));
        assertEquals("Close", ((javafx.scene.control.Button) focused).getText());
        robot.type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(robot.lookup(".dialog-pane").tryQuery().isEmpty(), "Enter closed the box");
        assertEquals(Optional.of("dark"), settings.get("theme"));
        assertEquals(0, recentFilesForgotten.get());

        open(Locale.ENGLISH);
        robot.type(KeyCode.SPACE);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(robot.lookup(".dialog-pane").tryQuery().isEmpty(), "Space pressed Close");
        assertEquals(Optional.of("dark"), settings.get("theme"));
        assertEquals(0, recentFilesForgotten.get());
    }

    @Test
    void forgettingAsksFirstNamingWhatIsLostAndCancelKeepsEverything(FxRobot robot) {
        open(Locale.ENGLISH);
        robot.clickOn("Forget recent files and settings");
        WaitForAsyncUtils.waitForFxEvents();
        DialogPane question = robot.lookup(".dialog-pane").queryAs(DialogPane.class);
        assertEquals("Forget the recent files and all settings?", question.getHeaderText());
        assertTrue(question.getContentText().contains("recent files"), question.getContentText());
        assertTrue(question.getContentText().contains("theme"), question.getContentText());
        javafx.scene.Node focused = question.getScene().getFocusOwner();
        assertEquals("Cancel", ((javafx.scene.control.Button) focused).getText(), "Cancel is focused");
        assertEquals(Optional.of("dark"), settings.get("theme"), "nothing forgotten while asking");
        robot.type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(Optional.of("dark"), settings.get("theme"));
        assertEquals(0, recentFilesForgotten.get());
        assertTrue(robot.lookup(".dialog-pane").tryQuery().isEmpty(), "cancelled: no box left");
    }

    @Test
    void forgettingTheSettingsOnceConfirmedClearsThemAndSaysSo(FxRobot robot) {
        open(Locale.ENGLISH);
        robot.clickOn("Forget recent files and settings");
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn("Forget");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(Optional.empty(), settings.get("theme"));
        assertEquals(1, recentFilesForgotten.get());
        assertTrue(robot.lookup("Recent files and settings were cleared.").tryQuery().isPresent());

        robot.clickOn("OK");
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(robot.lookup(".dialog-pane").tryQuery().isEmpty(), "both boxes are closed");
    }
}
