package org.mailpath.engine.analysis;

import java.time.Instant;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.mailpath.engine.log.FileProblem;
import org.mailpath.engine.status.Category;

/**
 * The result of analysing one Email Log file, or several together. {@code rows} counts data rows read (rejected ones
 * included, and exact copies of rows, which are left out of the chains with a warning); {@code problems} lists rejected
 * rows and warnings with their file and line numbers (possibly capped for huge files: {@code rejectedRows} is always
 * the true count). Maps iterate in a stable order. {@code staleDeferrals} counts the DEFERRED chains that are
 * {@link MessageChain#stale}, {@code staleReceived} the RECEIVED_ONLY chains that are
 * {@link MessageChain#staleReceived}. {@code files} lists the files analysed, in the order given (one for a single log);
 * {@code file} is the first one's name, and the counts are those of all files together. {@code unsharedIdGuesses}:
 * the chains, by key, whose rows in logs sharing no ID column were joined by a guess or left apart for matching more
 * than one ({@link UnsharedIdGuess}); empty for a single log and for files that share an ID column. Kept here, not in
 * every {@link MessageChain}, since they are few and only logs analysed together have them. {@code relayHosts}: the
 * org's Email Relay the analysis was told of (none without the mode); the replies of a chain that went to it were
 * judged as the relay's ({@link #viaRelay}).
 */
public record LogAnalysis(String file, long rows, long rejectedRows, List<FileProblem> problems,
                          List<MessageChain> chains, Map<Verdict, Long> verdicts, long deliveredAfterRetry,
                          Map<Category, Long> bounceCategories, Map<Category, Long> deferralCategories,
                          List<DomainSummary> domains, Optional<Instant> firstEvent, Optional<Instant> lastEvent,
                          long staleDeferrals, List<AnalysedFile> files,
                          Map<ChainKey, UnsharedIdGuess> unsharedIdGuesses, long staleReceived,
                          RelayHosts relayHosts) {

    public LogAnalysis {
        problems = List.copyOf(problems);
        // ChainList is already unmodifiable and compact; copying it would build every chain record at once.
        chains = chains instanceof ChainList ? chains : List.copyOf(chains);
        domains = List.copyOf(domains);
        files = files.isEmpty() ? List.of(new AnalysedFile(file, rows, rejectedRows, 0, true)) : List.copyOf(files);
        verdicts = inOrder(verdicts);
        bounceCategories = inOrder(bounceCategories);
        deferralCategories = inOrder(deferralCategories);
        unsharedIdGuesses = Map.copyOf(unsharedIdGuesses);
        relayHosts = Objects.requireNonNull(relayHosts, "relayHosts (RelayHosts.none() without the relay mode)");
    }

    /**
     * An unmodifiable copy iterating as {@code counts} does: the verdicts in enum order, the categories most first
     * (ChainTally's order, which the report and JSON keep; Map.copyOf would not).
     */
    private static <K extends Enum<K>> Map<K, Long> inOrder(Map<K, Long> counts) {
        Map<K, Long> copy = counts instanceof EnumMap<K, Long> byEnum ? new EnumMap<>(byEnum)
                : new LinkedHashMap<>(counts);
        return Collections.unmodifiableMap(copy);
    }

    /** Whether the analysis was told the org's Email Relay ({@code analyze --relay-host}, the app's field). */
    public boolean relayMode() {
        return !relayHosts.isEmpty();
    }

    /**
     * Whether {@code chain} ended at our Email Relay ({@link MessageChain#viaRelay}, decided while it was judged): the
     * row its verdict was read from went to the relay, no server of the recipient's. False for every chain without the
     * relay mode.
     */
    public boolean viaRelay(MessageChain chain) {
        return chain.viaRelay();
    }

    public long messages() {
        return chains.size();
    }

    public long count(Verdict verdict) {
        return verdicts.getOrDefault(verdict, 0L);
    }

    /**
     * Whether {@code chain}, one of {@link #chains}, was joined from logs sharing no ID column by a guess or left
     * apart for matching more than one (so it may count twice); empty for every other chain.
     */
    public Optional<UnsharedIdGuess> unsharedIdGuess(MessageChain chain) {
        // most analyses have none: no key is made for their chains
        return unsharedIdGuesses.isEmpty() ? Optional.empty()
                : Optional.ofNullable(unsharedIdGuesses.get(ChainKey.of(chain)));
    }
}
