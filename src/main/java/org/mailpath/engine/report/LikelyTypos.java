package org.mailpath.engine.report;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.mailpath.engine.analysis.MessageChain;
import org.mailpath.engine.analysis.Verdict;
import org.mailpath.engine.finding.Actor;
import org.mailpath.engine.status.Category;

/**
 * A recipient domain no server of which was tried, its messages failing in DNS (Salesforce could not look it up, or
 * found it not valid), that is one typing slip from a domain the same log delivered mail to: contso.example beside
 * contoso.example. The slip is one letter left out, added, changed or two neighbours swapped (the
 * Damerau-Levenshtein distance 1, the slips of a typed address); a domain one slip from several delivered domains
 * is left alone, as nothing says which one was meant. What to do about its messages then names the likely domain
 * ({@code typo.note} in the report's texts), in the report and {@code analyze}'s advice alike, and who acts first is
 * our admin, who checks the address for the slip ({@link #firstActor}): the note asks that of our admin, and a cause
 * row naming the recipient's mail team beside it told the team to act on what may be our typo. The slip being
 * likely, not certain, what stopped the messages stays the reply's side's: if the address is right, the domain's
 * owners must act, as the reply's words for them say ("On our side, we check the address's spelling").
 */
public final class LikelyTypos {

    private static final LikelyTypos NONE = new LikelyTypos(Map.of());

    /** The domain each failing one likely meant. */
    private final Map<String, String> intended;

    private LikelyTypos(Map<String, String> intended) {
        this.intended = intended;
    }

    public static LikelyTypos none() {
        return NONE;
    }

    /** A log's messages, gathered in the one pass a caller makes over them anyway; then {@link #typos()}. */
    static final class Domains {
        private final Set<String> delivered = new HashSet<>();
        private final Set<String> failing = new HashSet<>();

        void add(MessageChain c) {
            String domain = c.recipientDomain();
            if (c.verdict() == Verdict.DELIVERED) {
                delivered.add(domain);
            } else if (failsInDns(c)) {
                failing.add(domain);
            }
        }

        LikelyTypos typos() {
            Map<String, String> intended = new HashMap<>();
            for (String f : failing) {
                if (delivered.contains(f)) {
                    continue;
                }
                List<String> near = delivered.stream().filter(d -> oneSlipApart(f, d)).limit(2).toList();
                if (near.size() == 1) {
                    intended.put(f, near.getFirst());
                }
            }
            return intended.isEmpty() ? NONE : new LikelyTypos(Map.copyOf(intended));
        }
    }

    /** A failed message, not stale, to a domain Salesforce could not look up or use, no server of which was tried. */
    private static boolean failsInDns(MessageChain c) {
        return (c.verdict() == Verdict.BOUNCED || c.verdict() == Verdict.DEFERRED) && !c.stale()
                && c.category().filter(cat -> cat == Category.DNS).isPresent() && !DomainFacts.serverTried(c);
    }

    /** The domain {@code c}'s failing domain likely meant, for a message that failed as such a domain's do. */
    public Optional<String> intended(MessageChain c) {
        return intended.isEmpty() || !failsInDns(c) ? Optional.empty()
                : Optional.ofNullable(intended.get(c.recipientDomain()));
    }

    /**
     * Who acts first on {@code c} where its domain is likely a slip ({@link #intended}): our admin, who checks the
     * address. Empty for every other chain, whose reply (or the DNS checks' fact) names who acts.
     */
    public Optional<Actor> firstActor(MessageChain c) {
        return intended(c).map(d -> Actor.SENDER_ADMIN);
    }

    /** The note of {@code c}'s likely slip in English, {@code intended} the domain likely meant. */
    public static String note(MessageChain c, String intended) {
        return ReportTexts.english().format("typo.note", c.recipientDomain(), intended);
    }

    /**
     * Whether {@code a} and {@code b} differ by one slip: a character left out, added or changed, or two neighbours
     * swapped. Both must be longer than a few characters, and contain a dot, for the slip to be a domain's.
     */
    static boolean oneSlipApart(String a, String b) {
        if (a.equals(b) || Math.abs(a.length() - b.length()) > 1 || a.length() < 5 || b.length() < 5
                || a.indexOf('.') < 0 || b.indexOf('.') < 0) {
            return false;
        }
        int start = 0;
        while (start < a.length() && start < b.length() && a.charAt(start) == b.charAt(start)) {
            start++;
        }
        int endA = a.length();
        int endB = b.length();
        while (endA > start && endB > start && a.charAt(endA - 1) == b.charAt(endB - 1)) {
            endA--;
            endB--;
        }
        int restA = endA - start;
        int restB = endB - start;
        if (restA + restB == 1 || restA == 1 && restB == 1) {
            return true; // one left out or added, or one changed
        }
        return restA == 2 && restB == 2 && a.charAt(start) == b.charAt(start + 1)
                && a.charAt(start + 1) == b.charAt(start);
    }
}
