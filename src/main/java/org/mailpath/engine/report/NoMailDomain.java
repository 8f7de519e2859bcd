package org.mailpath.engine.report;

import java.util.Comparator;
import java.util.Optional;
import org.mailpath.engine.address.IdnaNames;
import org.mailpath.engine.check.DomainCheckResult;
import org.mailpath.engine.dns.DnsFindingCodes;
import org.mailpath.engine.finding.Actor;
import org.mailpath.engine.finding.Finding;
import org.mailpath.engine.mx.MxCheck;

/**
 * What the DNS checks found of a recipient domain that no mail can reach, whatever a reply to a message said of it:
 * the domain does not exist (DOMAIN_NXDOMAIN for the domain itself, not for one of its MX or NS hosts), it has
 * neither MX nor address records (MX_NONE), or it publishes a null MX and nothing beside it (MX_NULL, RFC 7505). A
 * reply's generic advice ("make your MX hosts accept Salesforce's connections") would then ask a team to open
 * servers that cannot exist: the report says what the fact means instead ({@code domainFact.*} texts).
 */
enum NoMailDomain {
    // declared the strongest first: of() takes the least of those stated
    NO_SUCH_DOMAIN, NO_MAIL_HOST, NULL_MX;

    /**
     * Who is to act on the fact, as every part of the report names them (the messages' advice, the causes table and
     * the finding card that states the fact, {@link #stated}): a domain that does not exist or declares with a null
     * MX that it accepts no mail is an address for our admin to correct (wrong, or the domain lapsed); a domain that
     * exists without a mail host needs its mail team to publish MX records, unless it is not meant to receive mail,
     * which its words for our admin say. In a report addressed to the domain's own mail team, a domain that does not
     * exist is theirs to restore instead (DomainFacts's theirsToRestore), as it is in every report where the log
     * shows mail delivered to the domain: it existed then, so its name is no typo (DomainFacts#withLog).
     */
    Actor actor() {
        return this == NO_MAIL_HOST ? Actor.RECIPIENT_MAIL_TEAM : Actor.SENDER_ADMIN;
    }

    /** The fact the check results of a domain hold about the domain itself, the strongest first; empty for none. */
    static Optional<NoMailDomain> of(DomainCheckResult result) {
        return result.findings().stream().map(f -> stated(f, result.domain())).flatMap(Optional::stream)
                .min(Comparator.naturalOrder());
    }

    /**
     * The fact a finding states about {@code domain} itself: DOMAIN_NXDOMAIN, MX_NONE or MX_NULL of a null MX alone
     * whose subject is the domain (not one of its MX or NS hosts); empty for every other finding.
     */
    static Optional<NoMailDomain> stated(Finding f, String domain) {
        // the code first: most findings state no such fact, and need no IDNA conversion of their names
        Optional<NoMailDomain> fact = switch (f.code()) {
            case DnsFindingCodes.DOMAIN_NXDOMAIN -> Optional.of(NO_SUCH_DOMAIN);
            case DnsFindingCodes.MX_NONE -> Optional.of(NO_MAIL_HOST);
            case DnsFindingCodes.MX_NULL -> MxCheck.isNullMxAlone(f) ? Optional.of(NULL_MX) : Optional.empty();
            default -> Optional.empty();
        };
        return fact.filter(x -> IdnaNames.lookupName(f.subject()).equals(IdnaNames.lookupName(domain)));
    }
}
