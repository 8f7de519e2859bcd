package org.mailpath.engine.nameserver;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.mailpath.engine.check.CheckContext;
import org.mailpath.engine.dns.Addresses;
import org.mailpath.engine.dns.DnsAnswer;
import org.mailpath.engine.dns.DnsClient;
import org.mailpath.engine.dns.DnsTransport;
import org.mailpath.engine.dns.ReplyEvidence;
import org.mailpath.engine.dns.ZoneApex;
import org.mailpath.engine.finding.Actor;
import org.mailpath.engine.finding.Finding;
import org.mailpath.engine.finding.LocalText;
import org.mailpath.engine.finding.Severity;
import org.mailpath.engine.common.Parallel;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.NSRecord;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.TextParseException;
import org.xbill.DNS.Type;

/**
 * The delegation of a zone as its parent's servers give it (a referral, asked without recursion): a name server
 * inside the zone it serves can only be found through the glue address the parent hands out with the referral
 * (RFC 1034 §4.2.1, RFC 9471), so a missing glue record leaves that server unreachable for resolvers.
 */
final class Delegation {

    /** Not in DnsFindingCodes (another package); stable like the others. */
    static final String NS_GLUE_MISSING = "NS_GLUE_MISSING";
    /** Not in DnsFindingCodes (another package); stable like the others. */
    static final String NS_PARENT_CHILD_MISMATCH = "NS_PARENT_CHILD_MISMATCH";
    /** Parent addresses asked at most (the first referral wins). */
    private static final int MAX_PARENT_ADDRESSES = 2;
    private static final int UDP_SENDS = 3;

    private Delegation() {
    }

    /** The parent zone's servers of {@code zone} and the answers that found them. */
    record Parents(List<InetAddress> addresses, List<String> evidence) {

        static final Parents NONE = new Parents(List.of(), List.of());

        Parents {
            addresses = List.copyOf(addresses);
            evidence = List.copyOf(evidence);
        }
    }

    /** Looks up the parent zone's servers of {@code zone} (none for a TLD, whose parent is the root). */
    static Parents parents(CheckContext context, String zone) {
        if (noParentZone(zone)) {
            return Parents.NONE;
        }
        List<String> evidence = new ArrayList<>();
        List<InetAddress> addresses = parentAddresses(context, zone, evidence);
        return new Parents(addresses, evidence);
    }

    /**
     * NS_GLUE_MISSING and NS_PARENT_CHILD_MISMATCH from the parent's referral; none when it could not be read.
     * {@code childNames} is the zone's own NS set, empty when it was too large to be read whole (no mismatch is then
     * told: the part read would differ from the parent's); {@code parents} the parent zone's servers
     * ({@link #parents}).
     */
    static List<Finding> check(CheckContext context, String zone, Optional<List<String>> childNames,
                               Parents parents) {
        Name zoneName;
        try {
            zoneName = Name.fromString(zone + ".");
        } catch (TextParseException e) {
            return List.of();
        }
        // a TLD's parents are none (its parent is the root, see parents()): nothing is asked
        List<String> evidence = new ArrayList<>(parents.evidence());
        for (InetAddress address : parents.addresses()) {
            InetSocketAddress server = new InetSocketAddress(address, context.options().dnsPort());
            Message query = NameServerCheck.query(zone, Type.NS);
            String question = zone + ". NS (no recursion, to the parent zone's server)";
            DnsTransport.Result result = DnsTransport.udp(server, query, context.options().timeout(), UDP_SENDS,
                    context.cancellation());
            evidence.addAll(ReplyEvidence.lines(question, DnsClient.hostPort(server), result, Instant.now()));
            if (result instanceof DnsTransport.Reply r && r.message().getHeader().getFlag(Flags.TC)) {
                result = DnsTransport.tcp(server, query, context.options().timeout(), context.cancellation());
                evidence.addAll(ReplyEvidence.lines(question + " over TCP", DnsClient.hostPort(server), result,
                        Instant.now()));
            }
            if (result instanceof DnsTransport.Reply r && isReferral(r.message(), zoneName)) {
                // ReplyEvidence quotes the answer section only; a referral's content is in the other two
                r.message().getSection(Section.AUTHORITY).forEach(rec -> evidence.add(rec.toString()));
                r.message().getSection(Section.ADDITIONAL).stream()
                        .filter(rec -> rec.getType() == Type.A || rec.getType() == Type.AAAA)
                        .forEach(rec -> evidence.add(rec.toString()));
                List<Finding> findings = new ArrayList<>();
                missingGlue(context.domain(), zoneName, r.message(), evidence).ifPresent(findings::add);
                childNames.flatMap(names -> mismatch(context.domain(), zoneName, r.message(), names, evidence))
                        .ifPresent(findings::add);
                return findings;
            }
        }
        return List.of();
    }

