package org.mailpath.engine.dns;

import java.util.ArrayList;
import java.util.List;
import org.mailpath.engine.finding.LocalText;
import org.xbill.DNS.Type;

/**
 * An expired signature in the resolver's answer, set against what each name server of the zone serves of the same
 * RRset ({@link ServerSignatureLifetimes#askFor}). A validator accepts an RRSIG only while its notion of the current
 * time is not past the signature's Expiration field (RFC 4035 §5.3.1); a response whose signatures all fail is bogus,
 * "expired signatures" among the reasons, and a validating resolver answers its client SERVFAIL (RFC 4033 §5). But a
 * resolver validates the answer of the server it asked: when only some servers of the zone serve the expired copy
 * (a secondary cut off from its primary), only lookups answered by them fail, and some resolvers ask other servers
 * after a failed validation (Unbound probes up to 5 addresses: VAL_MAX_RESTART_COUNT in validator/validator.h). So the
 * resolver's answer alone says "every lookup fails" only when every server judged serves the expired copy.
 */
final class ExpiredSignatureServers {

    private ExpiredSignatureServers() {
    }

    /** How far the expired copy reaches among the zone's name servers. */
    sealed interface Spread {
    }

    /** Every server judged serves the RRset with expired signatures, and none was left unjudged. */
    record Everywhere(List<ServerSignatureLifetimes.Expired> expired) implements Spread {
        Everywhere {
            expired = List.copyOf(expired);
        }
    }

    /** Some servers serve it expired, others with valid signatures; {@code unjudged} could not be judged. */
    record Some(List<ServerSignatureLifetimes.Expired> expired, List<ChildKeyServers.Server> valid,
                List<ChildKeyServers.Server> unjudged) implements Spread {
        Some {
            expired = List.copyOf(expired);
            valid = List.copyOf(valid);
            unjudged = List.copyOf(unjudged);
        }
    }

    /** Some servers serve it expired, none valid, and {@code unjudged} (not empty) could not be judged. */
    record NoneValid(List<ServerSignatureLifetimes.Expired> expired, List<ChildKeyServers.Server> unjudged)
            implements Spread {
        NoneValid {
            expired = List.copyOf(expired);
            unjudged = List.copyOf(unjudged);
        }
    }

    /** No server asked serves it expired: {@code valid} serve valid signatures, {@code unjudged} could not be judged. */
    record NoneExpired(List<ChildKeyServers.Server> valid, List<ChildKeyServers.Server> unjudged) implements Spread {
        NoneExpired {
            valid = List.copyOf(valid);
            unjudged = List.copyOf(unjudged);
        }
    }

    /** No server could be judged ({@code unjudged}), or none was found (empty): nothing is known beyond the resolver. */
    record NoneJudged(List<ChildKeyServers.Server> unjudged) implements Spread {
        NoneJudged {
            unjudged = List.copyOf(unjudged);
        }
    }

    /** The spread, and the evidence lines of the servers' answers (a summary, one line per server, the exchanges). */
    record Compared(Spread spread, List<String> evidence) {
        Compared {
            evidence = List.copyOf(evidence);
        }
    }

    /** What the servers' answers for the RRset of {@code type} say of the expired copy the resolver showed. */
    static Compared of(ServerSignatureLifetimes.Result servers, int type) {
        List<ServerSignatureLifetimes.Expired> expired = servers.expired().stream().filter(e -> e.type() == type)
                .toList();
        List<ChildKeyServers.Server> valid = servers.servers(type, ServerSignatureLifetimes.Standing.VALID);
        List<ChildKeyServers.Server> unjudged = servers.servers(type, ServerSignatureLifetimes.Standing.UNJUDGED);
        Spread spread;
        if (!expired.isEmpty() && valid.isEmpty() && unjudged.isEmpty()) {
            spread = new Everywhere(expired);
        } else if (!expired.isEmpty() && !valid.isEmpty()) {
            spread = new Some(expired, valid, unjudged);
        } else if (!expired.isEmpty()) {
            spread = new NoneValid(expired, unjudged);
        } else if (!valid.isEmpty()) {
            spread = new NoneExpired(valid, unjudged);
        } else {
            spread = new NoneJudged(unjudged);
        }
        List<String> evidence = new ArrayList<>();
        evidence.add(";; " + Type.string(type) + " signatures asked of each name server (DO, no recursion), the"
                + " resolver's being expired: " + (servers.judgements().isEmpty() ? "no name server address found"
                : expired.size() + " expired, " + valid.size() + " valid, " + unjudged.size() + " not judged"));
        evidence.addAll(servers.notes());
        evidence.addAll(servers.exchanges());
        return new Compared(spread, evidence);
    }

    /**
     * What validating resolvers make of it (the last sentences of DNSSEC_SIGNATURE_EXPIRED's message): every lookup
     * fails only when every server serves the expired copy ({@code DNSSEC.bogus.phrase}, as before servers were
     * compared); otherwise the servers are named, and what is not known is said to be unknown.
     */
    static LocalText consequence(Spread spread, String domain) {
        return switch (spread) {
            case Everywhere e -> text("DNSSEC.bogus.phrase", domain);
            case Some s -> text("DNSSEC.expiredAtSomeServers.phrase", domain, expired(s.expired()),
                    servers(s.valid()), notJudgedToo(s.unjudged()));
            case NoneValid n -> text("DNSSEC.expiredAtServersRestUnknown.phrase", domain, expired(n.expired()),
                    servers(n.unjudged()));
            case NoneExpired n -> text("DNSSEC.expiredAtNoServer.phrase", domain, servers(n.valid()),
                    notJudgedToo(n.unjudged()));
            case NoneJudged n -> text("DNSSEC.expiredServersUnknown.phrase", domain, n.unjudged().isEmpty()
                    ? text("DNSSEC.noServersFound.phrase")
                    : text("DNSSEC.serversNotJudged.phrase", servers(n.unjudged())));
        };
    }

    /**
     * The remedy: re-signing the zone, unless servers with a valid copy show the zone is re-signed, when the servers
     * left behind (or the one the resolver's copy came from) are the fault.
     */
    static String remediationKey(Spread spread) {
        String code = DnsFindingCodes.DNSSEC_SIGNATURE_EXPIRED;
        return switch (spread) {
            case Some s -> code + ".servers.remediation";
            case NoneExpired n -> code + ".elsewhere.remediation";
            case Everywhere e -> code + ".remediation";
            case NoneValid n -> code + ".remediation";
            case NoneJudged n -> code + ".remediation";
        };
    }

    /** ", and ns3.example.com (192.0.2.3) gave no answer that could be judged …", or nothing. */
    private static Object notJudgedToo(List<ChildKeyServers.Server> unjudged) {
        return unjudged.isEmpty() ? "" : text("DNSSEC.serversNotJudgedToo.phrase", servers(unjudged));
    }

    private static Object expired(List<ServerSignatureLifetimes.Expired> expired) {
        return DnssecCheck.lapses(expired, "DNSSEC.serverExpired.phrase");
    }

    /** "ns1.example.com (192.0.2.1); ns1.example.com (2001:db8::1)": each address asked, with its name. */
    private static Object servers(List<ChildKeyServers.Server> servers) {
        return LookupFindings.TEXTS.joined(DnsReasons.JOINED, servers.stream().map(ChildKeyServers.Server::label)
                .toList());
    }

    private static LocalText text(String key, Object... args) {
        return LookupFindings.TEXTS.text(key, args);
    }
}
