package org.mailpath.engine.dkim;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.mailpath.engine.common.Cancellation;
import org.mailpath.engine.common.Parallel;
import org.mailpath.engine.dns.DnsAnswer;
import org.mailpath.engine.dns.DnsLookup;
import org.mailpath.engine.dns.DnsNames;
import org.mailpath.engine.domain.DnsAnswers;
import org.mailpath.engine.domain.DnsText;
import org.mailpath.engine.domain.OrganizationalDomain;
import org.mailpath.engine.finding.Actor;
import org.mailpath.engine.finding.Finding;
import org.mailpath.engine.finding.LocalText;
import org.mailpath.engine.finding.Severity;
import org.xbill.DNS.CNAMERecord;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.TXTRecord;
import org.xbill.DNS.Type;

/**
 * Inspects DKIM selectors of a domain: follows CNAMEs, reads and judges the key, and recognises Salesforce's
 * selector pair ({@code <selector>._domainkey.<domain> CNAME <selector>.<token>.custdkim.salesforce.com.}) to say
 * which CNAME is missing or published wrongly, with the exact record to publish.
 */
public final class DkimInspector {

    /** Salesforce's DKIM CNAME target: selector, key token, fixed suffix. */
    static final Pattern SALESFORCE_TARGET =
            Pattern.compile("(?i)([^.]+)\\.([a-z0-9]+)\\.custdkim\\.salesforce\\.com\\.?");
    private static final int WEAK_BELOW = 2048;
    private static final int TOO_SHORT_BELOW = 1024;

    private DkimInspector() {
    }

    public static List<DkimSelectorReport> inspect(String domain, List<String> selectors, DnsLookup dns,
                                                   Cancellation cancellation) {
        String d = OrganizationalDomain.normalize(domain);
        cancellation.throwIfCancelled();
        // selectors are independent: asked together, the inspection takes the slowest one, not the sum
        List<DkimSelectorReport> reports = Parallel.map(selectors,
                selector -> selector(d, selector.strip().toLowerCase(Locale.ROOT), dns, cancellation));
        return SalesforcePair.review(d, reports, dns, cancellation);
    }

    private static DkimSelectorReport selector(String domain, String selector, DnsLookup dns, Cancellation c) {
        String name = selector + "._domainkey." + domain;
        List<DnsAnswer> answers = Parallel.map(List.of(Type.CNAME, Type.TXT), type -> dns.lookup(name, type, c));
        DnsAnswer cname = answers.get(0);
        DnsAnswer txt = answers.get(1);
        List<String> evidence = new ArrayList<>(cname.evidence());
        evidence.addAll(txt.evidence());
        Optional<String> target = cnameTarget(cname);
        boolean salesforce = target.filter(t -> SALESFORCE_TARGET.matcher(t).matches()).isPresent();
        Builder b = new Builder(selector, name, target, salesforce, chain(target, txt), evidence);
        if (DnsAnswers.failed(txt) || DnsAnswers.failed(cname)) {
            DnsAnswer bad = DnsAnswers.failed(txt) ? txt : cname;
            return b.state(DkimSelectorState.LOOKUP_FAILED).finding(DnsAnswers.lookupFailed(bad,
                    text("phrase.keyUnread", selector), Actor.SENDER_ADMIN)).build();
        }
        List<String> keys = DnsAnswers.texts(txt).stream().filter(DkimKey::looksLikeKey).toList();
        boolean conflict = target.isPresent() && txt.records().stream().anyMatch(r -> sameName(r, name));
        if (conflict) {
            b.state(DkimSelectorState.CNAME_CONFLICT).finding("DKIM_CNAME_CONFLICT", Severity.ERROR,
                    text(salesforce ? "DKIM_CNAME_CONFLICT.salesforce.message" : "DKIM_CNAME_CONFLICT.message", name),
                    text("DKIM_CNAME_CONFLICT.remediation", name, target.get()));
            b.records.add(name + ". CNAME " + DnsNames.absolute(target.get()));
        }
        if (keys.isEmpty() && conflict && keyAtTarget(b, target.get(), dns, c)) {
            // the TXT beside the CNAME is no key, the target's is: resolvers that answer the TXT at the name miss
            // it, those that follow the CNAME find it; DKIM_CNAME_CONFLICT says so, the target is not missing
            return b.build();
        }
        if (keys.isEmpty()) {
            return missing(b, domain, selector, dns, c);
        }
        if (keys.size() > 1) {
            // OpenDKIM refuses a key name with more than one TXT record (dkim-keys.c: "multiple DNS replies")
            b.finding("DKIM_MULTIPLE_KEYS", Severity.ERROR, text("DKIM_MULTIPLE_KEYS.message", name, keys.size()),
                    text("DKIM_MULTIPLE_KEYS.remediation", name));
        }
        // beside a CNAME, DKIM_CNAME_CONFLICT already asks to delete every other record at the name
        if (!conflict) {
            extraTxt(b, txt);
        }
        return judgeKey(b, DkimKey.parse(keys.getFirst(), () -> DnsAnswers.bytes(txt, keys.getFirst())));
    }

