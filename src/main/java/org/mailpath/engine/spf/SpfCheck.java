package org.mailpath.engine.spf;

import java.net.InetAddress;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.mailpath.engine.check.CheckContext;
import org.mailpath.engine.check.CheckKind;
import org.mailpath.engine.check.CheckOutcome;
import org.mailpath.engine.check.DomainCheck;
import org.mailpath.engine.dns.DnsAnswer;
import org.mailpath.engine.dns.LookupFindings;
import org.mailpath.engine.dns.ResolverFault;
import org.mailpath.engine.domain.DnsText;
import org.mailpath.engine.domain.IpAddresses;
import org.mailpath.engine.domain.OrganizationalDomain;
import org.mailpath.engine.finding.Actor;
import org.mailpath.engine.finding.Finding;
import org.mailpath.engine.finding.FindingTexts;
import org.mailpath.engine.finding.LocalText;
import org.mailpath.engine.finding.Severity;

/**
 * The SPF check of a sending domain: a full walk of the record tree (syntax, +all/?all, ptr, loops, the worst-case
 * lookup and void-lookup counts) and, with {@code --ip}, the receiver's check_host() result for that IP. Says which
 * Salesforce case applies ({@link SalesforceSending}): the one the Email Log shows for the domain
 * ({@link CheckContext#salesforce()}), else the one the check was made with ({@code UNKNOWN} by default).
 */
public final class SpfCheck implements DomainCheck {

    public static final String SALESFORCE_INCLUDE = "_spf.salesforce.com";

    private static final FindingTexts TEXTS = SpfTexts.TEXTS;

    /** Timeouts' worth of DNS waiting one evaluation may spend (a tarpit answering just in time is cut off). */
    static final int BUDGET_TIMEOUTS = 20;

    private final SalesforceSending salesforce;
    private final InstantSource clock;

    public SpfCheck() {
        this(SalesforceSending.UNKNOWN);
    }

    public SpfCheck(SalesforceSending salesforce) {
        this(salesforce, InstantSource.system());
    }

    /** @param clock measures each evaluation's time budget ({@value #BUDGET_TIMEOUTS} × the DNS timeout) */
    public SpfCheck(SalesforceSending salesforce, InstantSource clock) {
        this.salesforce = salesforce;
        this.clock = clock;
    }

    @Override
    public CheckKind kind() {
        return CheckKind.SPF;
    }

    @Override
    public CheckOutcome run(CheckContext ctx) {
        String domain = OrganizationalDomain.normalize(ctx.domain());
        // a check of the domain knows no message: %{s l o h} stay unexpanded (SPF_MACRO_NEEDS_MESSAGE) rather than
        // made up, which would ask names no receiver asks and count their void answers against the record
        SpfMacroContext macros = SpfMacroContext.withoutMessage(Optional.empty());
        SpfEvaluation walk = new SpfEvaluator(ctx.dns(), ctx.cancellation(), Optional.empty(), macros, false, clock,
                budget(ctx)).evaluate(domain);
        List<Finding> findings = new ArrayList<>(walk.problems());
        if (walk.recordFound()) {
            if (walk.recordEvaluated()) {
                lookupFindings(domain, walk, findings);
            }
            if (findings.stream().noneMatch(f -> f.severity() == Severity.ERROR || f.severity() == Severity.WARNING)) {
                findings.add(TEXTS.finding("SPF_OK", Severity.OK, domain, walk.tree(), Actor.NOBODY, "SPF_OK",
                        domain, walk.lookups(), SpfEvaluator.LOOKUP_LIMIT));
            }
        }
        Optional<Finding> ipResult = ctx.options().ip().map(text -> result(ctx, domain, text));
        if (walk.recordFound()) {
            findings.addAll(salesforceFindings(domain, walk, sending(ctx), passingIp(ctx, ipResult)));
        }
        ipResult.ifPresent(r -> {
            // the evaluation for the given IP follows the terms the walk could not: its result replaces that advice
            findings.removeIf(f -> f.code().equals("SPF_MACRO_NEEDS_IP"));
            findings.add(r);
        });
        return CheckOutcome.of(findings);
    }

