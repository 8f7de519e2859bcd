package org.mailpath.engine.dns;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;
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
 * finding says "every lookup fails" only when every server of the zone was judged and serves the expired copy.
 *
 * <p>Servers are judged per name, not per address: the addresses of one NS name are one server's, and a server
 * counts as judged when any of its addresses gave an answer that could be judged. So an IPv6 address this computer
 * cannot reach (no IPv6 here) does not leave a server unknown whose IPv4 address answered. What was not seen is said:
 * a server none of whose addresses could be judged, and addresses past the {@value ChildKeyServers#MAX_ADDRESSES}
 * asked, keep "every lookup fails" from being said, and keep the resolver's copy from being said to come from outside
 * the zone's servers, since they are the likeliest source of it. An address this computer could not ask keeps that
 * second claim from being said too: taking it to serve what its server's other addresses serve is fair for how far an
 * expired copy reaches, but when no address asked serves the resolver's expired copy, the one not asked is where it
 * most likely came from.
 */
final class ExpiredSignatureServers {

    private ExpiredSignatureServers() {
    }

    /** How far the expired copy reaches among the zone's name servers. */
    sealed interface Spread {
    }

    /** Every server serves the RRset with expired signatures: each was judged, and no address was left unasked. */
    record Everywhere() implements Spread {
    }

    /**
     * Every server judged serves it expired, none was left unjudged, but {@code notAsked} (not empty) were never
     * asked: every lookup fails only if they serve it expired too.
     */
    record EveryServerAsked(List<ServerSignatureLifetimes.Expired> expired, List<ChildKeyServers.Server> notAsked)
            implements Spread {
        EveryServerAsked {
            expired = List.copyOf(expired);
            notAsked = List.copyOf(notAsked);
        }
    }

    /**
     * Some servers serve it expired, others with valid signatures; of the servers that could not be judged,
     * {@code unjudged} are the addresses asked that gave no answer that could be judged and {@code unreachableHere}
     * those this computer could not ask (no route to them); {@code notAsked} were not asked (past the limit).
     */
    record Some(List<ServerSignatureLifetimes.Expired> expired, List<ChildKeyServers.Server> valid,
                List<ChildKeyServers.Server> unjudged, List<ChildKeyServers.Server> unreachableHere,
                List<ChildKeyServers.Server> notAsked) implements Spread {
        Some {
            expired = List.copyOf(expired);
            valid = List.copyOf(valid);
            unjudged = List.copyOf(unjudged);
            unreachableHere = List.copyOf(unreachableHere);
            notAsked = List.copyOf(notAsked);
        }
    }

    /**
     * Some servers serve it expired, none valid, and some could not be judged: the addresses of theirs asked that
     * gave no answer that could be judged ({@code unjudged}) and those this computer could not ask
     * ({@code unreachableHere}), not both empty.
     */
    record NoneValid(List<ServerSignatureLifetimes.Expired> expired, List<ChildKeyServers.Server> unjudged,
                     List<ChildKeyServers.Server> unreachableHere, List<ChildKeyServers.Server> notAsked)
            implements Spread {
        NoneValid {
            expired = List.copyOf(expired);
            unjudged = List.copyOf(unjudged);
            unreachableHere = List.copyOf(unreachableHere);
            notAsked = List.copyOf(notAsked);
        }
    }

    /**
     * Every server was judged, no address was left unasked (past the limit, or for want of a route from this computer:
     * {@link SourceUnknown} then), and none serves it expired: {@code valid} serve valid signatures, so the resolver's
     * copy came from outside them, or from {@code unanswered}, addresses of those servers that gave no answer that
     * could be judged for a reason of the server's (the server was judged by another of its addresses). Outside them:
     * a resolver may use the NS records and glue of the delegation at the parent, which can list servers or addresses
     * the zone's own records do not (draft-ietf-dnsop-ns-revalidation §1), or a cache on the way kept an old copy.
     */
    record NoneExpired(List<ChildKeyServers.Server> valid, List<ChildKeyServers.Server> unanswered)
            implements Spread {
        NoneExpired {
            valid = List.copyOf(valid);
            unanswered = List.copyOf(unanswered);
        }
    }

    /**
     * No address judged serves it expired ({@code valid} serve valid signatures), but {@code unjudged} gave no answer
     * that could be judged (the addresses asked of a server not judged, and silent addresses of judged ones),
     * {@code unreachableHere} could not be asked from this computer (no route for their address family, whether their
     * server was judged or not), or {@code notAsked} were not asked (one of them not empty): the likeliest source of
     * the resolver's copy, so where it comes from is not known.
     */
    record SourceUnknown(List<ChildKeyServers.Server> valid, List<ChildKeyServers.Server> unjudged,
                         List<ChildKeyServers.Server> unreachableHere, List<ChildKeyServers.Server> notAsked)
            implements Spread {
        SourceUnknown {
            valid = List.copyOf(valid);
            unjudged = List.copyOf(unjudged);
            unreachableHere = List.copyOf(unreachableHere);
            notAsked = List.copyOf(notAsked);
        }
    }

    /**
     * No server could be judged: the addresses asked gave no answer that could be judged ({@code unjudged}), or this
     * computer could not ask them ({@code unreachableHere}); or none was found (both empty): nothing is known beyond
     * the resolver.
     */
    record NoneJudged(List<ChildKeyServers.Server> unjudged, List<ChildKeyServers.Server> unreachableHere,
                      List<ChildKeyServers.Server> notAsked) implements Spread {
        NoneJudged {
            unjudged = List.copyOf(unjudged);
            unreachableHere = List.copyOf(unreachableHere);
            notAsked = List.copyOf(notAsked);
        }
    }

    /** The spread, and the evidence lines of the servers' answers (a summary, one line per server, the exchanges). */
    record Compared(Spread spread, List<String> evidence) {
        Compared {
            evidence = List.copyOf(evidence);
        }
    }

    /**
     * What the servers' answers for the RRset of {@code type} say of the expired copy the resolver showed;
     * {@code notAsked}: the addresses of the zone's name servers left unasked (past the limit).
     */
    static Compared of(ServerSignatureLifetimes.Result servers, int type, List<ChildKeyServers.Server> notAsked) {
        List<ServerSignatureLifetimes.Judgement> judgements = servers.judgements().stream()
                .filter(j -> j.type() == type).toList();
        Set<String> judgedNames = judgements.stream().filter(j -> judged(j.standing()))
                .map(j -> j.server().name()).collect(Collectors.toSet());
        List<ServerSignatureLifetimes.Expired> expired = servers.expired().stream().filter(e -> e.type() == type)
                .toList();
        List<ChildKeyServers.Server> valid = servers.servers(type, ServerSignatureLifetimes.Standing.VALID);
        ServerSignatureLifetimes.Standing unreachable = ServerSignatureLifetimes.Standing.UNREACHABLE_HERE;
        // every address of a server none of whose addresses could be judged: the evidence says why for each
        List<ChildKeyServers.Server> unjudged = serversOf(judgements, j -> !judgedNames.contains(j.server().name()));
        // the message names them apart: those asked gave no answer that could be judged, while those this computer has
        // no route to (a server with IPv6 addresses only, without IPv6 here) were never asked; the same servers are
        // unknown either way
        List<ChildKeyServers.Server> unjudgedAsked = serversOf(judgements,
                j -> !judgedNames.contains(j.server().name()) && j.standing() != unreachable);
        List<ChildKeyServers.Server> unjudgedUnreachableHere = serversOf(judgements,
                j -> !judgedNames.contains(j.server().name()) && j.standing() == unreachable);
        // an address of a judged server that gave no judged answer for a reason of its own (not this computer's)
        List<ChildKeyServers.Server> unanswered = serversOf(judgements, j -> judgedNames.contains(j.server().name())
                && j.standing() == ServerSignatureLifetimes.Standing.UNJUDGED);
        // an address of a judged server this computer has no route to: taken to serve what the server's other addresses
        // serve for how far an expired copy reaches, but never asked, so a possible source of the resolver's copy
        List<ChildKeyServers.Server> judgedUnreachableHere = serversOf(judgements,
                j -> judgedNames.contains(j.server().name()) && j.standing() == unreachable);
        Spread spread;
        boolean allSeen = unjudged.isEmpty() && notAsked.isEmpty();
        if (!expired.isEmpty() && valid.isEmpty()) {
            spread = allSeen ? new Everywhere() : unjudged.isEmpty() ? new EveryServerAsked(expired, notAsked)
                    : new NoneValid(expired, unjudgedAsked, unjudgedUnreachableHere, notAsked);
        } else if (!expired.isEmpty()) {
            spread = new Some(expired, valid, unjudgedAsked, unjudgedUnreachableHere, notAsked);
        } else if (!valid.isEmpty()) {
            // every address this computer could not ask, its server judged or not, is a possible source alike
            spread = allSeen && judgedUnreachableHere.isEmpty() ? new NoneExpired(valid, unanswered)
                    : new SourceUnknown(valid, concat(unjudgedAsked, unanswered),
                            serversOf(judgements, j -> j.standing() == unreachable), notAsked);
        } else {
            spread = new NoneJudged(unjudgedAsked, unjudgedUnreachableHere, notAsked);
        }
        return new Compared(spread, evidence(servers, type, judgements, unjudged, notAsked,
                unreachableCounted(spread, judgedUnreachableHere), spread instanceof SourceUnknown));
    }

    /**
     * The addresses this computer could not ask that the evidence's summary counts, from the list the message names,
     * so that count and list cannot differ: when the copy's source is unknown, every such address is named as a
     * possible source, its server judged by another address or not ({@link SourceUnknown#unreachableHere}); otherwise
     * those of judged servers, taken to serve what their server's other addresses serve (the message names those of
     * servers not judged apart, among the servers not judged, whose count the summary gives).
     */
    private static List<ChildKeyServers.Server> unreachableCounted(Spread spread,
                                                                   List<ChildKeyServers.Server> judgedUnreachableHere) {
        return spread instanceof SourceUnknown u ? u.unreachableHere() : judgedUnreachableHere;
    }

    /** The servers (addresses) of the judgements that pass {@code test}, in the judgements' order. */
    private static List<ChildKeyServers.Server> serversOf(List<ServerSignatureLifetimes.Judgement> judgements,
                                                          Predicate<ServerSignatureLifetimes.Judgement> test) {
        return judgements.stream().filter(test).map(ServerSignatureLifetimes.Judgement::server).toList();
    }

    private static List<ChildKeyServers.Server> concat(List<ChildKeyServers.Server> first,
                                                       List<ChildKeyServers.Server> second) {
        return Stream.concat(first.stream(), second.stream()).toList();
    }

    private static boolean judged(ServerSignatureLifetimes.Standing standing) {
        return standing == ServerSignatureLifetimes.Standing.VALID
                || standing == ServerSignatureLifetimes.Standing.EXPIRED;
    }

    /**
     * A summary per name server, a line per address asked, the exchanges, and the addresses not asked;
     * {@code unreachableHere}: the addresses not reachable from here that the summary counts
     * ({@link #unreachableCounted}); {@code sourceUnknown}: they are named as possible sources of the resolver's
     * copy, not taken to serve what their server's other addresses serve.
     */
    private static List<String> evidence(ServerSignatureLifetimes.Result servers, int type,
                                         List<ServerSignatureLifetimes.Judgement> judgements,
                                         List<ChildKeyServers.Server> unjudged, List<ChildKeyServers.Server> notAsked,
                                         List<ChildKeyServers.Server> unreachableHere, boolean sourceUnknown) {
        long expiredNames = names(judgements, ServerSignatureLifetimes.Standing.EXPIRED);
        long validNames = names(judgements, ServerSignatureLifetimes.Standing.VALID);
        long unjudgedNames = unjudged.stream().map(ChildKeyServers.Server::name).distinct().count();
        List<String> evidence = new ArrayList<>();
        evidence.add(";; " + Type.string(type) + " signatures asked of each name server (DO, no recursion), the"
                + " resolver's being expired: " + (judgements.isEmpty() && notAsked.isEmpty()
                ? "no name server address found" : expiredNames + " expired, " + validNames + " valid, "
                + unjudgedNames + " not judged"
                + (notAsked.isEmpty() ? "" : "; " + addresses(notAsked.size()) + " not asked (at most "
                + ChildKeyServers.MAX_ADDRESSES + " are)")
                + (unreachableHere.isEmpty() ? "" : "; " + addresses(unreachableHere.size())
                + " not reachable from this computer"
                + (sourceUnknown ? ", not asked: possible sources of the resolver's copy"
                : " taken to serve what their server's other addresses serve"))));
        evidence.addAll(servers.notes());
        notAsked.forEach(s -> evidence.add(";; " + s.label() + " " + Type.string(type) + " signatures: not asked"
                + " (past the first " + ChildKeyServers.MAX_ADDRESSES + " addresses)"));
        evidence.addAll(servers.exchanges());
        return evidence;
    }

    private static String addresses(long count) {
        return count + (count == 1 ? " address" : " addresses");
    }

    /** How many name servers have an address whose copy stands as {@code standing}. */
    private static long names(List<ServerSignatureLifetimes.Judgement> judgements,
                              ServerSignatureLifetimes.Standing standing) {
        return judgements.stream().filter(j -> j.standing() == standing).map(j -> j.server().name()).distinct()
                .count();
    }

    /**
     * What validating resolvers make of it (the last sentences of DNSSEC_SIGNATURE_EXPIRED's message): every lookup
     * fails only when every server serves the expired copy ({@code DNSSEC.bogus.phrase}, as before servers were
     * compared) and none was left unjudged or unasked; otherwise the servers are named, and what is not known is said
     * to be unknown.
     */
    static LocalText consequence(Spread spread, String domain) {
        return switch (spread) {
            case Everywhere e -> text("DNSSEC.bogus.phrase", domain);
            case EveryServerAsked e -> text("DNSSEC.expiredAtEveryServerAsked.phrase", domain, expired(e.expired()),
                    notAskedToo(e.notAsked()));
            case Some s -> text("DNSSEC.expiredAtSomeServers.phrase", domain, expired(s.expired()),
                    servers(s.valid()), notJudgedToo(s.unjudged()), notAskedToo(s.notAsked()),
                    unreachableHereToo(s.unreachableHere()));
            case NoneValid n -> text("DNSSEC.expiredAtServersRestUnknown.phrase", domain, expired(n.expired()),
                    notJudgedToo(n.unjudged()), notAskedToo(n.notAsked()), unreachableHereToo(n.unreachableHere()));
            case NoneExpired n -> text("DNSSEC.expiredAtNoServer.phrase", domain, servers(n.valid()),
                    n.unanswered().isEmpty() ? text("DNSSEC.elsewhere.phrase")
                            : text("DNSSEC.elsewhereOrUnanswered.phrase", servers(n.unanswered())));
            case SourceUnknown u -> text("DNSSEC.expiredSourceUnknown.phrase", domain, servers(u.valid()),
                    notJudgedToo(u.unjudged()), notAskedToo(u.notAsked()), unreachableHereToo(u.unreachableHere()));
            case NoneJudged n -> notJudged(n, domain);
        };
    }

    /**
     * "… is not known: " why: no server found; those asked gave no answer that could be judged (and any this computer
     * could not ask are named after them); or this computer could ask none of them.
     */
    private static LocalText notJudged(NoneJudged n, String domain) {
        if (n.unjudged().isEmpty()) {
            return text("DNSSEC.expiredServersUnknown.phrase", domain, n.unreachableHere().isEmpty()
                    ? text("DNSSEC.noServersFound.phrase")
                    : text("DNSSEC.serversNotReachableHere.phrase", servers(n.unreachableHere())),
                    notAskedToo(n.notAsked()), "");
        }
        return text("DNSSEC.expiredServersUnknown.phrase", domain,
                text("DNSSEC.serversNotJudged.phrase", servers(n.unjudged())), notAskedToo(n.notAsked()),
                unreachableHereToo(n.unreachableHere()));
    }

    /**
     * The remedy: re-signing the zone, unless servers with a valid copy show the zone is re-signed, when the servers
     * left behind (or the one the resolver's copy came from, or those that could not be judged) are the fault.
     */
    static String remediationKey(Spread spread) {
        String code = DnsFindingCodes.DNSSEC_SIGNATURE_EXPIRED;
        return switch (spread) {
            case Some s -> code + ".servers.remediation";
            case NoneExpired n -> code + ".elsewhere.remediation";
            case SourceUnknown u -> code + ".unjudged.remediation";
            case Everywhere e -> code + ".remediation";
            case EveryServerAsked e -> code + ".remediation";
            case NoneValid n -> code + ".remediation";
            case NoneJudged n -> code + ".remediation";
        };
    }

    /** " No answer that could be judged …: ns3.example.com (192.0.2.3).", or nothing. */
    private static Object notJudgedToo(List<ChildKeyServers.Server> unjudged) {
        return unjudged.isEmpty() ? "" : text("DNSSEC.serversNotJudgedToo.phrase", servers(unjudged));
    }

    /**
     * " Not asked, since at most 16 addresses are: … (2 addresses).", or nothing; the limit is the one applied
     * ({@link ChildKeyServers#MAX_ADDRESSES}), so the text cannot drift from it.
     */
    private static Object notAskedToo(List<ChildKeyServers.Server> notAsked) {
        return notAsked.isEmpty() ? "" : text("DNSSEC.serversNotAskedToo.phrase", notAsked.size(),
                servers(notAsked), ChildKeyServers.MAX_ADDRESSES);
    }

    /** " Could not be asked from this computer, which has no route to their IPv6 addresses: …", or nothing. */
    private static Object unreachableHereToo(List<ChildKeyServers.Server> unreachableHere) {
        return unreachableHere.isEmpty() ? "" : text("DNSSEC.serversUnreachableHereToo.phrase",
                servers(unreachableHere));
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
