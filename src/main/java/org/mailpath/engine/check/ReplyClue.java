package org.mailpath.engine.check;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.mailpath.engine.analysis.MessageChain;
import org.mailpath.engine.status.Category;
import org.mailpath.engine.status.Diagnosis;
import org.mailpath.engine.status.SmtpReply;

/**
 * What a failing message's reply says of its cause beyond its category, where that narrows the findings that may
 * explain it ({@link FindingCauses#explainer}). A {@code DNS} failure whose reply shows that DNS answered (a null
 * MX, a domain that does not exist) was decided by that answer: the placement of the domain's name servers, their
 * EDNS or DNSSEC did not cause it, only the records answered can. An {@code AUTHENTICATION} refusal that names
 * SPF, DKIM or DMARC was caused by that mechanism, not by the others.
 *
 * <p>Clues are read only for the category they narrow: the DNS clues of a {@code DNS} failure, the authentication
 * clues of an {@code AUTHENTICATION} failure. A failure without clues (Salesforce's "Domain Lookup Failed", "no
 * mail servers for this domain could be reached", a timeout; "5.7.1 Unauthenticated email") rules out no finding of
 * its category.
 */
public enum ReplyClue {
    /** DNS answered: the recipient domain publishes a null MX (RFC 7505). */
    NULL_MX,
    /** DNS answered: the recipient domain does not exist, or has neither MX nor address records. */
    NO_MAIL_HOST,
    /** DNS answered: the mail host's address is private or loopback (Salesforce's "Private/Loopback Address"). */
    PRIVATE_ADDRESS,
    /** The reply is about our sending domain (X.1.8 unresolvable, X.7.27 null MX), not the recipient's. */
    SENDER_DOMAIN,
    /** The refusal names SPF (or its enhanced codes X.7.23, X.7.24). */
    SPF,
    /** The refusal names DKIM (or X.7.20 to X.7.22). */
    DKIM,
    /** The refusal names DMARC, or alignment, or several failed checks (X.7.26): SPF and DKIM feed it. */
    DMARC,
    /** The refusal is about the sending IP's reverse DNS (PTR, X.7.25). */
    REVERSE_DNS,
    /**
     * Beside another clue, the refusal names authentication without naming SPF, DKIM or DMARC (Gmail's IPv6
     * refusal "does not meet IPv6 sending guidelines regarding PTR records and authentication"): any of the three may
     * be the cause. Alone it is not given: a reply that names no mechanism ("5.7.1 Unauthenticated") has no clue and
     * rules nothing of its category out.
     */
    AUTHENTICATION;

    /** Knowledge-base rules whose replies say DNS answered that there is no such domain or mail host. */
    private static final Set<String> NO_MAIL_HOST_RULES = Set.of("salesforce.no-mx-or-a",
            "salesforce.no-valid-domain", "gmail.domain-not-found");
    private static final Pattern NAMES_SPF = Pattern.compile("\\bSPF\\b|sender policy framework",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern NAMES_DKIM = Pattern.compile("\\bDKIM\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern NAMES_DMARC = Pattern.compile("\\bDMARC\\b|\\baligned\\b|\\balignment\\b",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern NAMES_REVERSE_DNS = Pattern.compile(
            "\\bPTR\\b|\\breverse (DNS|host ?name|lookup)\\b|\\brDNS\\b|find your (reverse )?hostname",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern NAMES_AUTHENTICATION = Pattern.compile("authenticat", Pattern.CASE_INSENSITIVE);
    /** Replies are short; a hostile long one is read only this far, as SmtpReply reads its codes. */
    private static final int MAX_SCAN = 4096;

    /** The clues of one failing message: its reply line and the diagnosis made from it. */
    public static Set<ReplyClue> of(MessageChain chain) {
        return of(chain.status(), chain.diagnosis());
    }

    /** The clues of a reply line and its diagnosis (empty without a diagnosis, or for other categories). */
    public static Set<ReplyClue> of(String status, Optional<Diagnosis> diagnosis) {
        if (diagnosis.isEmpty()) {
            return Set.of();
        }
        String text = scanned(status);
        SmtpReply reply = SmtpReply.parse(text);
        String enhanced = reply.enhancedSubjectDetail().orElse("");
        String rule = diagnosis.get().ruleId();
        Set<ReplyClue> out = EnumSet.noneOf(ReplyClue.class);
        if (diagnosis.get().category() == Category.DNS) {
            if (Diagnosis.saysNullMx(rule) || enhanced.equals("X.1.10")) {
                out.add(NULL_MX);
            } else if (NO_MAIL_HOST_RULES.contains(rule)
                    || enhanced.equals("X.1.2") && reply.replyClass() == 5) {
                // a permanent "bad destination system": an answer said so; a 4.1.2 may be a failed lookup
                out.add(NO_MAIL_HOST);
            } else if (rule.equals("salesforce.private-address")) {
                out.add(PRIVATE_ADDRESS);
            } else if (enhanced.equals("X.1.8") || enhanced.equals("X.7.27")) {
                out.add(SENDER_DOMAIN);
            }
        } else if (diagnosis.get().category() == Category.AUTHENTICATION) {
            if (NAMES_SPF.matcher(text).find() || enhanced.equals("X.7.23") || enhanced.equals("X.7.24")
                    || rule.equals("gmail.bulk-spf")) {
                out.add(SPF);
            }
            if (NAMES_DKIM.matcher(text).find() || enhanced.matches("X\\.7\\.2[012]") || rule.equals("gmail.bulk-dkim")) {
                out.add(DKIM);
            }
            if (NAMES_DMARC.matcher(text).find() || enhanced.equals("X.7.26") || rule.equals("gmail.dmarc-missing")
                    || rule.equals("gmail.not-aligned")) {
                out.add(DMARC);
            }
            if (NAMES_REVERSE_DNS.matcher(text).find() || enhanced.equals("X.7.25") || rule.equals("gmail.ptr")
                    || rule.equals("generic.reverse-dns")) {
                out.add(REVERSE_DNS);
            }
            // "PTR records and authentication": the mechanism is not named, so the reverse-DNS clue must not rule
            // out SPF, DKIM and DMARC (Gmail asks IPv6 senders for a PTR record and for SPF or DKIM to pass)
            if (!out.isEmpty() && !out.contains(SPF) && !out.contains(DKIM) && !out.contains(DMARC)
                    && NAMES_AUTHENTICATION.matcher(text).find()) {
                out.add(AUTHENTICATION);
            }
        }
        return Set.copyOf(out);
    }

    /** The part of a reply that is read: all of it, or its first {@link #MAX_SCAN} characters; "" for none. */
    static String scanned(String reply) {
        return reply == null ? "" : reply.length() > MAX_SCAN ? reply.substring(0, MAX_SCAN) : reply;
    }
}
