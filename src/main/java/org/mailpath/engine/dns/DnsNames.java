package org.mailpath.engine.dns;

/**
 * A domain name given as text in its two spellings: relative, as people write it and as names are compared, and
 * absolute (with the root's final dot), as DNS is asked. One dot is taken off or put on, nothing else: neither case
 * nor white space is changed, and the root ({@code "."}) relative is the empty name. A {@link org.xbill.DNS.Name}
 * has both spellings itself ({@code toString(true)}).
 */
public final class DnsNames {

    private DnsNames() {
    }

    /** {@code name} without its final dot, if it has one. */
    public static String relative(String name) {
        return name.endsWith(".") ? name.substring(0, name.length() - 1) : name;
    }

    /** {@code name} with a final dot, if it has none. */
    public static String absolute(String name) {
        return name.endsWith(".") ? name : name + ".";
    }
}
