package org.mailpath.report;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Locale;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mailpath.engine.finding.Actor;
import org.mailpath.engine.report.ReportBuilder;
import org.mailpath.engine.report.ReportFixture;
import org.mailpath.engine.report.ReportModel;
import org.mailpath.engine.report.ReportOptions;
import org.mailpath.engine.status.Category;
import org.mailpath.report.io.ReportWriter;
import org.mailpath.report.io.WriteResult;

/**
 * A report of 10,000 included messages (about 32,000 raw rows in the appendix) in every format: prints wall
 * time, file size and peak heap. Run: {@code mvn -Pbenchmark test -Dtest=ReportBenchmark}.
 */
@Tag("benchmark")
class ReportBenchmark {

    private static final int MESSAGES = 10_000;
    /** CPU time is printed beside wall time: on a shared machine wall time says more about the neighbours. */
    private static final java.lang.management.ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    @TempDir
    Path dir;

    @Test
    void tenThousandMessages() {
        ReportFixture f = new ReportFixture("benchmark-email-log.csv");
        Instant t0 = Instant.parse("2026-11-01T00:00:00Z");
        String[] domains = {"contoso.example", "fabrikam.example", "bücher.example", "northwind.example",
            "adatum.example", "tailspin.example", "woodgrove.example", "litware.example"};
        for (int i = 0; i < MESSAGES; i++) {
            String domain = domains[i % domains.length];
            String id = String.format(Locale.ROOT, "<%d.%d.JavaMail.sfdc@na123-app7-%d-ia4.ops.sfdc.net>",
                    20261101000000L + i, 100000 + i, i % 40);
            var m = f.message(id, "user" + i + ".name@" + domain).at(t0.plusSeconds(37L * i)).received();
            switch (i % 5) {
                case 0, 1, 2 -> m.delivery("mx1." + domain, "192.0.2." + (i % 250), "250 2.0.0 Ok: queued as "
                        + Integer.toHexString(i * 7919), "TLSv1.3:TLS_AES_256_GCM_SHA384").delivered();
                case 3 -> m.transientFailure("mx1." + domain, "192.0.2.9", "451 4.7.1 Greylisted, try again later")
                        .permanentFailure("mx1." + domain, "192.0.2.9", "550 5.1.1 <user" + i + ".name@" + domain
                                + ">: Recipient address rejected: User unknown in virtual mailbox table")
                        .bounced(Category.RECIPIENT, Actor.SENDER_ADMIN, "The mailbox does not exist.",
                                "Correct or remove the address.");
                default -> m.transientFailure("", "", "421 4.4.0 [internal] no mail servers for this domain could "
                        + "be reached at this time").deferred(Category.DNS, Actor.RECIPIENT_MAIL_TEAM,
                        "DNS not reachable.", "Fix EDNS.");
            }
        }
        for (boolean redact : new boolean[] {false, true}) {
            long start = System.nanoTime();
            ReportModel model = new ReportBuilder(f.analysis(), ReportOptions.defaults().withRedaction(redact))
                    .rawRows(f.rawRows()).build();
            System.out.printf(Locale.ROOT, "ReportBenchmark: model of %,d messages (redact=%s) built in %,d ms%n",
                    model.listedMessages(), redact, (System.nanoTime() - start) / 1_000_000);
        }
        ReportModel model = f.model();
        for (ReportFormat format : ReportFormat.values()) {
            resetPeaks();
            Path out = dir.resolve("report." + format.extension());
            long start = System.nanoTime();
            long cpuStart = THREADS.getCurrentThreadCpuTime();
            WriteResult r = ReportWriter.write(out, format, model, false);
            long ms = (System.nanoTime() - start) / 1_000_000;
            long cpuMs = (THREADS.getCurrentThreadCpuTime() - cpuStart) / 1_000_000;
            if (!(r instanceof WriteResult.Written w)) {
                throw new AssertionError(r);
            }
            System.out.printf(Locale.ROOT, "ReportBenchmark: %-4s %,d messages  %,7d ms wall  %,7d ms CPU  %,10d bytes"
                            + "  peak heap %,d MB  (max heap %,d MB)%s%n", format, model.listedMessages(), ms, cpuMs,
                    w.bytes(),
                    peakHeapMb(), Runtime.getRuntime().maxMemory() >> 20, pages(format, out));
        }
    }

    private static String pages(ReportFormat format, Path out) {
        if (format != ReportFormat.PDF) {
            return "";
        }
        try (var doc = org.apache.pdfbox.Loader.loadPDF(out.toFile())) {
            return "  " + doc.getNumberOfPages() + " pages";
        } catch (java.io.IOException e) {
            return "  (pages unknown: " + e.getMessage() + ")";
        }
    }

    private static void resetPeaks() {
        System.gc();
        ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
    }

    private static long peakHeapMb() {
        long sum = 0;
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
            if (p.getType() == MemoryType.HEAP) {
                sum += p.getPeakUsage().getUsed();
            }
        }
        return sum >> 20;
    }
}
