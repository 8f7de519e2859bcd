package org.mailpath.engine.report;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.mailpath.engine.analysis.LogAnalysis;
import org.mailpath.engine.check.CheckReport;
import org.mailpath.engine.check.DomainCheckResult;
import org.mailpath.engine.check.NameServerResult;
import org.mailpath.engine.finding.Actor;
import org.mailpath.engine.finding.Finding;
import org.mailpath.engine.finding.Severity;
import org.mailpath.engine.status.Category;

/** A realistic small case used by the report tests: several domains, every verdict, IDN and non-Latin names. */
public record SampleReportData(LogAnalysis analysis, CheckReport checks, RawRowSource rawRows, ReportFixture fixture) {

    public static final Instant GENERATED = Instant.parse("2026-11-23T16:00:00Z");
    public static final List<String> LOCAL_PARTS = List.of("john.doe", "anna.smith", "müller", "张伟",
            "hostile", "bob.jones", "carla.diaz");

    public static SampleReportData create() {
        ReportFixture f = new ReportFixture("/home/admin/Downloads/EmailLog_2026-11-20.csv");
        String dns = "421 4.4.0 [internal] no mail servers for this domain could be reached at this time";
        f.message("<20261120080000.1234.JavaMail.sfdc@na123-app7-12-ia4.ops.sfdc.net>", "john.doe@contoso.example")
                .received().transientFailure("", "", dns).transientFailure("", "", dns)
                .permanentFailure("", "", "554 5.4.4 [internal] Domain Lookup Failed")
                .bounced(Category.DNS, Actor.RECIPIENT_MAIL_TEAM,
                        "Salesforce could not resolve the recipient domain's mail servers.",
                        "The recipient's DNS servers must comply with current DNS standards (EDNS).");
        f.message("<20261120081500.5678.JavaMail.sfdc@na123-app7-12-ia4.ops.sfdc.net>", "anna.smith@contoso.example")
                .received().delivery("contoso-example.mail.protection.outlook.com", "52.101.68.3",
                        "250 2.6.0 <20261120081500.5678.JavaMail.sfdc@na123-app7-12-ia4.ops.sfdc.net> "
                                + "[InternalId=1234, Hostname=AM0PR01MB1234.eurprd01.prod.outlook.com] Queued mail "
                                + "for delivery -> anna.smith@contoso.example", "TLSv1.3:TLS_AES_256_GCM_SHA384")
                .delivered();
        f.message("<20261120082000.9999.JavaMail.sfdc@na123-app7-12-ia4.ops.sfdc.net>", "bob.jones@contoso.example")
                .received().permanentFailure("contoso-example.mail.protection.outlook.com", "52.101.68.3",
                        "550 5.1.10 RESOLVER.ADR.RecipientNotFound; Recipient bob.jones@contoso.example not found "
                                + "by SMTP address lookup")
                .bounced(Category.RECIPIENT, Actor.SENDER_ADMIN, "The mailbox does not exist.",
                        "Correct or remove the address in Salesforce.");
        f.message("<20261120090000.4242.JavaMail.sfdc@na123-app7-12-ia4.ops.sfdc.net>", "müller@bücher.example")
                .received().internalHandoff().transientFailure("mx.bücher.example", "192.0.2.25",
                        "451 4.7.1 Greylisted, please try again later")
                .delivery("mx.bücher.example", "192.0.2.25", "250 2.0.0 Ok: queued as 4XkT2b0Zq9z", "TLSv1.2:ECDHE-RSA-AES256-GCM-SHA384")
                .delivered();
        f.message("<20261120091000.777.JavaMail.sfdc@na123-app7-12-ia4.ops.sfdc.net>", "张伟@例子.example")
                .received().transientFailure("mx1.例子.example", "198.51.100.7",
                        "451 4.7.5 [internal] TLS negotiation failed")
                .deferred(Category.TLS, Actor.RECIPIENT_MAIL_TEAM, "No TLS connection could be made.",
                        "The recipient's mail server must offer TLS 1.2 or later.");
        f.message("<20261120093000.31337.JavaMail.sfdc@na123-app7-12-ia4.ops.sfdc.net>",
                        "hostile@fabrikam.example")
                .received().permanentFailure("mx.fabrikam.example", "203.0.113.9",
                        "550 5.7.1 <script>alert('x')</script> \"quoted\" & rejected for <hostile@fabrikam.example>")
                .bounced(Category.CONTENT_POLICY, Actor.SENDER_ADMIN, "The server refused the content.",
                        "Review the template's links and attachments.");
        f.message("<20261120100000.1.JavaMail.sfdc@na123-app7-12-ia4.ops.sfdc.net>", "carla.diaz@fabrikam.example")
                .received().receivedOnly();

        CheckReport checks = new CheckReport(List.of(
                new DomainCheckResult("contoso.example", List.of(
                        new Finding("EDNS_NONCOMPLIANT", Severity.ERROR, "ns1.contoso.example",
                                "The name server ns1.contoso.example (192.0.2.53) does not answer EDNS queries.",
                                List.of("dig @192.0.2.53 contoso.example SOA +edns=0 → timeout after 3 s",
                                        "dig @192.0.2.53 contoso.example SOA +noedns → NOERROR"),
                                "Update or reconfigure the DNS server or firewall so that it answers EDNS "
                                        + "queries (see dnsflagday.net).", Actor.RECIPIENT_MAIL_TEAM),
                        new Finding("MX_OK", Severity.OK, "contoso.example", "contoso.example has 1 MX record.",
                                List.of("contoso.example. 3600 IN MX 0 contoso-example.mail.protection.outlook.com."),
                                "", Actor.NOBODY)),
                        List.of(new NameServerResult("ns1.contoso.example", "192.0.2.53",
                                        inTestOrder("dns", "ok", "edns", "timeout"), "dead"),
                                new NameServerResult("ns2.contoso.example", "2001:db8::53",
                                        inTestOrder("dns", "ok", "edns", "ok"), "ok"))),
                new DomainCheckResult("acme.example", List.of(
                        new Finding("DKIM_CNAME_MISSING", Severity.ERROR, "sfdc1._domainkey.acme.example",
                                "The DKIM key sfdc1 is not published: sfdc1._domainkey.acme.example does not exist.",
                                List.of("sfdc1._domainkey.acme.example. IN CNAME ? → NXDOMAIN from 192.0.2.1"),
                                "Publish both CNAME records shown in Salesforce Setup → DKIM Keys: "
                                        + "sfdc1._domainkey.acme.example CNAME sfdc1.k3x9p2.custdkim.salesforce.com. and "
                                        + "sfdc2._domainkey.acme.example CNAME sfdc2.k3x9p2.custdkim.salesforce.com.",
                                Actor.SENDER_ADMIN),
                        new Finding("DMARC_POLICY_NONE", Severity.WARNING, "_dmarc.acme.example",
                                "DMARC policy is p=none; reports go to dmarc-reports@acme.example.",
                                List.of("_dmarc.acme.example. 3600 IN TXT \"v=DMARC1; p=none; rua=mailto:dmarc-reports@acme.example\""),
                                "Move to p=quarantine once reports show all mail passes.", Actor.SENDER_ADMIN),
                        new Finding("SPF_OK", Severity.OK, "acme.example",
                                "SPF includes Salesforce (_spf.salesforce.com) and uses 4 of 10 lookups.",
                                List.of("acme.example. 3600 IN TXT \"v=spf1 include:_spf.salesforce.com -all\""),
                                "", Actor.NOBODY)),
                        List.of())));
        return new SampleReportData(f.analysis(), checks, f.rawRows(), f);
    }

    public ReportModel model(boolean redact) {
        return model(redact, java.util.Locale.ENGLISH);
    }

    /** The same in {@code language}. */
    public ReportModel model(boolean redact, java.util.Locale language) {
        ReportOptions options = ReportOptions.defaults().withGeneratedAt(GENERATED).withRedaction(redact)
                .withLanguage(language);
        return new ReportBuilder(analysis, options).checks(checks).rawRows(rawRows).build();
    }

    /** ISC test name → result, in the order given, as the checks keep them (Map.of would shuffle the report). */
    private static Map<String, String> inTestOrder(String... nameThenResult) {
        Map<String, String> tests = new java.util.LinkedHashMap<>();
        for (int i = 0; i < nameThenResult.length; i += 2) {
            tests.put(nameThenResult[i], nameThenResult[i + 1]);
        }
        return java.util.Collections.unmodifiableMap(tests);
    }
}
