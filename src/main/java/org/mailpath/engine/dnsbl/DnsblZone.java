package org.mailpath.engine.dnsbl;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.mailpath.engine.common.TabbedResource;
import org.mailpath.engine.dns.DnsNames;
import org.mailpath.engine.finding.LocalText;

/**
 * A DNS blocklist zone, which address families it lists, and a note for the user (how to get answers from it). The
 * default lists' families come from their operators' documentation ({@code default-zones.txt}); a zone the user
 * names is asked about IPv6 addresses only once its IPv6 test points (RFC 5782 §5) prove that it lists them.
 */
public record DnsblZone(String zone, Ipv6 ipv6, Optional<LocalText> note) {

    /** Whether the zone lists IPv6 addresses. */
    public enum Ipv6 {
        /** Known not to: never asked about IPv6 addresses. */
        NO,
        /** Known to (its operator documents it): asked like IPv4 addresses. */
        YES,
        /** Not known (a zone the user named): its IPv6 test points tell. */
        TEST_POINTS
    }


    private static final String DEFAULTS = "/org/mailpath/engine/dnsbl/default-zones.txt";

    /** The default list (resource file {@code default-zones.txt}). */
    public static List<DnsblZone> defaults() {
        return TabbedResource.rows(DEFAULTS).stream()
                .map(cols -> new DnsblZone(cols[0].strip().toLowerCase(Locale.ROOT),
                        cols.length > 1 && cols[1].contains("ipv6") ? Ipv6.YES : Ipv6.NO,
                        cols.length > 2 ? Optional.of(DnsblTexts.text(cols[2].strip())) : Optional.empty()))
                .toList();
    }

    /** Zones the user named: may list both address families (their IPv6 test points tell). */
    public static List<DnsblZone> of(List<String> zones) {
        return zones.stream().map(z -> z.strip().toLowerCase(Locale.ROOT)).filter(z -> !z.isEmpty())
                .map(z -> new DnsblZone(DnsNames.relative(z), Ipv6.TEST_POINTS, Optional.empty()))
                .toList();
    }
}
