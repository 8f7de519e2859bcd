package org.mailpath.engine.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.mailpath.engine.check.CheckReport;
import org.mailpath.engine.check.DomainCheckResult;
import org.mailpath.engine.status.Diagnosis;
import org.mailpath.engine.status.SmtpReply;
import org.mailpath.engine.status.StatusKnowledgeBase;

/**
 * The review: a multi-domain report made with the DNS checks still told our admin to "run MailPath's DNS check on the
 * domain" in litware.example's cause row. Where the checks include the domain, the advice sends to what they found;
 * without them it stays as the knowledge base has it.
 */
class AdviceAfterChecksTest {

    private static final String LOOKUP_FAILED = "554 5.4.4 [internal] Domain Lookup Failed";

    private static ReportModel model(Locale language, boolean checked) {
        ReportFixture f = new ReportFixture("litware.csv");
        Diagnosis d = StatusKnowledgeBase.standard().diagnose(SmtpReply.parse(LOOKUP_FAILED));
        f.message("<l1@host.example>", "info@litware.example").received().permanentFailure("", "", LOOKUP_FAILED)
                .bounced(d);
        f.message("<c1@host.example>", "anna@contoso.example").received()
                .delivery("mx.contoso.example", "192.0.2.10", "250 2.0.0 Ok", "TLSv1.3:TLS_AES_256_GCM_SHA384")
                .delivered();
        ReportBuilder b = new ReportBuilder(f.analysis(), ReportOptions.defaults().withLanguage(language));
        if (checked) {
            b.checks(new CheckReport(List.of(new DomainCheckResult("litware.example", List.of(), List.of()),
                    new DomainCheckResult("contoso.example", List.of(), List.of()))));
        }
        return b.build();
    }

    private static CauseRow litwareRow(ReportModel m) {
        return m.summary().causes().stream().filter(c -> c.domains().contains("litware.example")).findFirst()
                .orElseThrow();
    }

    @Test
    void theAdviceToRunTheChecksGoesWhenTheyWereRun() {
        Diagnosis d = StatusKnowledgeBase.standard().diagnose(SmtpReply.parse(LOOKUP_FAILED));
        assertEquals("salesforce.domain-lookup-failed", d.ruleId());
        String kb = d.remediation(Locale.ENGLISH);
        assertTrue(kb.endsWith("; run MailPath's DNS check on the domain."), kb);

        assertEquals(kb, litwareRow(model(Locale.ENGLISH, false)).remediation());
        ReportModel checked = model(Locale.ENGLISH, true);
        String row = litwareRow(checked).remediation();
        assertEquals(kb.replace("; run MailPath's DNS check on the domain.", "; what the DNS checks found of the"
                + " domain is under its name in this report."), row);
        MessageEntry entry = checked.recipientDomains().stream().flatMap(s -> s.messages().stream())
                .filter(e -> e.recipient().startsWith("info@")).findFirst().orElseThrow();
        assertFalse(entry.remediation().contains("run MailPath's DNS check"), entry.remediation());

        Locale sv = Locale.forLanguageTag("sv");
        String svKb = d.remediation(sv);
        String svRow = litwareRow(model(sv, true)).remediation();
        assertEquals(svKb.replace(" Kör MailPaths DNS-kontroll på domänen.", " Vad DNS-kontrollerna hittade för"
                + " domänen står under dess namn i den här rapporten."), svRow);
    }
}
