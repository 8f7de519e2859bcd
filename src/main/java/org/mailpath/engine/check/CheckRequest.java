package org.mailpath.engine.check;

import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.mailpath.engine.spf.SalesforceSending;

/**
 * One domain to check, which checks to run on it, and what the Email Log shows of how Salesforce sends as it
 * ({@link SalesforceSending#UNKNOWN} when no log says: {@code check DOMAIN}, a domain typed in), and the IPs the
 * log's refusals by this domain name as our client host ({@code bounceIps}: Salesforce's sending IPs, looked up in
 * the blocklists). {@code ours}: the run knows the domain is our own sending domain (the log's, or the one named),
 * so every finding about it is ours to act on, a check it shares with a recipient's domain (NS_TOO_FEW) too.
 */
public record CheckRequest(String domain, Set<CheckKind> kinds, SalesforceSending salesforce,
                           List<String> bounceIps, boolean ours) {

    public CheckRequest {
        kinds = Set.copyOf(kinds);
        Objects.requireNonNull(salesforce, "salesforce");
        bounceIps = bounceIps == null ? List.of() : List.copyOf(bounceIps);
    }

    /**
     * A request whose domain is taken as ours when only sender checks are asked for it ({@link CheckKind#SENDER}, at
     * least one of them more than the existence check; not a domain checked as a recipient's too, or with every
     * check); {@link #asOurs} says so of a domain checked as a recipient's too.
     */
    public CheckRequest(String domain, Set<CheckKind> kinds, SalesforceSending salesforce,
                        List<String> bounceIps) {
        this(domain, kinds, salesforce, bounceIps, senderChecksOnly(kinds));
    }

    /** A request without IPs named by bounces. */
    public CheckRequest(String domain, Set<CheckKind> kinds, SalesforceSending salesforce) {
        this(domain, kinds, salesforce, List.of());
    }

    /** A request no log speaks for: how Salesforce sends as the domain is not known. */
    public CheckRequest(String domain, Set<CheckKind> kinds) {
        this(domain, kinds, SalesforceSending.UNKNOWN);
    }

    /**
     * This request for our own sending domain, whatever else it is checked as (the sender domain a run is given,
     * which the log also shows as a recipient's): its findings are ours to act on.
     */
    public CheckRequest asOurs() {
        return new CheckRequest(domain, kinds, salesforce, bounceIps, true);
    }

    private static boolean senderChecksOnly(Set<CheckKind> kinds) {
        return CheckKind.SENDER.containsAll(kinds) && kinds.stream().anyMatch(k -> k != CheckKind.EXISTENCE);
    }

    public static CheckRequest all(String domain) {
        return new CheckRequest(domain, java.util.EnumSet.allOf(CheckKind.class));
    }
}