    /**
     * The IP given with --ip, when the domain's SPF passes it (SPF_RESULT is OK only for pass). With Salesforce's
     * Email Relay, Salesforce hands the mail to the organisation's own relay, and receivers check the relay's IP
     * against the SPF (RFC 7208 §4.1: the client IP is that of the host that connects to them), so a record that
     * passes the relay needs no include of Salesforce for that mail.
     */
    private static Optional<String> passingIp(CheckContext ctx, Optional<Finding> ipResult) {
        return ipResult.filter(f -> f.code().equals("SPF_RESULT") && f.severity() == Severity.OK)
                .flatMap(f -> ctx.options().ip().flatMap(IpAddresses::parse)).map(IpAddresses::text);
    }

    private static void lookupFindings(String domain, SpfEvaluation walk, List<Finding> findings) {
        boolean partial = walk.capped() || walk.problems().stream().anyMatch(p -> p.code().startsWith("DNS_"));
        Object count = partial ? text("phrase.atLeast", walk.lookups()) : String.valueOf(walk.lookups());
        if (walk.capped() || walk.lookups() > SpfEvaluator.LOOKUP_LIMIT) {
            findings.add(TEXTS.finding("SPF_TOO_MANY_LOOKUPS", Severity.ERROR, domain, walk.tree(),
                    Actor.SENDER_ADMIN, "SPF_TOO_MANY_LOOKUPS", domain, count, SpfEvaluator.LOOKUP_LIMIT));
        } else {
            findings.add(TEXTS.finding("SPF_LOOKUP_COUNT", Severity.INFO, domain, walk.tree(), Actor.NOBODY,
                    "SPF_LOOKUP_COUNT", domain, count, SpfEvaluator.LOOKUP_LIMIT, walk.voidLookups()));
        }
        if (walk.voidLookups() > SpfEvaluator.VOID_LIMIT) {
            findings.add(TEXTS.finding("SPF_VOID_LOOKUPS", Severity.ERROR, domain, walk.tree(), Actor.SENDER_ADMIN,
                    "SPF_VOID_LOOKUPS", domain, walk.voidLookups(), SpfEvaluator.VOID_LIMIT));
        }
    }

    /**
     * The case this run knows: what the Email Log shows of the domain ({@link CheckContext#salesforce()}), else the
     * one this check was made for.
     */
    private SalesforceSending sending(CheckContext ctx) {
        return ctx.salesforce() != SalesforceSending.UNKNOWN ? ctx.salesforce() : salesforce;
    }

