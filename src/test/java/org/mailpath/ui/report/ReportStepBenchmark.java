package org.mailpath.ui.report;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.mailpath.engine.finding.Actor;
import org.mailpath.engine.report.ReportFixture;
import org.mailpath.engine.status.Category;
import org.mailpath.ui.common.Messages;
import org.mailpath.ui.common.WizardSession;
import org.mailpath.ui.testing.FakeDialogs;
import org.mailpath.ui.testing.ManualTaskRunner;
import org.mailpath.ui.testing.TestSettings;

/**
 * How much the Report step's message choice costs on the UI thread and on workers with 10,000 and 100,000 messages:
 * prints CPU time (this thread) of making the list, of each user action on the UI thread, and of one preview
 * build. Run: {@code mvn -Pbenchmark test -Dtest=ReportStepBenchmark}.
 */
@Tag("benchmark")
class ReportStepBenchmark {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    @Test
    void tenThousandAndAHundredThousandMessages() {
        for (int n : new int[] {10_000, 100_000}) {
            run(n);
        }
    }

    private static void run(int messages) {
        WizardSession session = new WizardSession();
        session.setAnalysis(fixture(messages).analysis());
        ManualTaskRunner runner = new ManualTaskRunner();
        ReportViewModel m = new ReportViewModel(ReportExporter.standard(), runner, new FakeDialogs(),
                TestSettings.fresh(), session, Messages.forLocale(Locale.ENGLISH), Clock.systemUTC());
        System.out.printf(Locale.ROOT, "%,d messages%n", messages);
        m.entered();
        runNext(runner, "list (worker)", "list shown (UI thread)");
        runNext(runner, "preview build (worker)", "preview shown (UI thread)");
        m.selectAllDomains(true);
        runner.runAll();
        System.out.printf(Locale.ROOT, "  every domain chosen: %,d in the list%n", m.shownMessages().size());
        ui("untick one message", () -> m.shownMessages().get(5).includedProperty().set(false));
        runNext(runner, "preview build, one left out (worker)", "preview shown (UI thread)");
        ui("type a search letter", () -> m.searchProperty().set("user12"));
        ui("type another search letter (code compiled)", () -> m.searchProperty().set("user123"));
        ui("None on the rows shown", () -> m.includeShown(false));
        ui("clear the search", () -> m.searchProperty().set(""));
        ui("untick a domain", () -> m.domains().getFirst().includedProperty().set(false));
        ui("only bounced and deferred", () -> m.problemsOnlyProperty().set(true));
        ui("space on 50 selected rows", () -> m.toggle(List.copyOf(m.shownMessages().subList(0, 50))));
        runner.runAll();
    }

    /** Runs the next job, timing the job (the worker's share) apart from its ending (the UI thread's). */
    private static void runNext(ManualTaskRunner runner, String job, String ending) {
        long[] t = new long[3];
        t[0] = THREADS.getCurrentThreadCpuTime();
        runner.runNext(() -> t[1] = THREADS.getCurrentThreadCpuTime());
        t[2] = THREADS.getCurrentThreadCpuTime();
        print(job, t[1] - t[0]);
        print(ending, t[2] - t[1]);
    }

    private static void ui(String what, Runnable action) {
        long t0 = THREADS.getCurrentThreadCpuTime();
        action.run();
        print(what + " (UI thread)", THREADS.getCurrentThreadCpuTime() - t0);
    }

    private static void print(String what, long nanos) {
        System.out.printf(Locale.ROOT, "  %-52s %8.1f ms CPU%n", what, nanos / 1e6);
    }

    static ReportFixture fixture(int messages) {
        ReportFixture f = new ReportFixture("benchmark-email-log.csv");
        Instant t0 = Instant.parse("2026-11-01T00:00:00Z");
        String[] domains = {"contoso.example", "fabrikam.example", "bücher.example", "northwind.example",
            "adatum.example", "tailspin.example", "woodgrove.example", "litware.example"};
        for (int i = 0; i < messages; i++) {
            String domain = domains[i % domains.length];
            String id = String.format(Locale.ROOT, "<%d.%d.JavaMail.sfdc@na123-app7-%d-ia4.ops.sfdc.net>",
                    20261101000000L + i, 100000 + i, i % 40);
            var msg = f.message(id, "user" + i + ".name@" + domain).at(t0.plusSeconds(37L * i)).received();
            switch (i % 5) {
                case 0, 1, 2 -> msg.delivery("mx1." + domain, "192.0.2." + (i % 250), "250 2.0.0 Ok",
                        "TLSv1.3:TLS_AES_256_GCM_SHA384").delivered();
                case 3 -> msg.permanentFailure("mx1." + domain, "192.0.2.9", "550 5.1.1 User unknown")
                        .bounced(Category.RECIPIENT, Actor.SENDER_ADMIN, "The mailbox does not exist.", "Fix it.");
                default -> msg.transientFailure("", "", "421 4.4.0 [internal] no mail servers reachable")
                        .deferred(Category.DNS, Actor.RECIPIENT_MAIL_TEAM, "DNS not reachable.", "Fix EDNS.");
            }
        }
        return f;
    }
}
