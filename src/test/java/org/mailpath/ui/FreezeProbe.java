package org.mailpath.ui;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.stage.Stage;
import org.mailpath.ui.app.AppContext;
import org.mailpath.ui.common.Messages;
import org.mailpath.ui.common.SettingsStore;
import org.mailpath.ui.testing.TestEngines;

/**
 * How long the UI thread is blocked while a large log is imported and the next steps are entered: an animation
 * timer notes the longest gap between two frames in each phase. A diagnostic, not a test (its figures depend on the
 * machine): {@code xvfb-run -a -s "-screen 0 1280x800x24" mvn -q test-compile exec:exec
 * -Dexec.classpathScope=test -Dmailpath.mainClass=org.mailpath.ui.FreezeProbe -Dmailpath.args=LOG.csv}.
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
                ctx[0].show(Optional.empty());
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
            ScreenshotTour.pause(1500);
            // while the log is read both cores are busy: gaps there are the machine's, not the UI thread's work
            phase("reading the log (both cores busy)", longest, () -> {
                ScreenshotTour.fx(() -> app.importModel().importFile(log));
                ScreenshotTour.waitFor(() -> app.importModel().stateProperty().get().name().equals("DONE"));
            });
            phase("the Events step, until its table is shown", longest, () -> {
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
