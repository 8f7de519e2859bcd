package org.mailpath.ui;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.application.Platform;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.mailpath.ui.app.AppContext;
import org.mailpath.ui.app.EngineServices;
import org.mailpath.ui.common.Messages;
import org.mailpath.ui.common.SettingsStore;
import org.mailpath.ui.testing.TestEngines;

/**
 * Walks through the wizard in a real window and writes a PNG of every step:
 * {@code xvfb-run -a -s "-screen 0 1280x800x24" mvn -o -q test-compile exec:exec -Dexec.classpathScope=test
 * -Dmailpath.mainClass=org.mailpath.ui.ScreenshotTour -Dmailpath.args="assets/samples/sample-email-log.csv assets/screenshots"}
 * (several logs, analysed together: their paths joined by ":")
 * (optional third and fourth arguments: {@code light|dark} and a language tag such as {@code sv}; an optional fifth,
 * {@code WIDTHxHEIGHT} such as {@code 1024x640}, sizes the window, as does the system property
 * {@code mailpath.tour.size} when the tour is started with {@code java} directly; 1280x800 otherwise).
 */
public final class ScreenshotTour {

    private ScreenshotTour() {
    }

    public static void main(String[] args) throws Exception {
        // several logs, analysed together, are given joined by the path separator (':' on Linux)
        List<Path> logs = Arrays.stream((args.length > 0 ? args[0] : "assets/samples/sample-email-log.csv")
                .split(java.io.File.pathSeparator)).map(Path::of).toList();
        Path out = Path.of(args.length > 1 ? args[1] : "assets/screenshots");
        boolean dark = args.length > 2 && "dark".equals(args[2]);
        Locale locale = args.length > 3 ? Locale.forLanguageTag(args[3]) : Locale.ENGLISH;
        double[] size = windowSize(args.length > 4 ? args[4] : System.getProperty("mailpath.tour.size", "1280x800"));
        Files.createDirectories(out);
        Path settingsFile = Files.createTempDirectory("mailpath-tour").resolve("settings.properties");
        SettingsStore settings = SettingsStore.open(settingsFile);
        if (dark) {
            settings.put("theme", "dark");
        }
        Platform.startup(() -> { });
        try (TestEngines.Running engine = TestEngines.start()) {
            AppContext[] ctx = new AppContext[1];
            fx(() -> {
                Stage stage = new Stage();
                ctx[0] = new AppContext(stage, settings, Messages.forLocale(locale), engine.services(), Platform::runLater);
                ctx[0].show(List.of());
                stage.setX(0);
                stage.setY(0);
                stage.setWidth(size[0]);
                stage.setHeight(size[1]);
            });
            AppContext app = ctx[0];
            String suffix = (dark ? "-dark" : "") + (locale.equals(Locale.ENGLISH) ? "" : "-" + locale.getLanguage());
            pause(800);
            shot(app, out.resolve("step-1-import" + suffix + ".png"));
            fx(() -> app.importModel().importFiles(logs));
            waitFor(() -> app.wizard().current() == 1 || app.importModel().stateProperty().get().name().equals("FAILED")
                    || app.importModel().stateProperty().get().name().equals("DONE"));
            if (app.wizard().current() == 0) {
                // A log with problems (or one that failed) stays on Import so they are read first: show that too.
                shot(app, out.resolve("step-1-import-done" + suffix + ".png"));
            }
            fx(() -> app.wizard().goTo(1));
            waitFor(() -> !app.eventsModel().loadingProperty().get()); // the table is built on a worker
            fx(() -> app.eventsModel().visibleRows().stream()
                    .filter(r -> r.chain().verdict().name().equals("BOUNCED")).findFirst()
                    .ifPresent(r -> app.eventsModel().selectedProperty().set(r)));
            pause(600);
            shot(app, out.resolve("step-2-events" + suffix + ".png"));
            TourSteps.rest(app, out, suffix);
            fx(() -> app.scene().getWindow().hide());
        } finally {
            Platform.exit();
        }
    }

    /** "1024x640" as {width, height}. */
    static double[] windowSize(String text) {
        String[] parts = text.toLowerCase(Locale.ROOT).split("x");
        if (parts.length != 2) {
            throw new IllegalArgumentException("window size " + text + " is not WIDTHxHEIGHT, such as 1024x640");
        }
        return new double[] {Double.parseDouble(parts[0].strip()), Double.parseDouble(parts[1].strip())};
    }

    static void fx(Runnable action) throws InterruptedException {
        CountDownLatch done = new CountDownLatch(1);
        Platform.runLater(() -> {
            try {
                action.run();
            } finally {
                done.countDown();
            }
        });
        if (!done.await(90, TimeUnit.SECONDS)) {
            throw new IllegalStateException("UI thread did not answer");
        }
    }

    static void pause(long ms) throws InterruptedException {
        Thread.sleep(ms);
    }

    static void waitFor(BooleanSupplier condition) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < end) {
            boolean[] ok = {false};
            fx(() -> ok[0] = condition.getAsBoolean());
            if (ok[0]) {
                return;
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("timed out waiting for the wizard");
    }

    static void shot(AppContext app, Path file) throws Exception {
        pause(300);
        WritableImage[] image = new WritableImage[1];
        fx(() -> image[0] = app.scene().snapshot(null));
        BufferedImage buffered = SwingFXUtils.fromFXImage(image[0], null);
        BufferedImage rgb = new BufferedImage(buffered.getWidth(), buffered.getHeight(), BufferedImage.TYPE_INT_RGB);
        rgb.getGraphics().drawImage(buffered, 0, 0, null);
        try {
            ImageIO.write(rgb, "png", file.toFile());
        } catch (IOException e) {
            throw new IllegalStateException("cannot write " + file, e);
        }
        System.out.println("wrote " + file + " (" + Files.size(file) / 1024 + " KB)");
    }
}
