package org.mailpath.engine.domain;

import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;
import org.mailpath.engine.dns.DnsAnswer;
import org.mailpath.engine.dns.DnsFindingCodes;
import org.mailpath.engine.dns.DnsStatus;
import org.mailpath.engine.dns.LookupFindings;
import org.mailpath.engine.finding.Actor;
import org.mailpath.engine.finding.Finding;
import org.mailpath.engine.finding.FindingTexts;
import org.mailpath.engine.finding.LocalText;
import org.mailpath.engine.finding.Localizable;
import org.mailpath.engine.finding.Severity;
import org.xbill.DNS.TXTRecord;
import org.xbill.DNS.Type;

/** Small helpers the mail-authentication checks share for reading {@link DnsAnswer}s. */
public final class DnsAnswers {

    private static final FindingTexts TEXTS = FindingTexts.of(DnsAnswers.class);

    private DnsAnswers() {
    }

    /** True when the question got no usable answer (SERVFAIL, REFUSED, TIMEOUT, ERROR): neither data nor a denial. */
    public static boolean failed(DnsAnswer answer) {
        DnsStatus s = answer.status();
        return s != DnsStatus.OK && s != DnsStatus.NODATA && s != DnsStatus.NXDOMAIN;
    }

    /**
     * TXT records as strings, each record's strings joined without separator (RFC 7208 §3.3, RFC 6376 §3.6.2.2).
     * Printable ASCII and TAB are kept as they are (TAB is white space in DMARC, DKIM, MTA-STS and TLS-RPT
     * records); any other byte is shown as {@code \ddd}, as in zone files. dnsjava's {@code getStrings()} is zone-file
     * text, which also writes a TAB as {@code \009} and escapes quotes and backslashes, so parsers saw a valid
     * record as broken.
     */
    public static List<String> texts(DnsAnswer answer) {
        return answer.records().stream().filter(TXTRecord.class::isInstance).map(r -> text((TXTRecord) r)).toList();
    }

    private static String text(TXTRecord record) {
        StringBuilder text = new StringBuilder();
        for (byte[] part : record.getStringsAsByteArrays()) {
            for (byte b : part) {
                int c = b & 0xff;
                if (c == '\t' || (c >= 0x20 && c <= 0x7e)) {
                    text.append((char) c);
                } else {
                    text.append('\\').append(String.format(Locale.ROOT, "%03d", c));
                }
            }
        }
        return text.toString();
    }

    /**
     * Where the TXT record whose joined text is {@code text} holds a byte that is not printable ASCII (space to
     * {@code ~}), e.g. "the byte \\195 at position 23"; empty when it has none. {@link #texts} shows such bytes as
     * {@code \ddd} (safe to display, but ASCII), so a parser of the text alone cannot see them.
     */
    public static Optional<String> unprintable(DnsAnswer answer, String text) {
        return unprintableText(answer, text).map(LocalText::toString);
    }

    /** {@link #unprintable} as a phrase that can be shown in the user's language. */
    public static Optional<LocalText> unprintableText(DnsAnswer answer, String text) {
        for (TXTRecord t : withText(answer, text).toList()) {
            int position = 0;
            for (byte[] part : t.getStringsAsByteArrays()) {
                for (byte b : part) {
                    position++;
                    if (b < 0x20 || b > 0x7e) {
                        return Optional.of(TEXTS.text("phrase.unprintableByte",
                                String.format(Locale.ROOT, "%03d", b & 0xff), position));
                    }
                }
            }
        }
        return Optional.empty();
    }

    /**
     * The bytes of the first TXT record whose joined text ({@link #texts}) is {@code text}, its strings joined (a new
     * array, the caller's own); empty when no record has that text. {@link #texts} has each byte that is not
     * printable ASCII as {@code \ddd}, which names no character the publisher typed: these bytes tell what the record
     * holds, whether they are UTF-8 text (as a record typed or pasted into a DNS host's form is stored) or not.
     */
    public static Optional<byte[]> bytes(DnsAnswer answer, String text) {
        return withText(answer, text).findFirst().map(t -> {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            t.getStringsAsByteArrays().forEach(bytes::writeBytes);
            return bytes.toByteArray();
        });
    }

    /** The TXT records of {@code answer} whose joined text ({@link #texts}) is {@code text}, in answer order. */
    private static Stream<TXTRecord> withText(DnsAnswer answer, String text) {
        return answer.records().stream().filter(TXTRecord.class::isInstance).map(TXTRecord.class::cast)
                .filter(t -> text(t).equals(text));
    }

    /**
     * The finding for a failed question, with the DNS checks' codes: DNS_TIMEOUT when no answer came in time,
     * DNS_LOOKUP_FAILED otherwise; {@code consequence} says what could not be checked. When the resolvers answer
     * nothing at all, this computer's network must act, whoever {@code actor} is.
     */
    public static Finding lookupFailed(DnsAnswer answer, Localizable consequence, Actor actor) {
        return lookupFailed(answer, (Object) consequence, actor);
    }

    /**
     * {@link #lookupFailed(DnsAnswer, Localizable, Actor)} with a consequence worded in English only: the rest of the
     * finding is still shown in the user's language.
     */
    public static Finding lookupFailed(DnsAnswer answer, String consequence, Actor actor) {
        return lookupFailed(answer, (Object) consequence, actor);
    }

    private static Finding lookupFailed(DnsAnswer answer, Object consequence, Actor actor) {
        String code = answer.status() == DnsStatus.TIMEOUT ? DnsFindingCodes.DNS_TIMEOUT
                : DnsFindingCodes.DNS_LOOKUP_FAILED;
        String type = Type.string(answer.type());
        String status = answer.status().toString();
        LocalText message = answer.detail().isEmpty()
                ? TEXTS.text("lookupFailed.message", answer.name(), type, status, consequence)
                : TEXTS.text("lookupFailed.detail.message", answer.name(), type, status, consequence,
                        answer.detailText());
        LocalText remediation = answer.resolverAtFault() ? LookupFindings.brokenResolverRemediation()
                : TEXTS.text("lookupFailed.remediation", answer.name());
        return new Finding(code, Severity.WARNING, answer.name(), message, answer.evidence(), remediation,
                answer.resolverAtFault() ? Actor.LOCAL_NETWORK : actor).withDnsNames(List.of(answer.name()));
    }
}
