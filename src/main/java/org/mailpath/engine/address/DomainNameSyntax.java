package org.mailpath.engine.address;

import com.google.common.net.InetAddresses;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Domain names that someone typed (on the command line or in the app) to be looked up: their form only, no lookups.
 * Stricter than {@link IdnaNames#lookupName}, which takes any text the log holds, and looser than a mail domain
 * ({@link MailboxSyntax}): a single label is a name ({@code com}), and underscores are allowed, since names such as
 * {@code _dmarc.example.com} are worth asking about.
 */
public final class DomainNameSyntax {

    private static final Pattern LABEL = Pattern.compile("[a-z0-9_]([a-z0-9_-]{0,61}[a-z0-9_])?");
    private static final Pattern DIGITS = Pattern.compile("[0-9]+");
    private static final int MAX_NAME = 253;

    private DomainNameSyntax() {
    }

    /**
     * The name as DNS is asked for it: trimmed, lower case, without its final dot, internationalised labels in ASCII
     * (IDNA); empty when it is not a domain name — also an IP address, or a name whose last label is all digits,
     * which no top-level domain is.
     */
    public static Optional<String> normalize(String typed) {
        String d = typed.strip().toLowerCase(Locale.ROOT);
        if (d.endsWith(".")) {
            d = d.substring(0, d.length() - 1);
        }
        try {
            d = IdnaNames.toAscii(d).toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        if (d.isEmpty() || d.length() > MAX_NAME || InetAddresses.isInetAddress(d)
                || DIGITS.matcher(d.substring(d.lastIndexOf('.') + 1)).matches()) {
            return Optional.empty();
        }
        for (String label : d.split("\\.", -1)) {
            // an xn-- label must be valid IDNA2008 (RFC 5891 §5.4): xn--zz is no Punycode, and a joiner (U+200D)
            // outside its RFC 5892 context would be an invisible difference between two names
            if (!LABEL.matcher(label).matches()
                    || IdnLabel.isALabel(label) && IdnLabel.problem(label, d).isPresent()) {
                return Optional.empty();
            }
        }
        return Optional.of(d);
    }
}
