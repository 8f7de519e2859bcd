package org.mailpath.engine.mtasts;

import java.util.List;

/**
 * The MTA-STS policy a domain publishes, as the MTA-STS check fetched and parsed it: what senders that honour
 * MTA-STS apply to the domain's MX hosts. Handed on so that the SMTP probe's results can be judged against it
 * ({@link StsTlsCrossCheck}) without fetching the policy a second time.
 *
 * @param domain   the recipient domain (lower case, as checked)
 * @param policy   the parsed policy
 * @param evidence how it was fetched and its lines
 */
public record PublishedPolicy(String domain, MtaStsPolicy policy, List<String> evidence) {

    public PublishedPolicy {
        evidence = List.copyOf(evidence);
    }

    public boolean enforce() {
        return policy.mode().equals("enforce");
    }
}
