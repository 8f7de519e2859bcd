package org.mailpath.report;

import java.nio.file.Path;
import java.util.Locale;
import org.mailpath.engine.analysis.EmailLogAnalyzer;
import org.mailpath.engine.analysis.LogAnalysis;
import org.mailpath.engine.analysis.RelayHosts;
import org.mailpath.engine.common.Cancellation;
import org.mailpath.engine.common.ProgressListener;
import org.mailpath.engine.log.LogFixtures;
import org.mailpath.engine.report.ReportBuilder;
import org.mailpath.engine.report.ReportModel;
import org.mailpath.engine.report.ReportOptions;

/** Rows and reports of the small logs the mail-team intro tests are made of. */
final class IntroLogs {

    /** The Envelope sender and Sender IP fields: Salesforce's bounce address. */
    static final String SENDER = "\"user=acme.example__0a1b@x1y2.bnc.salesforce.com\",\"10.0.0.1\"";
    /** The Relay Address and Relay Host fields of a row that names no server. */
    static final String NO_RELAY = "\"\",\"\"";

    private IntroLogs() {
    }

    /** A row: {@code relay} is the Relay Address and Relay Host fields, empty or not. */
    static String row(String date, String event, String recipient, String id, String stage, String relay,
                      String status) {
        return String.join(",", LogFixtures.q(date), LogFixtures.q(id), LogFixtures.q(event),
                LogFixtures.q(recipient), SENDER, LogFixtures.q("1000"), LogFixtures.q("0055g0000000000AAA"),
                LogFixtures.q(id + "@s"), LogFixtures.q("0"), LogFixtures.q("5"), LogFixtures.q(stage), relay,
                LogFixtures.q(status), LogFixtures.q(""), LogFixtures.q(""));
    }

    /** The analysis of a log of {@code rows} (after the header), written to {@code dir}, with {@code relay} named. */
    static LogAnalysis analysed(Path dir, String name, RelayHosts relay, String... rows) throws Exception {
        String[] lines = new String[rows.length + 1];
        lines[0] = LogFixtures.HEADER;
        System.arraycopy(rows, 0, lines, 1, rows.length);
        Path log = LogFixtures.write(dir, name, LogFixtures.lines(lines));
        return new EmailLogAnalyzer().withRelayHosts(relay).analyze(log, ProgressListener.NONE, Cancellation.none());
    }

    /** The report on every domain of {@code rows} (several: one mail team each), analysed with {@code relay}. */
    static ReportModel forAllDomains(Path dir, String name, RelayHosts relay, Locale language, String... rows)
            throws Exception {
        return new ReportBuilder(analysed(dir, name, relay, rows), ReportOptions.defaults().withLanguage(language))
                .build();
    }
}
