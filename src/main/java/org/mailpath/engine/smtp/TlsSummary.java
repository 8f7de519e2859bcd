package org.mailpath.engine.smtp;

import java.util.List;

/**
 * What the STARTTLS handshake gave: protocol, cipher suite, and the server's certificate chain described one
 * line per certificate (subject, issuer, validity, names).
 */
public record TlsSummary(String protocol, String cipherSuite, List<String> chain) {

    public TlsSummary {
        chain = List.copyOf(chain);
    }
}
