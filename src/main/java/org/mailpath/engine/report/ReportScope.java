package org.mailpath.engine.report;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.mailpath.engine.address.IdnaNames;
import org.mailpath.engine.finding.Finding;
import org.mailpath.engine.smtp.SmtpCodes;

/**
 * Which recipient domains of the log a report is about, and which of the findings of no known domain it shows. A
 * report limited to some domains ({@code --domain D}, "Only D" in the app) is sent to their mail teams: no other
 * domain's findings may stand in it, not even under our own side. The findings of no known domain are an SMTP
 * probe's (extra findings): those of finding a domain's servers, whose subject is the domain or one of its MX hosts,
 * and those of the run as a whole, whose subject or evidence lists the domains or hosts probed. In such a report one
 * is shown only with the names of the included domains (and of hosts below them) in it, and not at all where none is
 * left; a finding about a host that lies below none of the log's recipient domains (an MX host elsewhere) cannot be
 * told to be about an included domain, so it is left out too. A report of every domain of the log shows every one.
 */
final class ReportScope {

    /** The evidence of SMTP_DOMAINS_CAPPED: "not probed: a.example, b.example" ({@code FailedDomainProbe}). */
    private static final Pattern NOT_PROBED = Pattern.compile("^(not probed: )(.*)$");
    private static final String LIST_SEPARATOR = ", ";

    private final Set<String> included;
    private final Set<String> excluded;

    /** {@code included}: the report's recipient domains; {@code all}: the log's (both as the report keys them). */
    ReportScope(Set<String> included, Set<String> all) {
        this.included = names(included);
        Set<String> others = names(all);
        others.removeAll(this.included);
        this.excluded = others;
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
        List<String> kept = names.stream().filter(n -> below(n.strip(), included)).toList();
        if (kept.isEmpty()) {
            return Optional.empty();
        }
        // the evidence lines that name a host or domain left out go with it
        List<String> left = names.stream().filter(n -> !kept.contains(n)).map(String::strip)
                .filter(n -> !n.isEmpty()).toList();
        List<String> evidence = f.evidence().stream().filter(line -> left.stream().noneMatch(line::contains)).toList();
        return Optional.of(withSubject(f, String.join(LIST_SEPARATOR, kept)).withEvidence(evidence));
    }

    /** The domains not probed, of the included ones only: none of them, nothing to say in this report. */
    private Optional<Finding> notProbed(Finding f) {
        List<String> evidence = new ArrayList<>();
        boolean any = false;
        for (String line : f.evidence()) {
            var m = NOT_PROBED.matcher(line);
            if (!m.matches()) {
                evidence.add(line);
                continue;
            }
            List<String> domains = Arrays.stream(m.group(2).split(Pattern.quote(LIST_SEPARATOR)))
                    .filter(d -> below(d.strip(), included)).toList();
            if (!domains.isEmpty()) {
                any = true;
                evidence.add(m.group(1) + String.join(LIST_SEPARATOR, domains));
            }
        }
        return any ? Optional.of(f.withEvidence(evidence)) : Optional.empty();
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
}
