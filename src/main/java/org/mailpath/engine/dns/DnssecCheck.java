package org.mailpath.engine.dns;

import java.util.ArrayList;
import java.util.List;
import org.mailpath.engine.check.CheckContext;
import org.mailpath.engine.check.CheckKind;
import org.mailpath.engine.check.CheckOutcome;
import org.mailpath.engine.check.DomainCheck;
import org.mailpath.engine.finding.Actor;
import org.mailpath.engine.finding.Finding;
import org.mailpath.engine.finding.Severity;
import org.xbill.DNS.Type;

/** DNSSEC presence, as information: a DNSKEY set at the domain and a DS record at its parent. */
public final class DnssecCheck implements DomainCheck {

    @Override
    public CheckKind kind() {
        return CheckKind.DNSSEC;
    }

    @Override
    public CheckOutcome run(CheckContext context) {
        String domain = context.domain();
        DnsAnswer dnskey = context.dns().lookup(domain, Type.DNSKEY, context.cancellation());
        DnsAnswer ds = context.dns().lookup(domain, Type.DS, context.cancellation());
        List<String> evidence = new ArrayList<>(dnskey.evidence());
        evidence.addAll(ds.evidence());
        for (DnsAnswer a : List.of(dnskey, ds)) {
            if (a.status() != DnsStatus.OK && a.status() != DnsStatus.NODATA) {
                return CheckOutcome.of(LookupFindings.failure(a).stream().toList());
            }
        }
        Finding f;
        if (dnskey.ok() && ds.ok()) {
            f = new Finding(DnsFindingCodes.DNSSEC_SIGNED, Severity.OK, domain,
                    domain + " is signed with DNSSEC (DNSKEY published, DS at the parent).", evidence, "",
                    Actor.NOBODY);
        } else if (dnskey.ok()) {
            f = new Finding(DnsFindingCodes.DNSSEC_NO_DS, Severity.INFO, domain,
                    domain + " publishes DNSKEY records but its parent has no DS record, so resolvers do not"
                            + " validate it.", evidence,
                    "If DNSSEC is wanted, publish the DS record at the registrar.", Actor.RECIPIENT_MAIL_TEAM);
        } else if (ds.ok()) {
            f = new Finding(DnsFindingCodes.DNSSEC_DS_WITHOUT_DNSKEY, Severity.WARNING, domain,
                    "The parent zone has a DS record for " + domain + " but the domain publishes no DNSKEY:"
                            + " validating resolvers answer SERVFAIL.", evidence,
                    "Remove the DS record at the registrar or publish the matching DNSKEY.",
                    Actor.RECIPIENT_MAIL_TEAM);
        } else {
            f = new Finding(DnsFindingCodes.DNSSEC_UNSIGNED, Severity.INFO, domain,
                    domain + " is not signed with DNSSEC.", evidence, "", Actor.NOBODY);
        }
        return CheckOutcome.of(List.of(f));
    }
}
