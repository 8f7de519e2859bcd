package org.mailpath.ui.common;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.mailpath.engine.address.DomainNameSyntax;

/** Checks typed domain names and resolver addresses by their form only (no lookups on the UI thread). */
public final class DomainNames {

    private static final Pattern IPV4 = Pattern.compile("(\\d{1,3})(\\.\\d{1,3}){3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9a-fA-F:.]+");

    private DomainNames() {
    }

    /**
     * The name in lower-case ASCII (IDN converted; a whole address gives its domain), or empty when it is not a
     * domain name ({@link DomainNameSyntax}) or has no dot: the app checks recipient and sending domains, and a
     * single word typed there is far more often a slip than a top-level domain.
     */
    public static Optional<String> normalize(String typed) {
        if (typed == null) {
            return Optional.empty();
        }
        String name = typed.strip();
        if (name.contains("@")) {
            name = name.substring(name.lastIndexOf('@') + 1);
        }
        return DomainNameSyntax.normalize(name).filter(n -> n.contains("."));
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
        return DomainNameSyntax.normalize(host).isPresent(); // a resolver may be a single name (localhost)
    }
}
