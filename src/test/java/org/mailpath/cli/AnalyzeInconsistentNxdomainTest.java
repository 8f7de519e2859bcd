package org.mailpath.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mailpath.engine.log.LogFixtures.noRelay;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;
import org.mailpath.engine.check.ConcurrentDomainChecker;
import org.mailpath.engine.check.DomainCheckers;
import org.mailpath.engine.dns.DnsLookups;
import org.mailpath.engine.edns.ScriptedDnsServer;
import org.mailpath.engine.log.LogFixtures;
import org.xbill.DNS.Message;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

/**
 * Name servers that answer NXDOMAIN for the MX question alone, while the domain's SOA, A and TXT answer (the
 * NXDOMAIN's own SOA shows the name is a zone's apex): the domain exists, so neither check nor analyze says it does
 * not (DOMAIN_NXDOMAIN, "check the spelling", "the address is wrong"); the recipient's DNS answers inconsistently.
 */
class AnalyzeInconsistentNxdomainTest {

    private static final String SOA = "t.test. 300 IN SOA ns1.t.test. h.t.test. 1 3600 600 86400 300";

    @TempDir
    Path dir;

    private static Message answer(Message query, boolean tcp) {
        String name = query.getQuestion().getName().toString();
        int type = query.getQuestion().getType();
        if (name.equals(".") && type == Type.NS) {
            return ScriptedDnsServer.answer(query, ". 300 IN NS a.root-servers.net.");
        }
        if (name.equals("t.test.") && type == Type.SOA) {
            return ScriptedDnsServer.answer(query, SOA);
        }
        if (name.equals("t.test.") && type == Type.A) {
            return ScriptedDnsServer.answer(query, "t.test. 300 IN A 192.0.2.1");
        }
        if (name.equals("t.test.") && type == Type.NS) {
            return ScriptedDnsServer.answer(query, "t.test. 300 IN NS ns1.t.test.");
        }
        if (name.equals("t.test.") && type == Type.TXT) {
            return ScriptedDnsServer.answer(query, "t.test. 300 IN TXT \"v=spf1 -all\"");
        }
        boolean exists = name.equals("test.") || name.equals("t.test.") && type != Type.MX;
        Message r = ScriptedDnsServer.reply(query, exists ? Rcode.NOERROR : Rcode.NXDOMAIN);
        r.addRecord(ScriptedDnsServer.record(SOA), Section.AUTHORITY);
        return r;
    }

    /**
     * As {@link #answer}, but the NXDOMAIN for MX is bare (no SOA, no records), so it does not contradict itself: the
     * run's own answers for t.test (SOA, A, NS, TXT) contradict it (RFC 8020 §2).
     */
    private static Message bareAnswer(Message query, boolean tcp) {
        Message r = answer(query, tcp);
        if (r.getRcode() == Rcode.NXDOMAIN && query.getQuestion().getName().toString().equals("t.test.")) {
            r.removeAllRecords(Section.AUTHORITY);
        }
        return r;
    }

    /**
     * The name servers' answers: {@code bare}, the MX question's NXDOMAIN holds no SOA ({@link #bareAnswer}), so the
     * run's other answers for t.test contradict it; else its own SOA does ({@link #answer}).
     */
    private static ScriptedDnsServer server(boolean bare) throws Exception {
        return new ScriptedDnsServer("127.0.2.5", 0, bare ? AnalyzeInconsistentNxdomainTest::bareAnswer
                : AnalyzeInconsistentNxdomainTest::answer);
    }

    @ParameterizedTest(name = "bare NXDOMAIN: {0}")
    @CsvSource({
        "true, 'answers to t.test NS, SOA, TXT, DS, DNSKEY show that the name exists'",
        "false, answer inconsistently",
    })
    void checkSaysTheNameServersAnswerInconsistently(boolean bare, String why) throws Exception {
        try (ScriptedDnsServer dns = server(bare)) {
            CliRun r = CliRun.of("check", "--resolver", dns.spec(), "--timeout", "2000", "t.test");
            assertFalse(r.out().contains("DOMAIN_NXDOMAIN"), r.out());
            assertTrue(r.out().contains("ERROR   DNS_LOOKUP_FAILED  t.test"), r.out());
            assertTrue(r.out().contains(why), r.out());
            assertTrue(r.out().contains("What to do (recipient's mail team)"), r.out());
            assertTrue(r.out().contains("OK      DOMAIN_EXISTS  t.test"), r.out());
        }
    }

    @ParameterizedTest(name = "bare NXDOMAIN: {0}")
    @ValueSource(booleans = {true, false})
    void analyzeDoesNotSayTheAddressIsWrong(boolean bare) throws Exception {
        try (ScriptedDnsServer dns = server(bare)) {
            String t = analyze(dns);
            assertFalse(t.contains("t.test does not exist"), t);
            assertFalse(t.contains("the address is wrong"), t);
            assertFalse(t.contains("DOMAIN_NXDOMAIN  t.test"), t);
            assertTrue(t.contains("DNS_LOOKUP_FAILED  t.test"), t);
        }
    }

    /** analyze --check-dns of a log with one message to bob@t.test that failed "Domain Lookup Failed". */
    private String analyze(ScriptedDnsServer dns) throws Exception {
        Path log = dir.resolve("log.csv");
        Files.writeString(log, String.join("\n", LogFixtures.HEADER,
                LogFixtures.row("11/16/2026 09:11", "R", "bob@t.test", "m1", "", ""),
                noRelay(LogFixtures.row("11/16/2026 09:11", "P", "bob@t.test", "m1",
                        "554 5.4.4 [internal] Domain Lookup Failed", ""))) + "\n");
        AnalyzeCommand command = new AnalyzeCommand();
        command.checker = new ConcurrentDomainChecker(DomainCheckers.standardChecks(),
                options -> DnsLookups.create(options.resolvers(), options.timeout()));
        List<String> args = new ArrayList<>(List.of(log.toString(), "--check-dns", "--resolver", dns.spec(),
                "--timeout", "2000"));
        CliRun r = CliRun.ofCommand(command, args.toArray(String[]::new));
        assertEquals(0, r.code(), r.err());
        return r.out();
    }
}
