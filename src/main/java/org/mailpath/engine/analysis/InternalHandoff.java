package org.mailpath.engine.analysis;

import java.net.InetAddress;
import org.mailpath.engine.dns.SpecialAddresses;

/**
 * Which D rows are Salesforce's hand-off of a message between its own mail servers rather than its delivery. In a
 * log with the TLS_Cipher column, Salesforce marks them: TLS_Cipher {@code None} (KB 000383894). An older export has
 * no such column; there a D whose Relay Address is a literal address not reachable from the internet (RFC 1918,
 * loopback, link-local, unique-local fc00::/7, CGNAT 100.64/10, benchmarking 198.18/15, reserved 240/4 and the other
 * special-purpose ranges: {@link SpecialAddresses#notPublic}) is one too, since Salesforce's MTA (Momentum) refuses to
 * deliver to a private address ({@code 551 5.4.6 [internal] Private/Loopback Address}) and no recipient's server is
 * reached at the others: a D to one can only be an internal hop. A file with the column keeps its own word only: the rule by
 * address is asked only where the column is missing.
 */
final class InternalHandoff {

    private InternalHandoff() {
    }

    /**
     * Whether a D row is a hand-off: its TLS_Cipher {@code None}, or, when its file lacks that column, its relay
     * address (asked only then, so a log with the column parses no address).
     */
    static boolean of(String tlsCipher, String relayAddress, boolean fileLacksTlsColumn) {
        return byCipher(tlsCipher) || fileLacksTlsColumn && byRelayAddress(tlsCipher, relayAddress);
    }

    /** TLS_Cipher {@code None}: Salesforce's own mark of an internal hand-off. */
    static boolean byCipher(String tlsCipher) {
        return "None".equalsIgnoreCase(tlsCipher.strip());
    }

    /**
     * For a D row of a file without the TLS_Cipher column: whether its {@code relayAddress} is a literal address
     * that is not public. {@code tlsCipher} must be blank: a row given its TLS_Cipher by a copy in a file with the
     * column ({@link ChainEvents#fillFrom}) is judged by that value, not by its address. Only a literal is parsed
     * ({@link InetAddress#ofLiteral}, which never asks DNS); a host name, or an IPv4 address in the short forms
     * ({@code 10.1}) a log does not write, is not one.
     */
    static boolean byRelayAddress(String tlsCipher, String relayAddress) {
        if (!tlsCipher.isBlank()) {
            return false;
        }
        return IpLiterals.of(relayAddress.strip(), true).filter(SpecialAddresses::notPublic).isPresent();
    }
}