    /**
     * TXT records that are no DKIM key beside the key (an SPF record, a verification token): RFC 6376 §3.6.2.2 allows
     * one TXT record at the key's name, and OpenDKIM's dkim_get_key_dns fails on any second TXT answer ("multiple DNS
     * replies"), whatever it holds; dkimpy reads only the first TXT record and go-msgauth joins them all.
     */
    private static void extraTxt(Builder b, DnsAnswer txt) {
        List<String> texts = DnsAnswers.texts(txt);
        List<Record> records = txt.records().stream().filter(TXTRecord.class::isInstance).toList();
        List<String> others = new ArrayList<>();
        List<String> evidence = new ArrayList<>(b.evidence);
        for (int i = 0; i < texts.size(); i++) {
            if (!DkimKey.looksLikeKey(texts.get(i))) {
                others.add("\"" + texts.get(i) + "\"");
                if (others.size() <= DnsAnswer.MAX_EVIDENCE_RECORDS) {
                    evidence.add(";; not a DKIM key: " + records.get(i));
                }
            }
        }
        if (others.isEmpty()) {
            return;
        }
        String owner = b.chain.isEmpty() ? b.name : b.chain.getLast();
        b.finding(new Finding("DKIM_EXTRA_TXT", Severity.ERROR, b.name,
                text("DKIM_EXTRA_TXT.message", b.where(), others.size(), DnsText.joinText(others, ", ")), evidence,
                text("DKIM_EXTRA_TXT.remediation", owner), Actor.SENDER_ADMIN));
    }

    /** Whether the CNAME target holds a DKIM key, asked directly (the answer joins the evidence). */
    private static boolean keyAtTarget(Builder b, String target, DnsLookup dns, Cancellation c) {
        DnsAnswer atTarget = dns.lookup(target, Type.TXT, c);
        b.evidence.addAll(atTarget.evidence());
        return DnsAnswers.texts(atTarget).stream().anyMatch(DkimKey::looksLikeKey);
    }

    /** Nothing at the name: a dangling CNAME, the zone name typed twice, or simply missing. */
    private static DkimSelectorReport missing(Builder b, String domain, String selector, DnsLookup dns,
                                              Cancellation c) {
        if (b.target.isPresent()) {
            return danglingCname(b);
        }
        String doubled = b.name + "." + domain;
        DnsAnswer twiceCname = dns.lookup(doubled, Type.CNAME, c);
        DnsAnswer twiceTxt = dns.lookup(doubled, Type.TXT, c);
        Optional<String> twiceTarget = cnameTarget(twiceCname);
        // only a key counts: a wildcard TXT (often "*.domain TXT v=spf1 -all") answers at the doubled name too
        List<String> twiceKeys = DnsAnswers.texts(twiceTxt).stream().filter(DkimKey::looksLikeKey).toList();
        if (twiceTarget.isPresent() || !twiceKeys.isEmpty()) {
            b.evidence.addAll(twiceCname.evidence());
            b.evidence.addAll(twiceTxt.evidence());
            String correct = twiceTarget.map(t -> b.name + ". CNAME " + DnsNames.absolute(t))
                    .orElseGet(() -> b.name + ". TXT \"" + twiceKeys.getFirst() + "\"");
            b.records.add(correct);
            return b.state(DkimSelectorState.MISPLACED).finding("DKIM_ZONE_APPENDED_TWICE", Severity.ERROR,
                    text("DKIM_ZONE_APPENDED_TWICE.message", selector, doubled),
                    text("DKIM_ZONE_APPENDED_TWICE.remediation", selector, domain, b.name)).build();
        }
        return b.state(DkimSelectorState.MISSING).finding("DKIM_SELECTOR_MISSING", Severity.ERROR,
                text("DKIM_SELECTOR_MISSING.message", b.name, selector),
                text("DKIM_SELECTOR_MISSING.remediation", selector)).build();
    }

