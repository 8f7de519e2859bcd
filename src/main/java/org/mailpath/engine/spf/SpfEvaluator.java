package org.mailpath.engine.spf;

import java.net.InetAddress;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.mailpath.engine.common.Cancellation;
import org.mailpath.engine.dns.DnsAnswer;
import org.mailpath.engine.dns.DnsStatus;
import org.mailpath.engine.dns.DnsLookup;
import org.mailpath.engine.domain.DnsAnswers;
import org.mailpath.engine.domain.DnsText;
import org.mailpath.engine.domain.OrganizationalDomain;
import org.mailpath.engine.finding.LocalText;
import org.mailpath.engine.finding.Severity;
import org.xbill.DNS.Record;
import org.xbill.DNS.Type;

/**
 * check_host() of RFC 7208 §4, with the lookup limits of §4.6.4. Two modes:
 * <ul>
 * <li>with an IP and {@code enforceLimits}: the receiver's view — stops at the first match, at the 11th counted
 * lookup or the 3rd void lookup (permerror), at the first temperror/permerror;</li>
 * <li>without an IP: a walk of the whole tree where only {@code all} matches, which gives the worst-case lookup
 * count and every problem in it; it goes on past errors and past 10 lookups up to a safety bound
 * ({@link SpfLimits#WALK_LOOKUP_CAP} counted lookups, {@link SpfLimits#QUERY_CAP} DNS questions) so an exploding or
 * looping include tree ends within bounds.</li>
 * </ul>
 * Both stop when the time budget is spent: a server that answers each question just before the timeout would
 * otherwise keep one evaluation waiting for minutes (a hundred mx sub-lookups at three seconds each).
 * One instance evaluates once (it keeps counters, in {@link SpfLimits}); not thread-safe.
 */
public final class SpfEvaluator {

    public static final int LOOKUP_LIMIT = 10;
    public static final int VOID_LIMIT = 2;
    /** Per mx/ptr mechanism: address or name sub-lookups (§4.6.4). */
    public static final int SUB_LOOKUP_LIMIT = 10;
    /** Classic DNS UDP message size (RFC 7208 §3.4 asks SPF answers to fit). */
    private static final int UDP_LIMIT = 512;

    private final Cancellation cancellation;
    private final Optional<InetAddress> ip;
    private boolean topRecordEvaluated;
    private final List<String> topRecords = new ArrayList<>();
    private final SpfProblems problems = new SpfProblems();
    private final SpfTree tree = new SpfTree();
    private final SpfLimits limits;
    private final SpfTermTargets targets;
    private final SpfMechanismMatcher matcher;
    /** Of a walk without an IP only. */
    private final SpfUnreachedTargets unreached;
    private final Set<String> includes = new LinkedHashSet<>();
    private final Set<String> passIncludes = new LinkedHashSet<>();
    private final Map<String, SpfMechanism> qualifiedIncludes = new LinkedHashMap<>();
    /**
     * The outermost include on the current path whose qualifier is not "+" (empty when none): a pass of a record
     * below it is that qualifier's result for the domain, not pass (RFC 7208 §4.6.2, §5.2).
     */
    private Optional<SpfMechanism> qualifiedVia = Optional.empty();

    public SpfEvaluator(DnsLookup dns, Cancellation cancellation, Optional<InetAddress> ip, SpfMacroContext macros,
                        boolean enforceLimits) {
        this(dns, cancellation, ip, macros, enforceLimits, InstantSource.system(), SpfLimits.DEFAULT_BUDGET);
    }

    /** @param budget time the evaluation may spend before it stops asking (measured on {@code clock}) */
    public SpfEvaluator(DnsLookup dns, Cancellation cancellation, Optional<InetAddress> ip, SpfMacroContext macros,
                        boolean enforceLimits, InstantSource clock, Duration budget) {
        this.cancellation = cancellation;
        this.ip = ip;
        this.limits = new SpfLimits(dns, cancellation, enforceLimits, clock, budget, problems, tree);
        SpfAddresses addresses = new SpfAddresses(ip, limits, problems);
        this.targets = new SpfTermTargets(ip, macros, limits, addresses, problems, tree);
        this.matcher = new SpfMechanismMatcher(ip, limits, problems, targets, addresses, this::include);
        this.unreached = new SpfUnreachedTargets(limits);
    }

    public SpfEvaluation evaluate(String domain) {
        String d = OrganizationalDomain.normalize(domain);
        limits.start(d);
        SpfOutcome outcome;
        try {
            outcome = checkHost(d, true, "");
        } catch (SpfStop stop) {
            outcome = stop.outcome();
        }
        if (ip.isEmpty()) {
            unreached.readBehind(includes, d);
        }
        return new SpfEvaluation(outcome.result(), outcome.reason(), topRecordEvaluated, topRecords,
                limits.lookups(), limits.voids(), limits.capped(), problems.list(), tree.lines(), includes,
                passIncludes, qualifiedIncludes, unreached.targets(),
                outcome.result() == SpfResult.TEMPERROR ? limits.failedLookup() : Optional.empty(),
                targets.messageTerms());
    }

