package org.mailpath.testing;

import java.util.List;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Fails a test during which {@link ResolverGuard} refused a lookup, even when the code under test caught the
 * refusal (a fallback name, an "unreachable" finding). Registered for every Jupiter test by autodetection
 * (junit-platform.properties). A refusal made outside any test (a class's setup, a thread left running) is reported
 * by the next test to finish.
 */
public final class ResolverGuardExtension implements AfterEachCallback {

    @Override
    public void afterEach(ExtensionContext context) {
        List<ResolverGuard.Refusal> refused = ResolverGuard.takeRefused();
        if (!refused.isEmpty()) {
            throw new AssertionError(ResolverGuard.REFUSAL + refused
                    + " (use a loopback server the test starts, or an IP literal)");
        }
    }
}
