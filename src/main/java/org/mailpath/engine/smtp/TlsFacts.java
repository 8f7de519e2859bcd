package org.mailpath.engine.smtp;

import java.security.cert.X509Certificate;
import java.util.List;

/**
 * How far STARTTLS got on one address, as facts for judges such as the MTA-STS verdict (the findings say the same
 * for people, in words).
 */
public sealed interface TlsFacts {

    /** The conversation ended before STARTTLS was decided (no connection, no greeting, EHLO refused, a timeout…). */
    record NotReached() implements TlsFacts {
    }

    /** The server did not advertise STARTTLS (or accepted only HELO). */
    record NotOffered() implements TlsFacts {
    }

    /** The server advertised STARTTLS but refused the command. */
    record Rejected() implements TlsFacts {
    }

    /** The server accepted STARTTLS but no handshake completed; {@code olderThanTls12}: it insisted on old TLS. */
    record HandshakeFailed(boolean olderThanTls12) implements TlsFacts {
    }

    /**
     * TLS is up: what the handshake gave (protocol, cipher suite, chain as text), the facts about the server's
     * certificate, and the chain as the server presented it (leaf first; for DANE, which matches the DER itself).
     */
    record Established(TlsSummary summary, CertificateFacts certificate, List<X509Certificate> chain)
            implements TlsFacts {

        public Established {
            chain = List.copyOf(chain);
        }

        /** Without the presented chain (judges that need only the facts). */
        public Established(TlsSummary summary, CertificateFacts certificate) {
            this(summary, certificate, List.of());
        }

        /** The negotiated protocol, e.g. "TLSv1.3". */
        public String protocol() {
            return summary.protocol();
        }

        /** True for TLS 1.2 or later. */
        public boolean modernProtocol() {
            return !ProbeTls.isOld(protocol());
        }
    }
}
