package org.mailpath.engine.dnsbl;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A DNS blocklist zone, whether it may list IPv6 addresses, and a note for the user. A zone that may is asked
 * about IPv6 addresses only once its IPv6 test points (RFC 5782 §5) prove that it does; one that may not (a
 * default list known to hold IPv4 addresses only) is never asked about them.
 */
public record DnsblZone(String zone, boolean ipv6, String note) {

    private static final String DEFAULTS = "/org/mailpath/engine/dnsbl/default-zones.txt";

    /** The default list (resource file {@code default-zones.txt}). */
    public static List<DnsblZone> defaults() {
        try (InputStream in = DnsblZone.class.getResourceAsStream(DEFAULTS)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + DEFAULTS);
            }
            List<DnsblZone> zones = new ArrayList<>();
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] cols = line.split("\t", 3);
                zones.add(new DnsblZone(cols[0].strip().toLowerCase(Locale.ROOT),
                        cols.length > 1 && cols[1].contains("ipv6"), cols.length > 2 ? cols[2].strip() : ""));
            }
            return List.copyOf(zones);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Zones the user named: may list both address families (their IPv6 test points tell). */
    public static List<DnsblZone> of(List<String> zones) {
        return zones.stream().map(z -> z.strip().toLowerCase(Locale.ROOT)).filter(z -> !z.isEmpty())
                .map(z -> new DnsblZone(z.endsWith(".") ? z.substring(0, z.length() - 1) : z, true, "")).toList();
    }
}
