package org.mailpath.engine.dns;

import java.time.Duration;
import org.mailpath.engine.finding.LocalText;
import org.mailpath.engine.finding.Localizable;

/**
 * Why a DNS exchange or lookup gave no usable answer, in our words ({@code reason.*} of this package's
 * {@code findings.properties}), so that a finding quoting it can be shown in the user's language. Texts of the
 * JDK or dnsjava (exception messages) and DNS data stay arguments, as they are.
 */
final class DnsReasons {

    private DnsReasons() {
    }

    /** Text that is not ours (a transport label, an exception message), as it is; empty for none. */
    static Localizable verbatim(String text) {
        return Localizable.verbatim(text == null ? "" : text);
    }

    static LocalText of(String key, Object... args) {
        return LookupFindings.TEXTS.text("reason." + key, args);
    }

    /** The key of the phrase that joins two reasons ("{0}; {1}"). */
    static final String JOINED = "reason.joined";

    /** {@code first}; {@code second}: two reasons in one (e.g. a failure and why the resolver is to blame). */
    static LocalText joined(Object first, Object second) {
        return LookupFindings.TEXTS.text(JOINED, first, second);
    }

    /**
     * {@code first}; {@code second}, or the one of them that is not empty (a reason added to a detail that may have
     * nothing in it).
     */
    static Localizable both(Localizable first, Localizable second) {
        if (first.toString().isEmpty()) {
            return second;
        }
        return second.toString().isEmpty() ? first : joined(first, second);
    }

    static LocalText udpTimeout(Duration timeout) {
        return of("udpTimeout", timeout.toMillis());
    }

    static LocalText tcpTimeout(Duration timeout) {
        return of("tcpTimeout", timeout.toMillis());
    }
}
