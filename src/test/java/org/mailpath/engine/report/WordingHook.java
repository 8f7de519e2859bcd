package org.mailpath.engine.report;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.mailpath.engine.analysis.LogAnalysis;
import org.mailpath.engine.analysis.MessageChain;
import org.mailpath.engine.analysis.RelayHosts;
import org.mailpath.engine.finding.LocalText;
import org.mailpath.engine.finding.Localizable;

/**
 * An analysis whose messages tell a test as a report words them: the builder words each listed message's address
 * problem once, so a test sees how many messages a build went on to after a cancel.
 */
public final class WordingHook {

    private WordingHook() {
    }

    /** {@code a} with every chain carrying an address problem whose words run {@code onWording} when made. */
    public static LogAnalysis wordingEach(LogAnalysis a, Runnable onWording) {
        return wordingEach(a, locale -> onWording.run());
    }

    /**
     * As {@link #wordingEach(LogAnalysis, Runnable)}, {@code onWording} told the language asked for: a report in
     * another language than the command line's summary (English) is told apart from it.
     */
    public static LogAnalysis wordingEach(LogAnalysis a, Consumer<Locale> onWording) {
        Localizable hook = new Localizable() {
            @Override
            public String in(Locale locale) {
                onWording.accept(locale);
                return "x";
            }
        };
        Optional<LocalText> problem = Optional.of(new LocalText("org.mailpath.engine.address.problems",
                "local.character", List.of(hook)));
        List<MessageChain> chains = a.chains().stream().map(c -> new MessageChain(c.messageIdHeader(),
                c.internalMessageId(), c.recipient(), c.sender(), c.userId(), c.events(), c.verdict(), c.retries(),
                c.status(), c.diagnosis(), problem, c.retriesBeforeDelivery(), c.stale(), c.staleReceived(),
                c.viaRelay())).toList();
        return new LogAnalysis(a.file(), a.rows(), a.rejectedRows(), a.problems(), chains, a.verdicts(),
                a.deliveredAfterRetry(), a.bounceCategories(), a.deferralCategories(), a.domains(), a.firstEvent(),
                a.lastEvent(), a.staleDeferrals(), a.files(), Map.of(), a.staleReceived(), RelayHosts.none());
    }
}
