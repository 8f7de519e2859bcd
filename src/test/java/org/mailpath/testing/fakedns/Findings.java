package org.mailpath.testing.fakedns;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.List;
import org.mailpath.engine.finding.Finding;
import org.mailpath.engine.finding.Severity;

/** Assertions on finding lists that print the whole list when they fail. */
public final class Findings {

    private Findings() {
    }

    public static Finding single(List<Finding> findings, String code) {
        List<Finding> matching = findings.stream().filter(f -> f.code().equals(code)).toList();
        if (matching.size() != 1) {
            fail("expected one " + code + " but got " + matching.size() + " in:\n" + describe(findings));
        }
        return matching.getFirst();
    }

    public static Finding single(List<Finding> findings, String code, Severity severity) {
        Finding f = single(findings, code);
        assertEquals(severity, f.severity(), () -> describe(findings));
        return f;
    }

    public static void absent(List<Finding> findings, String code) {
        if (findings.stream().anyMatch(f -> f.code().equals(code))) {
            fail("did not expect " + code + " in:\n" + describe(findings));
        }
    }

    /**
     * Every {@code expected} code is among {@code findings}, and every WARNING or ERROR is expected, except the codes
     * {@code notJudged} names (advice that is not a judgment of the record under test).
     */
    public static void expectedAndNoOtherProblems(String where, List<String> expected, List<Finding> findings,
                                                  String... notJudged) {
        String all = where + ":\n" + describe(findings);
        for (String code : expected) {
            if (!codes(findings).contains(code)) {
                fail("missing " + code + " in " + all);
            }
        }
        List<String> ignored = List.of(notJudged);
        for (Finding f : findings) {
            if ((f.severity() == Severity.ERROR || f.severity() == Severity.WARNING) && !expected.contains(f.code())
                    && !ignored.contains(f.code())) {
                fail("unexpected " + f.code() + " in " + all);
            }
        }
    }

    public static List<String> codes(List<Finding> findings) {
        return findings.stream().map(Finding::code).toList();
    }

    public static String describe(List<Finding> findings) {
        StringBuilder sb = new StringBuilder();
        for (Finding f : findings) {
            sb.append(f.code()).append(' ').append(f.severity()).append(' ').append(f.subject()).append(": ")
                    .append(f.message()).append('\n');
        }
        return sb.toString();
    }
}
