package org.mailpath.engine.dnsbl;

import java.util.List;
import java.util.Optional;
import java.util.function.BiPredicate;
import org.mailpath.engine.finding.Finding;
import org.mailpath.engine.finding.LocalText;

/**
 * Which refusals a blocklist listing ({@code DNSBL_LISTED}) may explain. A refusal that names a list ("blocked
 * using Spamhaus") was caused by that list: a listing on another list says nothing of it. A refusal that names our
 * client IP was about that IP: a listing of another IP says nothing of it either. A refusal that names no list, or
 * no IP, rules nothing out.
 *
 * <p>Also the one owner of where DNSBL_LISTED's message holds the zone: it builds those arguments
 * ({@link #listedArgs}) and reads the zone back from them.
 */
public final class DnsblListings {

    /** Where the zone is among the arguments of DNSBL_LISTED's message ({@link #listedArgs}). */
    private static final int ZONE_ARG = 2;

    private DnsblListings() {
    }

    /**
     * Whether the listing {@code listed} may explain a refusal with a text and client IPs, its zone worked out once:
     * a listing is tried against every refusal of the run, so the zone is not rebuilt for each.
     */
    public static BiPredicate<List<String>, String> explainer(Finding listed) {
        Optional<DnsblZone> zone = zone(listed);
        String ip = listed.subject();
        return (clientIps, reply) -> {
            if (!clientIps.isEmpty() && !clientIps.contains(ip)) {
                return false;
            }
            if (reply.isBlank() || !DnsblZone.anyNamedBy(reply)) {
                return true;
            }
            return zone.map(z -> z.namedBy(reply)).orElse(true);
        };
    }

    /** The arguments of DNSBL_LISTED's message and advice, in the order the texts number them. */
    static Object[] listedArgs(String ip, Object role, DnsblZone zone, Object codes, Object reasons) {
        return new Object[] {ip, role, zone.zone(), codes, reasons}; // the zone at ZONE_ARG
    }

    /** The list a DNSBL_LISTED finding names: a default one as defined, else one the user named. */
    static Optional<DnsblZone> zone(Finding listed) {
        return listed.messageText().filter(LocalText.class::isInstance).map(LocalText.class::cast)
                .filter(t -> t.args().size() > ZONE_ARG).map(t -> String.valueOf(t.args().get(ZONE_ARG)))
                .map(z -> DnsblZone.of(List.of(z)).getFirst());
    }
}
