package org.mailpath.engine.spf;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mailpath.engine.dns.DnsAnswer;
import org.mailpath.engine.domain.DnsAnswers;
import org.mailpath.engine.finding.Actor;
import org.mailpath.engine.finding.Finding;
import org.mailpath.engine.finding.LocalText;
import org.mailpath.engine.finding.Severity;

/** The findings one SPF evaluation meets, in the order met, each once (by code, subject and message). */
final class SpfProblems {

    private final Map<String, Finding> found = new LinkedHashMap<>();

    void add(String code, Severity severity, String subject, LocalText message, LocalText remediation,
             List<String> evidence) {
        found.putIfAbsent(code + "|" + subject + "|" + message,
                new Finding(code, severity, subject, message, evidence, remediation, Actor.SENDER_ADMIN));
    }

    /**
     * A failed lookup, said once, with its {@code consequence}. Alone (the lookups of ptr and of %{p}, whose errors
     * RFC 7208 §5.5 and §7.3 turn into "no match" and "unknown"), it is neither temperror nor one of the
     * {@link SpfLimits#MAX_FAILED_QUERIES} (only the time budget bounds it, as §4.6.4 bounds check_host());
     * {@link SpfLimits#dnsProblem} counts the others.
     */
    void lookupFailed(DnsAnswer answer, LocalText consequence) {
        Finding f = DnsAnswers.lookupFailed(answer, consequence, Actor.SENDER_ADMIN);
        found.putIfAbsent(f.code() + "|" + f.subject() + "|" + f.message(), f);
    }

    List<Finding> list() {
        return List.copyOf(found.values());
    }
}
