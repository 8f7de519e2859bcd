package org.mailpath.ui;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.stage.Stage;
import org.mailpath.ui.app.AppContext;
import org.mailpath.ui.common.Messages;
import org.mailpath.ui.common.SettingsStore;
import org.mailpath.ui.importing.ImportState;
import org.mailpath.ui.testing.TestEngines;

/**
 * How long the UI thread is blocked while a large log is imported and the next steps are entered: an animation
 * timer notes the longest gap between two frames in each phase. A diagnostic, not a test (its figures depend on the
 * machine): {@code xvfb-run -a -s "-screen 0 1280x800x24" mvn -q test-compile exec:exec
 * -Dexec.classpathScope=test -Dmailpath.mainClass=org.mailpath.ui.FreezeProbe -Dmailpath.args=LOG.csv}; add
 * {@code -Dmailpath.probe.verbose=true} (every gap over 100 ms) or {@code -Dmailpath.probe.atOnce=true} (the log read
 * as soon as the window is shown, as a file given on the command line is) before the class name.
 */
public final class FreezeProbe {

    private FreezeProbe() {
    }

    public static void main(String[] args) throws Exception {
        Path log = Path.of(args[0]);
        SettingsStore settings = SettingsStore.open(Files.createTempDirectory("mailpath-probe").resolve("s.properties"));
        Platform.startup(() -> { });
        AtomicLong last = new AtomicLong();
        AtomicLong longest = new AtomicLong();
        try (TestEngines.Running engine = TestEngines.start()) {
            AppContext[] ctx = new AppContext[1];
            ScreenshotTour.fx(() -> {
                Stage stage = new Stage();
                ctx[0] = new AppContext(stage, settings, Messages.forLocale(Locale.ENGLISH), engine.services(),
                        Platform::runLater);
                ctx[0].show(List.of());
                new AnimationTimer() {
                    @Override
                    public void handle(long now) {
                        long before = last.getAndSet(now);
                        if (before > 0) {
                            longest.accumulateAndGet(now - before, Math::max);
                            if (now - before > 100_000_000L && Boolean.getBoolean("mailpath.probe.verbose")) {
                                System.out.printf("  gap of %d ms ending at %d ms%n", (now - before) / 1_000_000,
                                        now / 1_000_000 % 1_000_000);
                            }
                        }
                    }
                }.start();
            });
            AppContext app = ctx[0];
            if (Boolean.getBoolean("mailpath.probe.verbose")) {
                ScreenshotTour.fx(() -> app.importModel().stateProperty().addListener((o, a, b) -> System.out.printf(
                        "  import %s at %d ms%n", b, System.nanoTime() / 1_000_000 % 1_000_000)));
            }
            // The moment the log is read, the reading's figure is kept and the end of the import measured apart: the
            // UI thread's work then (the analysis handed over, the Events step shown and filled) is what a user waits
            // through, while a slow machine can stretch the reading by seconds.
            AtomicLong reading = new AtomicLong();
            ScreenshotTour.fx(() -> app.importModel().stateProperty().addListener((o, a, b) -> {
                if (b == ImportState.DONE) {
                    reading.set(longest.getAndSet(0));
                }
            }));
            // the window's first seconds, in which the later steps are built ahead while the user picks a log; with
            // -Dmailpath.probe.atOnce=true the log is read at once instead, as one given on the command line is
            if (!Boolean.getBoolean("mailpath.probe.atOnce")) {
                phase("the first 3 s after the window is shown (the later steps built ahead)", longest,
                        () -> ScreenshotTour.pause(1500));
            }
            longest.set(0);
            ScreenshotTour.fx(() -> app.importModel().importFile(log));
            ScreenshotTour.waitFor(() -> app.importModel().stateProperty().get() == ImportState.DONE);
            // while the log is read both cores are busy: gaps there are the machine's, not the UI thread's work
            System.out.printf("longest gap between frames, reading the log (both cores busy): %d ms%n",
                    reading.get() / 1_000_000);
            phase("the end of the import, until the Events step shows its table", longest, () -> {
                ScreenshotTour.fx(() -> app.wizard().goTo(1));
                ScreenshotTour.waitFor(() -> !app.eventsModel().loadingProperty().get());
            });
            phase("entering DNS checks, until the domains are found", longest, () -> {
                ScreenshotTour.fx(() -> app.wizard().goTo(2));
                ScreenshotTour.waitFor(() -> !app.checksModel().prefillingProperty().get());
            });
            phase("entering DKIM", longest, () -> ScreenshotTour.fx(() -> app.wizard().goTo(3)));
            ScreenshotTour.fx(() -> app.scene().getWindow().hide());
        } finally {
            Platform.exit();
        }
    }

    @FunctionalInterface
    private interface Phase {
        void run() throws Exception;
    }

    private static void phase(String name, AtomicLong longest, Phase phase) throws Exception {
        longest.set(0);
        phase.run();
        ScreenshotTour.pause(1500);
        System.out.printf("longest gap between frames, %s: %d ms%n", name, longest.get() / 1_000_000);
    }
}
