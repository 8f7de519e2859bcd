package org.mailpath.ui.common;

import java.net.IDN;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.mailpath.engine.address.IdnaNames;

/** Checks typed domain names and resolver addresses by their form only (no lookups on the UI thread). */
public final class DomainNames {

    private static final Pattern LABEL = Pattern.compile("[a-z0-9_]([a-z0-9-]{0,61}[a-z0-9])?");
    private static final Pattern IPV4 = Pattern.compile("(\\d{1,3})(\\.\\d{1,3}){3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9a-fA-F:.]+");

    private DomainNames() {
    }

    /** The name in lower-case ASCII (IDN converted), or empty when it is not a domain name. */
    public static Optional<String> normalize(String typed) {
        if (typed == null) {
            return Optional.empty();
        }
        String name = typed.strip();
        if (name.endsWith(".")) {
            name = name.substring(0, name.length() - 1);
        }
        if (name.contains("@")) {
            name = name.substring(name.lastIndexOf('@') + 1);
        }
        try {
            name = IdnaNames.toAscii(name).toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        if (name.isEmpty() || name.length() > 253 || !name.contains(".")) {
            return Optional.empty();
        }
        for (String label : name.split("\\.", -1)) {
            if (!LABEL.matcher(label).matches()) {
                return Optional.empty();
            }
        }
        return Optional.of(name);
    }

    /**
     * Splits "HOST[:PORT], …" into entries; empty text means the system's resolvers. Returns empty when an
     * entry is not an IP address or host name with an optional port.
     */
    public static Optional<List<String>> resolvers(String text) {
        List<String> list = new ArrayList<>();
        if (text == null || text.isBlank()) {
            return Optional.of(list);
        }
        for (String raw : text.split("[,;\\s]+")) {
            String entry = raw.strip();
            if (entry.isEmpty()) {
                continue;
            }
            if (!validResolver(entry)) {
                return Optional.empty();
            }
            list.add(entry);
        }
        return Optional.of(list);
    }

    private static boolean validResolver(String entry) {
        String host = entry;
        int colon = entry.lastIndexOf(':');
        if (colon > 0 && entry.indexOf(':') == colon) {
            host = entry.substring(0, colon);
            try {
                int port = Integer.parseInt(entry.substring(colon + 1));
                if (port < 1 || port > 65535) {
                    return false;
                }
            } catch (NumberFormatException e) {
                return false;
            }
        }
        if (IPV4.matcher(host).matches()) {
            for (String part : host.split("\\.")) {
                if (Integer.parseInt(part) > 255) {
                    return false;
                }
            }
            return true;
        }
        if (host.indexOf(':') >= 0) {
            return IPV6.matcher(host).matches();
        }
        return normalize(host).isPresent();
    }
}
