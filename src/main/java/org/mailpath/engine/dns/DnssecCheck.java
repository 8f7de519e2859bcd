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
            f = finding(DnsFindingCodes.DNSSEC_SIGNED, Severity.OK, domain, evidence, Actor.NOBODY);
        } else if (dnskey.ok()) {
            f = finding(DnsFindingCodes.DNSSEC_NO_DS, Severity.INFO, domain, evidence, Actor.RECIPIENT_MAIL_TEAM);
        } else if (ds.ok()) {
            f = finding(DnsFindingCodes.DNSSEC_DS_WITHOUT_DNSKEY, Severity.WARNING, domain, evidence,
                    Actor.RECIPIENT_MAIL_TEAM);
        } else {
            f = finding(DnsFindingCodes.DNSSEC_UNSIGNED, Severity.INFO, domain, evidence, Actor.NOBODY);
        }
        return CheckOutcome.of(List.of(f));
    }

    private static Finding finding(String code, Severity severity, String domain, List<String> evidence, Actor actor) {
        return LookupFindings.TEXTS.finding(code, severity, domain, evidence, actor, code, domain);
    }
}
