package org.mailpath.engine.mtasts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mailpath.engine.check.CheckContext;
import org.mailpath.engine.check.CheckKind;
import org.mailpath.engine.check.CheckListener;
import org.mailpath.engine.check.CheckOptions;
import org.mailpath.engine.check.CheckRequest;
import org.mailpath.engine.check.ConcurrentDomainChecker;
import org.mailpath.engine.check.DomainCheckResult;
import org.mailpath.engine.common.Cancellation;
import org.mailpath.engine.common.CancelledException;
import org.mailpath.engine.dns.DnsLookups;
import org.mailpath.engine.finding.Actor;
import org.mailpath.engine.finding.Finding;
import org.mailpath.engine.finding.LocalText;
import org.mailpath.engine.finding.Severity;
import org.mailpath.testing.dns.TestDnsServer;

/**
 * The MTA-STS check against a DNS resolver, an HTTPS policy server and a CONNECT proxy, all on loopback: the
 * production {@link HttpsPolicySource} asks for https://mta-sts.&lt;domain&gt;/… on port 443 as senders do, the proxy
 * tunnels that to the test server, and TLS is checked for the real policy host name against test certificates.
 */
class MtaStsCheckTest {

    private static final String RESOLVER = "127.0.9.1";
    private static final Duration TIMEOUT = Duration.ofSeconds(5);
    /** Trusts the certificate the policy server serves for the hosts of {@code SERVED}. */
    private static javax.net.ssl.SSLContext trustServed;
    private static final String ENFORCE_GOOD = "version: STSv1\r\nmode: enforce\r\nmx: *.good.sts.test\r\n"
            + "max_age: 604800\r\n";
    /** Domains whose policy host the trusted test certificate is valid for. */
    private static final List<String> SERVED = List.of("good", "mismatch", "wild", "testing", "nonemode", "badtxt",
            "two", "redirect", "missing", "html", "big", "syntax", "implicit", "held", "badrpt", "testmis", "nullmx",
            "nullmxtest");

    @TempDir
    static Path certificates;
    private static TestDnsServer dns;
    private static PolicyServer policies;
    private static PolicyServer wrongName;
    private static PolicyServer untrusted;
    private static ConnectProxy proxy;
    private static HttpsPolicySource source;

