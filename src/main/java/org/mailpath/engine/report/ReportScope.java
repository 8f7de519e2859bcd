package org.mailpath.engine.report;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.mailpath.engine.address.IdnaNames;
import org.mailpath.engine.finding.Finding;
import org.mailpath.engine.finding.FindingTexts;
import org.mailpath.engine.finding.LocalText;
import org.mailpath.engine.smtp.SmtpCodes;
import org.mailpath.engine.smtp.SmtpFindings;

/**
 * Which recipient domains of the log a report is about, and which of the findings of no known domain it shows. A
 * report limited to some domains ({@code --domain D}, "Only D" in the app) is sent to their mail teams: no other
 * domain's findings may stand in it, not even under our own side. The findings of no known domain are an SMTP
 * probe's (extra findings): those of finding a domain's servers, whose subject is the domain or one of its MX hosts,
 * and those of the run as a whole, whose subject or evidence lists the domains or hosts probed. In such a report one
 * is shown only with the names of the included domains (and of hosts below them) in it, and not at all where none is
 * left; a host that lies below none of the log's recipient domains (an MX host elsewhere, mx.hosting.net) counts as
 * an included domain's where the probe reached it as that domain's server ({@code probedFor}), and is left out
 * otherwise. The run's findings count what the whole run probed ("only the 10 of 12 domains", "none of the 3
 * addresses"): beside the report's own counts they tell the mail team how much of our mail to others failed, so such a
 * report words them anew, counting only what is left of the included domains or giving no count ({@link #counted}).
 * A report of every domain of the log shows every one as the probe worded it.
 */
final class ReportScope {

    /** The evidence of SMTP_DOMAINS_CAPPED: "not probed: a.example, b.example" ({@code FailedDomainProbe}). */
    private static final Pattern NOT_PROBED = Pattern.compile("^(not probed: )(.*)$");
    private static final String LIST_SEPARATOR = ", ";

    /** The SMTP probe's texts, where the run's findings are worded anew for a report on some domains. */
    private static final FindingTexts SMTP_TEXTS = FindingTexts.of(SmtpFindings.class);

    private final Set<String> included;
    private final Set<String> excluded;
    /** A host probed → the recipient domains it was probed for (each as {@link IdnaNames#lookupName} has it). */
    private final Map<String, Set<String>> probedFor;

    /** {@code included}: the report's recipient domains; {@code all}: the log's (both as the report keys them). */
    ReportScope(Set<String> included, Set<String> all) {
        this(included, all, Map.of());
    }

    /**
     * As {@link #ReportScope(Set, Set)}, with the hosts a probe reached as the servers of a recipient domain:
     * {@code probedFor} maps a host to the domains it was probed for (their MX hosts, named under any domain).
     */
    ReportScope(Set<String> included, Set<String> all, Map<String, Set<String>> probedFor) {
        this.included = names(included);
        Set<String> others = names(all);
        others.removeAll(this.included);
        this.excluded = others;
        Map<String, Set<String>> hosts = new HashMap<>();
        probedFor.forEach((host, domains) -> hosts.computeIfAbsent(IdnaNames.lookupName(host), h -> new HashSet<>())
                .addAll(names(domains)));
        this.probedFor = hosts;
    }

    private static Set<String> names(Set<String> domains) {
        Set<String> out = new HashSet<>();
        domains.forEach(d -> out.add(IdnaNames.lookupName(d)));
        out.remove("");
        return out;
    }

    /** {@code subject} where it is one name, not a list of them ("mx1.a.example, mx2.b.example"). */
    static Optional<String> oneName(String subject) {
        return subject.contains(LIST_SEPARATOR) ? Optional.empty() : Optional.of(subject);
    }

    /** Whether some recipient domain of the log is left out of the report. */
    boolean limited() {
        return !excluded.isEmpty();
    }

    /** Whether {@code name} is, or lies below, a recipient domain of the log that the report leaves out. */
    boolean excluded(String name) {
        return below(name, excluded);
    }

    /**
     * A finding of no known domain that is not placed in an included domain's section, as the report shows it under
     * our own side; empty when it is to be left out ({@link ReportScope}).
     */
    Optional<Finding> unplaced(Finding f) {
        if (!limited()) {
            return Optional.of(f);
        }
        if (f.code().equals(SmtpCodes.SMTP_DOMAINS_CAPPED)) {
            return notProbed(f);
        }
        List<String> names = List.of(f.subject().split(Pattern.quote(LIST_SEPARATOR)));
        List<String> kept = names.stream().filter(n -> ofIncluded(n.strip())).toList();
        if (kept.isEmpty()) {
            return Optional.empty();
        }
        // the evidence lines that name a host or domain left out go with it
        List<String> left = names.stream().filter(n -> !kept.contains(n)).map(String::strip)
                .filter(n -> !n.isEmpty()).toList();
        List<String> evidence = f.evidence().stream().filter(line -> left.stream().noneMatch(n -> names(line, n)))
                .toList();
        return Optional.of(counted(withSubject(f, String.join(LIST_SEPARATOR, kept)).withEvidence(evidence)));
    }

