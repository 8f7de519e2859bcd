package org.mailpath.ui.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.util.concurrent.TimeUnit;
import javafx.geometry.Rectangle2D;
import javafx.stage.Screen;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mailpath.ui.common.SettingsStore;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

/** The window's minimum and first size, and a remembered place, always fit the screen (headless, Monocle). */
@ExtendWith(ApplicationExtension.class)
class WindowPlacementTest {

    private static SettingsStore settings(String window) throws IOException {
        SettingsStore settings = SettingsStore.open(Files.createTempDirectory("mailpath-window").resolve("s.properties"));
        if (!window.isEmpty()) {
            settings.put("window", window);
        }
        return settings;
    }

    private static Stage restored(SettingsStore settings, Rectangle2D screen) throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> {
            Stage stage = new Stage();
            WindowPlacement.restore(stage, settings, screen);
            return stage;
        }).get(5, TimeUnit.SECONDS);
    }

    @Test
    void aLargeScreenGetsTheUsualMinimumAndFirstSize() throws Exception {
        SettingsStore settings = settings("");
        Stage stage = restored(settings, new Rectangle2D(0, 0, 1920, 1040));
        assertEquals(900, stage.getMinWidth());
        assertEquals(600, stage.getMinHeight());
        assertEquals(1200, stage.getWidth());
        assertEquals(780, stage.getHeight());
    }

    @Test
    void aSmallLaptopScreenGetsAWindowThatFitsWithBackAndNextInSight() throws Exception {
        // 1366×768 at 125 % less a 40 px task bar
        SettingsStore settings = settings("");
        Stage stage = restored(settings, new Rectangle2D(0, 0, 1093, 574));
        assertEquals(900, stage.getMinWidth());
        assertEquals(574, stage.getMinHeight(), "the minimum is no taller than the screen");
        assertEquals(1093, stage.getWidth());
        assertEquals(574, stage.getHeight());
    }

    @Test
    void aPlaceSavedOnALargerMonitorIsMadeToFitTheScreenNow() throws Exception {
        Rectangle2D screen = WaitForAsyncUtils.asyncFx(() -> Screen.getPrimary().getVisualBounds()).get(5, TimeUnit.SECONDS);
        SettingsStore settings = settings("40,30," + (screen.getWidth() + 600) + "," + (screen.getHeight() + 300)
                + ",false");
        Stage stage = restored(settings, screen);
        assertEquals(screen.getWidth(), stage.getWidth());
        assertEquals(screen.getHeight(), stage.getHeight());
        assertTrue(stage.getX() >= screen.getMinX() && stage.getY() >= screen.getMinY(), stage.getX() + "," + stage.getY());
    }

    @Test
    void aSavedSizeBelowTheMinimumIsRaisedToIt() throws Exception {
        SettingsStore settings = settings("10,10,700,500,false");
        Stage stage = restored(settings, new Rectangle2D(0, 0, 1920, 1040));
        assertEquals(900, stage.getWidth());
        assertEquals(600, stage.getHeight());
        assertEquals(10, stage.getX());
    }
}