    /**
     * The NS set the parent hands out and the one in the zone differ (RFC 1034 §4.2.2 wants them alike): a server
     * only the parent names may be stale or lame; one only the zone names is never used by resolvers that start
     * from the parent.
     */
    private static Optional<Finding> mismatch(String domain, Name zone, Message referral, List<String> childNames,
                                              List<String> evidence) {
        List<String> parent = referral.getSection(Section.AUTHORITY).stream()
                .filter(r -> r instanceof NSRecord && r.getName().equals(zone))
                .map(r -> Addresses.display(((NSRecord) r).getTarget()).toLowerCase(Locale.ROOT))
                .distinct().sorted().toList();
        List<String> child = childNames.stream().map(n -> n.toLowerCase(Locale.ROOT)).distinct().sorted().toList();
        List<String> onlyParent = parent.stream().filter(n -> !child.contains(n)).toList();
        List<String> onlyChild = child.stream().filter(n -> !parent.contains(n)).toList();
        if (onlyParent.isEmpty() && onlyChild.isEmpty()) {
            return Optional.empty();
        }
        String zoneText = Addresses.display(zone);
        List<LocalText> sides = new ArrayList<>();
        if (!onlyParent.isEmpty()) {
            sides.add(NameServerTexts.text("phrase.onlyParent", String.join(", ", onlyParent)));
        }
        if (!onlyChild.isEmpty()) {
            sides.add(NameServerTexts.text("phrase.onlyChild", String.join(", ", onlyChild)));
        }
        return Optional.of(NameServerTexts.TEXTS.finding(NS_PARENT_CHILD_MISMATCH, Severity.WARNING, domain, evidence,
                Actor.RECIPIENT_MAIL_TEAM, NS_PARENT_CHILD_MISMATCH, zoneText,
                NameServerTexts.joined("phrase.semicolon", sides)));
    }

    /** A NOERROR answer without AA that hands out the zone's NS set in the authority section. */
    private static boolean isReferral(Message m, Name zone) {
        return m.getRcode() == Rcode.NOERROR && !m.getHeader().getFlag(Flags.AA) && m.getSection(Section.AUTHORITY)
                .stream().anyMatch(r -> r.getType() == Type.NS && r.getName().equals(zone));
    }

    private static Optional<Finding> missingGlue(String domain, Name zone, Message referral, List<String> evidence) {
        List<Name> names = referral.getSection(Section.AUTHORITY).stream()
                .filter(r -> r instanceof NSRecord && r.getName().equals(zone))
                .map(r -> ((NSRecord) r).getTarget()).distinct().toList();
        List<Record> additional = referral.getSection(Section.ADDITIONAL);
        List<String> missing = new ArrayList<>();
        for (Name ns : names) {
            boolean inZone = ns.subdomain(zone);
            boolean glued = additional.stream().anyMatch(r -> r.getName().equals(ns)
                    && (r.getType() == Type.A || r.getType() == Type.AAAA));
            if (inZone && !glued) {
                missing.add(Addresses.display(ns).toLowerCase(Locale.ROOT));
            }
        }
        if (missing.isEmpty()) {
            return Optional.empty();
        }
        // Without any server outside the zone, nothing leads a resolver to the zone at all.
        boolean none = names.stream().allMatch(ns -> ns.subdomain(zone)) && missing.size() == names.size();
        String zoneText = Addresses.display(zone);
        return Optional.of(NameServerTexts.TEXTS.variant(NS_GLUE_MISSING, none ? Severity.ERROR : Severity.WARNING,
                domain, evidence, Actor.RECIPIENT_MAIL_TEAM, NS_GLUE_MISSING + (none ? ".none" : ".some") + ".message",
                NS_GLUE_MISSING + ".remediation", zoneText, String.join(", ", missing), missing.size()));
    }

    /** A top-level name (its parent is the root), or a name that is none: no parent zone to ask. */
    private static boolean noParentZone(String zone) {
        try {
            return Name.fromString(zone + ".").labels() <= 2;
        } catch (TextParseException e) {
            return true;
        }
    }

    /** Addresses of the parent zone's servers, found through the resolver (at most two). */
    private static List<InetAddress> parentAddresses(CheckContext context, String zone, List<String> evidence) {
        DnsAnswer ns = ZoneApex.find(context.dns(), zone.substring(zone.indexOf('.') + 1), Type.NS,
                context.cancellation()).last();
        if (!ns.ok()) {
            return List.of();
        }
        evidence.addAll(ns.evidence());
        List<String> names = ns.records().stream().filter(NSRecord.class::isInstance)
                .map(r -> Addresses.display(((NSRecord) r).getTarget())).distinct().sorted().limit(MAX_PARENT_ADDRESSES)
                .toList();
        List<List<InetAddress>> addresses = Parallel.map(names, n -> context.dns()
                .lookup(n, Type.A, context.cancellation()).records().stream().map(Addresses::of)
                .flatMap(Optional::stream).toList());
        return addresses.stream().flatMap(List::stream).distinct().limit(MAX_PARENT_ADDRESSES).toList();
    }
}
