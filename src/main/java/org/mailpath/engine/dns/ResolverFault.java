package org.mailpath.engine.dns;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;
import org.mailpath.engine.finding.Finding;
import org.mailpath.engine.finding.LocalText;
import org.mailpath.engine.finding.Localizable;

/**
 * The detail of an answer whose failure is the resolver's ({@link DnsAnswer#resolverAtFault()}): {@code outcome},
 * what the question met (a timeout, or nothing more than its status), and {@code why}, what the resolver's health
 * probes found ({@code reason.*}: it fails the root zone, or a made-up name in the top-level domain). Shown whole in
 * a finding's message; an evidence line shows the outcome only, so that a run with a dead resolver does not repeat
 * the explanation on every line ({@link DnsAnswer#evidence()}).
 */
public record ResolverFault(Localizable outcome, LocalText why) implements Localizable {

    @Override
    public String in(Locale locale) {
        return DnsReasons.both(outcome, why).in(locale);
    }

    @Override
    public String toString() {
        return in(LocalText.ENGLISH);
    }

    /**
     * The resolver's faults a finding's message quotes (in its arguments, or theirs): a merged finding says each
     * once.
     */
    public static List<ResolverFault> quotedBy(Finding finding) {
        return finding.messageText().stream().flatMap(ResolverFault::within).distinct().toList();
    }

    private static Stream<ResolverFault> within(Object text) {
        return switch (text) {
            case ResolverFault f -> Stream.of(f);
            case LocalText t -> t.args().stream().flatMap(ResolverFault::within);
            default -> Stream.empty();
        };
    }

    /** The fault of {@code detail}, when it is one. */
    static Optional<ResolverFault> of(Localizable detail) {
        return detail instanceof ResolverFault f ? Optional.of(f) : Optional.empty();
    }
}
