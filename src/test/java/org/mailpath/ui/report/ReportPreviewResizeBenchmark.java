package org.mailpath.ui.report;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Clock;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import javafx.animation.AnimationTimer;
import javafx.scene.Scene;
import javafx.scene.layout.Pane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mailpath.ui.common.Messages;
import org.mailpath.ui.common.SyncTaskRunner;
import org.mailpath.ui.common.WizardSession;
import org.mailpath.ui.testing.FakeDialogs;
import org.mailpath.ui.testing.TestSettings;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * What dragging the window's edge costs the UI thread with the preview of a 10,000-message report (shortened to
 * {@link PreviewBuild#PREVIEW_LIMIT} characters): the preview is narrowed from 1,280 to 880 px in 2 px steps, one
 * step per pulse, and the UI thread's CPU time over the drag is printed, then that of what
 * follows once the width has settled. Run:
 * {@code mvn -Pbenchmark test -Dtest=ReportPreviewResizeBenchmark}.
 */
@Tag("benchmark")
@ExtendWith(ApplicationExtension.class)
class ReportPreviewResizeBenchmark {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private ReportPreviewArea preview;

    @Start
    void start(Stage stage) {
        preview = new ReportPreviewArea();
        preview.getStyleClass().add("mono");
        stage.setScene(new Scene(new Pane(preview), 1300, 700));
        stage.show();
    }

    @Test
    void dragTheWindowEdgeWithATenThousandMessagePreview(FxRobot robot) throws InterruptedException {
        String report = tenThousandMessagePreview();
        long[] fxThread = new long[1];
        robot.interact(() -> {
            fxThread[0] = Thread.currentThread().threadId();
            preview.setPrefSize(1280, 600);
            preview.reportProperty().set(report);
        });
        settle();
        System.out.printf(Locale.ROOT, "preview of 10,000 messages: %,d characters, %d columns at 1,280 px%n",
                report.length(), preview.columns());
        // one step per pulse, as a drag gives them: the UI thread's CPU time from one pulse to the next is what the
        // step before cost (its layout, styling and sync for rendering)
        Drag drag = new Drag(fxThread[0]);
        robot.interact(drag::start);
        drag.done.await();
        System.out.printf(Locale.ROOT, "  drag, %d steps of 2 px, one per pulse: %7.1f ms CPU on the UI thread in all,"
                + " %5.1f ms per step, %5.1f ms the slowest; %5.2f s on the clock%n", drag.steps, drag.cpu / 1e6,
                drag.cpu / 1e6 / drag.steps, drag.worst / 1e6, drag.wall / 1e9);
        System.out.printf(Locale.ROOT, "    %d steps wrapped the text again, %5.1f ms each; the others %5.1f ms each%n",
                drag.rewraps, drag.rewraps == 0 ? 0 : drag.rewrapping / 1e6 / drag.rewraps,
                (drag.cpu - drag.rewrapping) / 1e6 / Math.max(1, drag.steps - drag.rewraps));
        long t0;
        t0 = THREADS.getThreadCpuTime(fxThread[0]);
        settle();
        System.out.printf(Locale.ROOT, "  once the width has settled (%d columns): %6.1f ms CPU on the UI thread%n",
                preview.columns(), (THREADS.getThreadCpuTime(fxThread[0]) - t0) / 1e6);
        long h0 = THREADS.getCurrentThreadCpuTime();
        HangingWrap.of(report, preview.columns() - 1);
        System.out.printf(Locale.ROOT, "  HangingWrap of the preview alone: %6.1f ms CPU%n",
                (THREADS.getCurrentThreadCpuTime() - h0) / 1e6);
    }

    /** Narrows the preview from 1,278 to 880 px, 2 px a pulse. */
    private final class Drag extends AnimationTimer {
        private final long fxThread;
        private final CountDownLatch done = new CountDownLatch(1);
        private int width = 1280;
        private int steps;
        private int rewraps;
        private long cpu;
        private long rewrapping;
        private long worst;
        private long wall;
        private long lastCpu;
        private long firstPulse;
        private boolean rewrapped;

        Drag(long fxThread) {
            this.fxThread = fxThread;
            preview.textProperty().addListener(o -> rewrapped = true);
        }

        @Override
        public void handle(long now) {
            long cpuNow = THREADS.getThreadCpuTime(fxThread);
            if (width < 1280) {
                long spent = cpuNow - lastCpu;
                steps++;
                cpu += spent;
                worst = Math.max(worst, spent);
                if (rewrapped) {
                    rewraps++;
                    rewrapping += spent;
                }
            } else {
                firstPulse = System.nanoTime();
            }
            if (width <= 880) {
                wall = System.nanoTime() - firstPulse;
                stop();
                done.countDown();
                return;
            }
            rewrapped = false;
            width -= 2;
            preview.setPrefSize(width, 600);
            lastCpu = THREADS.getThreadCpuTime(fxThread);
        }
    }

    /** Lets any wrap waiting for the width to settle happen, and its pulse. */
    private static void settle() throws InterruptedException {
        Thread.sleep(600);
        WaitForAsyncUtils.waitForFxEvents();
        Thread.sleep(50);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static String tenThousandMessagePreview() {
        WizardSession session = new WizardSession();
        session.setAnalysis(ReportStepBenchmark.fixture(10_000).analysis());
        ReportViewModel model = new ReportViewModel(ReportExporter.standard(), new SyncTaskRunner(),
                new FakeDialogs(), TestSettings.fresh(), session, Messages.forLocale(Locale.ENGLISH),
                Clock.systemUTC());
        model.entered();
        model.selectAllDomains(true);
        return model.previewProperty().get();
    }
}