    private static List<Finding> salesforceFindings(String domain, SpfEvaluation walk, SalesforceSending salesforce,
                                                    Optional<String> passingIp) {
        // only a bare or "+" include authorizes: "-include:" etc. give Salesforce's servers fail/softfail/neutral
        boolean included = walk.passIncludes().contains(SALESFORCE_INCLUDE);
        // the domain's own record was not evaluated (SPF_MULTIPLE, SPF_SYNTAX): only its text shows the include
        Optional<SpfMechanism> written = walk.recordEvaluated() ? Optional.empty() : writtenInclude(walk.records());
        boolean unusable = written.filter(m -> m.qualifier() == SpfQualifier.PASS).isPresent();
        Optional<SpfMechanism> qualified = included || unusable ? Optional.empty()
                : Optional.ofNullable(walk.qualifiedIncludes().get(SALESFORCE_INCLUDE)).or(() -> written);
        // written, but a term before it matches every host: it is there, and never decides
        Optional<SpfUnreachedTerm> unreached = included || unusable || qualified.isPresent() ? Optional.empty()
                : Optional.ofNullable(walk.unreachedTargets().get(SALESFORCE_INCLUDE));
        LocalText state = included ? text("SPF_SALESFORCE.state.included", SALESFORCE_INCLUDE)
                : unusable ? unusableState(walk)
                : qualified.map(m -> text("SPF_SALESFORCE.state.qualified", SALESFORCE_INCLUDE, m.text()))
                .or(() -> unreached.map(SpfCheck::unreachedState))
                .orElse(text("SPF_SALESFORCE.state.missing", SALESFORCE_INCLUDE));
        LocalText without = text("SPF_SALESFORCE.withoutBounceManagement", domain, SALESFORCE_INCLUDE);
        LocalText with = text("SPF_SALESFORCE.withBounceManagement", domain);
        List<Finding> out = new ArrayList<>();
        // a domain that declares it sends no mail is not told what Salesforce would need while none says it sends
        boolean noMail = salesforce == SalesforceSending.UNKNOWN && sendsNoMail(walk);
        LocalText message = switch (salesforce) {
            case UNKNOWN -> noMail ? text("SPF_SALESFORCE.noMail.message", domain)
                    : text("SPF_SALESFORCE.unknown.message", domain, state, without, with);
            case WITHOUT_BOUNCE_MANAGEMENT -> text("SPF_SALESFORCE.without.message", domain, state, without);
            case WITH_BOUNCE_MANAGEMENT -> text("SPF_SALESFORCE.with.message", with);
        };
        out.add(new Finding("SPF_SALESFORCE", Severity.INFO, domain, message, List.of(), Actor.SENDER_ADMIN));
        // an include written in a record receivers cannot use is not missing: SPF_MULTIPLE/SPF_SYNTAX is the error;
        // nor is it missing from a domain that declares it sends no mail, unless the log shows Salesforce sends with
        // it; nor when a term before it passes every host: Salesforce's servers pass, and SPF_PLUS_ALL is the error
        boolean passedAnyway = unreached.filter(u -> u.result() == SpfResult.PASS).isPresent();
        if (!included && !unusable && !passedAnyway && salesforce != SalesforceSending.WITH_BOUNCE_MANAGEMENT
                && !noMail) {
            boolean known = salesforce == SalesforceSending.WITHOUT_BOUNCE_MANAGEMENT;
            out.add(includeMissing(domain, walk, qualified, unreached, known, passingIp));
        }
        return out;
    }

    /**
     * The domain's one record is exactly "v=spf1 -all": no host may send with it (RFC 7208 §5.1: "all" matches
     * every host, "-" gives fail), the record a domain that sends no mail publishes (M3AAWG's Parked Domains Best
     * Practices). Advice to authorize Salesforce there is advice to a domain that Salesforce does not send for.
     */
    private static boolean sendsNoMail(SpfEvaluation walk) {
        return walk.recordEvaluated() && walk.records().size() == 1 && SpfParser.sendsNoMail(walk.records().getFirst());
    }

    /** The include is written, but "decidedBy" before it matches every host, so receivers never reach it. */
    private static LocalText unreachedState(SpfUnreachedTerm u) {
        return u.result() == SpfResult.PASS
                ? text("SPF_SALESFORCE.state.unreachedPass", SALESFORCE_INCLUDE, written(u), whyUnreached(u))
                : text("SPF_SALESFORCE.state.unreached", SALESFORCE_INCLUDE, written(u), whyUnreached(u),
                u.result().label());
    }

    /** Where the include is written: the unreached term itself, or a term of a record only that term leads to. */
    private static LocalText written(SpfUnreachedTerm u) {
        return u.below().map(b -> text("SPF_SALESFORCE.unreached.below", b.term().text(), b.domain(),
                u.term().text())).orElseGet(() -> text("SPF_SALESFORCE.unreached.term", u.term().text()));
    }

    /**
     * Why receivers never reach it: a redirect beside "all" is ignored wherever it stands (RFC 7208 §5.1, §6.1); any
     * other term comes after one that matches every host (§4.6.2, and §5.1 for terms after "all").
     */
    private static LocalText whyUnreached(SpfUnreachedTerm u) {
        return u.redirectBesideAll()
                ? text("SPF_SALESFORCE.unreached.redirect", u.decidedBy().text(), u.domain())
                : text("SPF_SALESFORCE.unreached.first", u.decidedBy().text(), u.domain());
    }

    /** The include of Salesforce written in the domain's own records, a bare or "+" one first. */
    private static Optional<SpfMechanism> writtenInclude(List<String> records) {
        List<SpfMechanism> found = records.stream().flatMap(r -> SpfParser.readableMechanisms(r).stream())
                .filter(m -> m.type() == SpfMechanism.Type.INCLUDE
                        && m.domainSpec().equalsIgnoreCase(SALESFORCE_INCLUDE))
                .toList();
        return found.stream().filter(m -> m.qualifier() == SpfQualifier.PASS).findFirst()
                .or(() -> found.stream().findFirst());
    }

