package org.mailpath.ui.dnscheck;

import java.time.Duration;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.mailpath.engine.address.IdnaNames;
import org.mailpath.engine.check.CheckKind;
import org.mailpath.engine.check.CheckOptions;
import org.mailpath.engine.check.CheckRequest;
import org.mailpath.engine.spf.SalesforceSending;

/** What a run checks and how: each domain's checks, and the options made of the step's settings. */
final class CheckPlan {

    private CheckPlan() {
    }

    /**
     * The sending domain's checks and each recipient domain's, one request per domain.
     *
     * @param sender the sending domain, normalized; empty = do not check it
     * @param logSending how the log shows Salesforce sending as each sending domain (by lookup name)
     */
    static List<CheckRequest> requests(Optional<String> sender, List<String> recipientDomains,
                                       Map<String, SalesforceSending> logSending) {
        Map<String, Set<CheckKind>> kinds = new LinkedHashMap<>();
        sender.ifPresent(s -> kinds.computeIfAbsent(s, d -> EnumSet.noneOf(CheckKind.class)).addAll(CheckKind.SENDER));
        for (String d : recipientDomains) {
            kinds.computeIfAbsent(d, x -> EnumSet.noneOf(CheckKind.class)).addAll(CheckKind.RECIPIENT);
        }
        // the sender domain's SPF check is told what the log shows of Salesforce sending as it (a domain typed in
        // that the log does not show stays UNKNOWN)
        return kinds.entrySet().stream().map(e -> {
            boolean ours = sender.filter(e.getKey()::equals).isPresent();
            return new CheckRequest(e.getKey(), e.getValue(), ours ? logSending.getOrDefault(
                    IdnaNames.lookupName(e.getKey()), SalesforceSending.UNKNOWN) : SalesforceSending.UNKNOWN,
                    List.of(), ours);
        }).toList();
    }

    /**
     * {@code base} with the step's resolvers (none given: {@code base}'s), timeout and DKIM selectors.
     *
     * @param storedSelectors the selectors given in the DKIM step (shared through the settings); none: the defaults
     */
    static CheckOptions options(CheckOptions base, List<String> resolvers, int timeoutSeconds,
                                Optional<String> storedSelectors) {
        return new CheckOptions(resolvers.isEmpty() ? base.resolvers() : resolvers, base.dnsPort(),
                Duration.ofSeconds(Math.max(1, timeoutSeconds)), base.ip(), dkimSelectors(storedSelectors, base),
                base.blocklistZones());
    }

    private static List<String> dkimSelectors(Optional<String> stored, CheckOptions base) {
        return stored.map(s -> Arrays.stream(s.split("[,;\\s]+"))
                .map(String::strip).filter(x -> !x.isEmpty()).toList()).filter(l -> !l.isEmpty())
                .orElse(base.dkimSelectors());
    }

    /** A stored timeout in seconds, kept within 1 to 30; 3 for one that is no number. */
    static int timeoutSeconds(String stored) {
        try {
            return Math.max(1, Math.min(30, Integer.parseInt(stored.strip())));
        } catch (NumberFormatException e) {
            return 3;
        }
    }
}
