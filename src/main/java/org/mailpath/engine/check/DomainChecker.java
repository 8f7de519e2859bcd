package org.mailpath.engine.check;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.mailpath.engine.common.Cancellation;

/** Runs the DNS and mail-authentication checks of several domains concurrently. */
public interface DomainChecker {

    CheckReport check(List<CheckRequest> requests, CheckOptions options, CheckListener listener,
                      Cancellation cancellation);

    /** The kinds of check it runs; a request's other kinds are left out (every kind unless a checker says less). */
    default Set<CheckKind> kinds() {
        return EnumSet.allOf(CheckKind.class);
    }
}
