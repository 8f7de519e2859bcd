package org.mailpath.engine.dkim;

import java.util.List;
import org.mailpath.engine.check.CheckContext;
import org.mailpath.engine.check.CheckKind;
import org.mailpath.engine.check.CheckOutcome;
import org.mailpath.engine.check.DomainCheck;
import org.mailpath.engine.finding.Actor;
import org.mailpath.engine.finding.Finding;
import org.mailpath.engine.finding.Severity;

/** The DKIM check: every selector of {@code --dkim-selector} through {@link DkimInspector}. */
public final class DkimCheck implements DomainCheck {

    @Override
    public CheckKind kind() {
        return CheckKind.DKIM;
    }

    @Override
    public CheckOutcome run(CheckContext ctx) {
        List<String> selectors = ctx.options().dkimSelectors();
        if (selectors.isEmpty()) {
            return CheckOutcome.of(List.of(new Finding("DKIM_NO_SELECTOR", Severity.INFO, ctx.domain(),
                    "No DKIM selector given: DKIM keys cannot be found in DNS without one", List.of(),
                    "Give the selectors with --dkim-selector (the s= of a DKIM-Signature header, or Salesforce "
                            + "Setup → DKIM Keys).", Actor.NOBODY)));
        }
        return CheckOutcome.of(DkimInspector.inspect(ctx.domain(), selectors, ctx.dns(), ctx.cancellation()).stream()
                .flatMap(r -> r.findings().stream()).toList());
    }
}
