package org.mailpath.engine.mtasts;

import java.net.URI;
import java.time.Duration;
import org.mailpath.engine.common.Cancellation;

/**
 * Where the MTA-STS check gets a domain's policy file. Production: {@link HttpsPolicySource} (HTTPS to
 * {@code mta-sts.<domain>} port 443, as senders do); tests give it a TLS context trusting a test certificate and a
 * loopback proxy, so that the same code, host name checks included, runs without the internet.
 */
@FunctionalInterface
public interface MtaStsPolicySource {

    /** The well-known path of the policy file (RFC 8461 §3.3). */
    String WELL_KNOWN_PATH = "/.well-known/mta-sts.txt";

    /** Fetches the policy of {@code domain}; never throws for network trouble (that is a {@link PolicyFetch}). */
    PolicyFetch fetch(String domain, Duration timeout, Cancellation cancellation);

    /** The policy host of a domain: {@code mta-sts.<domain>}. */
    static String policyHost(String domain) {
        return "mta-sts." + domain;
    }

    /** {@code https://mta-sts.<domain>/.well-known/mta-sts.txt} */
    static URI policyUri(String domain) {
        return URI.create("https://" + policyHost(domain) + WELL_KNOWN_PATH);
    }
}
