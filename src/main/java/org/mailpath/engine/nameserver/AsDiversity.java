package org.mailpath.engine.nameserver;

import com.google.common.net.InetAddresses;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import org.mailpath.engine.check.CheckContext;
import org.mailpath.engine.common.CancelledException;
import org.mailpath.engine.common.Parallel;
import org.mailpath.engine.dns.DnsAnswer;
import org.mailpath.engine.dns.DnsFindingCodes;
import org.mailpath.engine.dns.SpecialAddresses;
import org.mailpath.engine.domain.DnsAnswers;
import org.mailpath.engine.finding.Actor;
import org.mailpath.engine.finding.Finding;
import org.mailpath.engine.finding.Severity;
import org.xbill.DNS.Type;

/**
 * NS_SINGLE_AS: RFC 2182 §3.1 wants a zone's servers in topologically separate networks. Where
 * {@link NetworkDiversity} sees only shared /24s and /48s, this asks the routing data (the origin ASes of each
 * address, {@link OriginAs}). Our rule, {@link NetworkDiversity}'s with ASes for networks ({@link Concentration}):
 * the origin ASes of each address family are gathered (every origin of every address of that family), and a family
 * with exactly one is concentrated. The finding is made when every family present is (IPv4 in one AS and IPv6 in
 * another is flagged), and when the IPv4 addresses are while the IPv6 ones are in several ASes: resolvers that
 * reach name servers only over IPv4 are still common (company networks). Not when only the IPv6 addresses share
 * an AS: resolvers fall back to IPv4, those that use only IPv6 are rare, and below INFO there is nothing to say it
 * at. One address whose prefix has two origin ASes is no concentration. INFO only: large anycast DNS operators run
 * all their servers in one AS, and rightly. Nothing is said from missing data: a lookup that failed, timed out or
 * found no origin leaves the zone unjudged.
 */
final class AsDiversity {

    private static final System.Logger LOG = System.getLogger(AsDiversity.class.getName());

    /** Not in DnsFindingCodes (another package); stable like the others. */
    static final String NS_SINGLE_AS = "NS_SINGLE_AS";

    /**
     * The addresses whose origin may be asked: public ones only. The question names the address and goes through
     * the resolver to a third party, so a split-DNS zone's internal addresses (10/8, 192.168/16) would leak, and
     * the service knows no origin for them anyway.
     */
    static final Predicate<InetAddress> PUBLIC = a -> !SpecialAddresses.notPublic(a);

    private final String zone;
    private final Predicate<InetAddress> mayAsk;

    /**
     * {@code zone}: the IP-to-ASN zone asked, {@link OriginAs#CYMRU_ZONE} or a test's; {@code mayAsk}: the
     * addresses whose origin may be asked ({@link #PUBLIC}; tests on loopback servers allow all), the zone not
     * judged when any other is among the servers'.
     */
    AsDiversity(String zone, Predicate<InetAddress> mayAsk) {
        this.zone = zone;
        this.mayAsk = mayAsk;
    }

    /** The finding, if any, and the lookups' evidence lines (with the ASes seen, when the servers are diverse). */
    record Judgement(Optional<Finding> finding, List<String> evidence) {
        Judgement {
            evidence = List.copyOf(evidence);
        }

        static Judgement none() {
            return new Judgement(Optional.empty(), List.of());
        }
    }

