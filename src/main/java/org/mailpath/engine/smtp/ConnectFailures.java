package org.mailpath.engine.smtp;

import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.util.Locale;
import org.mailpath.engine.smtp.TargetResult.ConnectFailure;

/** Tells refused, timed-out and unreachable connects apart: they point at different people. */
final class ConnectFailures {

    private ConnectFailures() {
    }

    static ConnectFailure classify(IOException e) {
        String msg = e.getMessage() == null ? "" : e.getMessage().toLowerCase(Locale.ROOT);
        if (e instanceof SocketTimeoutException || msg.contains("timed out")) {
            return ConnectFailure.TIMEOUT;
        }
        if (e instanceof NoRouteToHostException || msg.contains("unreachable") || msg.contains("no route")) {
            return ConnectFailure.UNREACHABLE;
        }
        // a reset during the connect is something at the far end turning us away, as a refusal: the route exists
        if (e instanceof ConnectException || msg.contains("refused") || msg.contains("reset")) {
            return ConnectFailure.REFUSED;
        }
        // e.g. "Protocol family unavailable" (no IPv6 here): this computer cannot get there at all
        return ConnectFailure.UNREACHABLE;
    }
}
