package org.mailpath.engine.analysis;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.mailpath.engine.finding.LocalText;
import org.mailpath.engine.log.FileProblem;

/**
 * The hint that the log may show an Email Relay the analysis was not told of: one Relay Host that took mail (its
 * chains' outcome, or last deferral, went to it) for at least {@link #MIN_DOMAINS} recipient domains, and that is no
 * shared provider's ({@code shared-mail-providers.txt}): a provider's MX such as aspmx.l.google.com takes mail for
 * many domains too, so only the admin can say it is the org's relay (analyze --relay-host, the app's field). A
 * warning of the analysis (line 0, field Relay Host), not a rejected row. Not thread-safe; fed chain by chain.
 */
final class RelayHostHint {

    static final int MIN_DOMAINS = 3;
    /** Domains kept per host at most: a provider's host may take mail for thousands; a count this high is enough. */
    private static final int MAX_KEPT = 1000;
    private static final List<String> PROVIDERS = providers();

    /**
     * Per Relay Host as the log writes it (one shared text per spelling): its recipient domains. Noted per chain, so
     * the host is compared as written here and brought to its compared form ({@link RelayHosts#name}) only in
     * {@link #problem}, once per spelling.
     */
    private final Map<String, Set<String>> domainsByHost = new HashMap<>();

    /** Notes that the chain to {@code recipientDomain} ended at {@code relayHost} (empty: none named). */
    void add(String relayHost, String recipientDomain) {
        if (relayHost.isEmpty() || recipientDomain.isEmpty()) {
            return;
        }
        Set<String> domains = domainsByHost.computeIfAbsent(relayHost, h -> new HashSet<>());
        if (domains.size() < MAX_KEPT) {
            domains.add(recipientDomain);
        }
    }

    /** Adds the hosts another hint noted (one judging thread's). */
    void addAll(RelayHostHint other) {
        other.domainsByHost.forEach((host, domains) -> mergeCapped(domainsByHost, host, domains));
    }

    /** Adds {@code domains} to those kept for {@code key} in {@code into}, up to {@link #MAX_KEPT}. */
    private static void mergeCapped(Map<String, Set<String>> into, String key, Set<String> domains) {
        Set<String> mine = into.computeIfAbsent(key, h -> new HashSet<>());
        for (String d : domains) {
            if (mine.size() >= MAX_KEPT) {
                break;
            }
            mine.add(d);
        }
    }

    /**
     * The hint for the host with the most recipient domains among those that are no provider's (ties: the first
     * name in order), in {@code file}; empty when none took mail for {@link #MIN_DOMAINS} domains. Spellings of one
     * host (case, a trailing dot, spaces around it) are one host; a host {@code relay} already names is none.
     */
    Optional<FileProblem> problem(String file, RelayHosts relay) {
        Map<String, Set<String>> byName = new HashMap<>();
        domainsByHost.forEach((host, domains) -> {
            String name = RelayHosts.name(host.strip());
            if (!name.isEmpty()) {
                mergeCapped(byName, name, domains);
            }
        });
        return byName.entrySet().stream()
                .filter(e -> e.getValue().size() >= MIN_DOMAINS && !sharedProvider(e.getKey())
                        && !relay.took(e.getKey(), ""))
                .min(Map.Entry.<String, Set<String>>comparingByValue((a, b) -> b.size() - a.size())
                        .thenComparing(Map.Entry.comparingByKey()))
                .map(e -> new FileProblem(0, "Relay Host", new LocalText(ChainWords.BUNDLE, "relayHint",
                        List.of(e.getKey(), e.getValue().size())), false).inFile(file));
    }

    /** Whether {@code host} is a shared mail provider's ({@link #PROVIDERS}). */
    static boolean sharedProvider(String host) {
        String h = RelayHosts.name(host);
        return PROVIDERS.stream().anyMatch(s -> h.equals(s) || h.endsWith("." + s));
    }

    private static List<String> providers() {
        try (InputStream in = RelayHostHint.class.getResourceAsStream("shared-mail-providers.txt")) {
            if (in == null) {
                throw new IllegalStateException("shared-mail-providers.txt is missing");
            }
            return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines().map(String::strip)
                    .filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
