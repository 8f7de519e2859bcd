package org.mailpath.engine.smtp;

import java.io.IOException;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.mailpath.engine.address.IdnaNames;
import org.mailpath.engine.common.Cancellation;
import org.mailpath.engine.dns.DnsAnswer;
import org.mailpath.engine.dns.DnsLookup;
import org.mailpath.engine.dns.DnsStatus;
import org.mailpath.engine.dns.LookupFindings;
import org.mailpath.engine.domain.MailHost;
import org.mailpath.engine.domain.MailHosts;
import org.mailpath.engine.finding.Actor;
import org.mailpath.engine.finding.Finding;
import org.xbill.DNS.AAAARecord;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.Name;
import org.xbill.DNS.TextParseException;
import org.xbill.DNS.Type;
import org.xbill.DNS.hosts.HostsFileParser;

/**
 * Turns what the user typed into addresses to probe (RFC 5321 §5.1): a domain's MX hosts in preference order, or
 * the domain itself when it has no MX (implicit MX), every IPv4 and IPv6 address of each; {@code [host]} skips
 * the MX lookup, an IP literal is used as is and never asked about in DNS ({@link ProbeInput} says which an input is),
 * and for a whole address ({@code user@domain}) its domain is probed.
 * A {@code [host]} is looked up in the hosts file first, as the operating system's resolver (and so the telnet test
 * the probe stands in for) does, so that {@code [localhost]} or a name only the hosts file knows is probed; a domain's
 * MX hosts are DNS's only, as Salesforce's servers find them.
 */
final class TargetResolver {

    private static final System.Logger LOG = System.getLogger(TargetResolver.class.getName());

    /** Targets found for one input, and what went wrong on the way. */
    record Resolution(List<ProbeTarget> targets, List<Finding> findings) {
    }

    private final DnsLookup dns;
    private final HostsFileParser hosts;
    private final int port;

    TargetResolver(DnsLookup dns, HostsFileParser hosts, int port) {
        this.dns = dns;
        this.hosts = hosts;
        this.port = port;
    }

    Resolution resolve(String input, Cancellation cancellation) {
        String given = input.strip();
        // ProbeInput, the rule mailpath probe goes by too: an IP literal (also fe80::1%eth0, [IPv6:…]) is never a name
        return switch (ProbeInput.of(given)) {
            case ProbeInput.Literal literal -> new Resolution(List.of(new ProbeTarget(given, literal.text(),
                    literal.address(), port, OptionalInt.empty(), ProbeTarget.Source.NAMED)), List.of());
            case ProbeInput.NoSuchInterface none -> new Resolution(List.of(), List.of(SmtpFindings.variant(
                    SmtpCodes.SMTP_NO_ADDRESS, "noSuchInterface", SmtpFindings.severity(SmtpCodes.SMTP_NO_ADDRESS),
                    none.text(), List.of(), Actor.SENDER_ADMIN, none.text(), none.zone())));
            case ProbeInput.Host host -> host(IdnaNames.lookupName(host.name()), cancellation);
            case ProbeInput.Domain domain -> domain(IdnaNames.lookupName(domain.name()), cancellation);
        };
    }

    /** A [host]: its addresses, from the hosts file when it names the host, else from DNS. */
    private Resolution host(String name, Cancellation cancellation) {
        List<ProbeTarget> known = hostsFileTargets(name);
        if (!known.isEmpty()) {
            return new Resolution(known, List.of());
        }
        List<ProbeTarget> targets = new ArrayList<>();
        List<Finding> findings = new ArrayList<>();
        addresses(name, name, OptionalInt.empty(), ProbeTarget.Source.NAMED, targets, findings, cancellation);
        return new Resolution(targets, findings);
    }

    /** A domain: its MX hosts' addresses in preference order, or its own (implicit MX). */
    private Resolution domain(String name, Cancellation cancellation) {
        List<ProbeTarget> targets = new ArrayList<>();
        List<Finding> findings = new ArrayList<>();
        DnsAnswer mx = dns.lookup(name, Type.MX, cancellation);
        switch (MailHosts.of(name, mx)) {
            case MailHosts.Hosts hosts when hosts.implicit() -> addresses(name, name, OptionalInt.empty(),
                    ProbeTarget.Source.IMPLICIT_MX, targets, findings, cancellation);
            // a host named by an address (MX 10 192.0.2.1.) is looked up as a name, as Exim does unless
            // allow_mx_to_ip is set (https://github.com/Exim/exim/wiki/Q0302); Postfix would connect to it
            case MailHosts.Hosts hosts -> {
                for (MailHost h : hosts.hosts()) {
                    addresses(name, h.name(), OptionalInt.of(h.preference()), ProbeTarget.Source.MX_RECORD, targets,
                            findings, cancellation);
                }
            }
            case MailHosts.NullMx _ ->
                    findings.add(SmtpFindings.of(SmtpCodes.SMTP_NULL_MX, name, mx.evidence(), name));
            case MailHosts.NoSuchDomain _ -> findings.add(SmtpFindings.of(SmtpCodes.SMTP_DOMAIN_NOT_FOUND, name,
                    mx.evidence(), name));
            case MailHosts.LookupFailed _ -> findings.add(dnsFailed(SmtpFindings.of(SmtpCodes.SMTP_DNS_FAILED, name,
                    mx.evidence(), name, "MX", mx.detail().isEmpty() ? mx.status().toString()
                            : SmtpFindings.TEXTS.text("phrase.statusDetail", mx.status(), mx.detailText())),
                    mx.resolverAtFault()));
        }
        return new Resolution(targets, findings);
    }

