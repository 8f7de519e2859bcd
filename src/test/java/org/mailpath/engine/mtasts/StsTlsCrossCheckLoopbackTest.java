package org.mailpath.engine.mtasts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mailpath.engine.check.CheckKind;
import org.mailpath.engine.check.CheckListener;
import org.mailpath.engine.check.CheckOptions;
import org.mailpath.engine.check.CheckRequest;
import org.mailpath.engine.check.ConcurrentDomainChecker;
import org.mailpath.engine.check.DomainCheckResult;
import org.mailpath.engine.common.Cancellation;
import org.mailpath.engine.dns.DnsLookups;
import org.mailpath.engine.finding.Finding;
import org.mailpath.engine.finding.Severity;
import org.mailpath.engine.smtp.ProbeReport;
import org.mailpath.engine.smtp.ReplyDecoder;
import org.mailpath.engine.smtp.SmtpCodes;
import org.mailpath.engine.smtp.SmtpProbe;
import org.mailpath.engine.smtp.SmtpProbeListener;
import org.mailpath.engine.smtp.SmtpProbeOptions;
import org.mailpath.testing.dns.TestDnsServer;
import org.mailpath.testing.smtp.FakeSmtpServer;
import org.mailpath.testing.smtp.ScriptedSmtp;

/**
 * End to end on loopback: the MTA-STS check fetches an enforce policy over HTTPS (through the CONNECT proxy) and
 * hands it on through the checker's result; the SMTP probe talks to a fake MX host whose certificate is expired and
 * self-signed, or trusted but naming the host only in its CN; the verdict says senders applying the policy deliver
 * no mail to the domain.
 */
class StsTlsCrossCheckLoopbackTest {

    private static final String RESOLVER = "127.0.9.5";
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    @TempDir
    static Path certificates;
    private static TestDnsServer dns;
    private static PolicyServer policies;
    private static ConnectProxy proxy;
    private static HttpsPolicySource source;

    @BeforeAll
    static void start() throws Exception {
        dns = TestDnsServer.builder().zone("sts.test", """
                @ SOA ns.sts.test. hostmaster.sts.test. 1 3600 600 86400 300
                @ NS ns
                ns A 127.0.9.2
                probe MX 10 mx.probe
                mx.probe A 127.0.0.1
                _mta-sts.probe TXT "v=STSv1; id=1"
                mta-sts.probe A 192.0.2.80
                """).resolver(RESOLVER).start();
        TestCertificates.Issued served = TestCertificates.issue(certificates, "served", "mta-sts.probe.sts.test");
        policies = PolicyServer.start(served.serverContext());
        proxy = ConnectProxy.start();
        proxy.route("mta-sts.probe.sts.test", policies.port());
        source = new HttpsPolicySource(TestCertificates.trusting(served.certificate()), proxy.selector());
        policies.serve("mta-sts.probe.sts.test", PolicyServer.Reply.policy(
                "version: STSv1\nmode: enforce\nmx: mx.probe.sts.test\nmax_age: 604800\n"));
    }

    @AfterAll
    static void stop() {
        proxy.close();
        policies.close();
        dns.close();
    }

    @Test
    void expiredSelfSignedMxCertificateUnderAnEnforcePolicyRefusesAllMail() throws Exception {
        PublishedPolicy policy = policy();
        assertEquals("enforce", policy.policy().mode());
        assertEquals(List.of("mx.probe.sts.test"), policy.policy().mx());

        var expired = org.mailpath.testing.smtp.TestCertificates.shared().selfSigned("mx.probe.sts.test",
                "dns:mx.probe.sts.test", "-10d", 2);
        ProbeReport report = probe(expired, Optional.empty());
        assertTrue(report.allFindings().stream().anyMatch(f -> f.code().equals(SmtpCodes.SMTP_CERT_EXPIRED)),
                report.allFindings().toString());

        List<Finding> verdict = StsTlsCrossCheck.judge(policy, report.targets());

        assertEquals(1, verdict.size(), verdict.toString());
        Finding f = verdict.getFirst();
        assertEquals(MtaStsFindingCodes.MTA_STS_HOST_REFUSED, f.code());
        assertEquals(Severity.ERROR, f.severity());
        assertEquals("The MTA-STS policy of probe.sts.test is in enforce mode, and none of its MX hosts meets it: "
                + "mx.probe.sts.test (its certificate does not chain to a trusted authority; its certificate has "
                + "expired). Senders that apply the policy deliver no mail to probe.sts.test at all.", f.message());
        assertEquals("MTA-STS-policyn för probe.sts.test är i läget enforce, och ingen av domänens MX-värdar "
                + "uppfyller den: mx.probe.sts.test (dess certifikat leder inte till en betrodd certifikatutfärdare; "
                + "dess certifikat har gått ut). Avsändare som tillämpar policyn levererar ingen e-post alls till "
                + "probe.sts.test.", f.message(Locale.of("sv")));
        assertTrue(f.evidence().stream().anyMatch(l -> l.contains("SMTP_CERT_EXPIRED")), f.evidence().toString());
    }

