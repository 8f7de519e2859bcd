package org.mailpath.engine.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.mailpath.engine.finding.Actor;
import org.mailpath.engine.finding.Finding;
import org.mailpath.engine.finding.Severity;

/**
 * A report limited to one recipient domain is what our admin sends that domain's mail team: the privacy review found
 * the SMTP probe's findings of other domains under our side's "Other findings" (a failed MX lookup of
 * fabrikam.example, "not probed: client11-secret.example, contoso.example"), and the conclusion naming them. And a
 * redacted report quoted the probe's own address, port and EHLO name from its transcript.
 */
class OneDomainReportScopeTest {

    private final SampleReportData data = SampleReportData.create();

    private static final Finding FABRIKAM_MX = new Finding("SMTP_DNS_FAILED", Severity.ERROR, "fabrikam.example",
            "The DNS question fabrikam.example MX failed", List.of(";; fabrikam.example MX @192.0.2.53:53 -> TIMEOUT"),
            "Check this computer's network", Actor.LOCAL_NETWORK);
    private static final Finding HOST_ELSEWHERE = new Finding("SMTP_NO_ADDRESS", Severity.ERROR,
            "mx.fabrikam-mail.net", "The mail server mx.fabrikam-mail.net has no address", List.of(), "Add one",
            Actor.RECIPIENT_MAIL_TEAM);
    private static final Finding CAPPED = new Finding("SMTP_DOMAINS_CAPPED", Severity.INFO, "EmailLog.csv",
            "The log names 12 recipient domains with network, TLS or DNS failures; only the 10 with the most"
                    + " failures were probed.", List.of("not probed: client11-secret.example, contoso.example"),
            "Probe the others", Actor.NOBODY);
    private static final Finding PORT_25 = new Finding("SMTP_PORT25_BLOCKED_LOCALLY", Severity.WARNING,
            "mx.fabrikam.example, mx1.contoso.example", "None of the 2 mail server addresses answered on port 25.",
            List.of("mx.fabrikam.example [203.0.113.9]:25: connect TIMEOUT",
                    "mx1.contoso.example [192.0.2.10]:25: connect TIMEOUT"), "", Actor.LOCAL_NETWORK);

    private ReportModel report(ReportOptions options, List<Finding> extra) {
        return new ReportBuilder(data.analysis(), options.withGeneratedAt(SampleReportData.GENERATED))
                .checks(data.checks()).extraFindings(extra).build();
    }

    /** A report with a finding of a server of contoso.example's, as analyze places the probe's findings. */
    private ReportModel ofContoso(ReportOptions options, Finding server) {
        return new ReportBuilder(data.analysis(), options.withGeneratedAt(SampleReportData.GENERATED))
                .checks(data.checks()).extraFindings("contoso.example", List.of(server)).build();
    }

    @Test
    void aOneDomainReportShowsOnlyWhatTheProbeFoundOfThatDomain() {
        ReportModel contoso = report(ReportOptions.defaults().withDomains(Set.of("contoso.example")),
                List.of(FABRIKAM_MX, HOST_ELSEWHERE, CAPPED, PORT_25));
        String everything = contoso.toString();
        assertFalse(everything.contains("fabrikam"), everything);
        assertFalse(everything.contains("client11"), everything);
        List<Finding> other = contoso.ownSide().otherFindings();
        assertEquals(List.of("SMTP_PORT25_BLOCKED_LOCALLY", "SMTP_DOMAINS_CAPPED"),
                other.stream().map(Finding::code).toList());
        // the run's findings say what they say of contoso.example only
        assertEquals(List.of("not probed: contoso.example"), other.get(1).evidence());
        assertEquals("mx1.contoso.example", other.get(0).subject());
        assertEquals(List.of("mx1.contoso.example [192.0.2.10]:25: connect TIMEOUT"), other.get(0).evidence());

        // a report of a domain every domain of the log was probed for has no cap to speak of
        ReportModel fabrikam = report(ReportOptions.defaults().withDomains(Set.of("fabrikam.example")),
                List.of(CAPPED));
        assertEquals(List.of(), fabrikam.ownSide().otherFindings());

        // the report of every domain shows them all, as before
        ReportModel all = report(ReportOptions.defaults(), List.of(FABRIKAM_MX, HOST_ELSEWHERE, CAPPED, PORT_25));
        assertTrue(all.recipientDomains().stream().filter(s -> s.domain().equals("fabrikam.example"))
                .flatMap(s -> s.notChecked().stream()).anyMatch(f -> f.code().equals("SMTP_DNS_FAILED")));
        assertEquals(Set.of("SMTP_NO_ADDRESS", "SMTP_DOMAINS_CAPPED", "SMTP_PORT25_BLOCKED_LOCALLY"),
                Set.copyOf(all.ownSide().otherFindings().stream().map(Finding::code).toList()));
        assertEquals(CAPPED.evidence(), all.ownSide().otherFindings().stream()
                .filter(f -> f.code().equals("SMTP_DOMAINS_CAPPED")).findFirst().orElseThrow().evidence());
    }

    @Test
    void aRedactedReportPutsPlaceholdersForTheProbesOwnAddressAndName() {
        Finding noTls = new Finding("SMTP_NO_STARTTLS", Severity.WARNING, "mx1.contoso.example [192.0.2.10]:25",
                "The server does not offer STARTTLS", List.of(
                        "2026-12-06T21:28:46.823Z *: connecting to mx1.contoso.example [192.0.2.10]:25",
                        "2026-12-06T21:28:46.825Z *: connected from 10.1.2.3 port 48082",
                        "2026-12-06T21:28:46.865Z S: 220 mx1.contoso.example ESMTP",
                        "2026-12-06T21:28:46.880Z C: EHLO pc42.corp.acme.example",
                        "2026-12-06T21:28:46.881Z S: 250-mx1.contoso.example Hello pc42.corp.acme.example"
                                + " [10.1.2.3]",
                        "2026-12-06T21:28:46.882Z S: 250 SIZE 10.1.2.30"),
                "Enable STARTTLS", Actor.RECIPIENT_MAIL_TEAM);
        ReportOptions contoso = ReportOptions.defaults().withDomains(Set.of("contoso.example"));
        List<String> redacted = ofContoso(contoso.withRedaction(true), noTls).recipientDomains().getFirst()
                .findings().stream().filter(f -> f.code().equals("SMTP_NO_STARTTLS")).findFirst().orElseThrow()
                .evidence();
        assertEquals(List.of(
                "2026-12-06T21:28:46.823Z *: connecting to mx1.contoso.example [192.0.2.10]:25",
                "2026-12-06T21:28:46.825Z *: connected from [our address]",
                "2026-12-06T21:28:46.865Z S: 220 mx1.contoso.example ESMTP",
                "2026-12-06T21:28:46.880Z C: EHLO [our host name]",
                "2026-12-06T21:28:46.881Z S: 250-mx1.contoso.example Hello [our host name] [[our address]]",
                "2026-12-06T21:28:46.882Z S: 250 SIZE 10.1.2.30"), redacted);
        // the admin's own, unredacted report keeps the transcript as the probe wrote it
        assertEquals(noTls.evidence(), ofContoso(contoso, noTls).recipientDomains().getFirst().findings()
                .stream().filter(f -> f.code().equals("SMTP_NO_STARTTLS")).findFirst().orElseThrow().evidence());
    }
}
