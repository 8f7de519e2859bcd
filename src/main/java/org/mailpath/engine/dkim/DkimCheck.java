package org.mailpath.engine.dkim;

import java.util.List;
import org.mailpath.engine.check.CheckContext;
import org.mailpath.engine.check.CheckKind;
import org.mailpath.engine.check.CheckOutcome;
import org.mailpath.engine.check.DomainCheck;
import org.mailpath.engine.finding.Actor;
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
            return CheckOutcome.of(List.of(DkimTexts.TEXTS.finding("DKIM_NO_SELECTOR", Severity.INFO, ctx.domain(),
                    List.of(), Actor.SENDER_ADMIN, "DKIM_NO_SELECTOR")));
        }
        return CheckOutcome.of(DkimSelectorReport.findingsOf(
                DkimInspector.inspect(ctx.domain(), selectors, ctx.dns(), ctx.cancellation())));
    }
}
