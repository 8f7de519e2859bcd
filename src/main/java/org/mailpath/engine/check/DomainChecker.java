package org.mailpath.engine.check;

import java.util.List;
import org.mailpath.engine.common.Cancellation;

/** Runs the DNS and mail-authentication checks of several domains concurrently. */
public interface DomainChecker {

    CheckReport check(List<CheckRequest> requests, CheckOptions options, CheckListener listener,
                      Cancellation cancellation);
}
