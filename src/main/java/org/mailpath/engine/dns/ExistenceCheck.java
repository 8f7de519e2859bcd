package org.mailpath.engine.dns;

import java.util.List;
import org.mailpath.engine.check.CheckContext;
import org.mailpath.engine.check.CheckKind;
import org.mailpath.engine.check.CheckOutcome;
import org.mailpath.engine.check.DomainCheck;
import org.mailpath.engine.finding.Actor;
import org.mailpath.engine.finding.Severity;
import org.xbill.DNS.Type;

/** Does the domain exist? NXDOMAIN, SERVFAIL and timeout give different findings. */
public final class ExistenceCheck implements DomainCheck {

    @Override
    public CheckKind kind() {
        return CheckKind.EXISTENCE;
    }

    @Override
    public CheckOutcome run(CheckContext context) {
        DnsAnswer soa = context.dns().lookup(context.domain(), Type.SOA, context.cancellation());
        return CheckOutcome.of(List.of(LookupFindings.failure(soa).orElseGet(() -> LookupFindings.TEXTS.finding(
                DnsFindingCodes.DOMAIN_EXISTS, Severity.OK, context.domain(), soa.evidence(), Actor.NOBODY,
                DnsFindingCodes.DOMAIN_EXISTS, context.domain()))));
    }
}
