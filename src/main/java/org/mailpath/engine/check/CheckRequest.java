package org.mailpath.engine.check;

import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.mailpath.engine.spf.SalesforceSending;

/**
 * One domain to check, which checks to run on it, and what the Email Log shows of how Salesforce sends as it
 * ({@link SalesforceSending#UNKNOWN} when no log says: {@code check DOMAIN}, a domain typed in), and the IPs the
 * log's refusals by this domain name as our client host ({@code bounceIps}: Salesforce's sending IPs, looked up in
 * the blocklists).
 */
public record CheckRequest(String domain, Set<CheckKind> kinds, SalesforceSending salesforce,
                           List<String> bounceIps) {

    public CheckRequest {
        kinds = Set.copyOf(kinds);
        Objects.requireNonNull(salesforce, "salesforce");
        bounceIps = bounceIps == null ? List.of() : List.copyOf(bounceIps);
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
     * Whether the domain is checked as our own sending domain only: the checks asked for are sender checks
     * ({@link CheckKind#SENDER}), at least one of them more than the existence check. A domain checked as a
     * recipient's too, or with every check ({@code check DOMAIN}), is not.
     */
    public boolean ourSendingDomainOnly() {
        return CheckKind.SENDER.containsAll(kinds) && kinds.stream().anyMatch(k -> k != CheckKind.EXISTENCE);
    }

    public static CheckRequest all(String domain) {
        return new CheckRequest(domain, java.util.EnumSet.allOf(CheckKind.class));
    }
}
