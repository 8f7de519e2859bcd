package org.mailpath.ui.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mailpath.ui.common.SettingsStore;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The base font follows a larger system font: AtlantaFX's {@code .root { -fx-font-size: 14px; }} made
 * {@code -Dcom.sun.javafx.fontSize=20} (and Windows' larger text, which JavaFX reads into the default font) change
 * nothing.
 */
@ExtendWith(ApplicationExtension.class)
class BaseFontSizeTest {

    @Test
    void theThemesSizeGrowsInProportionToALargerSystemFontOnly() {
        assertEquals(14 * 20 / 13.0, BaseFontSize.following(20, 13).pixels(), 1e-9);
        assertEquals(14 * 18 / 12.0, BaseFontSize.following(18, 12).pixels(), 1e-9);
        assertEquals(14, BaseFontSize.following(13, 13).pixels());
        // a smaller system font keeps the size the layouts were made for; nonsense never breaks the start
        assertEquals(14, BaseFontSize.following(9, 13).pixels());
        assertEquals(14, BaseFontSize.following(Double.NaN, 13).pixels());
        assertEquals(14, BaseFontSize.following(Double.POSITIVE_INFINITY, 13).pixels());
        assertEquals(14, BaseFontSize.following(20, 0).pixels());
    }

    @Test
    void theRootFontOfAWindowAndItsControlsFollowsTheLargerSize(FxRobot robot) throws Exception {
        SettingsStore settings = SettingsStore.open(
                Files.createTempDirectory("mailpath-font").resolve("settings.properties"));
        Appearance larger = new Appearance(settings, BaseFontSize.following(20, 13));
        try {
            for (boolean dark : new boolean[] {false, true}) {
                robot.interact(() -> {
                    if (larger.darkProperty().get() != dark) {
                        larger.toggle();
                    }
                    larger.apply();
                });
                assertEquals(14 * 20 / 13.0, rootFontOfANewWindow(robot), 0.01, "dark " + dark);
            }
        } finally {
            // the user-agent stylesheet is the whole test run's: the theme's own size again for the tests after
            Appearance usual = new Appearance(settings, BaseFontSize.following(13, 13));
            robot.interact(() -> {
                if (usual.darkProperty().get()) {
                    usual.toggle();
                }
                usual.apply();
            });
        }
        assertEquals(14, rootFontOfANewWindow(robot), 0.01);
    }

    /** The font size of a label in a new scene, with the app's own stylesheet as the app's window has it. */
    private static double rootFontOfANewWindow(FxRobot robot) throws Exception {
        Label label = new Label("Messages in the report");
        FxToolkit.setupStage((Stage stage) -> {
            Scene scene = new Scene(new StackPane(label), 300, 100);
            scene.getStylesheets().add(AppContext.class.getResource("/org/mailpath/ui/mailpath.css").toExternalForm());
            stage.setScene(scene);
            stage.show();
        });
        return WaitForAsyncUtils.asyncFx(() -> {
            label.applyCss();
            return label.getFont().getSize();
        }).get(5, TimeUnit.SECONDS);
    }
}
