package org.mailpath.engine.dnsbl;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.mailpath.engine.common.TabbedResource;

/**
 * What the default lists' return codes mean, per their operators' documentation ({@code return-codes.txt}): which
 * sublist a code names and whether it is a real listing or only a policy (Spamhaus PBL), which says nothing about
 * how an address behaves and nothing about receiving mail.
 */
final class DnsblReturnCodes {

    private static final String RESOURCE = "/org/mailpath/engine/dnsbl/return-codes.txt";
    private static final List<Entry> ENTRIES = load();

    /** What a code is. */
    enum Kind {
        /** The address sent spam or is used for abuse. */
        LISTING,
        /** The range's owner says it should not send mail directly to other mail servers (Spamhaus PBL). */
        POLICY
    }

    /** One documented code: its meaning's key in {@code findings.properties} and its kind. */
    record Meaning(String key, Kind kind) {
    }

    private record Entry(List<String> zones, String code, Meaning meaning) {

        boolean covers(String zone) {
            return zones.stream().anyMatch(z -> z.startsWith("*.") ? zone.endsWith(z.substring(1)) : zone.equals(z));
        }
    }

    private DnsblReturnCodes() {
    }

    /** True when the file documents {@code zone}'s codes. */
    static boolean documents(String zone) {
        return ENTRIES.stream().anyMatch(e -> e.covers(zone));
    }

    /** What {@code code} means on {@code zone}; empty when the zone's operator does not document it. */
    static Optional<Meaning> meaning(String zone, String code) {
        return ENTRIES.stream().filter(e -> e.code().equals(code) && e.covers(zone)).map(Entry::meaning).findFirst();
    }

    /** Every meaning key the file names (each must be in {@code findings.properties}). */
    static List<String> meaningKeys() {
        return ENTRIES.stream().map(e -> e.meaning().key()).distinct().toList();
    }

    private static List<Entry> load() {
        List<Entry> entries = new ArrayList<>();
        for (String[] cols : TabbedResource.rows(RESOURCE)) {
            if (cols.length != 4) {
                throw new IllegalStateException(RESOURCE + ": not 4 columns: " + String.join("\t", cols));
            }
            List<String> zones = List.of(cols[0].strip().toLowerCase(Locale.ROOT).split(","));
            entries.add(new Entry(zones, cols[1].strip(), new Meaning(cols[2].strip(),
                    Kind.valueOf(cols[3].strip().toUpperCase(Locale.ROOT)))));
        }
        return List.copyOf(entries);
    }
}
