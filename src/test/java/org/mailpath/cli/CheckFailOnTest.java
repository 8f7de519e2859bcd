package org.mailpath.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.mailpath.testing.dns.LoopbackDns;
import org.mailpath.testing.dns.TestDnsServer;

/**
 * {@code check --fail-on LEVEL}: 3 when a finding at LEVEL or worse was found, else 4 when a check could not be
 * made from this computer, else 0; the output is the same as without it. Against the loopback test DNS, with
 * ok.test added (warnings only) and the default blocklists answering their test points, so that a check of ok.test
 * is complete.
 */
class CheckFailOnTest {

    private static final List<String> BLOCKLISTS = List.of("zen.spamhaus.org", "bl.spamcop.net",
            "b.barracudacentral.org", "psbl.surriel.com", "bl.mailspike.net");

    @RegisterExtension
    static final LoopbackDns DNS = LoopbackDns.network(b -> {
        b.zone("ok.test", """
                @ SOA ns1.good.test. hostmaster.good.test. 1 3600 600 86400 300
                @ NS ns1.good.test.
                @ NS ns2.good.test.
                @ MX 10 mx1.good.test.
                @ TXT "v=spf1 -all"
                """);
        BLOCKLISTS.forEach(zone -> b.zone(zone, "@ SOA ns.x. h.x. 1 1 1 1 1\n2.0.0.127 A 127.0.0.2\n"));
        // the name servers of good.test serve ok.test too (these replace the network's lists for both addresses)
        b.authoritative("127.0.1.2", "good.test", "mail.test", "ok.test");
        b.authoritative("127.1.1.3", "good.test", "ok.test");
    });

    private static CliRun check(String... args) {
        return CliRun.check(DNS, args);
    }

