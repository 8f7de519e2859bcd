package org.mailpath.engine.dnsbl;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
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
            if (reply.isBlank()) {
                return true;
            }
            NamedLists named = replies.of(reply);
            if (!named.any()) {
                return true;
            }
            return zone.map(named::names).orElse(true);
        };
    }

    /**
     * The lists each refusal's text names, worked out once per distinct text and kept for every listing tried
     * against it: one per linking of a run's findings to its refusals (a run holds few distinct texts).
     */
    public static final class Replies {

        /** Whether a reply names a list: {@link DnsblZone#namedBy}, counted by a test. */
        private final BiPredicate<DnsblZone, String> names;
        private final Map<String, NamedLists> byText = new ConcurrentHashMap<>();

        public Replies() {
            this(DnsblZone::namedBy);
        }

        Replies(BiPredicate<DnsblZone, String> names) {
            this.names = names;
        }

        /** How many distinct texts have been worked out. */
        public int size() {
            return byText.size();
        }

        NamedLists of(String reply) {
            return byText.computeIfAbsent(reply, r -> {
                Map<String, Boolean> byZone = new ConcurrentHashMap<>();
                DnsblZone.defaults().forEach(z -> byZone.put(z.zone(), names.test(z, r)));
                return new NamedLists(r, byZone, names);
            });
        }
    }

    /**
     * Which lists one reply text names: each default list's answer worked out up front (whether it names any is
     * asked of every listing), a zone the user named asked once when a listing on it first needs it. A default list
     * named again has the default's reply names ({@link DnsblZone#of}), so its answer is the default's.
     */
    private static final class NamedLists {

        private final String reply;
        private final Map<String, Boolean> byZone;
        private final boolean any;
        private final BiPredicate<DnsblZone, String> names;

        NamedLists(String reply, Map<String, Boolean> byZone, BiPredicate<DnsblZone, String> names) {
            this.reply = reply;
            this.byZone = byZone;
            this.any = byZone.containsValue(true);
            this.names = names;
        }

        /** Whether the reply names any default list: one that names none may be about any list. */
        boolean any() {
            return any;
        }

        boolean names(DnsblZone zone) {
            return byZone.computeIfAbsent(zone.zone(), z -> names.test(zone, reply));
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
