package org.mailpath.engine.dane;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.mailpath.engine.common.Cancellation;
import org.mailpath.engine.dns.DnsAnswer;
import org.mailpath.engine.dns.DnsLookup;
import org.mailpath.engine.dns.ZoneSecurity;
import org.mailpath.engine.finding.LocalText;
import org.xbill.DNS.Type;

/**
 * How senders reach a recipient domain's MX hosts, as far as DANE cares: through MX records that are not signed
 * ({@code unsignedMx}, with the answers that judgement rests on as {@code evidence}), or not known to be so (signed,
 * bogus or not judged: the DNSSEC check says what those do; or a host with no MX records to judge). RFC 7672 §2.2.1
 * lets senders use the TLSA records of MX hosts found through an insecure MX lookup but does not require it: Postfix
 * does with {@code smtp_tls_security_level = dane} ("The TLSA records will be used just as with "secure" MX records",
 * {@code smtp_tls_dane_insecure_mx_policy = dane}, its default from 3.6, https://www.postfix.org/postconf.5.html),
 * KumoMTA does; mox does not, and Microsoft describes Exchange Online as asking for TLSA records once the MX records
 * are "DNSSEC authentic" (https://learn.microsoft.com/en-us/purview/how-smtp-dane-works). So behind unsigned MX
 * records a TLSA problem concerns some senders only, and the DANE check and the probe's {@link DaneTlsCrossCheck}
 * word their findings with the {@code .insecureMx} form of a phrase ({@link #phrase}).
 */
record MxRoute(String domain, Optional<ZoneSecurity.Judgement> unsignedMx, List<String> evidence) {

    MxRoute {
        evidence = List.copyOf(evidence); // shared by the findings of every host and address of the domain
    }

    /** MX records not known to be unsigned, or none to judge: TLSA records count as behind signed ones. */
    static MxRoute asSigned(String domain) {
        return new MxRoute(domain, Optional.empty(), List.of());
    }

    /**
     * The route through {@code mx}, the domain's MX answer, judged as a validating resolver judges it: each CNAME on
     * the way from the domain and the zone holding the MX records, with the signature over them (RFC 7672 §2.2.1).
     */
    static MxRoute judge(DnsLookup dns, ZoneSecurity zones, String domain, DnsAnswer mx, Cancellation cancellation) {
        ZoneSecurity.Judgement zone = zones.path(mx, List.of(dns.lookupSigned(mx.finalName(), Type.MX, cancellation)),
                cancellation);
        if (zone.level() != ZoneSecurity.Level.UNSIGNED) {
            return asSigned(domain);
        }
        List<String> evidence = new ArrayList<>(mx.evidence());
        evidence.addAll(zone.evidence());
        return new MxRoute(domain, Optional.of(zone), evidence);
    }

    boolean unsigned() {
        return unsignedMx.isPresent();
    }

    /**
     * The phrase {@code key} with the {@code leading} arguments; behind unsigned MX records its {@code .insecureMx}
     * form, which names the senders concerned and takes the domain and the MX records' zone after them.
     */
    LocalText phrase(String key, Object... leading) {
        if (unsignedMx.isEmpty()) {
            return DaneCheck.TEXTS.text(key, leading);
        }
        List<Object> args = new ArrayList<>(List.of(leading));
        args.add(domain);
        args.add(unsignedMx.get().zone());
        return DaneCheck.TEXTS.text(key + ".insecureMx", args.toArray());
    }

    /** A host's evidence, and the MX records' judgement when it changes who is concerned. */
    List<String> withEvidence(List<String> hostEvidence) {
        List<String> all = new ArrayList<>(hostEvidence);
        all.addAll(evidence);
        return List.copyOf(all);
    }
}
