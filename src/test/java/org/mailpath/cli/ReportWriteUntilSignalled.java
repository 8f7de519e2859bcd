package org.mailpath.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.mailpath.engine.common.Cancellation;
import org.mailpath.engine.report.SampleReportData;
import org.mailpath.report.io.ReportStorage;
import org.mailpath.report.io.ReportWriter;

/**
 * A JVM of its own for {@link CancelOnShutdownTest}: writes a report to {@code args[0]} under the shutdown hook that
 * {@code analyze} installs, with a renderer that never ends and does not look at the cancel flag (as a PDF being laid
 * out), and says "rendering" on stdout once its temporary file exists. Ended by a signal.
 */
public final class ReportWriteUntilSignalled {

    private ReportWriteUntilSignalled() {
    }

    public static void main(String[] args) {
        PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
        Cancellation cancellation = new Cancellation();
        try (CancelOnShutdown hook = CancelOnShutdown.install(cancellation, err, "mailpath-test-cancel")) {
            new ReportWriter(ReportStorage.local()).write(Path.of(args[0]), SampleReportData.create().model(false),
                    (model, out) -> {
                        out.write("%PDF-".getBytes(StandardCharsets.US_ASCII));
                        out.flush();
                        System.out.println("rendering");
                        System.out.flush();
                        while (true) {
                            try {
                                Thread.sleep(1_000);
                            } catch (InterruptedException e) {
                                // a layout engine goes on
                            }
                        }
                    }, false, cancellation);
        }
    }
}
