package org.mailpath.engine.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.mailpath.engine.common.Cancellation;
import org.mailpath.engine.common.ProgressListener;
import org.mailpath.engine.log.LogFixtures;
import org.mailpath.engine.log.MailEvent;

/**
 * The bit ChainJudge sets on a chain whose verdict row went to our Email Relay ({@link MessageChain#viaRelay}) says
 * what the rule that re-derived it from the chain's events said (RelayHosts.carried, since removed; kept here as
 * {@link #carried}), on the repository's samples and the relay test logs, with each of their Relay Hosts and all their
 * Relay Addresses named as the relay in turn.
 */
class ViaRelayBitTest {

    private static final Path PROJECT = Path.of(System.getProperty("mailpath.projectDir", "."));

    @Test
    void theJudgesBitIsTheRuleOfTheChainsEvents() throws Exception {
        List<Path> logs = new ArrayList<>();
        try (Stream<Path> samples = Files.list(PROJECT.resolve("assets/samples"))) {
            samples.filter(p -> p.toString().matches(".*\\.(csv|gz|zip)")).sorted().forEach(logs::add);
        }
        logs.add(PROJECT.resolve("src/test/resources/org/mailpath/cli/email-relay.csv"));
        logs.add(PROJECT.resolve("src/test/resources/org/mailpath/cli/email-relay-mixed.csv"));
        int via = 0;
        int notVia = 0;
        for (Path log : logs) {
            LogAnalysis plain = LogFixtures.analyze(log);
            Set<String> hosts = new LinkedHashSet<>();
            Set<String> addresses = new LinkedHashSet<>();
            for (MessageChain c : plain.chains()) {
                assertEquals(false, c.viaRelay(), c.toString());
                c.events().forEach(e -> {
                    if (!e.relayHost().isBlank()) {
                        hosts.add(e.relayHost().strip());
                    }
                    if (!e.relayAddress().isBlank()) {
                        addresses.add(e.relayAddress().strip());
                    }
                });
            }
            List<List<String>> relays = new ArrayList<>();
            hosts.stream().limit(8).forEach(h -> relays.add(List.of(h)));
            relays.add(addresses.stream().filter(a -> RelayHosts.address(a).isPresent()).limit(20).toList());
            for (List<String> given : relays) {
                if (given.isEmpty()) {
                    continue;
                }
                RelayHosts relay = RelayHosts.of(given);
                LogAnalysis a = new EmailLogAnalyzer().withRelayHosts(relay)
                        .analyze(log, ProgressListener.NONE, Cancellation.none());
                for (MessageChain c : a.chains()) {
                    assertEquals(carried(relay, c), c.viaRelay(), log.getFileName() + " " + given + " " + c);
                    assertEquals(c.viaRelay(), a.viaRelay(c));
                    if (c.viaRelay()) {
                        via++;
                    } else {
                        notVia++;
                    }
                }
            }
        }
        assertTrue(via > 100 && notVia > 100, via + " via the relay, " + notVia + " not");
    }

    /** RelayHosts.carried as it was: whether the event {@code chain}'s verdict was read from went to {@code relay}. */
    private static boolean carried(RelayHosts relay, MessageChain chain) {
        return !relay.isEmpty() && judged(chain).filter(e -> relay.took(e.relayHost(), e.relayAddress())).isPresent();
    }

    /**
     * The event {@code chain}'s verdict was read from: its outcome, except for a bounce that only says it expired (its
     * status is not the outcome's), the last T before it; without an outcome, its last T.
     */
    private static Optional<ChainEvent> judged(MessageChain chain) {
        Optional<ChainEvent> outcome = chain.outcome();
        if (outcome.isPresent() && (outcome.get().event() != MailEvent.PERMANENT_FAILURE
                || outcome.get().status().equals(chain.status()))) {
            return outcome;
        }
        List<ChainEvent> events = chain.events();
        int end = outcome.isPresent() ? events.lastIndexOf(outcome.get()) : events.size();
        for (int i = end - 1; i >= 0; i--) {
            if (events.get(i).event() == MailEvent.TRANSIENT_FAILURE) {
                return Optional.of(events.get(i));
            }
        }
        return outcome;
    }
}