    /**
     * The CNAME chain from the selector name ends at a name without a key. The end of the chain is what is missing,
     * not the first target (which may itself be a CNAME, where no TXT may be published, RFC 1034 §3.6.2); Salesforce's
     * wording applies when any step is one of its custdkim targets (a provider's CNAME to Salesforce's, say).
     */
    private static DkimSelectorReport danglingCname(Builder b) {
        List<String> chain = b.chain.isEmpty() ? List.of(b.target.orElseThrow()) : b.chain;
        // a name in salesforce.com is Salesforce's to publish: the advice is Salesforce's, never "publish the key at"
        boolean salesforce = b.salesforce || chain.stream().anyMatch(DkimInspector::inSalesforce);
        String key = salesforce ? "DKIM_CNAME_TARGET_MISSING.salesforce" : "DKIM_CNAME_TARGET_MISSING";
        String end = chain.getLast();
        b.state(DkimSelectorState.CNAME_DANGLING);
        if (chain.size() == 1) {
            // under salesforce.com, but not <selector>.<token>.custdkim.salesforce.com: the value is mistyped
            String messageKey = salesforce && !SALESFORCE_TARGET.matcher(end).matches()
                    ? "DKIM_CNAME_TARGET_MISSING.notCustdkim" : key;
            return b.finding("DKIM_CNAME_TARGET_MISSING", Severity.ERROR, text(messageKey + ".message", b.name, end),
                    text(key + ".remediation", b.name, end)).build();
        }
        String whole = b.name + " → " + String.join(" → ", chain);
        List<String> evidence = new ArrayList<>(b.evidence);
        evidence.add(";; CNAME chain: " + whole);
        String lastCname = chain.get(chain.size() - 2);
        LocalText remediation = salesforce ? text(key + ".remediation", b.name, end)
                : text("DKIM_CNAME_TARGET_MISSING.chain.remediation", lastCname, end);
        return b.finding(new Finding("DKIM_CNAME_TARGET_MISSING", Severity.ERROR, b.name,
                text(key + ".chain.message", b.name, end, whole), evidence, remediation, Actor.SENDER_ADMIN)).build();
    }

    private static DkimSelectorReport judgeKey(Builder b, DkimKey key) {
        b.keyType = Optional.of(key.keyType());
        b.bits = key.bits();
        b.testing = key.testing();
        String where = b.where();
        if (key.versionNotFirst()) {
            // RFC 6376 §3.6.1 forbids it, but dkimpy, go-msgauth, OpenDKIM, Mail::DKIM and Rspamd use the key
            b.finding("DKIM_VERSION_NOT_FIRST", Severity.WARNING, text("DKIM_VERSION_NOT_FIRST.message", where),
                    text("DKIM_VERSION_NOT_FIRST.remediation"));
        }
        if (!key.problems().isEmpty()) {
            // a key of the other type than k= says gets the template of its own type, not "k=rsa"
            LocalText remediation = key.typeOfKeyData().map(t -> text("DKIM_KEY_INVALID.keyType.remediation", t))
                    .orElseGet(() -> text("DKIM_KEY_INVALID.remediation"));
            return b.state(DkimSelectorState.INVALID).finding("DKIM_KEY_INVALID", Severity.ERROR,
                    text("DKIM_KEY_INVALID.message", where, DnsText.joinText(key.problemTexts(), "; ")),
                    remediation).build();
        }
        if (key.revoked()) {
            return b.state(DkimSelectorState.REVOKED).finding("DKIM_KEY_REVOKED", Severity.ERROR,
                    text("DKIM_KEY_REVOKED.message", where),
                    text("DKIM_KEY_REVOKED.remediation", b.selector)).build();
        }
        if (key.testing()) {
            b.finding("DKIM_TESTING", Severity.WARNING, text("DKIM_TESTING.message", where),
                    text("DKIM_TESTING.remediation"));
        }
        if (key.tags().containsKey("h") && java.util.Arrays.stream(key.tags().get("h").split(":"))
                .map(h -> h.strip().toLowerCase(Locale.ROOT)).noneMatch("sha256"::equals)) {
            b.finding("DKIM_SHA1_ONLY", Severity.ERROR,
                    text("DKIM_SHA1_ONLY.message", where, DnsText.clipText(key.tags().get("h"))),
                    text("DKIM_SHA1_ONLY.remediation"));
        }
        if (key.pkcs1()) {
            b.finding("DKIM_KEY_PKCS1", Severity.WARNING, text("DKIM_KEY_PKCS1.message", where),
                    text("DKIM_KEY_PKCS1.remediation"));
        }
        int bits = key.bits().orElse(0);
        if (key.keyType().equals("rsa") && bits < WEAK_BELOW) {
            boolean tooShort = bits < TOO_SHORT_BELOW;
            b.state(DkimSelectorState.WEAK_KEY).finding("DKIM_KEY_WEAK", tooShort ? Severity.ERROR : Severity.WARNING,
                    text("DKIM_KEY_WEAK.message", where, bits,
                            text(tooShort ? "DKIM_KEY_WEAK.tooShort" : "DKIM_KEY_WEAK.weak")),
                    text("DKIM_KEY_WEAK.remediation"));
        } else {
            b.state(DkimSelectorState.OK);
        }
        if (b.findings.isEmpty()) {
            b.finding("DKIM_OK", Severity.OK,
                    text("DKIM_OK.message", b.selector, key.keyType().toUpperCase(Locale.ROOT), bits, where));
        }
        return b.build();
    }

