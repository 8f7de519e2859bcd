package org.mailpath.engine.ptr;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.mailpath.engine.check.CheckContext;
import org.mailpath.engine.check.CheckKind;
import org.mailpath.engine.check.CheckOutcome;
import org.mailpath.engine.check.DomainCheck;
import org.mailpath.engine.dns.DnsAnswer;
import org.mailpath.engine.domain.DnsAnswers;
import org.mailpath.engine.domain.IpAddresses;
import org.mailpath.engine.finding.Actor;
import org.mailpath.engine.finding.Finding;
import org.mailpath.engine.finding.FindingTexts;
import org.mailpath.engine.finding.Severity;
import org.xbill.DNS.AAAARecord;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.PTRRecord;
import org.xbill.DNS.Record;
import org.xbill.DNS.ReverseMap;
import org.xbill.DNS.Type;

/**
 * Reverse DNS of the sending IP ({@code --ip}) and its forward confirmation (FCrDNS): the PTR name must resolve
 * back to the same address. Many receivers refuse mail from addresses that fail this.
 */
public final class PtrCheck implements DomainCheck {

    /** At most this many PTR names are confirmed (as RFC 7208 §4.6.4 does for ptr). */
    static final int MAX_NAMES = 10;
    private static final FindingTexts TEXTS = FindingTexts.of(PtrCheck.class);

    @Override
    public CheckKind kind() {
        return CheckKind.PTR;
    }

    @Override
    public CheckOutcome run(CheckContext ctx) {
        if (ctx.options().ip().isEmpty()) {
            return CheckOutcome.of(List.of(TEXTS.finding("PTR_NOT_CHECKED", Severity.INFO, ctx.domain(), List.of(),
                    Actor.SENDER_ADMIN, "PTR_NOT_CHECKED.noIp")));
        }
        String text = ctx.options().ip().get();
        Optional<InetAddress> parsed = IpAddresses.parse(text);
        if (parsed.isEmpty()) {
            return CheckOutcome.of(List.of(TEXTS.finding("PTR_NOT_CHECKED", Severity.WARNING, text, List.of(),
                    Actor.SENDER_ADMIN, "PTR_NOT_CHECKED.notIp", text)));
        }
        return CheckOutcome.of(List.of(check(ctx, parsed.get())));
    }

    private static Finding check(CheckContext ctx, InetAddress ip) {
        String address = IpAddresses.text(ip);
        DnsAnswer reverse = ctx.dns().lookup(ReverseMap.fromAddress(ip).toString(true), Type.PTR, ctx.cancellation());
        if (DnsAnswers.failed(reverse)) {
            return DnsAnswers.lookupFailed(reverse, TEXTS.text("phrase.reverseUnread", address),
                    Actor.SENDER_ADMIN);
        }
        List<String> names = reverse.records().stream().filter(PTRRecord.class::isInstance)
                .map(r -> ((PTRRecord) r).getTarget().toString(true).toLowerCase(Locale.ROOT)).limit(MAX_NAMES)
                .toList();
        List<String> evidence = new ArrayList<>(reverse.evidence());
        if (names.isEmpty()) {
            return TEXTS.finding("PTR_MISSING", Severity.ERROR, address, evidence, Actor.SENDER_ADMIN, "PTR_MISSING",
                    address);
        }
        int type = IpAddresses.isIpv4(ip) ? Type.A : Type.AAAA;
        List<String> mismatches = new ArrayList<>();
        DnsAnswer unanswered = null;
        for (String name : names) {
            ctx.cancellation().throwIfCancelled();
            DnsAnswer forward = ctx.dns().lookup(name, type, ctx.cancellation());
            evidence.addAll(forward.evidence());
            List<InetAddress> addresses = addresses(forward.records());
            if (addresses.contains(ip)) {
                return TEXTS.finding("PTR_OK", Severity.OK, address, evidence, Actor.NOBODY, "PTR_OK", address, name);
            }
            if (DnsAnswers.failed(forward) && unanswered == null) {
                unanswered = forward;
            }
            mismatches.add(name + " → " + (addresses.isEmpty() ? forward.status().toString()
                    : String.join(", ", addresses.stream().map(IpAddresses::text).toList())));
        }
        if (unanswered != null) {
            // A name whose lookup timed out or failed may still lead back to the IP: the result is unknown,
            // and a receiver that got an answer may well see FCrDNS pass.
            return DnsAnswers.lookupFailed(unanswered, TEXTS.text("phrase.forwardUnknown", address,
                    String.join("; ", mismatches)), Actor.SENDER_ADMIN).withEvidence(evidence);
        }
        return TEXTS.finding("PTR_MISMATCH", Severity.ERROR, address, evidence, Actor.SENDER_ADMIN, "PTR_MISMATCH",
                address, String.join("; ", mismatches), Type.string(type));
    }

    private static List<InetAddress> addresses(List<Record> records) {
        List<InetAddress> out = new ArrayList<>();
        for (Record r : records) {
            if (r instanceof ARecord a) {
                out.add(a.getAddress());
            } else if (r instanceof AAAARecord a) {
                out.add(a.getAddress());
            }
        }
        return out;
    }
}
