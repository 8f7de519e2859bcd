package org.mailpath.engine.dnsbl;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.mailpath.engine.common.TabbedResource;
import org.mailpath.engine.dns.DnsNames;
import org.mailpath.engine.finding.LocalText;

/**
 * A DNS blocklist zone, which address families it lists, how much a listing on it weighs, the words by which a
 * bounce names it, and a note for the user (how to get answers from it). The default lists' families come from
 * their operators' documentation ({@code default-zones.txt}); a zone the user names is asked about IPv6 addresses
 * only once its IPv6 test points (RFC 5782 §5) prove that it lists them.
 */
public record DnsblZone(String zone, Ipv6 ipv6, Weight weight, List<String> replyNames, Optional<LocalText> note) {

    /** Whether the zone lists IPv6 addresses. */
    public enum Ipv6 {
        /** Known not to: never asked about IPv6 addresses. */
        NO,
        /** Known to (its operator documents it): asked like IPv4 addresses. */
        YES,
        /** Not known (a zone the user named): its IPv6 test points tell. */
        TEST_POINTS
    }

    /** How much a listing of our sending IP on the zone weighs ({@code default-zones.txt} says why). */
    public enum Weight {
        /** Large receivers refuse mail for it: ERROR. */
        MAJOR,
        /** A reputation or small list few receivers refuse on alone: WARNING. */
        MINOR
    }

    private static final String DEFAULTS = "/org/mailpath/engine/dnsbl/default-zones.txt";
    /** The reply names' patterns by name (the default lists' and the user's few; a name is matched as words). */
    private static final Map<String, Pattern> WORDS = new ConcurrentHashMap<>();
    private static final List<DnsblZone> DEFAULT_ZONES = load();

    public DnsblZone {
        replyNames = List.copyOf(replyNames);
    }

    /** The default list (resource file {@code default-zones.txt}). */
    public static List<DnsblZone> defaults() {
        return DEFAULT_ZONES;
    }

    /**
     * Zones the user named: may list both address families (their IPv6 test points tell). A default list named
     * again keeps its weight and the words bounces name it by; another zone is weighed as a major list (the user
     * chose it) and is named by its own name.
     */
    public static List<DnsblZone> of(List<String> zones) {
        return zones.stream().map(z -> z.strip().toLowerCase(Locale.ROOT)).filter(z -> !z.isEmpty())
                .map(DnsNames::relative)
                .map(z -> {
                    Optional<DnsblZone> known = DEFAULT_ZONES.stream().filter(d -> d.zone().equals(z)).findFirst();
                    return new DnsblZone(z, Ipv6.TEST_POINTS, known.map(DnsblZone::weight).orElse(Weight.MAJOR),
                            known.map(DnsblZone::replyNames).orElse(List.of(z)), Optional.empty());
                })
                .toList();
    }

    /** Whether a bounce's reply names this list (one of its words, as a whole word, any case). */
    public boolean namedBy(String reply) {
        return replyNames.stream().anyMatch(n -> word(n).matcher(reply).find());
    }

    /** A reply name's pattern, compiled once: every refusal of a run is matched against every list's names. */
    private static Pattern word(String name) {
        return WORDS.computeIfAbsent(name, n -> Pattern.compile("(?<![\\p{Alnum}-])" + Pattern.quote(n)
                + "(?![\\p{Alnum}-])", Pattern.CASE_INSENSITIVE));
    }

    private static List<DnsblZone> load() {
        return TabbedResource.rows(DEFAULTS).stream().map(cols -> {
            if (cols.length < 4) {
                throw new IllegalStateException(DEFAULTS + ": fewer than 4 columns: " + String.join("\t", cols));
            }
            return new DnsblZone(cols[0].strip().toLowerCase(Locale.ROOT),
                    cols[1].contains("ipv6") ? Ipv6.YES : Ipv6.NO,
                    Weight.valueOf(cols[2].strip().toUpperCase(Locale.ROOT)),
                    Arrays.stream(cols[3].split(",")).map(String::strip).filter(n -> !n.isEmpty()).toList(),
                    cols.length > 4 ? Optional.of(DnsblTexts.text(cols[4].strip())) : Optional.empty());
        }).toList();
    }
}
