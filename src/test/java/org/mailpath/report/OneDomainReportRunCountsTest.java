package org.mailpath.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.mailpath.engine.finding.Actor;
import org.mailpath.engine.finding.Finding;
import org.mailpath.engine.report.ReportBuilder;
import org.mailpath.engine.report.ReportFixture;
import org.mailpath.engine.report.ReportModel;
import org.mailpath.engine.report.ReportOptions;
import org.mailpath.engine.smtp.SmtpCodes;
import org.mailpath.engine.smtp.SmtpFindings;
import org.mailpath.engine.status.Category;

/**
 * A report limited to one recipient domain, for its mail team, kept the SMTP probe run's counts of the whole log ("The
 * log names 12 recipient domains with network, TLS or DNS failures; only the 10 with the most failures were probed",
 * "None of the 3 mail server addresses answered on port 25", "Only the first 20 of 30 mail server addresses"), and
 * left out the port 25 finding of the domain's own MX host where that host is named under
 * another domain (mx.hosting.net). Each format (PDF, HTML, text, JSON), in English and Swedish, now speaks of the
 * included domain only; the report of every domain keeps the run's words.
 */
class OneDomainReportRunCountsTest {

    private static final Locale SWEDISH = Locale.forLanguageTag("sv");
    private static final Finding CAPPED = SmtpFindings.of(SmtpCodes.SMTP_DOMAINS_CAPPED, "EmailLog.csv",
            List.of("not probed: client11-secret.example, contoso.example"), 12, 10);
    private static final Finding PORT_25 = SmtpFindings.of(SmtpCodes.SMTP_PORT25_BLOCKED_LOCALLY,
            "mx.hosting.net, mx.fabrikam.example, mx.northwind.example", List.of(
                    "mx.hosting.net [192.0.2.10]:25: connect TIMEOUT",
                    "mx.fabrikam.example [203.0.113.9]:25: connect TIMEOUT",
                    "mx.northwind.example [198.51.100.7]:25: connect TIMEOUT"), 25, 3);
    private static final Finding TARGETS = SmtpFindings.of(SmtpCodes.SMTP_TARGETS_CAPPED,
            "contoso.example, fabrikam.example, northwind.example", List.of(), 30, 20);

    /** fabrikam.example's mail on 18 November, contoso.example's on the 20th, northwind.example's on the 25th. */
    private static ReportFixture log() {
        ReportFixture f = new ReportFixture("EmailLog.csv");
        int n = 0;
        for (String at : List.of("2026-11-18T07:00:00Z fabrikam.example", "2026-11-20T08:00:00Z contoso.example",
                "2026-11-25T16:00:00Z northwind.example")) {
            n++;
            String domain = at.substring(at.indexOf(' ') + 1);
            f.message("<" + n + "@acme.example>", "user" + n + "@" + domain)
                    .at(Instant.parse(at.substring(0, at.indexOf(' ')))).received()
                    .permanentFailure("", "", "554 5.7.5 [internal] TLS negotiation failed")
                    .bounced(Category.TLS, Actor.RECIPIENT_MAIL_TEAM, "No TLS.", "Offer TLS.");
        }
        return f;
    }

    private static ReportModel report(ReportOptions options) {
        ReportFixture f = log();
        return new ReportBuilder(f.analysis(), options.withGeneratedAt(Instant.parse("2026-12-01T10:00:00Z")))
                .rawRows(f.rawRows()).extraFindings(List.of(CAPPED, PORT_25, TARGETS))
                .probedHosts("contoso.example", List.of("mx.hosting.net"))
                .probedHosts("fabrikam.example", List.of("mx.fabrikam.example"))
                .probedHosts("northwind.example", List.of("mx.northwind.example")).build();
    }

    private static Finding finding(ReportModel m, String code) {
        return m.ownSide().otherFindings().stream().filter(f -> f.code().equals(code)).findFirst().orElseThrow();
    }

    private static List<String> renderings(ReportModel m, String name) throws IOException {
        String pdf;
        try (PDDocument d = Loader.loadPDF(ReportTestSupport.render(ReportFormat.PDF, m, name))) {
            pdf = new PDFTextStripper().getText(d);
        }
        return List.of(pdf, new String(ReportTestSupport.render(ReportFormat.HTML, m, name), StandardCharsets.UTF_8),
                new String(ReportTestSupport.render(ReportFormat.TEXT, m, name), StandardCharsets.UTF_8),
                new String(ReportTestSupport.render(ReportFormat.JSON, m, name), StandardCharsets.UTF_8))
                .stream().map(t -> t.replaceAll("\\s+", " ")).toList();
    }