    /** The include is written, but receivers give permerror for the domain's SPF before they reach it. */
    private static LocalText unusableState(SpfEvaluation walk) {
        return walk.records().size() > 1
                ? text("SPF_SALESFORCE.state.includedMultiple", SALESFORCE_INCLUDE, walk.records().size())
                : text("SPF_SALESFORCE.state.includedSyntax", SALESFORCE_INCLUDE);
    }

    /**
     * SPF_SALESFORCE_INCLUDE_MISSING: no include at all, only one whose qualifier keeps it from authorizing, or one
     * that a term before it keeps receivers from reaching (a term that fails, softfails or neutrals every host).
     * When the IP given with --ip passes ({@code passingIp}), it is INFO and names both cases: sent through Email
     * Relay from that IP, the mail passes without the include; sent directly by Salesforce's servers, it needs it.
     */
    private static Finding includeMissing(String domain, SpfEvaluation walk, Optional<SpfMechanism> qualified,
                                          Optional<SpfUnreachedTerm> unreached, boolean known,
                                          Optional<String> passingIp) {
        Object needed = known || passingIp.isPresent() ? "" : text("SPF_SALESFORCE_INCLUDE_MISSING.ifWithout");
        LocalText message = qualified.map(m -> text("SPF_SALESFORCE_INCLUDE_MISSING.qualified.message", domain,
                        SALESFORCE_INCLUDE, needed, m.text(), m.qualifier().symbol(), m.qualifier().result().label()))
                .or(() -> unreached.map(u -> text("SPF_SALESFORCE_INCLUDE_MISSING.unreached.message", domain,
                        written(u), needed, whyUnreached(u), u.result().label(), text(u.redirectBesideAll()
                                ? "SPF_SALESFORCE_INCLUDE_MISSING.unreached.redirectRule"
                                : "SPF_SALESFORCE_INCLUDE_MISSING.unreached.firstRule"))))
                .orElseGet(() -> known && sendsNoMail(walk)
                        ? text("SPF_SALESFORCE_INCLUDE_MISSING.noMail.message", domain, SALESFORCE_INCLUDE)
                        : text("SPF_SALESFORCE_INCLUDE_MISSING.message", domain, SALESFORCE_INCLUDE, needed));
        // the first matching mechanism decides, so an unqualified include added after the qualified one is no use
        LocalText remediation = qualified.map(m -> text("SPF_SALESFORCE_INCLUDE_MISSING.qualified.remediation",
                        m.qualifier().symbol(), m.text(), m.text().substring(1), SALESFORCE_INCLUDE))
                .or(() -> unreached.map(SpfCheck::reachRemediation))
                .orElse(text("SPF_SALESFORCE_INCLUDE_MISSING.remediation", SALESFORCE_INCLUDE, domain));
        if (passingIp.isPresent()) {
            return new Finding("SPF_SALESFORCE_INCLUDE_MISSING", Severity.INFO, domain,
                    text("SPF_SALESFORCE_INCLUDE_MISSING.relay.message", message, passingIp.get(), domain,
                            SALESFORCE_INCLUDE),
                    walk.tree(), text("SPF_SALESFORCE_INCLUDE_MISSING.relay.remediation", remediation),
                    Actor.SENDER_ADMIN);
        }
        return new Finding("SPF_SALESFORCE_INCLUDE_MISSING", known ? Severity.ERROR : Severity.WARNING, domain,
                message, walk.tree(), remediation, Actor.SENDER_ADMIN);
    }

    /**
     * How to reach it: a redirect beside "all" is followed once the "all" is gone, else the include goes before it;
     * any other unreached include moves before the term that decides first (what it leads to comes with it: the walk
     * follows only what reaching it reaches). A redirect overtaken by another term: the include goes before that term.
     */
    private static LocalText reachRemediation(SpfUnreachedTerm u) {
        if (u.redirectBesideAll()) {
            return text("SPF_SALESFORCE_INCLUDE_MISSING.unreached.redirect.remediation", u.term().text(),
                    u.decidedBy().text(), u.domain(), SALESFORCE_INCLUDE);
        }
        String move = u.term() instanceof SpfMechanism ? u.term().text() : "include:" + SALESFORCE_INCLUDE;
        return text("SPF_SALESFORCE_INCLUDE_MISSING.unreached.remediation", move, u.decidedBy().text(), u.domain());
    }

