package org.mailpath.engine.dns;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.mailpath.engine.common.Cancellation;
import org.mailpath.engine.edns.ScriptedDnsServer;
import org.mailpath.engine.finding.Actor;
import org.mailpath.engine.finding.Finding;
import org.mailpath.engine.finding.Severity;
import org.xbill.DNS.Message;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Type;

/**
 * An NXDOMAIN with nothing in it (no SOA, no records: not self-contradicting) for one type of a name whose other
 * types answer in the same run: NXDOMAIN says nothing exists at the name (RFC 8020 §2), so the run's own answers
 * show the name servers answering inconsistently, a failed lookup, not a name that does not exist.
 */
class NxdomainBesideDataTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(2);

    /** u.test: NXDOMAIN (bare) for MX, while SOA and A answer; gone.test: NXDOMAIN for everything. */
    private static Message answer(Message query, boolean tcp) {
        String name = query.getQuestion().getName().toString();
        int type = query.getQuestion().getType();
        if (name.equals(".") && type == Type.NS) {
            return ScriptedDnsServer.answer(query, ". 300 IN NS a.root-servers.net.");
        }
        if (name.equals("u.test.") && type == Type.SOA) {
            return ScriptedDnsServer.answer(query, "u.test. 300 IN SOA ns1.u.test. h.u.test. 1 3600 600 86400 300");
        }
        if (name.equals("u.test.") && type == Type.A) {
            return ScriptedDnsServer.answer(query, "u.test. 300 IN A 192.0.2.1");
        }
        if (name.equals("u.test.") && type == Type.TXT) {
            return ScriptedDnsServer.reply(query, Rcode.NOERROR); // NODATA: the name exists too
        }
        return ScriptedDnsServer.reply(query, Rcode.NXDOMAIN);
    }

    /** A question the run asks. */
    private record Question(String name, int type) {
    }

    /**
     * The NXDOMAIN finding of {@code question} as a check reports it: with the severity and actor that check gives
     * it, where it gives its own.
     */
    private record Found(Question question, Optional<Severity> severity, Optional<Actor> actor) {

        static Found of(String name, int type) {
            return new Found(new Question(name, type), Optional.empty(), Optional.empty());
        }

        Found as(Severity s, Actor a) {
            return new Found(question, Optional.of(s), Optional.of(a));
        }
    }

    /**
     * An evidence line the failed lookup must quote: one that starts with {@code start}, has {@code part} and ends
     * with {@code end}.
     */
    private record Line(String start, String part, String end) {
    }

    /** What cross-checking makes of a finding. */
    private sealed interface Read {
    }

    /** The NXDOMAIN stands: the finding comes back as it was. */
    private record Stands() implements Read {
    }

    /** A failed lookup about the finding's name, with these severity, actor, message and quoted answers. */
    private record Failed(Severity severity, Actor actor, String message, List<Line> quoted) implements Read {
    }

    /**
     * A case: the findings cross-checked (each of a question answered NXDOMAIN), the questions the run asked
     * besides, and what becomes of each finding, in order.
     */
    private record Case(String what, List<Found> findings, List<Question> alsoAsked, List<Read> read) {

        @Override
        public String toString() {
            return what;
        }
    }

    /** The failed lookup's message for u.test MX, whose other answers are to {@code types}. */
    private static String uTestMxFailed(String types) {
        return "The DNS question u.test MX failed: ERROR (NXDOMAIN, yet this run's answers to u.test " + types
                + " show that the name exists: its name servers answer inconsistently, as NXDOMAIN says that"
                + " nothing at all exists at the name (RFC 8020), and senders asking this question are told that"
                + " it does not exist).";
    }

    static List<Case> cases() {
        Line aRecord = new Line("u.test.", "", "192.0.2.1");
        return List.of(
                new Case("nothing else known of the name yet: the NXDOMAIN stands",
                        List.of(Found.of("u.test", Type.MX)), List.of(), List.of(new Stands())),
                new Case("a bare NXDOMAIN for one type of a name whose other types answer is a failed lookup, not a"
                        + " name that does not exist",
                        List.of(Found.of("u.test", Type.MX)),
                        List.of(new Question("u.test", Type.SOA), new Question("u.test", Type.A),
                                new Question("u.test", Type.TXT)),
                        List.of(new Failed(Severity.ERROR, Actor.RECIPIENT_MAIL_TEAM, uTestMxFailed("A, SOA, TXT"),
                                List.of(aRecord, new Line(";; u.test SOA @", "-> OK", ""))))),
                // _dmarc.u.test has no answer of its own saying it exists: its NXDOMAIN stands
                new Case("the check that made the finding keeps its severity and actor, and other findings stay as"
                        + " they are",
                        List.of(Found.of("u.test", Type.MX).as(Severity.WARNING, Actor.SENDER_ADMIN),
                                Found.of("_dmarc.u.test", Type.TXT)),
                        List.of(new Question("u.test", Type.A)),
                        List.of(new Failed(Severity.WARNING, Actor.SENDER_ADMIN, uTestMxFailed("A"),
                                List.of(aRecord)), new Stands())),
                new Case("a name denied for every type still does not exist",
                        List.of(Found.of("gone.test", Type.MX), Found.of("gone.test", Type.A)), List.of(),
                        List.of(new Stands(), new Stands())));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void anNxdomainIsReadAgainstTheRunsOtherAnswersForItsName(Case c) throws Exception {
        try (ScriptedDnsServer server = new ScriptedDnsServer("127.0.2.6", 0, NxdomainBesideDataTest::answer)) {
            DnsLookup lookup = DnsLookups.create(List.of(server.spec()), TIMEOUT);
            List<Finding> findings = new ArrayList<>();
            for (Found found : c.findings()) {
                DnsAnswer denied = lookup.lookup(found.question().name(), found.question().type(),
                        Cancellation.none());
                assertEquals(DnsStatus.NXDOMAIN, denied.status(), denied.toString());
                Finding f = LookupFindings.failure(denied).orElseThrow();
                assertEquals(DnsFindingCodes.DOMAIN_NXDOMAIN, f.code());
                findings.add(f.withSeverity(found.severity().orElse(f.severity()))
                        .withActor(found.actor().orElse(f.actor())));
            }
            c.alsoAsked().forEach(q -> lookup.lookup(q.name(), q.type(), Cancellation.none()));

            List<Finding> crossed = NxdomainBesideData.crossChecked(findings, lookup);
            assertEquals(c.read().size(), crossed.size(), crossed.toString());
            for (int i = 0; i < crossed.size(); i++) {
                Finding f = crossed.get(i);
                switch (c.read().get(i)) {
                    case Stands() -> assertEquals(findings.get(i), f);
                    case Failed(Severity severity, Actor actor, String message, List<Line> quoted) -> {
                        Question q = c.findings().get(i).question();
                        assertEquals(DnsFindingCodes.DNS_LOOKUP_FAILED, f.code());
                        assertEquals(severity, f.severity());
                        assertEquals(actor, f.actor());
                        assertEquals(q.name(), f.subject());
                        assertEquals(message, f.message());
                        assertTrue(f.evidence().getFirst().startsWith(";; " + q.name() + " " + Type.string(q.type())
                                + " @" + server.spec()), f.evidence().toString());
                        for (Line line : quoted) {
                            assertTrue(f.evidence().stream().anyMatch(l -> l.startsWith(line.start())
                                    && l.contains(line.part()) && l.endsWith(line.end())),
                                    line + " in " + f.evidence());
                        }
                    }
                }
            }
        }
    }
}