    private void addresses(String domain, String host, OptionalInt preference, ProbeTarget.Source source,
                           List<ProbeTarget> targets, List<Finding> findings, Cancellation cancellation) {
        List<String> evidence = new ArrayList<>();
        int found = 0;
        boolean failed = false;
        boolean nameExists = false;
        boolean resolverAtFault = false;
        for (int type : new int[] {Type.A, Type.AAAA}) {
            DnsAnswer answer = dns.lookup(host, type, cancellation);
            evidence.addAll(answer.evidence());
            failed |= answer.status() != DnsStatus.OK && answer.status() != DnsStatus.NODATA
                    && answer.status() != DnsStatus.NXDOMAIN;
            resolverAtFault |= answer.resolverAtFault();
            nameExists |= answer.status() != DnsStatus.NXDOMAIN;
            for (var r : answer.records()) {
                InetAddress address = r instanceof ARecord a ? a.getAddress()
                        : r instanceof AAAARecord aaaa ? aaaa.getAddress() : null;
                if (address != null) {
                    targets.add(new ProbeTarget(domain, host, address, port, preference, source));
                    found++;
                }
            }
        }
        if (found == 0) {
            findings.add(failed
                    ? dnsFailed(addressLookupFailed(host, evidence, source), resolverAtFault)
                    : noAddress(host, evidence, source, nameExists));
        }
    }

    /**
     * SMTP_DNS_FAILED for a host's addresses: for a {@code [host]} the user named, worded for that server, not for
     * "the mail servers" of a recipient whose DNS Salesforce's servers would fail to read.
     */
    private static Finding addressLookupFailed(String host, List<String> evidence, ProbeTarget.Source source) {
        String code = SmtpCodes.SMTP_DNS_FAILED;
        Object why = SmtpFindings.text("SMTP_DNS_FAILED.noAnswer");
        return source == ProbeTarget.Source.NAMED
                ? SmtpFindings.variant(code, SmtpFindings.DIRECT, SmtpFindings.severity(code), host, evidence,
                        Actor.RECIPIENT_MAIL_TEAM, host, "A/AAAA", why)
                : SmtpFindings.of(code, host, evidence, host, "A/AAAA", why);
    }

    /**
     * SMTP_NO_ADDRESS as fits the name: an MX host the recipient's mail team must give an address or take out of the
     * MX records; a domain with neither MX records nor an address, which receives no mail; a name the user typed,
     * which either has no address or, NXDOMAIN to both questions, does not exist at all (the user's to correct).
     */
    private Finding noAddress(String host, List<String> evidence, ProbeTarget.Source source, boolean nameExists) {
        String code = SmtpCodes.SMTP_NO_ADDRESS;
        return switch (source) {
            case MX_RECORD -> SmtpFindings.of(code, host, evidence, host);
            case IMPLICIT_MX -> SmtpFindings.variant(code, "implicitMx", SmtpFindings.severity(code), host, evidence,
                    Actor.RECIPIENT_MAIL_TEAM, host);
            case NAMED -> SmtpFindings.variant(code, nameExists ? SmtpFindings.DIRECT : "notFound",
                    SmtpFindings.severity(code), host, evidence, Actor.SENDER_ADMIN, host);
        };
    }

    /**
     * The addresses the hosts file gives {@code host}: its first IPv4 and first IPv6 address (dnsjava's parser keeps
     * one of each, as {@code getaddrinfo} puts the first line's first); empty when it names none, so DNS is asked.
     */
    private List<ProbeTarget> hostsFileTargets(String host) {
        List<ProbeTarget> found = new ArrayList<>();
        try {
            Name name = Name.fromString(host, Name.root);
            for (int type : new int[] {Type.A, Type.AAAA}) {
                Optional<InetAddress> address = hosts.getAddressForHost(name, type);
                address.ifPresent(a -> found.add(new ProbeTarget(host, host, a, port, OptionalInt.empty(),
                        ProbeTarget.Source.NAMED)));
            }
        } catch (TextParseException notAName) {
            // DNS's answer says what is wrong with it
            return List.of();
        } catch (IOException unreadable) {
            // an unreadable hosts file is no reason not to ask DNS
            LOG.log(System.Logger.Level.DEBUG, "hosts file not read for " + host, unreadable);
            return List.of();
        }
        return found;
    }

    /** A lookup that failed because this computer's resolvers answer nothing is not the recipient's to fix. */
    private static Finding dnsFailed(Finding finding, boolean resolverAtFault) {
        return resolverAtFault ? finding.withRemediation(LookupFindings.brokenResolverRemediation(),
                Actor.LOCAL_NETWORK) : finding;
    }
}