    private static LocalText text(String key, Object... args) {
        return DkimTexts.text(key, args);
    }

    static Optional<String> cnameTarget(DnsAnswer answer) {
        return cnameTargets(answer.records()).findFirst();
    }

    /** The targets of the CNAME records among {@code records}, in their order: lower case, no final dot. */
    private static Stream<String> cnameTargets(List<Record> records) {
        return records.stream().filter(CNAMERecord.class::isInstance)
                .map(r -> ((CNAMERecord) r).getTarget().toString(true).toLowerCase(Locale.ROOT));
    }

    /**
     * Every hop from the selector name to the key: the CNAME targets the TXT lookup followed, in order (a provider's
     * CNAME to Salesforce's CNAME, say); the first hop alone when that lookup did not report the way it went.
     */
    private static List<String> chain(Optional<String> first, DnsAnswer txt) {
        if (first.isEmpty()) {
            return List.of();
        }
        // DnsAnswer.cnames(): the CNAMEs the lookup followed from the name, in order (a loop or long chain ends it)
        List<String> hops = cnameTargets(txt.cnames()).toList();
        return hops.isEmpty() || !hops.getFirst().equals(first.get()) ? List.of(first.get()) : hops;
    }

    private static boolean sameName(Record r, String name) {
        return r.getName().equals(Name.fromConstantString(DnsNames.absolute(name)));
    }

    /** Whether {@code name} is salesforce.com or under it: only Salesforce can publish there. */
    static boolean inSalesforce(String name) {
        String n = DnsNames.relative(name).toLowerCase(Locale.ROOT);
        return n.equals("salesforce.com") || n.endsWith(".salesforce.com");
    }

    /** Salesforce target parts: group 1 selector, group 2 token. */
    static Optional<Matcher> salesforceTarget(String target) {
        Matcher m = SALESFORCE_TARGET.matcher(target);
        return m.matches() ? Optional.of(m) : Optional.empty();
    }

    /** Collects one selector's result. */
    static final class Builder {
        final String selector;
        final String name;
        final Optional<String> target;
        final boolean salesforce;
        /** The CNAME targets from the selector name to the key, in order; empty without a CNAME. */
        final List<String> chain;
        final List<String> evidence;
        final List<String> records = new ArrayList<>();
        final List<Finding> findings = new ArrayList<>();
        DkimSelectorState state = DkimSelectorState.OK;
        Optional<String> keyType = Optional.empty();
        OptionalInt bits = OptionalInt.empty();
        boolean testing;

        Builder(String selector, String name, Optional<String> target, boolean salesforce, List<String> chain,
                List<String> evidence) {
            this.selector = selector;
            this.name = name;
            this.target = target;
            this.salesforce = salesforce;
            this.chain = chain;
            this.evidence = evidence;
        }

        Builder state(DkimSelectorState s) {
            if (state == DkimSelectorState.OK || s.ordinal() > state.ordinal()) {
                state = s;
            }
            return this;
        }

        Builder finding(String code, Severity severity, LocalText message, LocalText remediation) {
            return finding(new Finding(code, severity, name, message, evidence, remediation,
                    severity == Severity.OK ? Actor.NOBODY : Actor.SENDER_ADMIN));
        }

        /** A finding with nothing to do (no remediation). */
        Builder finding(String code, Severity severity, LocalText message) {
            return finding(new Finding(code, severity, name, message, evidence,
                    severity == Severity.OK ? Actor.NOBODY : Actor.SENDER_ADMIN));
        }

        Builder finding(Finding f) {
            findings.add(f);
            return this;
        }

        /** The selector name, with "(→ target → …)" naming every CNAME hop to the key where there are any. */
        String where() {
            return name + (chain.isEmpty() ? "" : " (→ " + String.join(" → ", chain) + ")");
        }

        DkimSelectorReport build() {
            return new DkimSelectorReport(selector, name, state, target, salesforce, keyType, bits, testing, records,
                    findings);
        }
    }
}
