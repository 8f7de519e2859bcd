package org.mailpath.ui.app;

import javafx.geometry.Rectangle2D;
import javafx.stage.Screen;
import javafx.stage.Stage;
import org.mailpath.ui.common.SettingsStore;

/** Remembers the window's size and position; a saved place that is off every screen now is ignored. */
final class WindowPlacement {

    private static final String KEY = "window";
    static final double DEFAULT_WIDTH = 1200;
    static final double DEFAULT_HEIGHT = 780;

    private WindowPlacement() {
    }

    static void restore(Stage stage, SettingsStore settings) {
        stage.setWidth(DEFAULT_WIDTH);
        stage.setHeight(DEFAULT_HEIGHT);
        settings.get(KEY).ifPresent(value -> {
            String[] p = value.split(",");
            if (p.length < 4) {
                return;
            }
            try {
                double x = Double.parseDouble(p[0]);
                double y = Double.parseDouble(p[1]);
                double w = Math.max(800, Double.parseDouble(p[2]));
                double h = Math.max(560, Double.parseDouble(p[3]));
                if (!Screen.getScreensForRectangle(new Rectangle2D(x, y, w, h)).isEmpty()) {
                    stage.setX(x);
                    stage.setY(y);
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
