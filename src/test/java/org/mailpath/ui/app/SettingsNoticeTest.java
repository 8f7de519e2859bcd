package org.mailpath.ui.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.mailpath.engine.log.FileErrorReason;
import org.mailpath.ui.common.Messages;
import org.mailpath.ui.common.SettingsProblem;
import org.mailpath.ui.common.SettingsStore;
import org.mailpath.ui.testing.TestEngines;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The window says what happened to the settings: a damaged file said "unreadable … starting fresh" on the terminal
 * only, and a folder that cannot be written lost every change at exit without a word.
 */
@ExtendWith(ApplicationExtension.class)
class SettingsNoticeTest {

    @TempDir
    Path dir;

    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    @Test
    void eachProblemIsSaidOnceInTheAppsLanguageAndAFailedSaveOnlyOnceASession() {
        SettingsNotice notice = new SettingsNotice(Messages.forLocale(Locale.ENGLISH));
        Path file = Path.of("/home/u/.config/mailpath/settings.properties");
        Path backup = Path.of("/home/u/.config/mailpath/settings.properties.bad");
        notice.tell(new SettingsProblem.LinesSkipped(file, List.of(new SettingsProblem.SkippedLine(5, "window"),
                new SettingsProblem.SkippedLine(7, "recent.1")), Optional.of(backup)));
        assertEquals("Some settings in " + file + " could not be read and were reset to their defaults: line 5 "
                + "(window), line 7 (recent.1). The file as it was is kept as " + backup + ".",
                notice.textProperty().get());
        notice.dismiss();
        assertEquals("", notice.textProperty().get());
        SettingsProblem.NotSaved notSaved = new SettingsProblem.NotSaved(file,
                FileErrorReason.reasonOf(new AccessDeniedException(file.toString())));
        notice.tell(notSaved);
        assertEquals("Settings cannot be saved to " + file + " (permission denied): changes you "
                + "make now are lost when MailPath closes.", notice.textProperty().get());
        notice.dismiss();
        notice.tell(notSaved);
        assertEquals("", notice.textProperty().get(), "once a session, not at each change");

        SettingsNotice sv = new SettingsNotice(Messages.forLocale(Locale.forLanguageTag("sv")));
        sv.tell(new SettingsProblem.TooLarge(file, 314_572_800, 1 << 20, Optional.of(backup)));
        assertTrue(sv.textProperty().get().startsWith("Inställningsfilen " + file + " är 314"),
                sv.textProperty().get());
    }

    @Test
    void aDamagedSettingsFileIsToldInTheWindowWhichTheUserCanClose() throws Exception {
        Path file = Files.writeString(dir.resolve("settings.properties"), "theme=dark\nwindow=\\u00\n");
        TestEngines.Running engine = TestEngines.start();
        try {
            AppContext app = WaitForAsyncUtils.asyncFx(() -> {
                AppContext a = new AppContext(stage, SettingsStore.open(file), Messages.forLocale(Locale.ENGLISH),
                        engine.services(), Platform::runLater);
                a.show(List.of());
                return a;
            }).get(30, TimeUnit.SECONDS);
            WaitForAsyncUtils.waitForFxEvents();
            FxRobot robot = new FxRobot();
            Label notice = robot.lookup("#settings-notice").queryAs(Label.class);
            assertTrue(notice.getParent().getParent().isVisible());
            assertEquals("Some settings in " + file + " could not be read and were reset to their defaults: line 2 "
                    + "(window). The file as it was is kept as " + dir.resolve("settings.properties.bad") + ".",
                    notice.getText());
            assertTrue(app.appearance().darkProperty().get(), "the lines read are kept");
            robot.interact(() -> robot.lookup("#settings-notice-close").queryAs(Button.class).fire());
            assertFalse(notice.getParent().getParent().isVisible());
            WaitForAsyncUtils.asyncFx(app::shutdown).get(5, TimeUnit.SECONDS);
        } finally {
            engine.close();
        }
    }
}
