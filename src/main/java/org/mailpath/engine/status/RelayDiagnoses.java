package org.mailpath.engine.status;

import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.mailpath.engine.finding.Actor;
import org.mailpath.engine.finding.LocalText;

/**
 * The diagnosis of a reply from our own Email Relay (Salesforce's Email Relay feature: Salesforce hands every message
 * to the org's relay, which delivers it on). The knowledge base reads every reply as the recipient's server's; a
 * relay's refusal or deferral of the server or the connection (relaying denied, TLS required, unreachable,
 * credentials refused, a limit, a blocklist) is ours to fix, so its words and actor are replaced: our admin, with
 * the relay's words ({@code relay-words.properties}). A refusal of the recipient's address (unknown user, mailbox
 * full, bad syntax) and one of the content keep the knowledge base's words: the relay may pass on the recipient's
 * verdict, and its own content rules are no matter of the connection.
 */
public final class RelayDiagnoses {

    /** The categories that concern the relay's server or the connection to it. */
    public static final Set<Category> OF_THE_RELAY = Set.copyOf(EnumSet.of(Category.REMOTE_SERVER, Category.TLS,
            Category.NETWORK, Category.DNS, Category.AUTHENTICATION, Category.RATE_LIMIT, Category.REPUTATION));

    static final String BUNDLE = "org.mailpath.engine.status.relay-words";
    /** Rule ids of the relay's diagnoses begin so ({@code relay.DNS}): {@link DiagnosisTexts} finds their words. */
    static final String RULE_PREFIX = "relay.";

    private RelayDiagnoses() {
    }

    /** {@code d} as our relay's reply: the relay's diagnosis of its category, or {@code d} where that is not ours. */
    public static Diagnosis of(Diagnosis d) {
        if (!OF_THE_RELAY.contains(d.category()) || isRelays(d.ruleId())) {
            return d;
        }
        return BY_CATEGORY.get(d.category());
    }

    /**
     * The relay's diagnosis of each of its categories, built once: it depends on the category alone, and
     * {@link #of} is asked per chain that went via the relay.
     */
    private static final Map<Category, Diagnosis> BY_CATEGORY = byCategory();

    private static Map<Category, Diagnosis> byCategory() {
        Map<Category, Diagnosis> m = new EnumMap<>(Category.class);
        for (Category c : OF_THE_RELAY) {
            String id = RULE_PREFIX + c.name();
            m.put(c, new Diagnosis(c, part(id, ".explanation", LocalText.ENGLISH).orElseThrow(),
                    part(id, ".remediation", LocalText.ENGLISH).orElseThrow(), Actor.SENDER_ADMIN, id,
                    Optional.empty(), Optional.empty(), part(id, ".deferredRemediation", LocalText.ENGLISH),
                    part(id, ".bouncedRemediation", LocalText.ENGLISH)));
        }
        return Collections.unmodifiableMap(m);
    }

    /** Whether {@code ruleId} is one of the relay's diagnoses. */
    public static boolean isRelays(String ruleId) {
        return ruleId != null && ruleId.startsWith(RULE_PREFIX);
    }

    /** Whether {@code d} is one of the relay's diagnoses: the one test the report and the command line share. */
    public static boolean isRelays(Diagnosis d) {
        return isRelays(d.ruleId());
    }

    /** Whether a message's diagnosis {@code d} is present and one of the relay's. */
    public static boolean isRelays(Optional<Diagnosis> d) {
        return d.filter(RelayDiagnoses::isRelays).isPresent();
    }

    /**
     * The words of the relay's diagnosis {@code ruleId} for {@code part} (a {@link DiagnosisTexts} suffix) in
     * {@code locale}; empty for a part it has no words for (those for the recipient's mail team).
     */
    static Optional<String> part(String ruleId, String part, Locale locale) {
        String category = ruleId.substring(RULE_PREFIX.length());
        return switch (part) {
            case DiagnosisTexts.EXPLANATION -> Optional.of(text(category + ".explanation", locale));
            case DiagnosisTexts.REMEDIATION, DiagnosisTexts.BOUNCED_REMEDIATION ->
                    Optional.of(text(category + ".fix", locale) + " " + text("then.bounced", locale));
            case DiagnosisTexts.DEFERRED_REMEDIATION ->
                    Optional.of(text(category + ".fix", locale) + " " + text("then.deferred", locale));
            default -> Optional.empty();
        };
    }

    private static String text(String key, Locale locale) {
        return new LocalText(BUNDLE, key, List.of()).in(locale);
    }
}
