package org.mailpath.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.mailpath.engine.check.CheckReport;
import org.mailpath.engine.check.DomainCheckResult;
import org.mailpath.engine.finding.Actor;
import org.mailpath.engine.finding.Finding;
import org.mailpath.engine.finding.Severity;
import org.mailpath.engine.report.ReportBuilder;
import org.mailpath.engine.report.ReportFixture;
import org.mailpath.engine.report.ReportModel;
import org.mailpath.engine.report.ReportOptions;
import org.mailpath.engine.status.Category;

/**
 * The postmaster review: in a report addressed to tailspin.example's mail team the causes table said "Your mail team"
 * while the DNS finding cards said "MX_PRIVATE_ADDRESS · mx1.tailspin.example · Recipient's mail team" (PDF and
 * HTML). The cards name the party as the table does; a report for everyone keeps "Recipient's mail team", and the
 * JSON its actor ids.
 */
class FindingCardActorTest {

    private static final Locale SWEDISH = Locale.forLanguageTag("sv");

    private static ReportModel model(ReportOptions options) {
        ReportFixture f = new ReportFixture("tailspin.csv");
        f.message("<t1@host.example>", "ann@tailspin.example").received()
                .transientFailure("mx1.tailspin.example", "10.0.0.25", "421 4.4.2 [internal] no banner")
                .deferred(Category.NETWORK, Actor.RECIPIENT_MAIL_TEAM, "", "");
        // a second domain: the report for everyone is not addressed to one team
        f.message("<c1@host.example>", "bo@contoso.example").received()
                .delivery("mx.contoso.example", "192.0.2.10", "250 2.0.0 Ok", "TLSv1.3:TLS_AES_256_GCM_SHA384")
                .delivered();
        Finding mx = new Finding("MX_PRIVATE_ADDRESS", Severity.ERROR, "mx1.tailspin.example",
                "mx1.tailspin.example resolves to the private address 10.0.0.25",
                List.of("mx1.tailspin.example. A 10.0.0.25"), "Publish a public address.", Actor.RECIPIENT_MAIL_TEAM);
        CheckReport checks = new CheckReport(List.of(new DomainCheckResult("tailspin.example", List.of(mx),
                List.of())));
        return new ReportBuilder(f.analysis(), options).rawRows(f.rawRows()).checks(checks).build();
    }

    private static String html(ReportModel m, String name) throws IOException {
        return new String(ReportTestSupport.render(ReportFormat.HTML, m, name), StandardCharsets.UTF_8);
    }

    private static String pdf(ReportModel m, String name) throws IOException {
        try (PDDocument doc = Loader.loadPDF(ReportTestSupport.render(ReportFormat.PDF, m, name))) {
            return new PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
        }
    }

    @Test
    void aReportToTheTeamNamesItYourMailTeamOnItsCards() throws IOException {
        ReportModel team = model(ReportOptions.defaults().withDomains(Set.of("tailspin.example")));
        assertTrue(team.addressedToMailTeam());
        String html = html(team, "card-actor-team");
        assertTrue(html.contains(" · Your mail team</div>"), html);
        assertFalse(html.contains("Recipient&#39;s mail team") || html.contains("Recipient's mail team"), html);
        String pdf = pdf(team, "card-actor-team");
        assertTrue(pdf.contains("MX_PRIVATE_ADDRESS · mx1.tailspin.example · Your mail team"), pdf);
        assertFalse(pdf.contains("Recipient's mail team"), pdf);
        // the JSON keeps the actor's id
        String json = new String(ReportTestSupport.render(ReportFormat.JSON, team, "card-actor-team"),
                StandardCharsets.UTF_8);
        assertTrue(json.contains("RECIPIENT_MAIL_TEAM"), json);

        String sv = html(model(ReportOptions.defaults().withDomains(Set.of("tailspin.example"))
                .withLanguage(SWEDISH)), "card-actor-team-sv");
        String yours = java.util.ResourceBundle.getBundle("org.mailpath.engine.report.report-text", SWEDISH)
                .getString("actor.you.RECIPIENT_MAIL_TEAM");
        assertTrue(sv.contains(" · " + yours + "</div>"), sv);
    }

    @Test
    void aReportForEveryoneKeepsTheRecipientsMailTeam() throws IOException {
        ReportModel all = model(ReportOptions.defaults());
        assertFalse(all.addressedToMailTeam());
        String pdf = pdf(all, "card-actor-all");
        assertTrue(pdf.contains("MX_PRIVATE_ADDRESS · mx1.tailspin.example · Recipient's mail team"), pdf);
        assertEquals(-1, html(all, "card-actor-all").indexOf(" · Your mail team</div>"));
    }
}
