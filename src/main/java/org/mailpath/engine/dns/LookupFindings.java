package org.mailpath.engine.dns;

import java.util.Optional;
import org.mailpath.engine.finding.Actor;
import org.mailpath.engine.finding.Finding;
import org.mailpath.engine.finding.Severity;
import org.xbill.DNS.Type;

/** The finding for a DNS question that could not be answered (shared by every DNS-based check). */
public final class LookupFindings {

    private LookupFindings() {
    }

    /** What to do when this computer's resolvers do not work ({@link DnsAnswer#resolverAtFault()}). */
    public static final String BROKEN_RESOLVER_REMEDIATION = "Check this computer's network connection and DNS"
            + " settings, or use a resolver that answers (--resolver on the command line, Resolver settings in the"
            + " app), then check again.";

    /**
     * @return DOMAIN_NXDOMAIN, DNS_TIMEOUT or DNS_LOOKUP_FAILED for a failed answer; empty for OK/NODATA
     */
    public static Optional<Finding> failure(DnsAnswer answer) {
        String question = answer.name() + " " + Type.string(answer.type());
        if (answer.resolverAtFault() && answer.status() != DnsStatus.OK && answer.status() != DnsStatus.NODATA) {
            return Optional.of(resolverAtFault(answer, question));
        }
        return switch (answer.status()) {
            case OK, NODATA -> Optional.empty();
            case NXDOMAIN -> Optional.of(new Finding(DnsFindingCodes.DOMAIN_NXDOMAIN, Severity.ERROR,
                    answer.name(), answer.name() + " does not exist (NXDOMAIN).", answer.evidence(),
                    "Check the spelling of the domain; if it is right, its owner must register it or restore its"
                            + " DNS delegation.", Actor.RECIPIENT_MAIL_TEAM));
            case TIMEOUT -> Optional.of(new Finding(DnsFindingCodes.DNS_TIMEOUT, Severity.ERROR, answer.name(),
                    "No DNS answer for " + question + " within the time allowed (" + answer.detail() + ").",
                    answer.evidence(), "Try again; if it persists the domain's name servers are unreachable or the"
                    + " resolver asked (" + answer.server() + ") cannot reach them.", Actor.RECIPIENT_MAIL_TEAM));
            case SERVFAIL -> Optional.of(new Finding(DnsFindingCodes.DNS_LOOKUP_FAILED, Severity.ERROR,
                    answer.name(), "The resolver could not answer " + question + " (SERVFAIL): the domain's name"
                    + " servers fail, are lame, or its DNSSEC signatures do not validate.", answer.evidence(),
                    "The domain's DNS team should check its name servers and DNSSEC (DS at the parent, signatures"
                            + " not expired).", Actor.RECIPIENT_MAIL_TEAM));
            case REFUSED, ERROR -> Optional.of(new Finding(DnsFindingCodes.DNS_LOOKUP_FAILED, Severity.ERROR,
                    answer.name(), "The DNS question " + question + " failed: " + answer.status()
                    + (answer.detail().isEmpty() ? "" : " (" + answer.detail() + ")") + ".", answer.evidence(),
                    answer.status() == DnsStatus.REFUSED
                            ? "The resolver asked (" + answer.server() + ") refuses the question: use a resolver"
                            + " that serves this computer (--resolver)."
                            : "The domain's DNS team should check the records on this name.",
                    answer.status() == DnsStatus.REFUSED ? Actor.LOCAL_NETWORK : Actor.RECIPIENT_MAIL_TEAM));
        };
    }

    /** A failed question whose resolver does not work at all: this computer's network must act, not the domain. */
    private static Finding resolverAtFault(DnsAnswer answer, String question) {
        return new Finding(answer.status() == DnsStatus.TIMEOUT ? DnsFindingCodes.DNS_TIMEOUT
                : DnsFindingCodes.DNS_LOOKUP_FAILED, Severity.ERROR, answer.name(), "No usable DNS answer for "
                + question + ": the resolver asked (" + answer.server() + ") does not work, not even for the root"
                + " zone, so this says nothing about " + answer.name() + ".", answer.evidence(),
                BROKEN_RESOLVER_REMEDIATION, Actor.LOCAL_NETWORK);
    }
}
