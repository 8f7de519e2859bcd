package org.mailpath.engine.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mailpath.engine.analysis.TogetherAnalyses.analyzeInHalves;
import static org.mailpath.engine.log.LogFixtures.RELAY_ADDRESS;
import static org.mailpath.engine.log.LogFixtures.TLS;
import static org.mailpath.engine.log.LogFixtures.TLS_COLUMNS;
import static org.mailpath.engine.log.LogFixtures.analyze;
import static org.mailpath.engine.log.LogFixtures.row;
import static org.mailpath.engine.log.LogFixtures.with;
import static org.mailpath.engine.log.LogFixtures.writeLog;
import static org.mailpath.engine.log.LogFixtures.writeWithout;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mailpath.engine.log.LogFixtures;
import org.mailpath.engine.log.MailEvent;

/**
 * In a log without the TLS_Cipher column (an older export), a D row to a Relay Address that is not public is
 * Salesforce's internal hand-off, not a delivery: its MTA refuses to deliver to such an address ("551 5.4.6 [internal]
 * Private/Loopback Address"). A log with the column keeps Salesforce's own mark (TLS_Cipher None) only.
 */
class PrivateRelayHandoffTest {

    private static final String A = "a@acme.example";

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"10.0.0.12", "172.16.5.1", "172.31.255.254", "192.168.1.1", "127.0.0.1", "169.254.1.1",
            "100.64.0.1", "100.127.255.255", "::1", "fe80::1", "fc00::1", "fd12:3456::1", "[10.0.0.12]", " 10.0.0.12 ",
            "::ffff:192.168.0.1", "198.18.0.1", "198.19.255.255", "240.0.0.1", "[240.0.0.1]", "255.255.255.255",
            "192.0.0.8", "100::1", "2001:2::1", "64:ff9b:1::1", "fec0::1", "::ffff:198.18.0.1"})
    void aLiteralAddressNotReachableFromTheInternetIsAHandoffWhenTheCipherIsBlank(String address) {
        assertTrue(InternalHandoff.byRelayAddress("", address), address);
        // a cipher filled in from a copy in a file with the column is what the row is judged by
        assertFalse(InternalHandoff.byRelayAddress(TLS, address), address);
    }

    @ParameterizedTest
    @ValueSource(strings = {"192.0.2.10", "203.0.113.5", "198.51.100.27", "100.128.0.1", "100.63.255.255",
            "172.32.0.1", "2001:db8::1", "2a00:1450:4010:c05::1a", "198.17.255.255", "198.20.0.0", "192.0.0.9",
            "2001:2:1::1", "64:ff9b::a00:1", "", "mta-internal-2.sfdc.example", "localhost",
            "10", "10.1", "10.0.1", "not an address"})
    void aPublicAddressAHostNameOrAShortFormIsNot(String address) {
        // host names are never looked up: "localhost" stays a name, not the loopback address
        assertFalse(InternalHandoff.byRelayAddress("", address), address);
    }

    private static ChainEvent d(String relayAddress, String cipher, boolean fileLacksTlsColumn) {
        return new ChainEvent(1, Instant.EPOCH, MailEvent.DELIVERED, "10.0.0.1", 0, 0, 0, "", relayAddress,
                "mta-internal-2.sfdc.example", "250 2.0.0 Ok: queued as internal", cipher, "", 0,
                fileLacksTlsColumn);
    }

    @Test
    void inALogWithoutTheColumnADToABenchmarkingOrReservedAddressIsAHandoff() throws Exception {
        // the same table as the MX check's: no recipient's server is reached at 198.18.0.0/15 or 240.0.0.0/4
        for (String address : List.of("198.18.0.12", "240.0.0.12")) {
            Path older = log("older-" + address + ".csv", true,
                    row("3/6/2009 13:30", "R", A, "m1", "", ""),
                    with(row("3/6/2009 13:30", "D", A, "m1", "250 2.0.0 Ok: queued as internal", ""), RELAY_ADDRESS,
                            address));
            MessageChain m1 = chain(analyze(List.of(older)), "m1");
            assertEquals(Verdict.RECEIVED_ONLY, m1.verdict(), address);
            assertTrue(m1.events().get(1).internalHandoff(), address);
        }
    }

    @Test
    void theRecordAsksTheAddressOnlyOfAnEventOfAFileWithoutTheColumn() {
        assertTrue(d("10.0.0.12", "", true).internalHandoff());
        assertFalse(d("10.0.0.12", "", false).internalHandoff(), "a file with the column: its blank cipher stands");
        assertFalse(d("192.0.2.10", "", true).internalHandoff());
        assertTrue(d("192.0.2.10", "None", false).internalHandoff());
        assertTrue(d("192.0.2.10", "None", true).internalHandoff());
        ChainEvent t = new ChainEvent(1, Instant.EPOCH, MailEvent.TRANSIENT_FAILURE, "10.0.0.1", 0, 0, 0, "",
                "10.0.0.12", "", "451 later", "", "", 0, true);
        assertFalse(t.internalHandoff(), "only a D is a hand-off");
    }

    private Path log(String name, boolean older, String... rows) {
        return older ? writeWithout(dir, name, TLS_COLUMNS, rows) : writeLog(dir, name, rows);
    }

    private static String toPrivate(String row) {
        return with(row, RELAY_ADDRESS, "10.0.0.12");
    }

    private static MessageChain chain(LogAnalysis a, String message) {
        return a.chains().stream().filter(c -> c.messageIdHeader().equals(message + "@sfdc.example")).findFirst()
                .orElseThrow();
    }

    @Test
    void inALogWithoutTheColumnADToAPrivateAddressIsAHandoffReadWholeOrInHalves() throws Exception {
        Path older = log("older.csv", true,
                row("3/6/2009 13:30", "R", A, "m1", "", ""),
                toPrivate(row("3/6/2009 13:30", "D", A, "m1", "250 2.0.0 Ok: queued as internal", "")),
                row("3/6/2009 13:40", "R", A, "m2", "", ""),
                toPrivate(row("3/6/2009 13:40", "D", A, "m2", "250 2.0.0 Ok: queued as internal", "")),
                row("3/6/2009 13:41", "T", A, "m2", "451 4.7.1 greylisted", ""),
                row("3/6/2009 13:46", "D", A, "m2", "250 2.0.0 OK", ""),
                row("3/6/2009 13:50", "R", A, "m3", "", ""),
                row("3/6/2009 13:51", "D", A, "m3", "250 2.0.0 OK", ""));
        for (LogAnalysis a : List.of(analyze(List.of(older)), analyzeInHalves(List.of(older)))) {
            MessageChain m1 = chain(a, "m1");
            assertEquals(Verdict.RECEIVED_ONLY, m1.verdict());
            assertTrue(m1.events().get(1).internalHandoff());
            assertTrue(m1.outcome().isEmpty());
            MessageChain m2 = chain(a, "m2");
            assertEquals(Verdict.DELIVERED, m2.verdict());
            assertEquals("192.0.2.1", m2.outcome().orElseThrow().relayAddress(), "the delivery, not the hand-off");
            assertEquals(1, m2.retriesBeforeDelivery());
            assertEquals(Verdict.DELIVERED, chain(a, "m3").verdict(), "a D to a public address still delivers");
            assertEquals(2, a.verdicts().get(Verdict.DELIVERED));
            assertEquals(1, a.verdicts().get(Verdict.RECEIVED_ONLY));
        }
    }

    @Test
    void aLogWithTheColumnKeepsItsOwnWord() throws Exception {
        // a blank TLS_Cipher in a file that has the column is not None: the D counts as it always did
        Path newer = log("newer.csv", false,
                row("3/6/2009 13:30", "R", A, "m1", "", ""),
                toPrivate(row("3/6/2009 13:31", "D", A, "m1", "250 2.0.0 OK", "")));
        MessageChain m1 = chain(analyze(List.of(newer)), "m1");
        assertEquals(Verdict.DELIVERED, m1.verdict());
        assertFalse(m1.events().get(1).internalHandoff());
    }

    @Test
    void aRowGivenItsCipherByACopyInAFileWithTheColumnIsJudgedByThatCipher() throws Exception {
        String r = row("3/6/2009 13:30", "R", A, "m1", "", "");
        String d = toPrivate(row("3/6/2009 13:31", "D", A, "m1", "250 2.0.0 OK", TLS));
        Path older = log("older.csv", true, r, d);
        Path newer = log("newer.csv", false, r, d);
        for (List<Path> files : List.of(List.of(older, newer), List.of(newer, older))) {
            assertEquals(Verdict.DELIVERED, chain(analyze(files), "m1").verdict(), files.toString());
        }
        // and the older file alone takes the address's word
        assertEquals(Verdict.RECEIVED_ONLY, chain(analyze(List.of(older)), "m1").verdict());
    }

    /**
     * The sample without the TLS columns holds the same rows as the one with them: every hand-off there went to a
     * private address, so it gives the same verdicts. d@contoso.example's only D went to mta-internal-2 [10.0.0.12].
     */
    @Test
    void theSampleWithoutTheTlsColumnsGivesTheVerdictsOfTheSampleWithThem() throws Exception {
        LogAnalysis without = analyze(List.of(LogFixtures.sample("synthetic-no-tls-columns.csv")));
        LogAnalysis withColumns = analyze(List.of(LogFixtures.sample("sample-email-log.csv")));
        assertEquals(verdicts(withColumns), verdicts(without));
        assertEquals(withColumns.verdicts(), without.verdicts());
        MessageChain d = without.chains().stream().filter(c -> c.recipient().equals("d@contoso.example"))
                .findFirst().orElseThrow();
        assertEquals(Verdict.RECEIVED_ONLY, d.verdict());
    }

    private static List<String> verdicts(LogAnalysis a) {
        return a.chains().stream().map(c -> c.recipient() + " " + c.verdict() + " " + c.retriesBeforeDelivery())
                .sorted().toList();
    }
}
