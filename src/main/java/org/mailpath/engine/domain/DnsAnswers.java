package org.mailpath.engine.domain;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.mailpath.engine.dns.DnsAnswer;
import org.mailpath.engine.dns.DnsFindingCodes;
import org.mailpath.engine.dns.DnsStatus;
import org.mailpath.engine.dns.LookupFindings;
import org.mailpath.engine.finding.Actor;
import org.mailpath.engine.finding.Finding;
import org.mailpath.engine.finding.Severity;
import org.xbill.DNS.Record;
import org.xbill.DNS.TXTRecord;
import org.xbill.DNS.Type;

/** Small helpers the mail-authentication checks share for reading {@link DnsAnswer}s. */
public final class DnsAnswers {

    private DnsAnswers() {
    }

    /** True when the question got no usable answer (SERVFAIL, REFUSED, TIMEOUT, ERROR): neither data nor a denial. */
    public static boolean failed(DnsAnswer answer) {
        DnsStatus s = answer.status();
        return s != DnsStatus.OK && s != DnsStatus.NODATA && s != DnsStatus.NXDOMAIN;
    }

    /** TXT records as strings, each record's strings joined without separator (RFC 7208 §3.3, RFC 6376 §3.6.2.2). */
    public static List<String> texts(DnsAnswer answer) {
        return answer.records().stream().filter(TXTRecord.class::isInstance)
                .map(r -> String.join("", ((TXTRecord) r).getStrings())).toList();
    }

    /**
     * Where the TXT record whose joined text is {@code text} holds a byte that is not printable ASCII (space to
     * {@code ~}), e.g. "the byte \\195 at position 23"; empty when it has none. {@link #texts} shows such bytes as
     * {@code \ddd} (safe to display, but ASCII), so a parser of the text alone cannot see them.
     */
    public static Optional<String> unprintable(DnsAnswer answer, String text) {
        for (Record r : answer.records()) {
            if (r instanceof TXTRecord t && String.join("", t.getStrings()).equals(text)) {
                int position = 0;
                for (byte[] part : t.getStringsAsByteArrays()) {
                    for (byte b : part) {
                        position++;
                        if (b < 0x20 || b > 0x7e) {
                            return Optional.of(String.format(Locale.ROOT, "the byte \\%03d at position %d",
                                    b & 0xff, position));
                        }
                    }
                }
            }
        }
        return Optional.empty();
    }

    /**
     * The finding for a failed question, with the DNS checks' codes: DNS_TIMEOUT when no answer came in time,
     * DNS_LOOKUP_FAILED otherwise; {@code consequence} says what could not be checked. When the resolvers answer
     * nothing at all, this computer's network must act, whoever {@code actor} is.
     */
    public static Finding lookupFailed(DnsAnswer answer, String consequence, Actor actor) {
        String code = answer.status() == DnsStatus.TIMEOUT ? DnsFindingCodes.DNS_TIMEOUT
                : DnsFindingCodes.DNS_LOOKUP_FAILED;
        return new Finding(code, Severity.WARNING, answer.name(), "DNS lookup " + answer.name() + " "
                + Type.string(answer.type()) + " failed (" + answer.status()
                + (answer.detail().isEmpty() ? "" : ": " + answer.detail()) + "): " + consequence,
                answer.evidence(), answer.resolverAtFault() ? LookupFindings.BROKEN_RESOLVER_REMEDIATION
                        : "Check the DNS servers of " + answer.name() + " (and the resolver used).",
                answer.resolverAtFault() ? Actor.LOCAL_NETWORK : actor);
    }
}
