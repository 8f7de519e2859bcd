package org.mailpath.engine.report;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.mailpath.engine.dns.DnsNames;

/**
 * The envelope sender Salesforce gives a message when Bounce Management or Email Security Compliance is on (the Email
 * Log's Sender column then "contains *.bnc.salesforce.com"): an address at Salesforce's bounce domain whose local part
 * holds the sender's own address and an ID of Salesforce's, VERP style, {@code name=domain.com__x@x.bnc.salesforce.com}
 * (Salesforce KB 000250391, "Email Relay best practices"). {@code name} is the sender's mailbox, {@code senderDomain}
 * the sender's domain, and {@code tagged} whether an ID follows them ("__x").
 */
record BounceEnvelope(String name, String senderDomain, boolean tagged) {

    /** Salesforce's bounce domain; the labels before it vary (an ID of Salesforce's). */
    private static final String BOUNCE_DOMAIN = "bnc.salesforce.com";
    private static final String LABEL = "[\\p{L}\\p{N}](?:[\\p{L}\\p{N}-]*[\\p{L}\\p{N}])?";
    /**
     * The local part: the sender's mailbox up to the first '=', the sender's domain, and "__" with Salesforce's ID
     * (which a log may leave out). Anything else at the bounce domain is no such envelope and is masked whole.
     */
    private static final Pattern LOCAL = Pattern.compile(
            "(?s)([^=\"@\\s]+)=(" + LABEL + "(?:\\." + LABEL + ")+)(__.*)?");

    /** The envelope {@code local}@{@code domain} is, if it is one. */
    static Optional<BounceEnvelope> of(String local, String domain) {
        if (!atBounceDomain(domain)) {
            return Optional.empty();
        }
        Matcher m = LOCAL.matcher(local);
        return m.matches() ? Optional.of(new BounceEnvelope(m.group(1), m.group(2), m.group(3) != null))
                : Optional.empty();
    }

    /** {@code bnc.salesforce.com} or a name under it, in any letter case, with or without the final dot. */
    private static boolean atBounceDomain(String domain) {
        String d = DnsNames.relative(domain.strip().toLowerCase(Locale.ROOT));
        return d.equals(BOUNCE_DOMAIN) || d.endsWith("." + BOUNCE_DOMAIN);
    }
}
