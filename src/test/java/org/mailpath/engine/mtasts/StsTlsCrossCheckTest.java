package org.mailpath.engine.mtasts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.mailpath.engine.finding.Actor;
import org.mailpath.engine.finding.Finding;
import org.mailpath.engine.finding.Severity;
import org.mailpath.engine.smtp.Capabilities;
import org.mailpath.engine.smtp.CertificateFacts;
import org.mailpath.engine.smtp.CertificateFacts.NameMatch;
import org.mailpath.engine.smtp.CertificateFacts.Trust;
import org.mailpath.engine.smtp.ProbeTarget;
import org.mailpath.engine.smtp.SmtpCodes;
import org.mailpath.engine.smtp.TargetResult;
import org.mailpath.engine.smtp.TlsFacts;
import org.mailpath.engine.smtp.TlsSummary;

/** The MTA-STS verdict on probed MX hosts, from constructed probe results: each reason, each mode. */
class StsTlsCrossCheckTest {

    private static final String DOMAIN = "example.test";
    private static final List<String> POLICY_EVIDENCE = List.of("GET https://mta-sts.example.test/… 200");

    private static PublishedPolicy policy(String mode) {
        return new PublishedPolicy(DOMAIN, new MtaStsPolicy(mode, List.of("*.example.test"), 86400),
                POLICY_EVIDENCE);
    }

    private static Finding smtp(String code, Severity severity) {
        return new Finding(code, severity, "subject", "probe says " + code, List.of(), "", Actor.RECIPIENT_MAIL_TEAM);
    }

    private static final CertificateFacts GOOD_CERTIFICATE = new CertificateFacts(Trust.TRUSTED, false, false,
            NameMatch.SUBJECT_ALT_NAME, List.of("*.example.test"), List.of("*.example.test"));
    private static final TlsFacts GOOD_TLS = established(GOOD_CERTIFICATE);

    private static TlsFacts established(CertificateFacts certificate) {
        return established("TLSv1.3", certificate);
    }

    private static TlsFacts established(String protocol, CertificateFacts certificate) {
        return new TlsFacts.Established(new TlsSummary(protocol, "TLS_AES_128_GCM_SHA256", List.of()), certificate);
    }

    /** A probe result with these TLS facts and findings of these codes (the findings are evidence only). */
    private static TargetResult result(String host, String address, TlsFacts facts, String... codes) {
        return resultIn(DOMAIN, host, address, facts, codes);
    }

