package org.mailpath.testing;

import org.mailpath.engine.check.CheckContext;
import org.mailpath.engine.check.CheckKind;
import org.mailpath.engine.check.CheckOutcome;
import org.mailpath.engine.check.DomainCheck;

/** A check with a bug: it throws whenever it runs, which the checker must turn into CHECK_FAILED and go on. */
public record BrokenCheck(CheckKind kind, String bug) implements DomainCheck {

    @Override
    public CheckOutcome run(CheckContext context) {
        throw new IllegalStateException(bug);
    }
}