    private static Duration budget(CheckContext ctx) {
        return ctx.options().timeout().multipliedBy(BUDGET_TIMEOUTS);
    }

    private Finding result(CheckContext ctx, String domain, String text) {
        Optional<InetAddress> ip = IpAddresses.parse(text);
        if (ip.isEmpty()) {
            return TEXTS.finding("SPF_RESULT", Severity.WARNING, text, List.of(), Actor.SENDER_ADMIN,
                    "SPF_RESULT.notAnAddress", text);
        }
        // --ip gives the client IP, still no message: terms naming its sender or HELO are not evaluated
        SpfMacroContext macros = SpfMacroContext.withoutMessage(ip);
        SpfEvaluation evaluation = new SpfEvaluator(ctx.dns(), ctx.cancellation(), ip, macros, true, clock,
                budget(ctx)).evaluate(domain);
        SpfResult r = evaluation.result();
        Severity severity = switch (r) {
            case PASS -> Severity.OK;
            case FAIL, PERMERROR -> Severity.ERROR;
            case NONE, NEUTRAL, SOFTFAIL, TEMPERROR -> Severity.WARNING;
        };
        String ipText = IpAddresses.text(ip.get());
        List<String> evidence = new ArrayList<>(evaluation.tree());
        // a problem that quotes the resolver's fault gives its answer (the question and its outcome) when the
        // message says the fault: said once
        evaluation.problems().forEach(p -> {
            if (evaluation.resolverAtFault() && !ResolverFault.quotedBy(p).isEmpty()) {
                evidence.addAll(p.evidence());
            } else {
                evidence.add(p.code() + ": " + p.message());
            }
        });
        if (evaluation.resolverAtFault()) {
            // this computer's resolver answers nothing (or fails even the root zone): the SPF of the domain was not
            // checked, which is ours to fix, not the record's (NotChecked; nothing is linked to failing messages)
            DnsAnswer failed = evaluation.failedLookup().orElseThrow();
            return new Finding("SPF_RESULT", severity, domain, text("SPF_RESULT.resolverAtFault.message", ipText,
                    domain, failed.server(), evaluation.reasonText(), failed.detailText()), evidence,
                    LookupFindings.brokenResolverRemediation(), Actor.LOCAL_NETWORK);
        }
        // a term naming the sender or HELO before the deciding one: a message it matches gets that term's result
        List<String> skipped = evaluation.messageTerms();
        LocalText message = skipped.isEmpty() ? text("SPF_RESULT.message", ipText, domain, r.label(),
                evaluation.reasonText(), evaluation.lookups())
                : text("SPF_RESULT.messageTerms.message", ipText, domain, r.label(), evaluation.reasonText(),
                evaluation.lookups(), DnsText.joinText(skipped.stream().map(t -> "\"" + t + "\"").toList(), ", "),
                skipped.size());
        return switch (r) {
            case PASS -> new Finding("SPF_RESULT", severity, domain, message, evidence, Actor.NOBODY);
            // a DNS failure (RFC 7208 §2.6.6, §5) at the servers of a name the record leads to: no IP to authorize
            case TEMPERROR -> new Finding("SPF_RESULT", severity, domain, message, evidence,
                    evaluation.failedLookup().map(a -> text("SPF_RESULT.temperror.remediation", ipText,
                            a.name())).orElseGet(() -> text("SPF_RESULT.slow.remediation", ipText, domain)),
                    Actor.SENDER_ADMIN);
            case NONE, NEUTRAL, FAIL, SOFTFAIL, PERMERROR -> new Finding("SPF_RESULT", severity, domain, message,
                    evidence, text("SPF_RESULT.remediation", ipText, domain), Actor.SENDER_ADMIN);
        };
    }

    private static LocalText text(String key, Object... args) {
        return SpfTexts.text(key, args);
    }
}