    /**
     * The origin ASes of the servers' addresses, asked through the run's resolver all at once. Not asked when the
     * NS set is not {@link NameServers#complete complete}, has fewer than two addresses or more than
     * {@value NameServers#MAX_TARGETS} (a hostile zone must not make hundreds of questions), when an address may
     * not be asked ({@link #PUBLIC}), or when NS_TOO_FEW (one server or address) or NS_SAME_NETWORK for every
     * family (one network) was made; when NS_SAME_NETWORK was made for one family, not said when it would repeat
     * it ({@link Concentration#covers}). An optional INFO lookup: an unexpected failure of its own leaves the zone
     * unjudged rather than fail the whole name-server check.
     */
    Judgement judge(CheckContext context, NameServers servers) {
        try {
            return judgeOrThrow(context, servers);
        } catch (CancelledException e) {
            throw e;
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.DEBUG, "origin AS lookup for the name servers of " + servers.zone()
                    + " failed; " + NS_SINGLE_AS + " not judged", e);
            return Judgement.none();
        }
    }

    private Judgement judgeOrThrow(CheckContext context, NameServers servers) {
        List<InetAddress> addresses = NameServers.Host.allAddresses(servers.hosts());
        Concentration sameNetwork = made(servers, DnsFindingCodes.NS_SAME_NETWORK)
                ? NetworkDiversity.concentration(servers.hosts()) : Concentration.NONE;
        if (!servers.complete() || addresses.size() < 2 || addresses.size() > NameServers.MAX_TARGETS
                || !addresses.stream().allMatch(mayAsk) || made(servers, NameServers.NS_TOO_FEW)
                || sameNetwork == Concentration.EVERY_FAMILY) {
            return Judgement.none();
        }
        List<DnsAnswer> answers = Parallel.map(addresses, a -> context.dns().lookup(OriginAs.question(a, zone),
                Type.TXT, context.cancellation()));
        List<String> evidence = new ArrayList<>();
        answers.forEach(a -> evidence.addAll(a.evidence()));
        Map<InetAddress, OriginAs> origins = new LinkedHashMap<>();
        for (int i = 0; i < addresses.size(); i++) {
            DnsAnswer answer = answers.get(i);
            Optional<OriginAs> origin = answer.ok() ? OriginAs.read(addresses.get(i), DnsAnswers.texts(answer))
                    : Optional.empty();
            if (origin.isEmpty()) {
                return new Judgement(Optional.empty(), evidence);
            }
            origins.put(addresses.get(i), origin.get());
        }
        // the ASes announcing each family's addresses
        Set<Long> ipv4 = AddressFamily.IPV4.networks(addresses, a -> origins.get(a).asns());
        Set<Long> ipv6 = AddressFamily.IPV6.networks(addresses, a -> origins.get(a).asns());
        Concentration concentration = Concentration.of(ipv4, ipv6);
        if (concentration != Concentration.EVERY_FAMILY) {
            // the ASes the message does not name, or the diverse servers' with NS_OK
            evidence.add(";; origin AS per name-server address: " + String.join(", ", origins.entrySet().stream()
                    .map(e -> InetAddresses.toAddrString(e.getKey()) + " " + e.getValue().label()).toList()));
        }
        // IPv6 alone in one AS is left unsaid (resolvers fall back to IPv4); what NS_SAME_NETWORK said of a
        // family's network is not said again of its AS
        if (concentration == Concentration.NONE || concentration == Concentration.IPV6_ONLY
                || sameNetwork.covers(concentration)) {
            return new Judgement(Optional.empty(), evidence);
        }
        List<String> findingEvidence = new ArrayList<>(servers.evidence());
        findingEvidence.addAll(evidence);
        return new Judgement(Optional.of(concentration == Concentration.IPV4_ONLY
                ? ipv4Finding(context.domain(), servers, ipv4, addresses, findingEvidence)
                : finding(context.domain(), servers, ipv4, ipv6, findingEvidence)), evidence);
    }

    private static boolean made(NameServers servers, String code) {
        return servers.problems().stream().anyMatch(f -> f.code().equals(code));
    }

    /** Every family present in one AS ({@code ipv4}'s and {@code ipv6}'s; empty for a family with no address). */
    private static Finding finding(String domain, NameServers servers, Set<Long> ipv4, Set<Long> ipv6,
                                   List<String> evidence) {
        boolean one = ipv4.isEmpty() || ipv6.isEmpty() || ipv4.equals(ipv6);
        Object asns = one ? as(ipv4.isEmpty() ? ipv6 : ipv4)
                : NameServerTexts.joined("phrase.and", List.of(
                        NameServerTexts.text("phrase.asOfFamily", as(ipv4), AddressFamily.IPV4.label()),
                        NameServerTexts.text("phrase.asOfFamily", as(ipv6), AddressFamily.IPV6.label())));
        return NameServerTexts.TEXTS.variant(NS_SINGLE_AS, Severity.INFO, domain, evidence,
                Actor.RECIPIENT_MAIL_TEAM, NS_SINGLE_AS + (one ? ".one" : ".perFamily") + ".message",
                NS_SINGLE_AS + ".remediation", servers.zone(), asns, NameServers.Host.labels(servers.hosts()),
                domain);
    }

    /** IPv4 in one AS, IPv6 in several: the variant that says who depends on it; the pattern also gets the count. */
    private static Finding ipv4Finding(String domain, NameServers servers, Set<Long> asns,
                                       List<InetAddress> addresses, List<String> evidence) {
        int ipv4 = AddressFamily.IPV4.among(addresses).size();
        return NameServerTexts.TEXTS.variant(NS_SINGLE_AS, Severity.INFO, domain, evidence,
                Actor.RECIPIENT_MAIL_TEAM, NS_SINGLE_AS + ".ipv4.message", NS_SINGLE_AS + ".ipv4.remediation",
                servers.zone(), as(asns), NameServers.Host.labels(servers.hosts()), domain, ipv4);
    }

    /** "AS13335" for a family's single origin. */
    private static String as(Set<Long> asns) {
        return "AS" + asns.iterator().next();
    }
}