    @BeforeAll
    static void start() throws Exception {
        StringBuilder zone = new StringBuilder("""
                @ SOA ns.sts.test. hostmaster.sts.test. 1 3600 600 86400 300
                @ NS ns
                ns A 127.0.9.2
                good MX 10 mx1.good
                good MX 20 mx2.good
                mx1.good A 192.0.2.1
                mx2.good A 192.0.2.2
                _mta-sts.good TXT "v=STSv1; id=20260101T000000"
                _smtp._tls.good TXT "v=TLSRPTv1; rua=mailto:tls-reports@good.sts.test"
                mismatch MX 10 mx1.mismatch
                mismatch MX 20 backup.provider.example.
                _mta-sts.mismatch TXT "v=STSv1; id=1"
                wild MX 10 a.b.wild
                _mta-sts.wild TXT "v=STSv1; id=1"
                testing MX 10 mx.testing
                _mta-sts.testing TXT "v=STSv1; id=1"
                nonemode MX 10 mx.nonemode
                testmis MX 10 mx.provider.example.
                _mta-sts.testmis TXT "v=STSv1; id=1"
                _mta-sts.nonemode TXT "v=STSv1; id=1"
                nosts MX 10 mx.nosts
                plain MX 10 mx.plain
                nosts TXT "v=spf1 -all"
                _mta-sts.nosts TXT "some other text"
                _mta-sts.badtxt TXT "v=STSv1; id=2026-01-01"
                _mta-sts.nearmiss TXT "V=STSv1; id=1"
                badtxt MX 10 mx.badtxt
                _mta-sts.two TXT "v=STSv1; id=1"
                _mta-sts.two TXT "v=STSv1; id=2"
                two MX 10 mx.two
                _mta-sts.redirect TXT "v=STSv1; id=1"
                _mta-sts.missing TXT "v=STSv1; id=1"
                _mta-sts.html TXT "v=STSv1; id=1"
                _mta-sts.big TXT "v=STSv1; id=1"
                _mta-sts.syntax TXT "v=STSv1; id=1"
                _mta-sts.wrongname TXT "v=STSv1; id=1"
                _mta-sts.untrusted TXT "v=STSv1; id=1"
                _mta-sts.noaddress TXT "v=STSv1; id=1"
                _mta-sts.noroute TXT "v=STSv1; id=1"
                _mta-sts.held TXT "v=STSv1; id=1"
                implicit A 192.0.2.9
                nullmx MX 0 .
                nomail MX 0 .
                nomail TXT "v=spf1 -all"
                nullbeside MX 0 .
                nullbeside MX 10 mx.nullbeside
                mx.nullbeside A 192.0.2.26
                _mta-sts.nullmx TXT "v=STSv1; id=1"
                nullmxtest MX 0 .
                _mta-sts.nullmxtest TXT "v=STSv1; id=1"
                _mta-sts.implicit TXT "v=STSv1; id=1"
                _mta-sts.silent TXT "v=STSv1; id=1"
                silent MX 10 mx.silent
                _smtp._tls.badrpt TXT "v=TLSRPTv1; rua=ftp://reports.example/"
                _smtp._tls.tworpt TXT "v=TLSRPTv1; rua=mailto:a@tworpt.sts.test"
                _smtp._tls.tworpt TXT "v=TLSRPTv1; rua=mailto:b@tworpt.sts.test"
                """);
        for (String d : Stream.concat(SERVED.stream(), Stream.of("wrongname", "untrusted", "noroute")).toList()) {
            zone.append("mta-sts.").append(d).append(" A 192.0.2.80\n"); // any address: the proxy routes by name
        }
        dns = TestDnsServer.builder().zone("sts.test", zone.toString())
                .misbehaveFor("_mta-sts.silent.sts.test", TestDnsServer.Misbehaviour.SILENT)
                .resolver(RESOLVER).start();

        TestCertificates.Issued served = TestCertificates.issue(certificates, "served",
                SERVED.stream().map(d -> "mta-sts." + d + ".sts.test").toArray(String[]::new));
        TestCertificates.Issued other = TestCertificates.issue(certificates, "other", "mta-sts.other.test");
        TestCertificates.Issued stranger = TestCertificates.issue(certificates, "stranger",
                "mta-sts.untrusted.sts.test");
        policies = PolicyServer.start(served.serverContext());
        wrongName = PolicyServer.start(other.serverContext());
        untrusted = PolicyServer.start(stranger.serverContext());
        proxy = ConnectProxy.start();
        SERVED.forEach(d -> proxy.route("mta-sts." + d + ".sts.test", policies.port()));
        proxy.route("mta-sts.wrongname.sts.test", wrongName.port());
        proxy.route("mta-sts.untrusted.sts.test", untrusted.port());
        trustServed = TestCertificates.trusting(served.certificate());
        // the client trusts the served and the wrong-name certificate, not the stranger's
        source = new HttpsPolicySource(TestCertificates.trusting(served.certificate(), other.certificate()),
                proxy.selector());

        policies.serve("mta-sts.good.sts.test", PolicyServer.Reply.policy(ENFORCE_GOOD));
        policies.serve("mta-sts.mismatch.sts.test", PolicyServer.Reply.policy(
                "version: STSv1\nmode: enforce\nmx: mx1.mismatch.sts.test\nmax_age: 86400\n"));
        policies.serve("mta-sts.wild.sts.test", PolicyServer.Reply.policy(
                "version: STSv1\nmode: enforce\nmx: *.wild.sts.test\nmax_age: 86400\n"));
        policies.serve("mta-sts.testing.sts.test", PolicyServer.Reply.policy(
                "version: STSv1\nmode: testing\nmx: mx.testing.sts.test\nmax_age: 86400\n"));
        policies.serve("mta-sts.testmis.sts.test", PolicyServer.Reply.policy(
                "version: STSv1\nmode: testing\nmx: mx.testmis.sts.test\nmax_age: 86400\n"));
        policies.serve("mta-sts.nonemode.sts.test", PolicyServer.Reply.policy(
                "version: STSv1\nmode: none\nmax_age: 86400\n"));
        policies.serve("mta-sts.badtxt.sts.test", PolicyServer.Reply.policy(
                "version: STSv1\nmode: enforce\nmx: mx.badtxt.sts.test\nmax_age: 86400\n"));
        policies.serve("mta-sts.two.sts.test", PolicyServer.Reply.policy(
                "version: STSv1\nmode: enforce\nmx: mx.two.sts.test\nmax_age: 86400\n"));
        policies.serve("mta-sts.redirect.sts.test",
                PolicyServer.Reply.redirect("https://mta-sts.redirect.sts.test/policy.txt"));
        policies.serve("mta-sts.redirect.sts.test", "/policy.txt", PolicyServer.Reply.policy(ENFORCE_GOOD));
        policies.serve("mta-sts.html.sts.test", PolicyServer.Reply.of(200, "text/html", "<html>" + ENFORCE_GOOD));
        policies.serve("mta-sts.big.sts.test", PolicyServer.Reply.policy(ENFORCE_GOOD
                + "x_padding: " + "x".repeat(HttpsPolicySource.MAX_BODY_BYTES) + "\n"));
        policies.serve("mta-sts.syntax.sts.test", PolicyServer.Reply.policy(
                "version: STSv1\nmode: enforce\nmax_age: 86400\n"));
        policies.serve("mta-sts.implicit.sts.test", PolicyServer.Reply.policy(
                "version: STSv1\nmode: enforce\nmx: implicit.sts.test\nmax_age: 86400\n"));
        policies.serve("mta-sts.nullmx.sts.test", PolicyServer.Reply.policy(
                "version: STSv1\nmode: enforce\nmx: mx.nullmx.sts.test\nmax_age: 86400\n"));
        policies.serve("mta-sts.nullmxtest.sts.test", PolicyServer.Reply.policy(
                "version: STSv1\nmode: testing\nmx: mx.nullmxtest.sts.test\nmax_age: 86400\n"));
        wrongName.serve("mta-sts.wrongname.sts.test", PolicyServer.Reply.policy(ENFORCE_GOOD));
        untrusted.serve("mta-sts.untrusted.sts.test", PolicyServer.Reply.policy(ENFORCE_GOOD));
    }

