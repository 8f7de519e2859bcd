package org.mailpath.engine.check;

import java.util.List;
import java.util.function.Function;
import org.mailpath.engine.finding.Finding;

/** Checks made by tests: a kind, and what running it gives. */
final class TestChecks {

    private TestChecks() {
    }

    /** A check of {@code kind} that finds {@code findings}. */
    static DomainCheck check(CheckKind kind, Finding... findings) {
        List<Finding> found = List.of(findings);
        return check(kind, context -> CheckOutcome.of(found));
    }

    /** A check of {@code kind} whose run is {@code run}. */
    static DomainCheck check(CheckKind kind, Function<CheckContext, CheckOutcome> run) {
        return new DomainCheck() {
            @Override
            public CheckKind kind() {
                return kind;
            }

            @Override
            public CheckOutcome run(CheckContext context) {
                return run.apply(context);
            }
        };
    }
}