    private SpfOutcome checkHost(String domain, boolean top, String via) {
        cancellation.throwIfCancelled();
        int depth = tree.depth();
        if (!SpfNames.validDomain(domain)) {
            if (depth > 0) {
                problems.add("SPF_INCLUDE_NO_RECORD", Severity.ERROR, domain,
                        text("SPF_INCLUDE_NO_RECORD.invalid.message", via, domain),
                        text("SPF_INCLUDE_NO_RECORD.invalid.remediation", via), List.of());
            }
            return new SpfOutcome(SpfResult.NONE, text("reason.invalidDomain", domain));
        }
        if (tree.onPath(domain)) {
            List<String> chain = tree.pathFromTop();
            problems.add("SPF_INCLUDE_LOOP", Severity.ERROR, domain, text("SPF_INCLUDE_LOOP.message", chain.getFirst(),
                    String.join(" → ", chain), domain, via), text("SPF_INCLUDE_LOOP.remediation"), List.of());
            return limits.fail(SpfResult.PERMERROR, text("reason.loop", domain));
        }
        DnsAnswer answer = limits.query(domain, Type.TXT);
        if (DnsAnswers.failed(answer)) {
            limits.dnsProblem(answer);
            return limits.fail(SpfResult.TEMPERROR, text("reason.dnsTxt", answer.status().toString(), domain));
        }
        List<String> spf = SpfParser.records(answer);
        if (spf.isEmpty()) {
            noRecordProblem(domain, depth, via, answer);
            return new SpfOutcome(SpfResult.NONE, text("reason.noRecord", domain));
        }
        if (depth == 0) {
            topRecords.addAll(spf);
            tree.addAnswer(answer.evidence());
            int size = udpSize(domain, answer);
            if (size > UDP_LIMIT) {
                problems.add("SPF_RECORD_TOO_LONG", Severity.WARNING, domain, text("SPF_RECORD_TOO_LONG.message",
                        domain, size, UDP_LIMIT), text("SPF_RECORD_TOO_LONG.remediation", domain), answer.evidence());
            }
        }
        if (spf.size() > 1) {
            problems.add("SPF_MULTIPLE", Severity.ERROR, domain, text("SPF_MULTIPLE.message", domain, spf.size()),
                    text("SPF_MULTIPLE.remediation"), answer.evidence());
            return limits.fail(SpfResult.PERMERROR, text("reason.several", domain));
        }
        tree.add(domain + ": " + spf.getFirst());
        Optional<String> unprintable = DnsAnswers.unprintable(answer, spf.getFirst());
        if (unprintable.isPresent()) {
            // unprintable() says where the byte is, in English (org.mailpath.engine.domain)
            problems.add("SPF_SYNTAX", Severity.ERROR, domain, text("SPF_SYNTAX.unprintable.message", domain,
                    unprintable.get()), text("SPF_SYNTAX.unprintable.remediation"), answer.evidence());
            return limits.fail(SpfResult.PERMERROR, text("reason.unprintable", domain));
        }
        SpfRecord record;
        try {
            record = SpfParser.parse(spf.getFirst());
        } catch (SpfSyntaxException e) {
            problems.add("SPF_SYNTAX", Severity.ERROR, domain, text("SPF_SYNTAX.message", domain,
                    DnsText.clipText(e.term()), SpfTexts.clipped(e.reason())),
                    text("SPF_SYNTAX.remediation", DnsText.clipText(e.term())), answer.evidence());
            return limits.fail(SpfResult.PERMERROR, text("reason.syntax", domain));
        }
        topRecordEvaluated |= depth == 0;
        tree.enter(domain);
        try {
            return evaluateRecord(record, domain, top, answer.evidence());
        } finally {
            tree.leave();
        }
    }