    private static TargetResult resultIn(String domain, String host, String address, TlsFacts facts,
                                         String... codes) {
        try {
            ProbeTarget target = new ProbeTarget(domain, host, InetAddress.getByName(address), 25,
                    OptionalInt.of(10));
            List<Finding> findings = new ArrayList<>();
            for (String c : codes) {
                findings.add(smtp(c, c.equals(SmtpCodes.SMTP_TLS_OK) || c.equals(SmtpCodes.SMTP_CAPABILITIES)
                        ? Severity.INFO : Severity.WARNING));
            }
            return new TargetResult(target, List.of(), findings, Capabilities.NONE, Optional.empty(), facts);
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    private static TargetResult good(String host, String address) {
        return result(host, address, GOOD_TLS, SmtpCodes.SMTP_CAPABILITIES, SmtpCodes.SMTP_TLS_OK);
    }

    private static TargetResult noStartTls(String host, String address) {
        return result(host, address, new TlsFacts.NotOffered(), SmtpCodes.SMTP_CAPABILITIES,
                SmtpCodes.SMTP_NO_STARTTLS);
    }

    private static TargetResult untested(String host, String address, String code) {
        return result(host, address, new TlsFacts.NotReached(), code);
    }

    /** What the probe establishes for each reason, with the findings it reports on it. */
    private static TargetResult showing(StsTlsCrossCheck.Refusal reason, String host, String address) {
        CertificateFacts c = GOOD_CERTIFICATE;
        return switch (reason) {
            case NO_STARTTLS -> noStartTls(host, address);
            case HANDSHAKE_FAILED -> result(host, address, new TlsFacts.HandshakeFailed(false),
                    SmtpCodes.SMTP_CAPABILITIES, SmtpCodes.SMTP_TLS_HANDSHAKE_FAILED);
            case OLD_TLS -> result(host, address, new TlsFacts.HandshakeFailed(true), SmtpCodes.SMTP_CAPABILITIES,
                    SmtpCodes.SMTP_TLS_OLD_PROTOCOL);
            case UNTRUSTED -> result(host, address, established(new CertificateFacts(Trust.UNTRUSTED, false, false,
                    c.name(), c.dnsNames(), c.commonNames())), SmtpCodes.SMTP_TLS_OK, SmtpCodes.SMTP_CERT_UNTRUSTED);
            case EXPIRED -> result(host, address, established(new CertificateFacts(Trust.TRUSTED, true, false,
                    c.name(), c.dnsNames(), c.commonNames())), SmtpCodes.SMTP_TLS_OK, SmtpCodes.SMTP_CERT_EXPIRED);
            case NOT_YET_VALID -> result(host, address, established(new CertificateFacts(Trust.TRUSTED, false, true,
                    c.name(), c.dnsNames(), c.commonNames())), SmtpCodes.SMTP_TLS_OK,
                    SmtpCodes.SMTP_CERT_NOT_YET_VALID);
            case NAME_MISMATCH -> result(host, address, established(new CertificateFacts(Trust.TRUSTED, false,
                    false, NameMatch.NONE, List.of("other.test"), List.of("other.test"))), SmtpCodes.SMTP_TLS_OK,
                    SmtpCodes.SMTP_CERT_NAME_MISMATCH);
            case NAME_ONLY_IN_CN -> result(host, address, established(cnOnly(host)), SmtpCodes.SMTP_TLS_OK,
                    SmtpCodes.SMTP_CERT_NAME_ONLY_IN_CN);
        };
    }

    /** A trusted, valid certificate with no DNS subjectAltName whose CN is the host. */
    private static CertificateFacts cnOnly(String host) {
        return new CertificateFacts(Trust.TRUSTED, false, false, NameMatch.COMMON_NAME_ONLY, List.of(),
                List.of(host));
    }

    private static final java.util.Map<StsTlsCrossCheck.Refusal, String> ENGLISH = java.util.Map.of(
            StsTlsCrossCheck.Refusal.NO_STARTTLS, "it offers no STARTTLS",
            StsTlsCrossCheck.Refusal.HANDSHAKE_FAILED, "the TLS handshake fails",
            StsTlsCrossCheck.Refusal.OLD_TLS, "it offers only TLS older than 1.2",
            StsTlsCrossCheck.Refusal.UNTRUSTED, "its certificate does not chain to a trusted authority",
            StsTlsCrossCheck.Refusal.EXPIRED, "its certificate has expired",
            StsTlsCrossCheck.Refusal.NOT_YET_VALID, "its certificate is not valid yet",
            StsTlsCrossCheck.Refusal.NAME_MISMATCH, "its certificate does not name the host",
            StsTlsCrossCheck.Refusal.NAME_ONLY_IN_CN, "its certificate names the host only in its subject CN, not in "
                    + "a subject alternative name");

    @ParameterizedTest
    @EnumSource(StsTlsCrossCheck.Refusal.class)
    void enforceModeRefusesAHostForEachReasonWhileAnotherTakesMail(StsTlsCrossCheck.Refusal reason) {
        TargetResult bad = showing(reason, "mx1.example.test", "192.0.2.1");
        List<Finding> findings = StsTlsCrossCheck.judge(policy("enforce"),
                List.of(bad, good("mx2.example.test", "192.0.2.2")));

        assertEquals(1, findings.size(), findings.toString());
        Finding f = findings.getFirst();
        assertEquals(MtaStsFindingCodes.MTA_STS_HOST_REFUSED, f.code());
        assertEquals(Severity.ERROR, f.severity());
        assertEquals(Actor.RECIPIENT_MAIL_TEAM, f.actor());
        assertEquals("mx1.example.test", f.subject());
        assertEquals("The MTA-STS policy of example.test is in enforce mode, and its MX host mx1.example.test "
                + "(192.0.2.1) does not meet it: " + ENGLISH.get(reason) + ". Senders that apply the policy will "
                + "not deliver to mx1.example.test.", f.message());
        assertTrue(f.remediation().startsWith("Make mx1.example.test meet the policy"), f.remediation());
        assertInstanceOf(StsTlsCrossCheck.Verdict.Refused.class, StsTlsCrossCheck.verdict(bad));
        assertEquals(Set.of(reason), ((StsTlsCrossCheck.Verdict.Refused) StsTlsCrossCheck.verdict(bad)).reasons());
        // the probe's own finding is quoted in the evidence, then the policy
        assertTrue(f.evidence().stream().anyMatch(l -> l.contains("mx1.example.test [192.0.2.1]:25 SMTP_")),
                f.evidence().toString());
        assertTrue(f.evidence().containsAll(POLICY_EVIDENCE));
    }

    @ParameterizedTest
    @EnumSource(StsTlsCrossCheck.Refusal.class)
    void testingModeWarnsForEachReason(StsTlsCrossCheck.Refusal reason) {
        List<Finding> findings = StsTlsCrossCheck.judge(policy("testing"),
                List.of(showing(reason, "mx1.example.test", "192.0.2.1")));

        assertEquals(1, findings.size(), findings.toString());
        Finding f = findings.getFirst();
        assertEquals(MtaStsFindingCodes.MTA_STS_HOST_REFUSED, f.code());
        assertEquals(Severity.WARNING, f.severity());
        assertEquals("The MTA-STS policy of example.test is in testing mode, and its MX host mx1.example.test "
                + "(192.0.2.1) does not meet it: " + ENGLISH.get(reason) + ". Senders still deliver to "
                + "mx1.example.test and report the failure, but once the policy is in enforce mode, senders that "
                + "apply it will not deliver to mx1.example.test.", f.message());
    }

    @Test
    void enforceModeWithNoUsableHostSaysMailIsRefusedAltogether() {
        List<Finding> findings = StsTlsCrossCheck.judge(policy("enforce"), List.of(
                result("mx1.example.test", "192.0.2.1", established(new CertificateFacts(Trust.TRUSTED, true, false,
                        NameMatch.NONE, List.of("other.test"), List.of())), SmtpCodes.SMTP_TLS_OK,
                        SmtpCodes.SMTP_CERT_EXPIRED, SmtpCodes.SMTP_CERT_NAME_MISMATCH),
                noStartTls("mx2.example.test", "192.0.2.2")));

        assertEquals(1, findings.size(), findings.toString());
        Finding f = findings.getFirst();
        assertEquals(MtaStsFindingCodes.MTA_STS_HOST_REFUSED, f.code());
        assertEquals(Severity.ERROR, f.severity());
        assertEquals(DOMAIN, f.subject());
        assertEquals("The MTA-STS policy of example.test is in enforce mode, and none of its MX hosts meets it: "
                + "mx1.example.test (its certificate has expired; its certificate does not name the host), "
                + "mx2.example.test (it offers no STARTTLS). Senders that apply the policy deliver no mail to "
                + "example.test at all.", f.message());
        assertTrue(f.remediation().contains("max_age (86,400 s)"), f.remediation());
        assertEquals("MTA-STS-policyn för example.test är i läget enforce, och ingen av domänens MX-värdar "
                + "uppfyller den: mx1.example.test (dess certifikat har gått ut; dess certifikat innehåller inte "
                + "värdens namn), mx2.example.test (den erbjuder inte STARTTLS). Avsändare som tillämpar policyn "
                + "levererar ingen e-post alls till example.test.", f.message(Locale.of("sv")));
    }

    @Test
    void aDomainWrittenInUnicodeIsTheSameAsItsALabels() {
        PublishedPolicy unicode = new PublishedPolicy("Bücher.example.",
                new MtaStsPolicy("enforce", List.of("mx1.xn--bcher-kva.example"), 86400), POLICY_EVIDENCE);
        List<Finding> findings = StsTlsCrossCheck.judge(unicode, List.of(resultIn("xn--bcher-kva.example",
                "mx1.xn--bcher-kva.example", "192.0.2.1", new TlsFacts.NotOffered(), SmtpCodes.SMTP_NO_STARTTLS)));

        assertEquals(List.of(MtaStsFindingCodes.MTA_STS_HOST_REFUSED), findings.stream().map(Finding::code).toList());
    }

    @Test
    void aHostRefusedAtOneAddressOnlyNamesThatAddress() {
        List<Finding> findings = StsTlsCrossCheck.judge(policy("enforce"), List.of(
                good("mx1.example.test", "192.0.2.1"),
                showing(StsTlsCrossCheck.Refusal.UNTRUSTED, "mx1.example.test", "2001:db8::1")));

        assertEquals(1, findings.size(), findings.toString());
        assertTrue(findings.getFirst().message().contains("mx1.example.test (2001:db8::1) does not meet it"),
                findings.getFirst().message());
        assertEquals(Severity.ERROR, findings.getFirst().severity());
    }

    @Test
    void anUntestedAddressKeepsTheVerdictPerHost() {
        // mx2 could not be reached: the probe cannot say all mail is refused, only that mx1 is
        List<Finding> findings = StsTlsCrossCheck.judge(policy("enforce"), List.of(
                noStartTls("mx1.example.test", "192.0.2.1"),
                untested("mx2.example.test", "192.0.2.2", SmtpCodes.SMTP_CONNECT_TIMEOUT)));

        assertEquals(1, findings.size(), findings.toString());
        assertEquals("mx1.example.test", findings.getFirst().subject());
        assertInstanceOf(StsTlsCrossCheck.Verdict.Untested.class, StsTlsCrossCheck.verdict(
                untested("mx2.example.test", "192.0.2.2", SmtpCodes.SMTP_CONNECT_TIMEOUT)));
    }

    @Test
    void everyHostMeetingThePolicyPasses() {
        List<Finding> enforce = StsTlsCrossCheck.judge(policy("enforce"), List.of(
                good("mx1.example.test", "192.0.2.1"), good("mx2.example.test", "192.0.2.2")));
        assertEquals(List.of(MtaStsFindingCodes.MTA_STS_HOSTS_PASS), enforce.stream().map(Finding::code).toList());
        assertEquals(Severity.OK, enforce.getFirst().severity());
        assertEquals("Every MX host of example.test the probe could test (mx1.example.test, mx2.example.test) meets "
                + "its MTA-STS policy (mode enforce): STARTTLS, TLS 1.2 or later, and a valid certificate from a "
                + "trusted authority that names the host.", enforce.getFirst().message());

        List<Finding> testing = StsTlsCrossCheck.judge(policy("testing"), List.of(
                good("mx1.example.test", "192.0.2.1"),
                untested("mx2.example.test", "192.0.2.2", SmtpCodes.SMTP_CONNECT_REFUSED)));
        assertEquals(Severity.INFO, testing.getFirst().severity());
        assertTrue(testing.getFirst().message().endsWith("; mx2.example.test could not be tested."),
                testing.getFirst().message());
        assertEquals("Alla MX-värdar för example.test som kunde testas (mx1.example.test) uppfyller domänens "
                + "MTA-STS-policy (läge testing): STARTTLS, TLS 1.2 eller senare och ett giltigt certifikat från en "
                + "betrodd certifikatutfärdare som innehåller värdens namn; mx2.example.test kunde inte testas.",
                testing.getFirst().message(Locale.of("sv")));
    }

    @Test
    void hostsTheMxPatternsDoNotListAreLeftToTheMxMismatchFinding() {
        List<Finding> findings = StsTlsCrossCheck.judge(policy("enforce"), List.of(
                good("mx1.example.test", "192.0.2.1"),
                noStartTls("backup.provider.example", "192.0.2.9")));
        assertEquals(List.of(MtaStsFindingCodes.MTA_STS_HOSTS_PASS), findings.stream().map(Finding::code).toList());

        assertEquals(List.of(), StsTlsCrossCheck.judge(policy("enforce"), List.of(
                noStartTls("backup.provider.example", "192.0.2.9"))));
    }

    @Test
    void nothingToJudgeInModeNoneOrForOtherDomains() {
        TargetResult bad = noStartTls("mx1.example.test", "192.0.2.1");
        assertEquals(List.of(), StsTlsCrossCheck.judge(policy("none"), List.of(bad)));
        PublishedPolicy other = new PublishedPolicy("other.test",
                new MtaStsPolicy("enforce", List.of("*.example.test"), 86400), List.of());
        assertEquals(List.of(), StsTlsCrossCheck.judge(other, List.of(bad)));
    }

    @Test
    void noConversationReachingStartTlsIsSaidOnce() {
        List<Finding> findings = StsTlsCrossCheck.judge(policy("enforce"), List.of(
                untested("mx1.example.test", "192.0.2.1", SmtpCodes.SMTP_CONNECT_TIMEOUT)));
        assertEquals(List.of(MtaStsFindingCodes.MTA_STS_HOSTS_UNTESTED), findings.stream().map(Finding::code).toList());
        assertEquals(Severity.INFO, findings.getFirst().severity());
    }

    /** The remaining verdict paths, one address each. */
    @Test
    void eachWhatTheProbeEstablishedHasItsVerdict() {
        assertInstanceOf(StsTlsCrossCheck.Verdict.Untested.class,
                StsTlsCrossCheck.verdict(untested("mx1.example.test", "192.0.2.1", SmtpCodes.SMTP_BANNER_TIMEOUT)));
        assertInstanceOf(StsTlsCrossCheck.Verdict.Meets.class,
                StsTlsCrossCheck.verdict(good("mx1.example.test", "192.0.2.1")));
        assertEquals(Set.of(StsTlsCrossCheck.Refusal.NO_STARTTLS), reasons(result("mx1.example.test", "192.0.2.1",
                new TlsFacts.Rejected(), SmtpCodes.SMTP_STARTTLS_REJECTED)));
        // the JDK client refuses TLS 1.1 and older, but a negotiated old protocol is judged all the same
        assertEquals(Set.of(StsTlsCrossCheck.Refusal.OLD_TLS), reasons(result("mx1.example.test", "192.0.2.1",
                established("TLSv1.1", GOOD_CERTIFICATE), SmtpCodes.SMTP_TLS_OLD_PROTOCOL)));
        assertEquals(Set.of(StsTlsCrossCheck.Refusal.UNTRUSTED, StsTlsCrossCheck.Refusal.EXPIRED),
                reasons(result("mx1.example.test", "192.0.2.1", established(new CertificateFacts(Trust.SELF_SIGNED,
                        true, false, NameMatch.SUBJECT_ALT_NAME, List.of("mx1.example.test"), List.of())),
                        SmtpCodes.SMTP_TLS_OK, SmtpCodes.SMTP_CERT_SELF_SIGNED, SmtpCodes.SMTP_CERT_EXPIRED)));
    }

    @Test
    void theVerdictRestsOnTheFactsNotOnTheFindingCodes() {
        // a certificate naming the host only in its CN: the probe's general check is content (no finding here,
        // as from a probe that says nothing about it), a sender applying the policy is not
        TargetResult cnOnly = result("mx1.example.test", "192.0.2.1", established(cnOnly("mx1.example.test")),
                SmtpCodes.SMTP_CAPABILITIES, SmtpCodes.SMTP_TLS_OK);
        StsTlsCrossCheck.Verdict verdict = StsTlsCrossCheck.verdict(cnOnly);
        assertEquals(new StsTlsCrossCheck.Verdict.Refused(Set.of(StsTlsCrossCheck.Refusal.NAME_ONLY_IN_CN),
                List.of()), verdict);

        List<Finding> findings = StsTlsCrossCheck.judge(policy("enforce"), List.of(cnOnly));
        assertEquals(1, findings.size(), findings.toString());
        Finding f = findings.getFirst();
        assertEquals(MtaStsFindingCodes.MTA_STS_HOST_REFUSED, f.code());
        assertEquals("The MTA-STS policy of example.test is in enforce mode, and none of its MX hosts meets it: "
                + "mx1.example.test (its certificate names the host only in its subject CN, not in a subject "
                + "alternative name). Senders that apply the policy deliver no mail to example.test at all.",
                f.message());
        assertEquals("MTA-STS-policyn för example.test är i läget enforce, och ingen av domänens MX-värdar "
                + "uppfyller den: mx1.example.test (dess certifikat anger värdens namn bara i ämnesnamnet (CN), inte "
                + "som alternativt namn (SAN)). Avsändare som tillämpar policyn levererar ingen e-post alls till "
                + "example.test.", f.message(Locale.of("sv")));
        // no probe finding to quote: the certificate's names are the evidence
        assertEquals(";; mx1.example.test [192.0.2.1]:25 certificate: no DNS subjectAltName, subject CN "
                + "mx1.example.test (MTA-STS accepts only a subjectAltName, RFC 8461 §4.2)", f.evidence().getFirst());
        assertEquals(POLICY_EVIDENCE, f.evidence().subList(1, f.evidence().size()));
    }

    @Test
    void aQuotedCnOnlyFindingIsNotSaidAgainFromTheCertificate() {
        TargetResult cnOnly = showing(StsTlsCrossCheck.Refusal.NAME_ONLY_IN_CN, "mx1.example.test", "192.0.2.1");
        StsTlsCrossCheck.Verdict verdict = StsTlsCrossCheck.verdict(cnOnly);
        assertEquals(List.of(SmtpCodes.SMTP_CERT_NAME_ONLY_IN_CN), ((StsTlsCrossCheck.Verdict.Refused) verdict)
                .causes().stream().map(Finding::code).toList());

        // the quoted finding already names the CN and RFC 8461: the certificate's names are not said again
        Finding f = StsTlsCrossCheck.judge(policy("enforce"), List.of(cnOnly)).getFirst();
        List<String> expected = new ArrayList<>(List.of(";; mx1.example.test [192.0.2.1]:25 "
                + SmtpCodes.SMTP_CERT_NAME_ONLY_IN_CN + ": probe says " + SmtpCodes.SMTP_CERT_NAME_ONLY_IN_CN));
        expected.addAll(POLICY_EVIDENCE);
        assertEquals(expected, f.evidence());
    }

    private static Set<StsTlsCrossCheck.Refusal> reasons(TargetResult result) {
        return assertInstanceOf(StsTlsCrossCheck.Verdict.Refused.class, StsTlsCrossCheck.verdict(result))
                .reasons();
    }
}
