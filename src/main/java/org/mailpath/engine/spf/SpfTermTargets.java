package org.mailpath.engine.spf;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.mailpath.engine.dns.DnsAnswer;
import org.mailpath.engine.domain.DnsAnswers;
import org.mailpath.engine.finding.LocalText;
import org.mailpath.engine.finding.Severity;

/**
 * The names an evaluation's terms ask, their domain-specs' macros expanded (RFC 7208 §7), with the client's validated
 * names for %{p} looked up once, at the first term that needs them.
 */
final class SpfTermTargets {

    private final Optional<InetAddress> ip;
    private final SpfMacroContext macros;
    private final SpfLimits limits;
    private final SpfAddresses addresses;
    private final SpfProblems problems;
    private final SpfTree tree;
    /** Terms not evaluated because they name the message's sender or HELO and there is no message. */
    private final Set<String> messageTerms = new LinkedHashSet<>();
    /** The client's validated names for %{p} (§7.3), looked up at the first term that needs them. */
    private Optional<List<String>> validatedNames = Optional.empty();

    SpfTermTargets(Optional<InetAddress> ip, SpfMacroContext macros, SpfLimits limits, SpfAddresses addresses,
                      SpfProblems problems, SpfTree tree) {
        this.ip = ip;
        this.macros = macros;
        this.limits = limits;
        this.addresses = addresses;
        this.problems = problems;
        this.tree = tree;
    }

    /** The name {@code m} asks in the record of {@code domain}: its domain-spec expanded, or the domain itself. */
    Optional<String> target(SpfMechanism m, String domain) {
        return m.domainSpec().isEmpty() ? Optional.of(domain) : expand(m.domainSpec(), domain, m.text());
    }

    /** {@code spec} of {@code term} expanded; empty when it needs what this evaluation does not have. */
    Optional<String> expand(String spec, String domain, String term) {
        try {
            SpfMacroContext context = ip.isPresent() && SpfMacros.usesValidatedName(spec)
                    ? macros.withValidatedName(validatedName(domain, term)) : macros;
            Optional<String> expanded = SpfMacros.expandDomain(spec, domain, context);
            if (expanded.isPresent() && spec.contains("%")) {
                // the name asked is not in the record: the evidence shows it under the record, one level deeper
                tree.add(term + " → " + expanded.get());
            }
            if (expanded.isEmpty()) {
                boolean message = needsMessage(spec);
                if (message) {
                    messageTerms.add(term);
                }
                String code = message ? "SPF_MACRO_NEEDS_MESSAGE" : "SPF_MACRO_NEEDS_IP";
                problems.add(code, Severity.INFO, tree.outermost().orElse(domain),
                        text(code + ".message", term, domain), text(code + ".remediation"), List.of());
            }
            return expanded;
        } catch (SpfSyntaxException e) {
            // parse() validated every macro already; kept for safety
            throw new SpfStop(SpfResult.PERMERROR, text("reason.badMacro", term, e.reason()));
        }
    }

    /**
     * The term names what only a message says (its sender or HELO, RFC 7208 §7.2) and this evaluation has no
     * message: each message makes its own name, so the term is neither asked nor counted as void (§4.6.4).
     */
    boolean needsMessage(String spec) {
        return SpfMacros.usesMessage(spec) && (macros.sender().isEmpty() || macros.helo().isEmpty());
    }

    /** The terms met that name the message's sender or HELO and were not evaluated for want of a message. */
    List<String> messageTerms() {
        return List.copyOf(messageTerms);
    }

    /**
     * %{p} for {@code domain} (RFC 7208 §7.3): of the client's validated names, {@code domain} itself, else a
     * subdomain of it, else the first; empty ("unknown") when there is none.
     */
    private Optional<String> validatedName(String domain, String term) {
        if (validatedNames.isEmpty()) {
            validatedNames = Optional.of(lookUpValidatedNames(domain, term));
        }
        List<String> names = validatedNames.get();
        String d = domain.toLowerCase(Locale.ROOT);
        return names.stream().filter(d::equals).findFirst()
                .or(() -> names.stream().filter(n -> n.endsWith("." + d)).findFirst())
                .or(() -> names.stream().findFirst());
    }

    /**
     * The names of the PTR answer for the client IP whose addresses include it (§5.5), asked once per evaluation.
     * The PTR lookup counts towards the 10 (§4.6.4: "When evaluating the ... %{p} macro, the number of "PTR" resource
     * records queried is included in the overall limit"); its DNS error gives "unknown" (§7.3), an error on a name's
     * address lookup skips the name (§5.5). Neither ends the evaluation, and the term, not the PTR lookup, is what a
     * void answer would count against.
     */
    private List<String> lookUpValidatedNames(String domain, String term) {
        limits.count(term, domain);
        DnsAnswer answer = addresses.ptrQuery();
        if (DnsAnswers.failed(answer)) {
            problems.lookupFailed(answer, text("phrase.pMacroLookupFailed", "%{p}"));
            return List.of();
        }
        List<String> names = new ArrayList<>();
        for (String name : SpfAddresses.ptrNames(answer)) {
            if (addresses.of(name, term, SpfAddresses.Lookup.P_MACRO_NAME).orElse(List.of())
                    .contains(ip.orElseThrow())) {
                names.add(name);
            }
        }
        return names;
    }

    private static LocalText text(String key, Object... args) {
        return SpfTexts.text(key, args);
    }
}
