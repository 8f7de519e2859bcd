package org.mailpath.engine.spf;

import org.mailpath.engine.finding.LocalText;

/** Thrown to end an evaluation with a result (limits, temperror, permerror in enforcing mode). */
final class SpfStop extends RuntimeException {

    private final SpfResult result;
    private final transient LocalText reason;

    SpfStop(SpfResult result, LocalText reason) {
        super(reason.toString(), null, false, false);
        this.result = result;
        this.reason = reason;
    }

    SpfOutcome outcome() {
        return new SpfOutcome(result, reason);
    }
}