    @AfterAll
    static void stop() {
        Stream.of(proxy, policies, wrongName, untrusted, dns).filter(java.util.Objects::nonNull)
                .forEach(c -> {
                    try {
                        c.close();
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                });
    }

    private static CheckOptions options(Duration timeout) {
        return new CheckOptions(List.of(dns.resolverSpec()), dns.port(), timeout, java.util.Optional.empty(),
                List.of(), List.of());
    }

    /** The check as the app runs it: through the concurrent checker (merging, ordering, CHECK_FAILED). */
    private static List<Finding> check(String domain) {
        return check(domain, TIMEOUT);
    }

    private static List<Finding> check(String domain, Duration timeout) {
        return check(domain, timeout, source);
    }

    private static List<Finding> check(String domain, Duration timeout, MtaStsPolicySource source) {
        ConcurrentDomainChecker checker = new ConcurrentDomainChecker(List.of(new MtaStsCheck(source)),
                o -> DnsLookups.create(o.resolvers(), o.timeout()));
        DomainCheckResult r = checker.check(List.of(new CheckRequest(domain, EnumSet.of(CheckKind.MTA_STS))),
                options(timeout), CheckListener.NONE, Cancellation.none()).domains().getFirst();
        assertTrue(r.findings().stream().noneMatch(f -> f.code().equals("CHECK_FAILED")), r.findings().toString());
        return r.findings();
    }

    private static Set<String> codes(List<Finding> findings) {
        return findings.stream().map(Finding::code).collect(Collectors.toSet());
    }

    private static Finding find(List<Finding> findings, String code) {
        List<Finding> found = findings.stream().filter(f -> f.code().equals(code)).toList();
        assertEquals(1, found.size(), code + " once in " + findings);
        return found.getFirst();
    }

    @Test
    void enforcedPolicyMatchingEveryMxHostIsOk() {
        List<Finding> f = check("good.sts.test");
        assertEquals(Set.of("MTA_STS_OK", "TLSRPT_OK"), codes(f), f.toString());
        Finding ok = find(f, "MTA_STS_OK");
        assertEquals(Severity.OK, ok.severity());
        assertTrue(ok.message().contains("mx1.good.sts.test → *.good.sts.test"), ok.message());
        assertTrue(ok.evidence().stream().anyMatch(l -> l.startsWith(";; GET https://mta-sts.good.sts.test"
                + "/.well-known/mta-sts.txt -> HTTP 200, Content-Type text/plain; charset=utf-8")), ok.evidence()
                .toString());
        assertTrue(ok.evidence().stream().anyMatch(l -> l.contains("certificate: CN=mta-sts.good.sts.test")),
                ok.evidence().toString());
        assertTrue(ok.evidence().contains("  mode: enforce"), ok.evidence().toString());
        assertTrue(find(f, "TLSRPT_OK").message().contains("mailto:tls-reports@good.sts.test"));
        // senders' way: port 443 of the policy host, by name
        assertTrue(proxy.asked().contains("mta-sts.good.sts.test:443"), proxy.asked().toString());
    }

    @Test
    void enforcedPolicyNotMatchingAnMxHostIsAnErrorNamingHostsAndPatterns() {
        Finding f = find(check("mismatch.sts.test"), "MTA_STS_MX_MISMATCH");
        assertEquals(Severity.ERROR, f.severity());
        assertEquals(Actor.RECIPIENT_MAIL_TEAM, f.actor());
        assertTrue(f.message().contains("does not match the MX host backup.provider.example"), f.message());
        assertTrue(f.message().contains("mx mx1.mismatch.sts.test"), f.message());
        assertTrue(f.message().contains("will not deliver to that host, only to mx1.mismatch.sts.test"),
                f.message());
        assertTrue(f.remediation().contains("mx: backup.provider.example"), f.remediation());
        assertTrue(f.evidence().stream().anyMatch(l -> l.contains("MX") && l.contains("backup.provider.example")),
                f.evidence().toString());
    }

    @Test
    void findingsReadInSwedishWithTheirDataUnchanged() {
        Locale sv = Locale.of("sv");
        Finding mismatch = find(check("mismatch.sts.test"), "MTA_STS_MX_MISMATCH");
        assertEquals("MTA-STS-policyn för mismatch.sts.test (läge enforce, mx mx1.mismatch.sts.test) matchar inte"
                + " MX-värden backup.provider.example för mismatch.sts.test: avsändare som följer MTA-STS levererar"
                + " inte till den värden, bara till mx1.mismatch.sts.test.", mismatch.message(sv));
        assertTrue(mismatch.remediation(sv).startsWith("Lägg till en mx-rad för varje MX-värd i policyn på"
                + " https://mta-sts.mismatch.sts.test/.well-known/mta-sts.txt (t.ex. \"mx: backup.provider.example\")"),
                mismatch.remediation(sv));
        Finding redirect = find(check("redirect.sts.test"), "MTA_STS_POLICY_REDIRECT");
        assertTrue(redirect.message(sv).contains("svarar med en omdirigering (HTTP 301 till"), redirect.message(sv));
        assertTrue(redirect.message(sv).endsWith("avsändare som har en äldre kopia fortsätter att tillämpa den tills"
                + " dess max_age har löpt ut."), redirect.message(sv));
        // the English text stays what the command line and the reports show
        assertEquals(redirect.message(), redirect.message(LocalText.ENGLISH));
        assertTrue(redirect.message().contains("answers with a redirect"), redirect.message());
    }

    @Test
    void syntaxProblemsAndWhyAFetchFailedReadEntirelyInSwedish() {
        Locale sv = Locale.of("sv");
        Finding txt = find(check("badtxt.sts.test"), "MTA_STS_TXT_INVALID");
        assertEquals("The MTA-STS record at _mta-sts.badtxt.sts.test is not valid (id must be 1 to 32 letters and"
                + " digits, not \"2026-01-01\"): senders treat badtxt.sts.test as having no MTA-STS policy.",
                txt.message());
        assertEquals("MTA-STS-posten på _mta-sts.badtxt.sts.test är ogiltig (id måste vara 1 till 32 bokstäver och"
                + " siffror, inte \"2026-01-01\"): avsändare behandlar badtxt.sts.test som om domänen saknade"
                + " MTA-STS-policy.", txt.message(sv));

        Finding policy = find(check("syntax.sts.test"), "MTA_STS_POLICY_SYNTAX");
        assertTrue(policy.message().startsWith("The MTA-STS policy of syntax.sts.test is not valid (no mx line: in"
                + " mode enforce the policy must list the MX hosts): senders discard it. "), policy.message());
        assertTrue(policy.message(sv).startsWith("MTA-STS-policyn för syntax.sts.test är ogiltig (ingen mx-rad: i"
                + " läget enforce måste policyn lista MX-värdarna): avsändare kastar den. Avsändare som inte har"),
                policy.message(sv));

        Finding rpt = find(check("badrpt.sts.test"), "TLSRPT_INVALID");
        assertEquals("TLS-RPT-posten på _smtp._tls.badrpt.sts.test är ogiltig (\"ftp://reports.example/\" är varken"
                + " en mailto:- eller en https:-adress): avsändare skickar inga TLS-rapporter.", rpt.message(sv));

        Finding tls = find(check("wrongname.sts.test"), "MTA_STS_POLICY_TLS");
        assertTrue(tls.message(sv).startsWith("MTA-STS-policyn för wrongname.sts.test kunde inte hämtas säkert från"
                + " https://mta-sts.wrongname.sts.test/.well-known/mta-sts.txt: certifikatet är inte giltigt för"
                + " namnet mta-sts.wrongname.sts.test, och avsändare godtar bara"), tls.message(sv));
    }

    @Test
    void aTimedOutTxtQuestionReadsEntirelyInSwedish() {
        // never answered: the outcome does not depend on how short the timeout is
        Finding timeout = find(check("silent.sts.test", Duration.ofMillis(500)), "DNS_TIMEOUT");
        assertEquals("DNS lookup _mta-sts.silent.sts.test TXT failed (TIMEOUT: no answer over UDP within 500 ms):"
                + " whether silent.sts.test has an MTA-STS policy could not be read", timeout.message());
        assertEquals("DNS-uppslagningen _mta-sts.silent.sts.test TXT misslyckades (TIMEOUT: inget svar över UDP inom"
                + " 500 ms): om silent.sts.test har en MTA-STS-policy kunde inte läsas", timeout.message(Locale.of("sv")));
        assertTrue(timeout.evidence().getFirst().contains("(no answer over UDP within 500 ms)"),
                timeout.evidence().toString());
    }

    @Test
    void aWildcardStandsForExactlyOneLabel() {
        Finding f = find(check("wild.sts.test"), "MTA_STS_MX_MISMATCH");
        assertEquals(Severity.ERROR, f.severity());
        assertTrue(f.message().contains("matches none of the MX hosts of wild.sts.test (a.b.wild.sts.test)"),
                f.message());
        assertTrue(f.message().contains("deliver no mail to wild.sts.test"), f.message());
    }

    @Test
    void implicitMxIsTheDomainItself() {
        assertTrue(codes(check("implicit.sts.test")).contains("MTA_STS_OK"));
    }

    @Test
    void aPolicyBesideANullMxAloneIsAContradictionThatLosesNoMail() {
        // RFC 7505: the domain accepts no mail, so senders have no MX host to apply the policy to (RFC 8461 §4.1, §5)
        List<Finding> enforce = check("nullmx.sts.test");
        // no TLSRPT_NONE: there is no mail server whose TLS failures could be reported
        assertEquals(Set.of("MTA_STS_NULL_MX"), codes(enforce), enforce.toString());
        Finding f = find(enforce, "MTA_STS_NULL_MX");
        assertEquals(Severity.INFO, f.severity(), "mail bounces because of the null MX, not the policy: " + f);
        assertEquals(Actor.RECIPIENT_MAIL_TEAM, f.actor());
        assertEquals("nullmx.sts.test publishes a null MX (RFC 7505: it accepts no mail) and also an MTA-STS policy"
                + " in mode enforce: the two contradict each other. The policy protects nothing and causes no bounce"
                + " of its own: senders find no mail server to apply it to, and mail to nullmx.sts.test bounces at"
                + " once because of the null MX.", f.message());
        assertEquals("If nullmx.sts.test receives no mail, withdraw the policy: remove the _mta-sts.nullmx.sts.test"
                + " TXT record and the policy file at https://mta-sts.nullmx.sts.test/.well-known/mta-sts.txt. If"
                + " nullmx.sts.test should receive mail, the null MX is the mistake: replace the record MX 0 . with"
                + " MX records naming its mail servers, each matched by an mx line of the policy (now:"
                + " mx.nullmx.sts.test).", f.remediation());
        assertTrue(f.message(Locale.of("sv")).startsWith("nullmx.sts.test publicerar en null-MX (RFC 7505: domänen"
                + " tar inte emot e-post) och dessutom en MTA-STS-policy i läget enforce"), f.message(Locale.of("sv")));
        // the evidence: the fetched policy, the MX answer with its null MX, and the _mta-sts record
        assertTrue(f.evidence().contains("  mode: enforce"), f.evidence().toString());
        assertTrue(f.evidence().stream().anyMatch(l -> l.contains("MX") && l.contains("0 .")),
                f.evidence().toString());
        assertTrue(f.evidence().stream().anyMatch(l -> l.contains("v=STSv1; id=1")), f.evidence().toString());
        assertTrue(proxy.asked().contains("mta-sts.nullmx.sts.test:443"), "the policy was fetched as senders do");

        // testing mode: the same contradiction, and not "senders deliver anyway": nothing is delivered
        List<Finding> testing = check("nullmxtest.sts.test");
        assertEquals(Set.of("MTA_STS_NULL_MX"), codes(testing), testing.toString());
        assertTrue(find(testing, "MTA_STS_NULL_MX").message().contains("an MTA-STS policy in mode testing"),
                testing.toString());
    }

    @Test
    void testingAndNoneModesAreInformation() {
        List<Finding> testing = check("testing.sts.test");
        assertEquals(Set.of("MTA_STS_MODE_TESTING", "TLSRPT_NONE"), codes(testing), testing.toString());
        assertTrue(find(testing, "MTA_STS_MODE_TESTING").message().contains("every MX host matches"));
        assertEquals(Severity.INFO, find(testing, "MTA_STS_MODE_TESTING").severity());
        List<Finding> mismatch = check("testmis.sts.test");
        Finding warning = find(mismatch, "MTA_STS_MX_MISMATCH");
        assertEquals(Severity.WARNING, warning.severity(), "testing mode still delivers: " + warning);
        assertTrue(warning.message().contains("in testing mode senders still deliver"), warning.message());
        assertFalse(find(mismatch, "MTA_STS_MODE_TESTING").message().contains("every MX host matches"));
        List<Finding> none = check("nonemode.sts.test");
        assertEquals(Set.of("MTA_STS_MODE_NONE", "TLSRPT_NONE"), codes(none), none.toString());
        assertEquals(Severity.INFO, find(none, "MTA_STS_MODE_NONE").severity());
    }

    @Test
    void noRecordMeansNoPolicyAndNothingIsFetched() {
        List<Finding> f = check("nosts.sts.test");
        assertEquals(Set.of("MTA_STS_NONE", "TLSRPT_NONE"), codes(f), f.toString());
        Finding none = find(f, "MTA_STS_NONE");
        assertEquals(Severity.INFO, none.severity());
        assertEquals(Actor.NOBODY, none.actor());
        assertTrue(none.message().contains("senders use TLS when its mail servers offer it"), none.message());
        assertEquals(Severity.INFO, find(f, "TLSRPT_NONE").severity());
        assertFalse(proxy.asked().stream().anyMatch(a -> a.contains("nosts")), proxy.asked().toString());
    }

    @Test
    void aDomainWithoutAnyRecordAtItsPolicyNamesHasNoPolicy() {
        // _mta-sts.plain and _smtp._tls.plain are NXDOMAIN, plain itself exists: the usual "no policy" (§3.1)
        List<Finding> f = check("plain.sts.test");
        assertEquals(Set.of("MTA_STS_NONE", "TLSRPT_NONE"), codes(f), f.toString());
    }

    @Test
    void aDomainThatDoesNotExistGetsNoAdviceToPublishRecords() {
        // the existence and MX checks say DOMAIN_NXDOMAIN; advice to publish a policy for it would be built on nothing
        List<Finding> f = check("gone.sts.test");
        assertEquals(List.of(), f);
        assertFalse(proxy.asked().stream().anyMatch(a -> a.contains("gone")), proxy.asked().toString());
    }

    @Test
    void aDomainThatAcceptsNoMailGetsNoAdviceOnTlsToItsMailServers() {
        // a null MX alone (RFC 7505): no mail server to use TLS with, so no "senders use TLS when its mail servers
        // offer it" and no TLS-RPT advice; MX_NULL says the one fact
        assertEquals(List.of(), check("nomail.sts.test"));
        // beside other MX hosts the null MX is ignored by some senders, who deliver to those hosts: advice stands
        assertEquals(Set.of("MTA_STS_NONE", "TLSRPT_NONE"), codes(check("nullbeside.sts.test")));
    }

    @Test
    void aRecordWithTheVersionInTheWrongCaseIsNamed() {
        Finding none = find(check("nearmiss.sts.test"), "MTA_STS_NONE");
        assertEquals(Severity.INFO, none.severity());
        assertEquals(Actor.RECIPIENT_MAIL_TEAM, none.actor());
        assertTrue(none.message().contains("senders ignore the record \"V=STSv1; id=1\""), none.message());
    }

    @Test
    void badAndDuplicateRecordsAreWarningsAndThePolicyIsStillRead() {
        List<Finding> bad = check("badtxt.sts.test");
        Finding invalid = find(bad, "MTA_STS_TXT_INVALID");
        assertEquals(Severity.WARNING, invalid.severity());
        assertTrue(invalid.message().contains("id must be 1 to 32 letters and digits, not \"2026-01-01\""),
                invalid.message());
        assertFalse(codes(bad).contains("MTA_STS_OK"), "no OK while senders ignore the record: " + bad);
        Finding two = find(check("two.sts.test"), "MTA_STS_TXT_MULTIPLE");
        assertEquals(Severity.WARNING, two.severity());
        assertTrue(two.message().contains("publishes 2 MTA-STS records"), two.message());
        assertEquals(3, two.evidence().size(), "the question and both records: " + two.evidence());
    }

    @Test
    void aRedirectIsRefusedAndNotFollowed() {
        Finding f = find(check("redirect.sts.test"), "MTA_STS_POLICY_REDIRECT");
        assertEquals(Severity.WARNING, f.severity());
        assertTrue(f.message().contains("HTTP 301 to https://mta-sts.redirect.sts.test/policy.txt"), f.message());
        assertTrue(f.evidence().contains(";; Location: https://mta-sts.redirect.sts.test/policy.txt"));
        assertFalse(policies.requests().contains("mta-sts.redirect.sts.test /policy.txt"),
                policies.requests().toString());
    }

    @Test
    void wrongStatusWrongMediaTypeOversizedBodyAndBadSyntaxAreFetchFailures() {
        Finding missing = find(check("missing.sts.test"), "MTA_STS_POLICY_HTTP_STATUS");
        assertTrue(missing.message().contains("answers HTTP 404 instead of 200"), missing.message());
        Finding html = find(check("html.sts.test"), "MTA_STS_POLICY_MEDIA_TYPE");
        assertTrue(html.message().contains("as text/html, not as text/plain"), html.message());
        Finding big = find(check("big.sts.test"), "MTA_STS_POLICY_TOO_LARGE");
        assertTrue(big.message().contains("more than 64 KB"), big.message());
        assertTrue(big.evidence().getFirst().contains("more than 65536 bytes"), big.evidence().toString());
        Finding syntax = find(check("syntax.sts.test"), "MTA_STS_POLICY_SYNTAX");
        assertTrue(syntax.message().contains("no mx line: in mode enforce"), syntax.message());
        for (Finding f : List.of(missing, html, big, syntax)) {
            assertEquals(Severity.WARNING, f.severity(), f.toString());
            assertTrue(f.message().contains("deliver as if the domain had no MTA-STS"), f.message());
        }
    }

    @Test
    void aCertificateForAnotherNameIsATlsFailure() {
        Finding f = find(check("wrongname.sts.test"), "MTA_STS_POLICY_TLS");
        assertEquals(Severity.WARNING, f.severity());
        assertTrue(f.message().contains("the certificate is not valid for the name mta-sts.wrongname.sts.test"),
                f.message());
        assertTrue(f.evidence().stream().anyMatch(l -> l.contains("SSLHandshakeException")), f.evidence().toString());
        assertTrue(wrongName.requests().isEmpty(), "no request over a connection to the wrong host");
    }

    @Test
    void anUntrustedCertificateIsATlsFailure() {
        Finding f = find(check("untrusted.sts.test"), "MTA_STS_POLICY_TLS");
        assertTrue(f.message().contains("not issued by a trusted certificate authority"), f.message());
    }

    @Test
    void aPolicyHostWithoutAddressOrConnectionIsUnreachable() {
        Finding noAddress = find(check("noaddress.sts.test"), "MTA_STS_POLICY_UNREACHABLE");
        assertTrue(noAddress.message().contains("mta-sts.noaddress.sts.test has no A or AAAA record"),
                noAddress.message());
        assertFalse(proxy.asked().stream().anyMatch(a -> a.contains("noaddress")), proxy.asked().toString());
        Finding noRoute = find(check("noroute.sts.test"), "MTA_STS_POLICY_UNREACHABLE");
        assertTrue(noRoute.message().contains("could not be fetched from https://mta-sts.noroute.sts.test"),
                noRoute.message());
        assertEquals(Severity.WARNING, noRoute.severity());
    }

    /**
     * Checks {@code domain} with a fetcher that goes through this computer's proxy settings, which name the test's
     * CONNECT proxy (the default proxy selection swapped for the test; tests run one at a time in this JVM).
     */
    private static List<Finding> checkThroughSystemProxy(String domain) {
        java.net.ProxySelector previous = java.net.ProxySelector.getDefault();
        java.net.ProxySelector.setDefault(proxy.selector());
        try {
            return check(domain, TIMEOUT, new HttpsPolicySource(trustServed));
        } finally {
            java.net.ProxySelector.setDefault(previous);
        }
    }

    private static String proxyName() {
        java.net.Proxy p = proxy.selector().select(java.net.URI.create("https://x.test/")).getFirst();
        java.net.InetSocketAddress a = (java.net.InetSocketAddress) p.address();
        return a.getHostString() + ":" + a.getPort();
    }

    @Test
    void aPolicyFetchedThroughThisComputersProxyNamesItInTheEvidence() {
        List<Finding> f = checkThroughSystemProxy("good.sts.test");
        assertEquals(Set.of("MTA_STS_OK", "TLSRPT_OK"), codes(f), f.toString());
        Finding ok = find(f, "MTA_STS_OK");
        assertEquals(";; through the proxy " + proxyName() + " (this computer's proxy settings)",
                ok.evidence().get(1), ok.evidence().toString());
    }

    @Test
    void aProxyThatCannotReachThePolicyHostMeansNotCheckedNotTheRecipientsProblem() {
        // the proxy answers CONNECT with 502: it could not, or would not, reach the host
        Finding f = find(checkThroughSystemProxy("noroute.sts.test"), "MTA_STS_POLICY_UNREACHABLE");
        assertEquals(Actor.LOCAL_NETWORK, f.actor());
        assertTrue(org.mailpath.engine.report.ReportFindings.notChecked(f), f.toString());
        assertTrue(f.message().startsWith("The MTA-STS policy of noroute.sts.test was not fetched from "
                + "https://mta-sts.noroute.sts.test/.well-known/mta-sts.txt through this computer's proxy "
                + proxyName() + ", so it was not checked: the request through " + proxyName()
                + " to mta-sts.noroute.sts.test failed ("), f.message());
        assertTrue(f.message().endsWith("Through a proxy MailPath cannot tell whether mta-sts.noroute.sts.test or the"
                + " proxy failed. This says nothing about noroute.sts.test."), f.message());
        assertTrue(f.evidence().contains(";; through the proxy " + proxyName() + " (this computer's proxy settings)"),
                f.evidence().toString());
        // the same failure through the stand-in network is the policy host's
        Finding direct = find(check("noroute.sts.test"), "MTA_STS_POLICY_UNREACHABLE");
        assertEquals(Actor.RECIPIENT_MAIL_TEAM, direct.actor());
    }

    @Test
    void aProxyAskingForCredentialsMeansNotChecked() {
        proxy.demandCredentials(true);
        try {
            Finding f = find(checkThroughSystemProxy("good.sts.test"), "MTA_STS_POLICY_UNREACHABLE");
            assertEquals(Actor.LOCAL_NETWORK, f.actor());
            assertTrue(f.message().contains("so it was not checked: the proxy " + proxyName() + " asks for"
                    + " credentials (HTTP 407), which MailPath does not give."), f.message());
        } finally {
            proxy.demandCredentials(false);
        }
    }

    @Test
    void aProxyWhereNothingListensMeansNotChecked() throws Exception {
        try (org.mailpath.testing.ProxyTrap trap = org.mailpath.testing.ProxyTrap.install()) {
            Finding f = find(check("good.sts.test", TIMEOUT, new HttpsPolicySource(trustServed)),
                    "MTA_STS_POLICY_UNREACHABLE");
            assertEquals(Actor.LOCAL_NETWORK, f.actor());
            assertTrue(f.message().contains("through this computer's proxy 127.0.0.1:"), f.message());
            assertTrue(f.evidence().stream().anyMatch(l -> l.contains("ConnectException")), f.evidence().toString());
            assertTrue(trap.asked().stream().anyMatch(u -> u.getHost().equals("mta-sts.good.sts.test")),
                    trap.asked().toString());
        }
    }

    @Test
    void aPolicyHostThisComputerCannotLookUpIsNotCheckedNotTheRecipientsProblem() {
        // the check's resolver has the host's address; the HTTPS client's own lookup (the system's) finds none
        MtaStsPolicySource blindLookup = (domain, timeout, cancellation) -> HttpsPolicySource.failure(
                MtaStsPolicySource.policyUri(domain), new java.io.IOException(
                        new java.net.UnknownHostException(MtaStsPolicySource.policyHost(domain))),
                timeout, java.time.Instant.EPOCH, java.util.Optional.empty());
        Finding f = find(check("good.sts.test", TIMEOUT, blindLookup), "MTA_STS_POLICY_UNREACHABLE");
        assertEquals(Actor.LOCAL_NETWORK, f.actor());
        assertTrue(org.mailpath.engine.report.ReportFindings.notChecked(f), f.toString());
        assertEquals("The MTA-STS policy of good.sts.test was not fetched from "
                + "https://mta-sts.good.sts.test/.well-known/mta-sts.txt, so it was not checked: the DNS check found the "
                + "address of mta-sts.good.sts.test, but this computer's own name lookup, which the HTTPS request uses, "
                + "did not. This says nothing about good.sts.test.", f.message());
        assertTrue(f.evidence().stream().anyMatch(l -> l.contains("UnknownHostException")), f.evidence().toString());
        // the check's own answer, in zone-file text (the request line has the name without the final dot)
        assertTrue(f.evidence().stream().anyMatch(l -> l.contains("mta-sts.good.sts.test.")), f.evidence().toString());
        // which resolver said what: this computer's for the request, the chosen server for the A/AAAA answers
        String server = RESOLVER + ":" + dns.port();
        assertTrue(f.evidence().contains(";; mta-sts.good.sts.test: not found by this computer's own name lookup (the"
                + " operating system's, through the JDK: its hosts file and DNS settings), which the HTTPS request"
                + " uses; the A/AAAA answers below came from the DNS checks' resolver (" + server + ")"),
                f.evidence().toString());
        assertTrue(f.evidence().stream().anyMatch(l -> l.startsWith(";; mta-sts.good.sts.test A @" + server)),
                f.evidence().toString());
    }

    @Test
    void theHttpClientsOwnLookupFailureIsRecognisedAsItIsThrown() {
        // what the JDK's HttpClient throws when InetAddress finds no address: a ConnectException without a message,
        // caused by an UnresolvedAddressException, neither naming the host
        java.net.ConnectException thrown = new java.net.ConnectException();
        thrown.initCause(new java.nio.channels.UnresolvedAddressException());
        PolicyFetch fetch = HttpsPolicySource.failure(MtaStsPolicySource.policyUri("good.sts.test"), thrown, TIMEOUT,
                java.time.Instant.EPOCH, java.util.Optional.empty());
        PolicyFetch.HostNotFound notFound = assertInstanceOf(PolicyFetch.HostNotFound.class, fetch);
        assertEquals("mta-sts.good.sts.test", notFound.host());
        assertEquals(List.of(";; GET https://mta-sts.good.sts.test/.well-known/mta-sts.txt -> ConnectException at"
                + " 1970-01-01T00:00:00Z", ";;   caused by UnresolvedAddressException"), notFound.evidence());
    }

    @Test
    void tlsRptPresentAbsentMalformedAndDuplicated() {
        assertEquals(Severity.OK, find(check("good.sts.test"), "TLSRPT_OK").severity());
        assertEquals(Severity.INFO, find(check("nosts.sts.test"), "TLSRPT_NONE").severity());
        Finding bad = find(check("badrpt.sts.test"), "TLSRPT_INVALID");
        assertEquals(Severity.WARNING, bad.severity());
        assertTrue(bad.message().contains("\"ftp://reports.example/\" is neither a mailto: nor an https: address"),
                bad.message());
        assertEquals(Severity.WARNING, find(check("tworpt.sts.test"), "TLSRPT_MULTIPLE").severity());
    }

    @Test
    void aTimedOutTxtQuestionIsAFailedLookupNotAMissingRecord() {
        // never answered: the outcome does not depend on how short the timeout is
        List<Finding> f = check("silent.sts.test", Duration.ofMillis(500));
        Finding timeout = find(f, "DNS_TIMEOUT");
        assertEquals("_mta-sts.silent.sts.test", timeout.subject());
        assertEquals(Actor.RECIPIENT_MAIL_TEAM, timeout.actor());
        assertTrue(timeout.message().contains("whether silent.sts.test has an MTA-STS policy could not be read"),
                timeout.message());
        assertFalse(codes(f).contains("MTA_STS_NONE"), f.toString());
        assertTrue(codes(f).contains("TLSRPT_NONE"), "the other question was answered: " + f);
    }

    @Test
    void cancellingStopsAFetchThatHangs() throws Exception {
        CountDownLatch arrived = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        policies.serve("mta-sts.held.sts.test", PolicyServer.Reply.policy(ENFORCE_GOOD).held(arrived, release));
        Cancellation cancellation = new Cancellation();
        CheckContext context = new CheckContext("held.sts.test", options(TIMEOUT),
                DnsLookups.create(List.of(dns.resolverSpec()), TIMEOUT), cancellation);
        try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
            Future<?> run = pool.submit(() -> new MtaStsCheck(source).run(context));
            assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
                arrived.await();
                cancellation.cancel();
                ExecutionException e = assertThrows(ExecutionException.class, run::get);
                assertTrue(e.getCause() instanceof CancelledException, e.toString());
            });
        } finally {
            release.countDown();
        }
    }

    @Test
    void theCheckIsARecipientCheck() {
        assertTrue(CheckKind.RECIPIENT.contains(CheckKind.MTA_STS));
        assertFalse(CheckKind.SENDER.contains(CheckKind.MTA_STS));
        List<String> kinds = new ArrayList<>();
        org.mailpath.engine.check.DomainCheckers.standardChecks().forEach(c -> kinds.add(c.kind().name()));
        assertTrue(kinds.contains("MTA_STS"), kinds.toString());
    }
}
