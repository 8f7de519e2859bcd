package org.mailpath.ui.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Labeled;
import javafx.scene.text.Text;
import org.mailpath.ui.common.SettingsStore;
import org.testfx.api.FxRobot;

/**
 * The app's base font as with {@code -Dcom.sun.javafx.fontSize=20} (see {@link BaseFontSizeTest}), set in the
 * user-agent stylesheet for the whole test run and put back to the theme's own size by {@link #close()}.
 */
final class LargerFont implements AutoCloseable {

    /** The system font size the review used: a root font of about 21.5 px. */
    static final double REVIEWED = 20;

    private final FxRobot robot;

    private LargerFont(FxRobot robot) {
        this.robot = robot;
    }

    /** Sets the base font for a system font of {@code systemSize} px where 13 is the usual one. */
    static LargerFont of(double systemSize, FxRobot robot) {
        apply(robot, BaseFontSize.following(systemSize, 13));
        return new LargerFont(robot);
    }

    @Override
    public void close() {
        apply(robot, BaseFontSize.following(13, 13));
    }

    private static void apply(FxRobot robot, BaseFontSize size) {
        try {
            SettingsStore settings = SettingsStore.open(
                    Files.createTempDirectory("mailpath-font").resolve("settings.properties"));
            robot.interact(() -> new Appearance(settings, size).apply());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The labels and buttons under {@code root} whose text is drawn cut, each as "text" drawn as "drawn". */
    static List<String> cutLabels(Parent root) {
        List<String> cut = new ArrayList<>();
        root.applyCss();
        root.layout();
        collect(root, cut);
        return cut;
    }

    private static void collect(Parent parent, List<String> cut) {
        for (Node n : parent.getChildrenUnmodifiable()) {
            if (n instanceof Labeled l && l.isVisible() && l.getText() != null && !l.getText().isEmpty()
                    && !drawn(l).equals(l.getText())) {
                cut.add("\"" + l.getText() + "\" drawn as \"" + drawn(l) + "\" (" + l.getWidth() + " px)");
            }
            if (n instanceof Parent p) {
                collect(p, cut);
            }
        }
    }

    /** The text a labeled control draws: its own, or cut with an ellipsis. */
    static String drawn(Parent labeled) {
        for (Node child : labeled.getChildrenUnmodifiable()) {
            if (child instanceof Text t) {
                return t.getText();
            }
        }
        return "";
    }
}
