package org.mailpath.engine.dns;

import java.util.List;
import java.util.Optional;
import org.mailpath.engine.finding.Actor;
import org.mailpath.engine.finding.Finding;
import org.mailpath.engine.finding.FindingTexts;
import org.mailpath.engine.finding.LocalText;
import org.mailpath.engine.finding.Severity;
import org.xbill.DNS.Type;

/** The finding for a DNS question that could not be answered (shared by every DNS-based check). */
public final class LookupFindings {

    /** The texts of the findings of this package ({@code findings.properties}). */
    static final FindingTexts TEXTS = FindingTexts.of(LookupFindings.class);

    private LookupFindings() {
    }

    /**
     * What to do when this computer's resolvers do not work ({@link DnsAnswer#resolverAtFault()}), in English;
     * {@link #brokenResolverRemediation()} gives it in any language.
     */
    public static final String BROKEN_RESOLVER_REMEDIATION = brokenResolverRemediation().toString();

    /** What to do when this computer's resolvers do not work ({@link DnsAnswer#resolverAtFault()}). */
    public static LocalText brokenResolverRemediation() {
        return TEXTS.text("brokenResolver.remediation");
    }

    /**
     * True when {@code finding}'s message is one of this class's: it restates the question and its outcome, which
     * the finding's evidence shows too, and says nothing of what the failure leaves unknown (a check's own words,
     * such as a blocklist's "their results are unknown, not clean", do).
     */
    public static boolean restatesTheAnswer(Finding finding) {
        return finding.messageText().filter(LocalText.class::isInstance).map(LocalText.class::cast)
                .filter(t -> t.bundle().equals(TEXTS.bundle())).isPresent();
    }

    /**
     * @return DOMAIN_NXDOMAIN, DNS_TIMEOUT or DNS_LOOKUP_FAILED for a failed answer; empty for OK/NODATA
     */
    public static Optional<Finding> failure(DnsAnswer answer) {
        // the name asked, as data: what groups these failures (DnsFailuresOnce) and puts them to a check
        // (ChecksNotMade), whatever a report makes of the subject
        return failureOf(answer).map(f -> f.withDnsNames(List.of(answer.name())));
    }

    private static Optional<Finding> failureOf(DnsAnswer answer) {
        String question = answer.name() + " " + Type.string(answer.type());
        if (answer.resolverAtFault() && answer.status() != DnsStatus.OK && answer.status() != DnsStatus.NODATA) {
            return Optional.of(resolverAtFault(answer, question));
        }
        return switch (answer.status()) {
            case OK, NODATA -> Optional.empty();
            case NXDOMAIN -> Optional.of(TEXTS.finding(DnsFindingCodes.DOMAIN_NXDOMAIN, Severity.ERROR,
                    answer.name(), answer.evidence(), Actor.RECIPIENT_MAIL_TEAM, DnsFindingCodes.DOMAIN_NXDOMAIN,
                    answer.name()));
            case TIMEOUT -> Optional.of(TEXTS.finding(DnsFindingCodes.DNS_TIMEOUT, Severity.ERROR, answer.name(),
                    answer.evidence(), Actor.RECIPIENT_MAIL_TEAM, DnsFindingCodes.DNS_TIMEOUT, question,
                    answer.detailText(), answer.server()));
            case SERVFAIL -> Optional.of(TEXTS.finding(DnsFindingCodes.DNS_LOOKUP_FAILED, Severity.ERROR,
                    answer.name(), answer.evidence(), Actor.RECIPIENT_MAIL_TEAM,
                    DnsFindingCodes.DNS_LOOKUP_FAILED + ".servfail", question));
            case REFUSED, ERROR -> Optional.of(failed(answer, question));
        };
    }

    /** REFUSED (the resolver's policy: this computer must use another) or ERROR (the name's records). */
    private static Finding failed(DnsAnswer answer, String question) {
        String code = DnsFindingCodes.DNS_LOOKUP_FAILED;
        boolean refused = answer.status() == DnsStatus.REFUSED;
        LocalText message = answer.detail().isEmpty()
                ? TEXTS.text(code + ".status.message", question, answer.status().toString())
                : TEXTS.text(code + ".statusDetail.message", question, answer.status().toString(),
                        answer.detailText());
        LocalText remediation = refused ? TEXTS.text(code + ".refused.remediation", answer.server())
                : TEXTS.text(code + ".error.remediation");
        return new Finding(code, Severity.ERROR, answer.name(), message, answer.evidence(), remediation,
                refused ? Actor.LOCAL_NETWORK : Actor.RECIPIENT_MAIL_TEAM);
    }

    /** A failed question whose resolver does not work at all: this computer's network must act, not the domain. */
    private static Finding resolverAtFault(DnsAnswer answer, String question) {
        return new Finding(answer.status() == DnsStatus.TIMEOUT ? DnsFindingCodes.DNS_TIMEOUT
                : DnsFindingCodes.DNS_LOOKUP_FAILED, Severity.ERROR, answer.name(),
                TEXTS.text("resolverAtFault.message", question, answer.server(), answer.name(), answer.detailText()),
                answer.evidence(),
                brokenResolverRemediation(), Actor.LOCAL_NETWORK);
    }
}
