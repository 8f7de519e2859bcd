package org.mailpath.ui.app;

import java.util.List;
import javafx.geometry.Rectangle2D;
import javafx.stage.Screen;
import javafx.stage.Stage;
import org.mailpath.ui.common.SettingsStore;

/**
 * The window's size limits, and its size and position remembered; a saved place that is off every screen now is
 * ignored. Neither the minimum nor the first size is ever larger than the screen shows: a 1366×768 laptop at 125 %
 * shows 1093×614 less its task bar, and a 900×600 minimum (or the 1200×780 default) put Back and Next below its edge.
 */
final class WindowPlacement {

    private static final String KEY = "window";
    static final double DEFAULT_WIDTH = 1200;
    static final double DEFAULT_HEIGHT = 780;
    /** Below this every step's buttons and titles still show whole (NarrowSwedishWindowTest). */
    static final double MIN_WIDTH = 900;
    static final double MIN_HEIGHT = 600;

    private WindowPlacement() {
    }

    static void restore(Stage stage, SettingsStore settings) {
        restore(stage, settings, Screen.getPrimary().getVisualBounds());
    }

    /** {@code screen}: the part of the primary screen that windows may use (without the task bar). */
    static void restore(Stage stage, SettingsStore settings, Rectangle2D screen) {
        stage.setMinWidth(Math.min(MIN_WIDTH, screen.getWidth()));
        stage.setMinHeight(Math.min(MIN_HEIGHT, screen.getHeight()));
        stage.setWidth(Math.min(DEFAULT_WIDTH, screen.getWidth()));
        stage.setHeight(Math.min(DEFAULT_HEIGHT, screen.getHeight()));
        settings.get(KEY).ifPresent(value -> {
            String[] p = value.split(",");
            if (p.length < 4) {
                return;
            }
            try {
                double x = Double.parseDouble(p[0]);
                double y = Double.parseDouble(p[1]);
                double w = Math.max(stage.getMinWidth(), Double.parseDouble(p[2]));
                double h = Math.max(stage.getMinHeight(), Double.parseDouble(p[3]));
                List<Screen> on = Screen.getScreensForRectangle(new Rectangle2D(x, y, w, h));
                if (!on.isEmpty()) {
                    // saved on a larger screen (a monitor now unplugged): made to fit the one it is on now
                    Rectangle2D shown = on.getFirst().getVisualBounds();
                    w = Math.min(w, shown.getWidth());
                    h = Math.min(h, shown.getHeight());
                    stage.setX(Math.clamp(x, shown.getMinX(), shown.getMaxX() - w));
                    stage.setY(Math.clamp(y, shown.getMinY(), shown.getMaxY() - h));
                    stage.setWidth(w);
                    stage.setHeight(h);
                }
                stage.setMaximized(p.length > 4 && Boolean.parseBoolean(p[4]));
            } catch (NumberFormatException e) {
                System.getLogger(WindowPlacement.class.getName()).log(System.Logger.Level.DEBUG, "bad window setting " + value);
            }
        });
    }

    static void save(Stage stage, SettingsStore settings) {
        settings.put(KEY, stage.getX() + "," + stage.getY() + "," + stage.getWidth() + "," + stage.getHeight() + ","
                + stage.isMaximized());
    }
}
