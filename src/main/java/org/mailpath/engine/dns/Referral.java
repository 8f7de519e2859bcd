package org.mailpath.engine.dns;

import java.util.List;
import java.util.Optional;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.NSRecord;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

/**
 * A referral where a recursive resolver owes an answer: NOERROR, no answer records, NS records of {@code zone} in
 * the authority section, no SOA there, AA clear. An authoritative server sends it for a name below a zone cut, and a
 * server that does not recurse (or not for this computer) sends it for every name, often up to the root (an
 * "upward referral"). From the resolver asked by {@link DnsClient} it says nothing about the name: a resolver
 * follows referrals itself and returns an answer or a denial, and a real denial carries the zone's SOA (RFC 2308
 * §2.2, which also tells a referral apart from NODATA by the SOA: "NS records ... and no SOA record").
 */
record Referral(Name zone) {

    /** The referral {@code reply} is, when it is one. */
    static Optional<Referral> in(Message reply) {
        if (reply.getRcode() != Rcode.NOERROR || reply.getHeader().getFlag(Flags.AA)
                || !reply.getSection(Section.ANSWER).isEmpty()) {
            return Optional.empty();
        }
        List<Record> authority = reply.getSection(Section.AUTHORITY);
        if (authority.stream().anyMatch(r -> r.getType() == Type.SOA)) {
            return Optional.empty();
        }
        return authority.stream().filter(NSRecord.class::isInstance).map(Record::getName).findFirst()
                .map(Referral::new);
    }
}
