package org.mailpath.engine.domain;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.mailpath.engine.dns.Addresses;
import org.mailpath.engine.dns.DnsAnswer;
import org.mailpath.engine.dns.DnsNames;
import org.mailpath.engine.dns.DnsStatus;
import org.xbill.DNS.MXRecord;
import org.xbill.DNS.Name;

/**
 * Which hosts receive a domain's mail, read from the answer to its MX question (RFC 5321 §5.1): the one reading
 * the MX check, the SMTP probe, the blocklist, MTA-STS and DANE checks share. It asks nothing more; what a check
 * does with a host (look up its addresses, connect, compare it with a policy) is the check's own business.
 */
public sealed interface MailHosts {

    /**
     * The hosts senders try, by preference then name, each once (the most preferred of its records is kept, as
     * Exim's {@code host_find_bydns} does; names compare without regard to case). {@code implicit}: the domain has
     * no MX records, so its own name is the only host, with preference 0 (RFC 5321 §5.1: "If an empty list of MXs
     * is returned, the address is treated as if it was associated with an implicit MX RR, with a preference of 0,
     * pointing to that host"); whether it has an address is for the caller to find out. {@code nullMxBeside}: a
     * null MX was published beside these hosts, which RFC 7505 §3 forbids and senders read differently: Postfix
     * takes the whole answer as a null MX and bounces ({@code dns_lookup.c}: an MX target "." makes the lookup
     * return {@code DNS_NULLMX}), Exim finds no address for "." and uses the other hosts.
     */
    record Hosts(List<MailHost> hosts, boolean implicit, boolean nullMxBeside) implements MailHosts {

        public Hosts {
            hosts = List.copyOf(hosts);
        }

        /** The host names, in order. */
        public List<String> names() {
            return hosts.stream().map(MailHost::name).toList();
        }

        /** The {@code max} most preferred hosts: a domain with hundreds is examined, not crawled. */
        public Hosts first(int max) {
            return hosts.size() <= max ? this : new Hosts(hosts.subList(0, max), implicit, nullMxBeside);
        }

        /** Without the hosts whose name is an address ({@link MailHost#ipLiteral}). */
        public Hosts withoutIpLiterals() {
            return new Hosts(hosts.stream().filter(h -> !h.ipLiteral()).toList(), implicit, nullMxBeside);
        }
    }

    /** Only null MX records (RFC 7505, "0 ."): the domain accepts no mail, nothing is to be tried. */
    record NullMx(DnsAnswer answer) implements MailHosts {
    }

    /** The domain does not exist (NXDOMAIN): RFC 5321 §5.1 says this "MUST be reported as an error". */
    record NoSuchDomain(DnsAnswer answer) implements MailHosts {
    }

    /** The MX question got no usable answer ({@link DnsAnswers#failed}): senders queue the mail and retry. */
    record LookupFailed(DnsAnswer answer) implements MailHosts {
    }

    /** The hosts that receive {@code domain}'s mail, read from {@code mx}, the answer to its MX question. */
    static MailHosts of(String domain, DnsAnswer mx) {
        if (DnsAnswers.failed(mx)) {
            return new LookupFailed(mx);
        }
        if (mx.status() == DnsStatus.NXDOMAIN) {
            return new NoSuchDomain(mx);
        }
        List<MXRecord> records = byPreference(mx);
        if (records.isEmpty()) {
            MailHost itself = new MailHost(DnsNames.relative(domain).toLowerCase(Locale.ROOT), 0, Optional.empty());
            return new Hosts(List.of(itself), true, false);
        }
        List<MailHost> hosts = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        boolean nullMx = false;
        for (MXRecord r : records) {
            if (r.getTarget().equals(Name.root)) {
                nullMx = true; // at any preference: Postfix looks at the target alone
            } else {
                String name = Addresses.display(r.getTarget()).toLowerCase(Locale.ROOT);
                if (seen.add(name)) {
                    hosts.add(new MailHost(name, r.getPriority(), Optional.of(r)));
                }
            }
        }
        return hosts.isEmpty() ? new NullMx(mx) : new Hosts(hosts, false, nullMx);
    }

    /**
     * The answer's MX records by preference, then by host name: the order in which the checks and the probe list and
     * try the hosts (RFC 5321 §5.1; the name, without regard to case as DNS compares names, only makes ties
     * stable). A null MX (the root) is among them.
     */
    private static List<MXRecord> byPreference(DnsAnswer answer) {
        return answer.records().stream().filter(MXRecord.class::isInstance).map(MXRecord.class::cast)
                .sorted(Comparator.comparingInt(MXRecord::getPriority)
                        .thenComparing(r -> r.getTarget().toString().toLowerCase(Locale.ROOT)))
                .toList();
    }
}
