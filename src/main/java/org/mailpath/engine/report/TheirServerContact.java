package org.mailpath.engine.report;

import org.mailpath.engine.analysis.ChainEvent;

/**
 * What a failed delivery attempt's log row (a T or P) tells of the recipient's mail servers. The report asks two
 * questions of it that must not be mixed up, and each place names the one it asks:
 * <ul>
 * <li>{@link #attempted}: a server of theirs was tried. Their logs may show the connection, even when the status
 * line is Salesforce's own ({@code [internal]} TLS negotiation failed at a named relay), so the mail team's
 * request asks them to look ({@code ReportWording#mailTeamIntro}); nothing says the message reached them. A server
 * named also came from the domain's MX or address records: the domain had a mail host then, so what the DNS checks
 * find of it now ({@link NoMailDomain}) does not replace the reply's words.</li>
 * <li>{@link #replied}: a server of theirs answered with a reply of its own, whose host is then known to answer for
 * the domain ({@link HandoffCount}).</li>
 * </ul>
 * Salesforce writes {@code [internal]} in a status line it made itself, when no server gave an answer: "421 4.4.0
 * [internal] no mail servers for this domain could be reached", "554 5.4.4 [internal] Domain Lookup Failed"
 * (Salesforce Help, articles 000380393 and 000381619: a server that exists answers with its own error; one that does
 * not answer leaves Salesforce to retry, then bounce on its own).
 */
public final class TheirServerContact {

    private TheirServerContact() {
    }

    /**
     * A server of theirs was tried: one is named as the attempt's relay (host or address), or one replied. Their logs
     * may show the connection; not that the message reached them.
     */
    public static boolean attempted(String relayHost, String relayAddress, String status) {
        return !relayHost.isBlank() || !relayAddress.isBlank() || replied(status);
    }

    /** {@link #attempted(String, String, String)} of a report's event. */
    public static boolean attempted(EventEntry e) {
        return attempted(e.relayHost(), e.relayAddress(), e.status());
    }

    /**
     * A server of theirs answered: the status line is a reply, not empty and not Salesforce's own ({@code [internal]}),
     * whether or not the log names the server.
     */
    public static boolean replied(String status) {
        return !status.isBlank() && !salesforcesOwn(status);
    }

    /** {@link #attempted(String, String, String)} of an analysed event. */
    static boolean attempted(ChainEvent e) {
        return attempted(e.relayHost(), e.relayAddress(), e.status());
    }

    /** {@link #replied(String)} of an analysed event. */
    static boolean replied(ChainEvent e) {
        return replied(e.status());
    }

    /** The status line is Salesforce's own, written when no server gave an answer. */
    public static boolean salesforcesOwn(String status) {
        return status.contains("[internal]");
    }
}