    @Test
    void aTrustedCertificateNamingTheMxHostOnlyInItsCommonNameMeetsTheProbeButNotThePolicy() throws Exception {
        var cnOnly = org.mailpath.testing.smtp.TestCertificates.shared().caSigned("mx.probe.sts.test", "", "-1d", 30);
        ProbeReport report = probe(cnOnly, Optional.of(cnOnly.trust()));
        // the probe's own check accepts the CN and only mentions it (the loopback world has no reverse DNS)
        List<String> codes = report.allFindings().stream().map(Finding::code).toList();
        assertEquals(List.of(SmtpCodes.SMTP_CAPABILITIES, SmtpCodes.SMTP_TLS_OK, SmtpCodes.SMTP_CERT_NAME_ONLY_IN_CN,
                SmtpCodes.SMTP_FCRDNS_MISMATCH), codes);

        List<Finding> verdict = StsTlsCrossCheck.judge(policy(), report.targets());

        assertEquals(1, verdict.size(), verdict.toString());
        Finding f = verdict.getFirst();
        assertEquals(MtaStsFindingCodes.MTA_STS_HOST_REFUSED, f.code());
        assertEquals(Severity.ERROR, f.severity());
        assertEquals("The MTA-STS policy of probe.sts.test is in enforce mode, and none of its MX hosts meets it: "
                + "mx.probe.sts.test (its certificate names the host only in its subject CN, not in a subject "
                + "alternative name). Senders that apply the policy deliver no mail to probe.sts.test at all.",
                f.message());
        // the probe's finding is quoted once and says what the CN is; no second line says it again
        String label = ";; mx.probe.sts.test [127.0.0.1]:" + report.targets().getFirst().target().port() + " ";
        List<String> aboutTheName = f.evidence().stream().filter(l -> l.contains("subject CN")
                || l.contains("common name") || l.contains("subjectAltName")).toList();
        assertEquals(List.of(label + SmtpCodes.SMTP_CERT_NAME_ONLY_IN_CN + ": The server's certificate names "
                + "mx.probe.sts.test only in its subject common name (mx.probe.sts.test); it has no DNS subject "
                + "alternative name. Senders that check names the traditional way (RFC 6125's fallback, as Postfix "
                + "and Java do) still accept that, but senders that apply an MTA-STS policy do not (RFC 8461), and "
                + "newer name checks ignore the common name (RFC 9525, OpenSSL's current default)."), aboutTheName);
    }

    /** The enforce policy of probe.sts.test, fetched through the MTA-STS check. */
    private static PublishedPolicy policy() {
        CheckOptions options = new CheckOptions(List.of(dns.resolverSpec()), dns.port(), TIMEOUT, Optional.empty(),
                List.of(), List.of());
        DomainCheckResult checked = new ConcurrentDomainChecker(List.of(new MtaStsCheck(source)),
                o -> DnsLookups.create(o.resolvers(), o.timeout()))
                .check(List.of(new CheckRequest("probe.sts.test", EnumSet.of(CheckKind.MTA_STS))), options,
                        CheckListener.NONE, Cancellation.none()).domains().getFirst();
        return checked.mtaStsPolicy().orElseThrow(() -> new AssertionError(checked.findings()));
    }

    /** Probes probe.sts.test, its MX host serving {@code certificate}; {@code trust}: the probe's trusted CAs. */
    private static ProbeReport probe(org.mailpath.testing.smtp.TestCertificates.Material certificate,
                                     Optional<KeyStore> trust) throws Exception {
        try (FakeSmtpServer smtp = FakeSmtpServer.start(ScriptedSmtp.standard().startTls(
                certificate.serverContext()))) {
            SmtpProbeOptions probeOptions = SmtpProbeOptions.builder().port(smtp.port())
                    .heloName("probe.mailpath.test").connectTimeout(TIMEOUT).bannerLimit(TIMEOUT)
                    .commandTimeout(TIMEOUT).slowBanner(TIMEOUT).tlsTimeout(TIMEOUT).trustStore(trust).build();
            return new SmtpProbe(DnsLookups.create(List.of(dns.resolverSpec()), TIMEOUT), probeOptions,
                    ReplyDecoder.NONE).probe(List.of("probe.sts.test"), SmtpProbeListener.NONE, Cancellation.none());
        }
    }
}
