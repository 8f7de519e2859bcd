package org.mailpath.engine.dnsbl;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiPredicate;
import java.util.stream.Collectors;
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
     * a listing is tried against every refusal of the run, so the zone is not rebuilt for each. The lists each reply
     * text names are taken from {@code replies}: every listing of a run is tried against every refusal, and the lists
     * a text names do not depend on the listing.
     */
    public static BiPredicate<List<String>, String> explainer(Finding listed, Replies replies) {
        Optional<DnsblZone> zone = zone(listed);
        String ip = listed.subject();
        return (clientIps, reply) -> {
            if (!clientIps.isEmpty() && !clientIps.contains(ip)) {
                return false;
            }
            if (reply.isBlank() || replies.defaultsNamedBy(reply).isEmpty()) {
                return true; // a reply that names no list may be about any list
            }
            return zone.map(z -> replies.names(reply, z)).orElse(true);
        };
    }

    /**
     * The lists each refusal's text names, worked out once per distinct text and kept for every listing tried
     * against it: one per linking of a run's findings to its refusals (a run holds few distinct texts), asked on
     * that linking's thread alone.
     */
    public static final class Replies {

        private static final Set<String> DEFAULT_ZONES =
                DnsblZone.defaults().stream().map(DnsblZone::zone).collect(Collectors.toUnmodifiableSet());

        /** Whether a reply names a list: {@link DnsblZone#namedBy}, counted by a test. */
        private final BiPredicate<DnsblZone, String> names;
        /** Each text's default lists it names: all worked out up front, as whether it names any is always asked. */
        private final Map<String, Set<String>> defaultsByText = new HashMap<>();
        /** Whether a text names a zone the user named, asked once when a listing on it first needs it. */
        private final Map<TextAndZone, Boolean> others = new HashMap<>();

        public Replies() {
            this(DnsblZone::namedBy);
        }

        Replies(BiPredicate<DnsblZone, String> names) {
            this.names = names;
        }

        /** How many distinct texts have been worked out. */
        public int size() {
            return defaultsByText.size();
        }

        Set<String> defaultsNamedBy(String reply) {
            return defaultsByText.computeIfAbsent(reply, r -> DnsblZone.defaults().stream()
                    .filter(z -> names.test(z, r)).map(DnsblZone::zone).collect(Collectors.toUnmodifiableSet()));
        }

        /**
         * Whether {@code reply} names {@code zone}. A default list named again has the default's reply names
         * ({@link DnsblZone#of}), so its answer is the default's.
         */
        boolean names(String reply, DnsblZone zone) {
            if (DEFAULT_ZONES.contains(zone.zone())) {
                return defaultsNamedBy(reply).contains(zone.zone());
            }
            return others.computeIfAbsent(new TextAndZone(reply, zone.zone()), k -> names.test(zone, reply));
        }

        private record TextAndZone(String text, String zone) {
        }
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
