package org.mailpath.ui.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.mailpath.ui.common.Messages;
import org.mailpath.ui.common.SettingsStore;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The About box with the usual and a larger system font ({@code -Dcom.sun.javafx.fontSize=20}), in English and
 * Swedish: no label or button is cut. At 20 its text, kept to 440 px, made a box too narrow for
 * "Language (from the next sta…" and "Forget recent files …".
 */
@ExtendWith(ApplicationExtension.class)
class AboutDialogLargerFontTest {

    @TempDir
    Path dir;

    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        stage.setScene(new Scene(new StackPane(), 400, 300));
        stage.show();
    }

    @ParameterizedTest
    @CsvSource({"en, 13", "sv, 13", "en, 20", "sv, 20"})
    void nothingInTheBoxIsCut(String language, double systemFont, FxRobot robot) {
        try (LargerFont font = LargerFont.of(systemFont, robot)) {
            Messages messages = Messages.forLocale(Locale.forLanguageTag(language));
            SettingsStore settings = SettingsStore.open(dir.resolve("settings.properties"));
            AboutViewModel model = new AboutViewModel(OfferedLanguages.load(), messages.locale(), settings, () -> { });
            Platform.runLater(() -> new AboutDialog(model, messages, stage).showAndWait());
            WaitForAsyncUtils.waitForFxEvents();
            DialogPane pane = robot.lookup(".dialog-pane").queryAs(DialogPane.class);
            List<String> cut = new ArrayList<>();
            double[] sizes = new double[2];
            robot.interact(() -> {
                cut.addAll(LargerFont.cutLabels(pane));
                Label text = (Label) pane.getContent().lookup(".label");
                sizes[0] = text.getFont().getSize();
                sizes[1] = text.getWidth();
            });
            assertEquals(14 * Math.max(13, systemFont) / 13, sizes[0], 0.01, "the box's font");
            assertEquals(List.of(), cut);
            // at the usual size the text keeps its 440 px
            if (systemFont == 13) {
                assertTrue(sizes[1] <= 440 && sizes[1] > 400, "the text is " + sizes[1] + " px wide");
            }
            robot.interact(() -> pane.getScene().getWindow().hide());
            WaitForAsyncUtils.waitForFxEvents();
        }
    }
}
