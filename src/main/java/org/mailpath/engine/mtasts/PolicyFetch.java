package org.mailpath.engine.mtasts;

import java.util.List;
import java.util.Optional;
import org.mailpath.engine.finding.LocalText;

/**
 * How fetching {@code https://mta-sts.<domain>/.well-known/mta-sts.txt} ended (RFC 8461 §3.3). Every variant but
 * {@link Retrieved} is a policy that senders cannot use. {@code evidence} says what was asked, when, and what came
 * back (status, media type, size, TLS protocol and certificate, or the error).
 */
public sealed interface PolicyFetch {

    List<String> evidence();

    /** Status 200, media type {@code text/plain}, at most the size limit: the policy text. */
    record Retrieved(String body, List<String> evidence) implements PolicyFetch {
        public Retrieved {
            evidence = List.copyOf(evidence);
        }
    }

    /**
     * No address, no connection, or no complete answer in time; {@code reason} is a clause for a sentence, in the
     * user's language.
     */
    record Unreachable(LocalText reason, List<String> evidence) implements PolicyFetch {
        public Unreachable {
            evidence = List.copyOf(evidence);
        }
    }

    /**
     * This computer's own name lookup, which the HTTPS client uses, found no address for {@code host}: the system
     * resolver, not necessarily the one the DNS checks ask. Not a fact about the policy host.
     */
    record HostNotFound(String host, List<String> evidence) implements PolicyFetch {
        public HostNotFound {
            evidence = List.copyOf(evidence);
        }
    }

    /**
     * The request went through {@code proxy}, a proxy of this computer's proxy settings, and failed there or on the
     * way: the proxy refused, was not reached, asked for credentials, or could not or would not open a connection to
     * the policy host. Through a proxy MailPath cannot tell the policy host's failure from the proxy's, so this is not
     * a fact about the policy host. {@code reason} is a clause for a sentence, in the user's language.
     */
    record ProxyFailed(String proxy, LocalText reason, List<String> evidence) implements PolicyFetch {
        public ProxyFailed {
            evidence = List.copyOf(evidence);
        }
    }

    /** The TLS handshake failed: a certificate not valid for the host, untrusted or expired, or no common protocol. */
    record TlsFailed(LocalText reason, List<String> evidence) implements PolicyFetch {
        public TlsFailed {
            evidence = List.copyOf(evidence);
        }
    }

    /** A 3xx answer: RFC 8461 §3.3 forbids following it, so it is a failure. */
    record Redirected(int status, Optional<String> location, List<String> evidence) implements PolicyFetch {
        public Redirected {
            evidence = List.copyOf(evidence);
        }
    }

    /** Another status than 200 (and not a redirect). */
    record WrongStatus(int status, List<String> evidence) implements PolicyFetch {
        public WrongStatus {
            evidence = List.copyOf(evidence);
        }
    }

    /** Status 200, but the media type is not {@code text/plain} (or there is none). */
    record WrongMediaType(Optional<String> contentType, List<String> evidence) implements PolicyFetch {
        public WrongMediaType {
            evidence = List.copyOf(evidence);
        }
    }

    /** The body is larger than {@code limit} bytes; it was not read further. */
    record TooLarge(int limit, List<String> evidence) implements PolicyFetch {
        public TooLarge {
            evidence = List.copyOf(evidence);
        }
    }
}