    @Test
    void aOneDomainReportGivesNoCountOfTheRunAndKeepsItsOwnMxHostNamedElsewhere() throws IOException {
        for (Locale language : List.of(Locale.ENGLISH, SWEDISH)) {
            boolean en = language.equals(Locale.ENGLISH);
            ReportModel m = report(ReportOptions.defaults().withLanguage(language)
                    .withDomains(Set.of("contoso.example")));

            Finding capped = finding(m, SmtpCodes.SMTP_DOMAINS_CAPPED);
            assertEquals(List.of("not probed: contoso.example"), capped.evidence());
            String cappedWords = en
                    ? "contoso.example has network, TLS or DNS failures in the log but was not probed: one run probes"
                            + " a limited number of recipient domains."
                    : "Domänen contoso.example har nätverks-, TLS- eller DNS-fel i loggen men testades inte: en körning"
                            + " testar bara ett begränsat antal mottagardomäner.";
            assertEquals(cappedWords, capped.message(language));
            // a report's copy has its words in the report's language, which its JSON gives
            assertEquals(cappedWords, capped.message());
            assertEquals(en ? "Probe it with mailpath probe DOMAIN." : "Testa den med mailpath probe DOMAIN.",
                    capped.remediation(language));

            // contoso.example's MX host, named under hosting.net, is kept: the probe reached it for contoso.example
            Finding blocked = finding(m, SmtpCodes.SMTP_PORT25_BLOCKED_LOCALLY);
            assertEquals("mx.hosting.net", blocked.subject());
            assertEquals(List.of("mx.hosting.net [192.0.2.10]:25: connect TIMEOUT"), blocked.evidence());
            String blockedWords = en ? "The one mail server address did not answer on port 25."
                    : "Den enda adressen till e-postservern svarade inte på port 25.";
            assertTrue(blocked.message(language).startsWith(blockedWords), blocked.message(language));

            Finding targets = finding(m, SmtpCodes.SMTP_TARGETS_CAPPED);
            assertEquals("contoso.example", targets.subject());
            String targetsWords = en ? "Not every mail server address found was probed: one run probes a limited"
                    + " number of addresses." : "Inte alla adresser till e-postservrar som hittades testades: en"
                    + " körning testar bara ett begränsat antal adresser.";
            assertEquals(targetsWords, targets.message(language));

            // the period is the log's that was read, not the span of contoso.example's message (08:00 to 08:10 on
            // 20 November): "have looked at the delivery log (period)" and the report's "the log goes on" words are
            // the log's
            assertEquals(Optional.of(Instant.parse("2026-11-18T07:00:00Z")), m.title().periodStart());
            assertEquals(Optional.of(Instant.parse("2026-11-25T16:10:00Z")), m.title().periodEnd());
            String period = ReportWording.of(m).period(m.title()).replaceAll("\\s+", " ");

            List<String> texts = renderings(m, "run-counts-" + language);
            for (int i = 0; i < texts.size(); i++) {
                String text = texts.get(i);
                boolean json = i == 3;
                for (String leak : List.of("fabrikam", "northwind", "client11", "12 recipient domains",
                        "Loggen nämner 12", "the 10 with", "None of the 3", "Ingen av de 3", "of 30", "av 30")) {
                    assertFalse(text.contains(leak), leak + " in " + text);
                }
                assertTrue(text.contains(cappedWords), text);
                assertTrue(text.contains(blockedWords), text);
                assertTrue(text.contains("mx.hosting.net"), text);
                if (json) {
                    JsonNode title = new ObjectMapper().readTree(text).get("title");
                    assertEquals("2026-11-18T07:00:00Z", title.get("periodStart").asText());
                    assertEquals("2026-11-25T16:10:00Z", title.get("periodEnd").asText());
                } else if (i != 0) {
                    // the PDF lays the period out in its own way; its dates are checked above
                    assertTrue(text.contains(period), period + " in " + text);
                }
            }
        }
    }

    @Test
    void theReportOfAnotherDomainLeavesOutTheHostProbedForContosoAndTheReportOfEveryDomainKeepsTheRunsWords() {
        ReportModel fabrikam = report(ReportOptions.defaults().withDomains(Set.of("fabrikam.example")));
        Finding blocked = finding(fabrikam, SmtpCodes.SMTP_PORT25_BLOCKED_LOCALLY);
        assertEquals("mx.fabrikam.example", blocked.subject());
        assertEquals(List.of("mx.fabrikam.example [203.0.113.9]:25: connect TIMEOUT"), blocked.evidence());
        // every domain fabrikam.example's report could name was probed
        assertTrue(fabrikam.ownSide().otherFindings().stream()
                .noneMatch(f -> f.code().equals(SmtpCodes.SMTP_DOMAINS_CAPPED)));
        assertEquals(Optional.of(Instant.parse("2026-11-18T07:00:00Z")), fabrikam.title().periodStart());
        assertEquals(Optional.of(Instant.parse("2026-11-25T16:10:00Z")), fabrikam.title().periodEnd());

        ReportModel all = report(ReportOptions.defaults());
        assertEquals(CAPPED.message(), finding(all, SmtpCodes.SMTP_DOMAINS_CAPPED).message());
        assertEquals(PORT_25.message(), finding(all, SmtpCodes.SMTP_PORT25_BLOCKED_LOCALLY).message());
        Finding allBlocked = finding(all, SmtpCodes.SMTP_PORT25_BLOCKED_LOCALLY);
        assertTrue(allBlocked.message().startsWith("None of the 3 mail server addresses answered on port 25."),
                allBlocked.message());
        assertTrue(allBlocked.message(SWEDISH).startsWith(
                "Ingen av de 3 adresserna till e-postservrarna svarade på port 25."), allBlocked.message(SWEDISH));
        assertEquals(PORT_25.evidence(), finding(all, SmtpCodes.SMTP_PORT25_BLOCKED_LOCALLY).evidence());
        assertEquals(TARGETS.message(), finding(all, SmtpCodes.SMTP_TARGETS_CAPPED).message());
        assertEquals(Optional.of(Instant.parse("2026-11-18T07:00:00Z")), all.title().periodStart());
        assertEquals(Optional.of(Instant.parse("2026-11-25T16:10:00Z")), all.title().periodEnd());
    }
}