    /**
     * A run's finding whose words count what the whole run probed, worded for what is left of it: the addresses
     * none of which answered on port 25, those of the included domains (one evidence line each, {@code
     * PortBlockedCheck}); the addresses left unprobed, without a count (which of them were the included domains'
     * the finding does not say). Any other finding as it is.
     */
    private static Finding counted(Finding f) {
        if (f.code().equals(SmtpCodes.SMTP_PORT25_BLOCKED_LOCALLY)) {
            // the port stays as the probe gave it ({0}); only the count of addresses ({1}) is the run's
            return f.messageText().filter(t -> t instanceof LocalText l && l.args().size() == 2)
                    .map(t -> (LocalText) t)
                    .map(t -> f.withMessage(new LocalText(t.bundle(), t.key(),
                            List.of(t.args().getFirst(), f.evidence().size()))))
                    .orElse(f);
        }
        if (f.code().equals(SmtpCodes.SMTP_TARGETS_CAPPED)) {
            return f.withMessage(SMTP_TEXTS.text(SmtpCodes.SMTP_TARGETS_CAPPED + ".scoped.message"));
        }
        return f;
    }

    /**
     * The domains not probed, of the included ones only, worded without the run's counts (how many domains the log
     * has with such failures, how many were probed): none of them, nothing to say in this report.
     */
    private Optional<Finding> notProbed(Finding f) {
        List<String> evidence = new ArrayList<>();
        List<String> notProbed = new ArrayList<>();
        for (String line : f.evidence()) {
            var m = NOT_PROBED.matcher(line);
            if (!m.matches()) {
                evidence.add(line);
                continue;
            }
            List<String> domains = Arrays.stream(m.group(2).split(Pattern.quote(LIST_SEPARATOR)))
                    .filter(d -> below(d.strip(), included)).toList();
            if (!domains.isEmpty()) {
                notProbed.addAll(domains.stream().map(String::strip).toList());
                evidence.add(m.group(1) + String.join(LIST_SEPARATOR, domains));
            }
        }
        if (notProbed.isEmpty()) {
            return Optional.empty();
        }
        String key = SmtpCodes.SMTP_DOMAINS_CAPPED + ".scoped";
        Object[] args = {String.join(LIST_SEPARATOR, notProbed), notProbed.size()};
        return Optional.of(f.withEvidence(evidence).withMessage(SMTP_TEXTS.text(key + ".message", args))
                .withRemediation(SMTP_TEXTS.text(key + ".remediation", args), f.actor()));
    }

    /** Whether {@code name} is, or lies below, an included domain, or is a host probed for one. */
    private boolean ofIncluded(String name) {
        return below(name, included) || probedFor.getOrDefault(IdnaNames.lookupName(name), Set.of()).stream()
                .anyMatch(included::contains);
    }

    private static boolean below(String name, Set<String> domains) {
        String n = IdnaNames.lookupName(name);
        if (n.isEmpty()) {
            return false;
        }
        for (String d : domains) {
            if (n.equals(d) || n.endsWith("." + d)) {
                return true;
            }
        }
        return false;
    }

    private static Finding withSubject(Finding f, String subject) {
        return new Finding(f.code(), f.severity(), subject, f.message(), f.evidence(), f.remediation(), f.actor(),
                f.messageText(), f.remediationText(), f.mailTeamRemediation(), f.mailTeamRemediationText());
    }

    /**
     * Whether an evidence line names {@code host}: as a whole name, not inside a longer one (a line of the kept
     * {@code mx.example.com.au} does not name a left-out {@code mx.example.com}).
     */
    static boolean names(String line, String host) {
        for (int at = line.indexOf(host); at >= 0; at = line.indexOf(host, at + 1)) {
            int end = at + host.length();
            if ((at == 0 || !hostChar(line.charAt(at - 1))) && (end == line.length() || !hostChar(line.charAt(end))
                    || line.charAt(end) == '.' && (end + 1 == line.length() || !hostChar(line.charAt(end + 1))))) {
                return true;
            }
        }
        return false;
    }

    private static boolean hostChar(char c) {
        return Character.isLetterOrDigit(c) || c == '-' || c == '.' || c == '_';
    }
}