    @Test
    void okTestHasWarningsAndNothingWorseAndEveryCheckWasMade() {
        CliRun r = check("ok.test");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("WARNING DMARC_MISSING  ok.test"), r.out());
        assertTrue(r.out().contains("OK      DNSBL_NOT_LISTED  192.0.2.10"), r.out());
        assertTrue(!r.out().contains("ERROR") && !r.out().contains("NOT CHECKED"), r.out());
    }

    @Test
    void nothingAtTheLevelOrWorseIsZeroWithTheSameOutput() {
        CliRun plain = check("ok.test");
        CliRun r = check("--fail-on", "error", "ok.test");
        assertEquals(0, r.code(), r.err());
        assertEquals(plain.timeless(), r.timeless());
        assertEquals(plain.err(), r.err());
    }

    @Test
    void aFindingAtTheLevelOrWorseIsThreeWithTheSameOutput() {
        CliRun plain = check("broken.test");
        CliRun r = check("--fail-on", "error", "broken.test");
        assertEquals(MailPathCommand.EXIT_FINDINGS, r.code(), r.err());
        assertEquals(plain.timeless(), r.timeless());
        assertEquals(plain.err(), r.err());
        // a WARNING is worse than INFO: ok.test fails both levels, in any letter case
        assertEquals(MailPathCommand.EXIT_FINDINGS, check("--fail-on", "Warning", "ok.test").code());
        assertEquals(MailPathCommand.EXIT_FINDINGS, check("--fail-on", "INFO", "ok.test").code());
        // one failing domain among others is enough
        assertEquals(MailPathCommand.EXIT_FINDINGS, check("--fail-on", "error", "ok.test", "broken.test").code());
    }

    @Test
    void aResolverThatDeniesEveryNameIsFour() {
        DNS.behave(DNS.resolverAddress(),
                TestDnsServer.Misbehaviour.NXDOMAIN);
        CliRun plain = check("ok.test");
        assertEquals(0, plain.code(), plain.err());
        assertTrue(plain.out().contains("NOT CHECKED DNS_LOOKUP_FAILED  ok.test"), plain.out());
        // a check not made says nothing about the domain: it counts at no level
        for (String level : List.of("error", "warning")) {
            CliRun r = check("--fail-on", level, "ok.test");
            assertEquals(MailPathCommand.EXIT_NOT_CHECKED, r.code(), level + ": " + r.out());
            assertEquals(plain.timeless(), r.timeless());
        }
        // what needs no DNS is still said (no DKIM selector, no sending IP given): INFO findings, so info is 3
        CliRun info = check("--fail-on", "info", "ok.test");
        assertTrue(info.out().contains("INFO    DKIM_NO_SELECTOR  ok.test"), info.out());
        assertEquals(MailPathCommand.EXIT_FINDINGS, info.code(), info.out());
    }

    /**
     * A name server that does not recurse, given as the resolver: its referrals (to the root) are no NODATA, so no
     * record is reported missing and the domain is not said to exist; every check is not checked.
     */
    @Test
    void aResolverThatDoesNotRecurseIsFourAndBlamesNoDomain() {
        DNS.behave(DNS.resolverAddress(),
                TestDnsServer.Misbehaviour.UPWARD_REFERRAL);
        CliRun r = check("--fail-on", "error", "ok.test");
        assertEquals(MailPathCommand.EXIT_NOT_CHECKED, r.code(), r.out());
        assertTrue(r.out().contains("NOT CHECKED DNS_LOOKUP_FAILED  ok.test"), r.out());
        assertTrue(r.out().contains("a referral to the name servers of . instead of an answer"), r.out());
        for (String code : List.of("MX_NONE", "NS_MISSING", "SPF_MISSING", "DMARC_MISSING", "DNSSEC_UNSIGNED",
                "DOMAIN_EXISTS", "MTA_STS_NONE")) {
            assertTrue(!r.out().contains(code), code + ": " + r.out());
        }
    }

    /**
     * A resolver that truncates every UDP reply and accepts TCP but never answers there: its timeouts are its own (as
     * a silent resolver's are), so every check is not checked and no domain is blamed, exit 4, not DNS_TIMEOUT as an
     * ERROR for the recipient's mail team, exit 3.
     */
    @Test
    void aResolverThatTruncatesEverythingAndStallsOnTcpIsFourAndBlamesNoDomain() {
        DNS.behave(DNS.resolverAddress(),
                TestDnsServer.Misbehaviour.ALWAYS_TRUNCATE, TestDnsServer.Misbehaviour.TCP_STALL);
        CliRun r = CliRun.of("check", "--resolver", DNS.resolver(), "--dns-port", String.valueOf(DNS.port()),
                "--timeout", "300", "--fail-on", "error", "ok.test");
        assertEquals(MailPathCommand.EXIT_NOT_CHECKED, r.code(), r.out());
        assertTrue(r.out().contains("NOT CHECKED DNS_TIMEOUT  ok.test"), r.out());
        assertTrue(!r.out().contains("ERROR") && !r.out().contains("recipient"), r.out());
    }

    /**
     * A resolver that truncates every UDP reply and then closes or resets the TCP connection (at once, or after
     * reading the question): no answer at all, as with a stalled TCP side, so its failures are its own: exit 4 and no
     * domain blamed, not DNS_LOOKUP_FAILED as an ERROR for the recipient's mail team, exit 3.
     */
    @Test
    void aResolverThatTruncatesEverythingAndClosesOrResetsTcpIsFourAndBlamesNoDomain() {
        String resolver = DNS.resolverAddress();
        for (TestDnsServer.Misbehaviour tcp : List.of(TestDnsServer.Misbehaviour.TCP_CLOSE_AT_ONCE,
                TestDnsServer.Misbehaviour.TCP_CLOSE, TestDnsServer.Misbehaviour.TCP_RESET)) {
            DNS.behave(resolver, TestDnsServer.Misbehaviour.ALWAYS_TRUNCATE, tcp);
            CliRun r = CliRun.of("check", "--resolver", DNS.resolver(), "--dns-port", String.valueOf(DNS.port()),
                    "--timeout", "300", "--fail-on", "error", "ok.test");
            assertEquals(MailPathCommand.EXIT_NOT_CHECKED, r.code(), tcp + ": " + r.out());
            assertTrue(r.out().contains("NOT CHECKED DNS_LOOKUP_FAILED  ok.test"), tcp + ": " + r.out());
            assertTrue(r.out().contains("it did not answer . NS either"), tcp + ": " + r.out());
            // ERROR in an evidence line is the question's status; no finding is at ERROR
            assertTrue(!r.out().contains("  ERROR   ") && !r.out().contains("recipient"), tcp + ": " + r.out());
        }
    }

    @Test
    void aResolverAddressNobodyAnswersOnIsFour() {
        // nothing listens on 127.0.1.99: whether a question is refused or times out, it is never answered
        CliRun r = CliRun.of("check", "--resolver", "127.0.1.99:" + DNS.port(), "--timeout", "200", "--fail-on", "error",
                "ok.test");
        assertEquals(MailPathCommand.EXIT_NOT_CHECKED, r.code(), r.out());
        assertTrue(r.out().contains("NOT CHECKED"), r.out());
    }

    @Test
    void anythingButALevelIsTwoWithOneLine() {
        for (String level : List.of("fatal", "ok", "")) {
            CliRun r = check("--fail-on", level, "ok.test");
            assertEquals(MailPathCommand.EXIT_USAGE, r.code(), level + ": " + r.err());
            assertEquals("mailpath: Invalid value for option '--fail-on': unknown level '" + level
                    + "' (use error, warning or info)", r.err().strip());
            assertEquals("", r.out());
        }
    }

    @Test
    void theHelpOfCheckAndAnalyzeOffersIt() {
        for (String command : List.of("check", "analyze")) {
            String help = CliRun.of(command, "--help").out();
            assertTrue(help.contains("--fail-on=LEVEL"), command + ": " + help);
            assertTrue(help.contains("exit 3"), command + ": " + help);
            // info is 3 for a check not asked for, which a script must know
            assertTrue(help.contains("DKIM_NO_SELECTOR"), command + ": " + help);
        }
    }
}
