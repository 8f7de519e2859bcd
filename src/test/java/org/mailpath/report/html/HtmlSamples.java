package org.mailpath.report.html;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.mailpath.engine.finding.Actor;
import org.mailpath.engine.report.ReportBuilder;
import org.mailpath.engine.report.ReportFixture;
import org.mailpath.engine.report.ReportModel;
import org.mailpath.engine.report.ReportOptions;
import org.mailpath.engine.report.SampleReportData;
import org.mailpath.engine.status.Category;
import org.mailpath.report.ReportFormat;
import org.mailpath.report.ReportTestSupport;

/**
 * Reports whose HTML the layout tests read back: the sample (several domains, our own side, name servers) in English
 * and Swedish, the same for one domain (the part's heading names it, the domain has no heading of its own), and a
 * log with a valid 108-character recipient domain, a short message and one with nine event rows (also redacted).
 */
final class HtmlSamples {

    /** A valid name (each label under 63 characters) as long as the one the review printed. */
    static final String LONG_DOMAIN = "mx.northwindtradersinternationalholdingscompanylimited."
            + "customerrelationsandsupportservicesdepartment.example";

    record Sample(String name, ReportModel model, String html) {
        RenderedHtml rendered() {
            return RenderedHtml.of(html);
        }
    }

    private HtmlSamples() {
    }

    static List<Sample> all() throws IOException {
        SampleReportData data = SampleReportData.create();
        ReportOptions options = ReportOptions.defaults().withGeneratedAt(SampleReportData.GENERATED);
        return List.of(
                sample("layout-sample", data.model(false)),
                sample("layout-sample-sv", data.model(true, Locale.forLanguageTag("sv"))),
                sample("layout-one-domain", new ReportBuilder(data.analysis(), options
                        .withDomains(Set.of("contoso.example"))).checks(data.checks()).rawRows(data.rawRows()).build()),
                sample("layout-long-domain", longDomain(false)),
                sample("layout-long-domain-only", longDomain(true)),
                sample("layout-long-domain-redacted", longDomain(false, true)));
    }

    /** The long domain's log; {@code only}: a report of that domain alone. */
    private static ReportModel longDomain(boolean only) {
        return longDomain(only, false);
    }

    /** As {@link #longDomain(boolean)}; {@code redacted}: with the addresses masked. */
    private static ReportModel longDomain(boolean only, boolean redacted) {
        ReportFixture f = new ReportFixture("validlong.csv");
        f.message("<m1@host.example>", "alice@" + LONG_DOMAIN).received()
                .delivery("mx1." + LONG_DOMAIN, "192.0.2.10", "250 2.0.0 Ok: queued", "TLSv1.3:TLS_AES_256_GCM_SHA384")
                .delivered();
        var retried = f.message("<m2@host.example>", "bob@" + LONG_DOMAIN).received();
        for (int i = 0; i < 7; i++) {
            retried.transientFailure("mx1." + LONG_DOMAIN, "192.0.2.10", "451 4.7.1 Try again later");
        }
        retried.permanentFailure("mx1." + LONG_DOMAIN, "192.0.2.10", "554 5.4.7 Message expired")
                .bounced(Category.REMOTE_SERVER, Actor.RECIPIENT_MAIL_TEAM, "", "");
        f.message("<m3@host.example>", "carol@fabrikam.example").received()
                .delivery("mx.fabrikam.example", "203.0.113.9", "250 2.0.0 Ok", "TLSv1.3:TLS_AES_256_GCM_SHA384")
                .delivered();
        ReportOptions options = ReportOptions.defaults().withGeneratedAt(SampleReportData.GENERATED)
                .withRedaction(redacted);
        return new ReportBuilder(f.analysis(), only ? options.withDomains(Set.of(LONG_DOMAIN)) : options)
                .rawRows(f.rawRows()).build();
    }

    private static Sample sample(String name, ReportModel model) throws IOException {
        return new Sample(name, model,
                new String(ReportTestSupport.render(ReportFormat.HTML, model, name), StandardCharsets.UTF_8));
    }
}
