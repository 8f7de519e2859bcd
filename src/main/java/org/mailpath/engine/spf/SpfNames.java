package org.mailpath.engine.spf;

/** Which names an SPF evaluation can ask in DNS, and which it can evaluate as a domain. */
final class SpfNames {

    private SpfNames() {
    }

    /**
     * Whether {@code name} can be asked in DNS: no empty label, none over 63 characters, at most 253 in all (RFC 1035
     * §2.3.4). A macro can expand to a name that cannot (a long local part, an odd HELO): RFC 7208 leaves the result
     * undefined; asking would end in a resolver error and temperror, which retrying never cures, so the term matches
     * nothing, as for a name that does not exist, without a query (and so without a void lookup).
     */
    static boolean queryable(String name) {
        if (name.isEmpty() || name.length() > SpfMacros.MAX_DOMAIN_LENGTH) {
            return false;
        }
        for (String label : name.split("\\.", -1)) {
            if (label.isEmpty() || label.length() > 63) {
                return false;
            }
        }
        return true;
    }

    /** A name check_host() can take: one DNS can ask, with at least two labels. */
    static boolean validDomain(String domain) {
        return domain.contains(".") && queryable(domain);
    }
}