    /**
     * SPF_INCLUDE_NO_RECORD for an include/redirect target, SPF_MISSING for the domain itself. Each says why the name
     * has no record (it does not exist, has no TXT, or none of its TXT is SPF) and names the TXT records meant as SPF
     * records that receivers discard (§4.5), e.g. " v=spf1 …" or "v=spf1-all", with why.
     */
    private void noRecordProblem(String domain, int depth, String via, DnsAnswer answer) {
        Object asides = "";    // each discarded record " (…)"
        boolean discarded = false;
        for (String txt : DnsAnswers.texts(answer)) {
            Optional<LocalText> why = SpfParser.whyNotSpfText(txt);
            if (why.isPresent()) {
                asides = text("list.concat", asides, text("phrase.aside", text("phrase.discarded",
                        DnsText.clipText(txt), why.get())));
                discarded = true;
            }
        }
        if (depth > 0) {
            LocalText state = switch (answer.status()) {
                case NXDOMAIN -> text("noRecord.nxdomain");
                case NODATA -> text("noRecord.nodata");
                default -> text("noRecord.otherTxt");
            };
            problems.add("SPF_INCLUDE_NO_RECORD", Severity.ERROR, domain, text("SPF_INCLUDE_NO_RECORD.message", via,
                    domain, state, asides), discarded ? text("SPF_INCLUDE_NO_RECORD.discarded.remediation", via,
                    domain) : text("SPF_INCLUDE_NO_RECORD.remediation", via), answer.evidence());
        } else if (discarded) {
            problems.add("SPF_MISSING", Severity.ERROR, domain, text("SPF_MISSING.discarded.message", domain, asides),
                    text("SPF_MISSING.discarded.remediation", domain), answer.evidence());
        } else {
            // An NXDOMAIN is said as such: the domain itself is missing, not just its record.
            problems.add("SPF_MISSING", Severity.ERROR, domain, text(answer.status() == DnsStatus.NXDOMAIN
                            ? "SPF_MISSING.nxdomain.message" : "SPF_MISSING.message", domain),
                    text("SPF_MISSING.remediation", domain), answer.evidence());
        }
    }

    private SpfOutcome evaluateRecord(SpfRecord record, String domain, boolean top, List<String> evidence) {
        SpfRecordReview.review(record, domain, top, evidence, problems);
        List<SpfMechanism> mechanisms = record.mechanisms();
        for (int i = 0; i < mechanisms.size(); i++) {
            cancellation.throwIfCancelled();
            SpfMechanism m = mechanisms.get(i);
            Optional<SpfOutcome> matched = matcher.match(m, domain);
            if (matched.isPresent()) {
                if (ip.isEmpty()) {
                    unreached.note(record, mechanisms.subList(i + 1, mechanisms.size()), domain, m,
                            matched.get().result());
                }
                return matched.get();
            }
        }
        if (record.redirect().isPresent() && record.all().isEmpty()) {
            SpfModifier redirect = record.redirect().get();
            limits.count(redirect.text(), domain);
            Optional<String> target = targets.expand(redirect.value(), domain, redirect.text());
            if (target.isEmpty()) {
                return new SpfOutcome(SpfResult.NEUTRAL, text(targets.needsMessage(redirect.value())
                        ? "reason.redirectNeedsMessage" : "reason.redirectNeedsIp", redirect.text()));
            }
            noteTarget(target.get().toLowerCase(Locale.ROOT));
            SpfOutcome result = checkHost(target.get().toLowerCase(Locale.ROOT), top, redirect.text());
            if (result.result() == SpfResult.NONE) {
                return limits.fail(SpfResult.PERMERROR, text("reason.redirectNoRecord", redirect.text()));
            }
            return result;
        }
        return new SpfOutcome(SpfResult.NEUTRAL, text("reason.noMatch", domain));
    }

    private Optional<SpfOutcome> include(SpfMechanism m, String domain, SpfOutcome matched) {
        limits.count(m.text(), domain);
        Optional<String> target = targets.expand(m.domainSpec(), domain, m.text());
        if (target.isEmpty()) {
            return Optional.empty();
        }
        String t = target.get().toLowerCase(Locale.ROOT);
        Optional<SpfMechanism> outer = qualifiedVia;
        if (outer.isEmpty() && m.qualifier() != SpfQualifier.PASS) {
            qualifiedVia = Optional.of(m);
        }
        SpfOutcome inner;
        try {
            noteTarget(t);
            inner = checkHost(t, false, m.text());
        } finally {
            qualifiedVia = outer;
        }
        return switch (inner.result()) {
            case PASS -> Optional.of(matched);
            case FAIL, SOFTFAIL, NEUTRAL -> Optional.empty();
            case TEMPERROR, PERMERROR -> limits.errorAndGoOn(inner.result(), inner.reason());
            case NONE -> limits.errorAndGoOn(SpfResult.PERMERROR, text("reason.term", m.text(), inner.reason()));
        };
    }

    /** Records an include/redirect target and whether a pass there passes the domain (redirect keeps the path's). */
    private void noteTarget(String target) {
        includes.add(target);
        qualifiedVia.ifPresentOrElse(m -> qualifiedIncludes.putIfAbsent(target, m), () -> passIncludes.add(target));
    }

    private static LocalText text(String key, Object... args) {
        return SpfTexts.text(key, args);
    }

    /** Approximate size of the DNS response: header, question, each record with a compressed owner name. */
    private static int udpSize(String domain, DnsAnswer answer) {
        int size = 12 + domain.length() + 2 + 4;
        for (Record r : answer.records()) {
            size += 2 + 10 + r.rdataToWireCanonical().length;
        }
        return size;
    }
}
