package org.mailpath.engine.nameserver;

import com.google.common.net.InetAddresses;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;
import org.mailpath.engine.check.CheckContext;
import org.mailpath.engine.common.CancelledException;
import org.mailpath.engine.common.Parallel;
import org.mailpath.engine.dns.Addresses;
import org.mailpath.engine.dns.DnsAnswer;
import org.mailpath.engine.dns.DnsFindingCodes;
import org.mailpath.engine.domain.DnsAnswers;
import org.mailpath.engine.finding.Actor;
import org.mailpath.engine.finding.Finding;
import org.mailpath.engine.finding.Severity;
import org.xbill.DNS.Type;

/**
 * NS_SINGLE_AS: RFC 2182 §3.1 wants a zone's servers in topologically separate networks. Where
 * {@link NetworkDiversity} sees only shared /24s and /48s, this asks the routing data (the origin ASes of each
 * address, {@link OriginAs}). Our rule, consistent with {@link NetworkDiversity}'s: the origin ASes of each address
 * family are gathered (every origin of every address of that family), and the one finding is made only when each
 * family present has exactly one. So IPv4 in one AS and IPv6 in another is flagged, while two ASes in either
 * family, or one address whose prefix has two origin ASes, is not. INFO only: large anycast DNS operators run all
 * their servers in one AS, and rightly. Nothing is said from missing data: a lookup that failed, timed out or found
 * no origin leaves the zone unjudged.
 */
final class AsDiversity {

    private static final System.Logger LOG = System.getLogger(AsDiversity.class.getName());

    /** Not in DnsFindingCodes (another package); stable like the others. */
    static final String NS_SINGLE_AS = "NS_SINGLE_AS";
    /** Findings that already say more than one AS would (one server, one address, one network). */
    private static final Set<String> STRONGER = Set.of(NameServers.NS_TOO_FEW, DnsFindingCodes.NS_SAME_NETWORK);

    /**
     * The addresses whose origin may be asked: public ones only. The question names the address and goes through
     * the resolver to a third party, so a split-DNS zone's internal addresses (10/8, 192.168/16) would leak, and
     * the service knows no origin for them anyway.
     */
    static final Predicate<InetAddress> PUBLIC = a -> !Addresses.notPublic(a);

    private final String zone;
    private final Predicate<InetAddress> mayAsk;

    /** Public addresses' origins, in {@code zone}. */
    AsDiversity(String zone) {
        this(zone, PUBLIC);
    }

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
     * not be asked ({@link #PUBLIC}), or when a {@link #STRONGER} finding was made. An optional INFO lookup: an
     * unexpected failure of its own leaves the zone unjudged rather than fail the whole name-server check.
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
        List<InetAddress> addresses = servers.hosts().stream().flatMap(h -> h.addresses().stream()).distinct()
                .toList();
        if (!servers.complete() || addresses.size() < 2 || addresses.size() > NameServers.MAX_TARGETS
                || !addresses.stream().allMatch(mayAsk)
                || servers.problems().stream().anyMatch(f -> STRONGER.contains(f.code()))) {
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
        // IPv4 first ("4" < "6"), then IPv6: the ASes announcing each family's addresses
        Map<String, Set<Long>> byFamily = new TreeMap<>();
        origins.forEach((address, origin) -> byFamily.computeIfAbsent(address instanceof Inet4Address ? "IPv4"
                : "IPv6", f -> new TreeSet<>()).addAll(origin.asns()));
        if (byFamily.values().stream().anyMatch(asns -> asns.size() > 1)) {
            evidence.add(";; origin AS per name-server address: " + String.join(", ", origins.entrySet().stream()
                    .map(e -> InetAddresses.toAddrString(e.getKey()) + " " + e.getValue().label()).toList()));
            return new Judgement(Optional.empty(), evidence);
        }
        List<String> findingEvidence = new ArrayList<>(servers.evidence());
        findingEvidence.addAll(evidence);
        return new Judgement(Optional.of(finding(context.domain(), servers, byFamily, findingEvidence)), evidence);
    }

    private static Finding finding(String domain, NameServers servers, Map<String, Set<Long>> byFamily,
                                   List<String> evidence) {
        boolean one = byFamily.values().stream().distinct().count() == 1;
        Object asns = one ? as(byFamily.values().iterator().next())
                : NameServerTexts.joined("phrase.and", byFamily.entrySet().stream()
                        .map(e -> NameServerTexts.text("phrase.asOfFamily", as(e.getValue()), e.getKey())).toList());
        return NameServerTexts.TEXTS.variant(NS_SINGLE_AS, Severity.INFO, domain, evidence,
                Actor.RECIPIENT_MAIL_TEAM, NS_SINGLE_AS + (one ? ".one" : ".perFamily") + ".message",
                NS_SINGLE_AS + ".remediation", servers.zone(), asns, NameServers.Host.labels(servers.hosts()),
                domain);
    }

    /** "AS13335" for a family's single origin. */
    private static String as(Set<Long> asns) {
        return "AS" + asns.iterator().next();
    }
}
