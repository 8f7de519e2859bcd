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
import org.mailpath.engine.domain.IpAddresses;
import org.mailpath.engine.domain.OrganizationalDomain;
import org.mailpath.engine.finding.Actor;
import org.mailpath.engine.finding.Finding;
import org.mailpath.engine.finding.Severity;

/**
 * The SPF check of a sending domain: a full walk of the record tree (syntax, +all/?all, ptr, loops, the worst-case
 * lookup and void-lookup counts) and, with {@code --ip}, the receiver's check_host() result for that IP. Says which
 * Salesforce case applies ({@link SalesforceSending}).
 */
public final class SpfCheck implements DomainCheck {

    public static final String SALESFORCE_INCLUDE = "_spf.salesforce.com";

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
        SpfMacroContext macros = new SpfMacroContext("postmaster@" + domain, Optional.empty(), domain);
        SpfEvaluation walk = new SpfEvaluator(ctx.dns(), ctx.cancellation(), Optional.empty(), macros, false, clock,
                budget(ctx)).evaluate(domain);
        List<Finding> findings = new ArrayList<>(walk.problems());
        if (walk.recordFound()) {
            lookupFindings(domain, walk, findings);
            if (findings.stream().noneMatch(f -> f.severity() == Severity.ERROR || f.severity() == Severity.WARNING)) {
                findings.add(finding("SPF_OK", Severity.OK, domain, "SPF record of " + domain + " is valid ("
                        + walk.lookups() + " of " + SpfEvaluator.LOOKUP_LIMIT + " DNS lookups at most)", walk.tree(),
                        "", Actor.NOBODY));
            }
            findings.addAll(salesforceFindings(domain, walk));
        }
        ctx.options().ip().ifPresent(text -> {
            // the evaluation for the given IP follows the terms the walk could not: its result replaces that advice
            findings.removeIf(f -> f.code().equals("SPF_MACRO_NEEDS_IP"));
            findings.add(result(ctx, domain, text));
        });
        return CheckOutcome.of(findings);
    }

    private static void lookupFindings(String domain, SpfEvaluation walk, List<Finding> findings) {
        boolean partial = walk.capped() || walk.problems().stream().anyMatch(p -> p.code().startsWith("DNS_"));
        String count = (partial ? "at least " : "") + walk.lookups();
        if (walk.capped() || walk.lookups() > SpfEvaluator.LOOKUP_LIMIT) {
            findings.add(finding("SPF_TOO_MANY_LOOKUPS", Severity.ERROR, domain, "SPF of " + domain + " needs "
                    + count + " DNS lookups in the worst case; receivers give permerror after "
                    + SpfEvaluator.LOOKUP_LIMIT + " (RFC 7208 §4.6.4), so mail from servers listed late fails SPF",
                    walk.tree(), "Flatten includes (replace them by the ip4:/ip6: ranges they contain), drop "
                    + "services that no longer send for " + domain + ", or move some to a subdomain.",
                    Actor.SENDER_ADMIN));
        } else {
            findings.add(finding("SPF_LOOKUP_COUNT", Severity.INFO, domain, "SPF of " + domain + " needs " + count
                    + " of " + SpfEvaluator.LOOKUP_LIMIT + " DNS lookups in the worst case, " + walk.voidLookups()
                    + " of them void", walk.tree(), "", Actor.NOBODY));
        }
        if (walk.voidLookups() > SpfEvaluator.VOID_LIMIT) {
            findings.add(finding("SPF_VOID_LOOKUPS", Severity.ERROR, domain, "SPF of " + domain + " makes "
                    + walk.voidLookups() + " void DNS lookups (names without records); receivers give permerror "
                    + "after " + SpfEvaluator.VOID_LIMIT + " (RFC 7208 §4.6.4)", walk.tree(),
                    "Remove a:, mx:, exists: or include: terms that point to names that do not exist.",
                    Actor.SENDER_ADMIN));
        }
    }

    private List<Finding> salesforceFindings(String domain, SpfEvaluation walk) {
        // only a bare or "+" include authorizes: "-include:" etc. give Salesforce's servers fail/softfail/neutral
        boolean included = walk.passIncludes().contains(SALESFORCE_INCLUDE);
        Optional<SpfMechanism> qualified = included ? Optional.empty()
                : Optional.ofNullable(walk.qualifiedIncludes().get(SALESFORCE_INCLUDE));
        String state = included ? "includes " + SALESFORCE_INCLUDE : qualified.map(m -> "names "
                + SALESFORCE_INCLUDE + " only through \"" + m.text() + "\", which does not authorize it")
                .orElse("does not include " + SALESFORCE_INCLUDE);
        String without = "Without Bounce Management Salesforce sends with your own address as envelope sender, so "
                + "the SPF of " + domain + " must include " + SALESFORCE_INCLUDE + ".";
        String with = "With Bounce Management (or Email Security Compliance) the envelope sender is "
                + "…bnc.salesforce.com: SPF is checked against Salesforce's domain and cannot align with " + domain
                + ", so DMARC must pass through DKIM (publish Salesforce's DKIM CNAMEs and activate the key).";
        List<Finding> out = new ArrayList<>();
        String message = switch (salesforce) {
            case UNKNOWN -> "Salesforce: the SPF of " + domain + " " + state + ". " + without + " " + with;
            case WITHOUT_BOUNCE_MANAGEMENT -> "Salesforce sends without Bounce Management: the SPF of " + domain
                    + " " + state + ". " + without;
            case WITH_BOUNCE_MANAGEMENT -> "Salesforce sends with Bounce Management. " + with;
        };
        out.add(finding("SPF_SALESFORCE", Severity.INFO, domain, message, List.of(), "", Actor.NOBODY));
        if (!included && salesforce != SalesforceSending.WITH_BOUNCE_MANAGEMENT) {
            boolean known = salesforce == SalesforceSending.WITHOUT_BOUNCE_MANAGEMENT;
            out.add(includeMissing(domain, walk, qualified, known));
        }
        return out;
    }

    /** SPF_SALESFORCE_INCLUDE_MISSING: no include at all, or only one whose qualifier keeps it from authorizing. */
    private static Finding includeMissing(String domain, SpfEvaluation walk, Optional<SpfMechanism> qualified,
                                          boolean known) {
        String needed = known ? "" : " (needed if Salesforce sends without Bounce Management)";
        String message = qualified.map(m -> "The SPF of " + domain + " does not authorize " + SALESFORCE_INCLUDE
                + needed + ": \"" + m.text() + "\" has the qualifier \"" + m.qualifier().symbol() + "\", so the "
                + "servers it matches, Salesforce's among them, get " + m.qualifier().result().label() + ", not pass "
                + "(RFC 7208 §4.6.2: only a bare or \"+\" include authorizes)")
                .orElse("The SPF of " + domain + " does not include " + SALESFORCE_INCLUDE + needed);
        // the first matching mechanism decides, so an unqualified include added after the qualified one is no use
        String remediation = qualified.map(m -> "Remove the \"" + m.qualifier().symbol() + "\" of \"" + m.text()
                + "\" (write \"" + m.text().substring(1) + "\"), or add \"include:" + SALESFORCE_INCLUDE
                + "\" before it.").orElse("Add \"include:" + SALESFORCE_INCLUDE + "\" before the \"all\" of the SPF "
                + "record of " + domain + ".");
        return finding("SPF_SALESFORCE_INCLUDE_MISSING", known ? Severity.ERROR : Severity.WARNING, domain, message,
                walk.tree(), remediation, Actor.SENDER_ADMIN);
    }

    private static Duration budget(CheckContext ctx) {
        return ctx.options().timeout().multipliedBy(BUDGET_TIMEOUTS);
    }

    private Finding result(CheckContext ctx, String domain, String text) {
        Optional<InetAddress> ip = IpAddresses.parse(text);
        if (ip.isEmpty()) {
            return finding("SPF_RESULT", Severity.WARNING, text, "\"" + text + "\" is not an IP address: no SPF "
                    + "result computed", List.of(), "Give --ip as an IPv4 or IPv6 address.", Actor.SENDER_ADMIN);
        }
        SpfMacroContext macros = new SpfMacroContext("postmaster@" + domain, ip, domain);
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
        evaluation.problems().forEach(p -> evidence.add(p.code() + ": " + p.message()));
        return finding("SPF_RESULT", severity, domain, "SPF result for " + ipText + " sending as " + domain + ": "
                + r.label() + " (" + evaluation.reason() + "; " + evaluation.lookups() + " DNS lookup"
                + (evaluation.lookups() == 1 ? "" : "s") + ")", evidence,
                r == SpfResult.PASS ? "" : "Authorize " + ipText + " in the SPF record of " + domain
                        + " (or fix the error) if this server sends for it.",
                r == SpfResult.PASS ? Actor.NOBODY : Actor.SENDER_ADMIN);
    }

    private static Finding finding(String code, Severity severity, String subject, String message,
                                   List<String> evidence, String remediation, Actor actor) {
        return new Finding(code, severity, subject, message, evidence, remediation, actor);
    }
}
