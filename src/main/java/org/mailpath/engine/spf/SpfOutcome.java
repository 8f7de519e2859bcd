package org.mailpath.engine.spf;

import org.mailpath.engine.finding.LocalText;

/** What check_host() gives for one domain: its result and why, in the finding texts' words. */
record SpfOutcome(SpfResult result, LocalText reason) {

    /** The outcome of {@code m} matching in the record of {@code domain}: its qualifier's result. */
    static SpfOutcome matched(SpfMechanism m, String domain) {
        return new SpfOutcome(m.qualifier().result(), SpfTexts.text("reason.matched", m.text(), domain));
    }
}
