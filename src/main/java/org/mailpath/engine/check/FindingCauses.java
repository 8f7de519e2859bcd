package org.mailpath.engine.check;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiPredicate;
import java.util.function.Predicate;
import org.mailpath.engine.check.AnalysisDnsChecks.Role;
import org.mailpath.engine.dnsbl.DnsblListings;
import org.mailpath.engine.finding.Actor;
import org.mailpath.engine.finding.Finding;
import org.mailpath.engine.finding.Severity;
import org.mailpath.engine.status.Category;

/**
 * Which categories of delivery failure a DNS-check finding can cause: the one table behind the links of
 * {@code analyze --check-dns} ({@link AnalysisDnsChecks#link}). A problem may explain a failing message only when
 * the message's category is one of these, so a blocklist listing is not offered as the reason for a
 * {@code 550 5.1.1 user unknown}.
 *
 * <p>A row names a code, or a family when it ends in {@code _}; the first row that matches wins, so exact codes come
 * before their family. A row may be limited to one actor. The recipient and sender columns differ only for the
 * existence and lookup codes, which both kinds of domain get; a domain that is both takes both.
 *
 * <p>What explains nothing: OK and INFO findings; findings about this computer's own network (actor
 * {@code LOCAL_NETWORK}: a broken or refusing resolver says nothing about the domain); {@code CHECK_FAILED}; checks
 * that could not be made; report-only records; and any code of no row. A code added later without a row is still
 * reported, just not linked: leaving a link out misleads less than linking it to every bounce. A test keeps every
 * code the DNS checks emit in a row. SMTP probe codes ({@code SMTP_…}) never reach this table: {@code analyze
 * --probe-smtp} reports them apart, unlinked.
 *
 * <p>{@code UNKNOWN} chains (a reply nothing could classify, or none) rule no cause out, so every finding that
 * explains something may explain them too; the text output names the category each link matched. {@code
 * REMOTE_SERVER} chains are explained by nothing here: their server was reached and reported a fault of its own.
 */
public final class FindingCauses {

    /** Lookup failures of a recipient domain: Salesforce logs "[internal] Domain Lookup Failed" (DNS), or gives up
     * after timeouts (NETWORK). */
    private static final Set<Category> RECIPIENT_DNS = EnumSet.of(Category.DNS, Category.NETWORK);
    /**
     * Lookup failures of our sending domain and the names its SPF, DKIM and DMARC records lead to (an SPF include
     * such as spf.protection.outlook.com): receivers get an SPF/DMARC temperror (x.7.24, AUTHENTICATION). Not DNS:
     * nearly every DNS failure is one of the recipient domain ("[internal] Domain Lookup Failed", x.1.2, x.4.4,
     * null MX), which no name of ours can cause, and the chain's category does not tell the rare one about the
     * sender's domain (x.1.8) from them. Leaving that link out misleads less than tying our SPF include to every
     * message whose recipient domain Salesforce could not look up; the reply tells it ({@link
     * ReplyClue#SENDER_DOMAIN}), and {@link #explainer} links such a reply to our domain's findings.
     */
    private static final Set<Category> SENDER_DNS = EnumSet.of(Category.AUTHENTICATION);
    /** Receivers that refuse for SPF/DKIM/DMARC say so (x.7.20–x.7.26 and the provider texts of the knowledge
     * base); REPUTATION and CONTENT_POLICY refusals name other causes, and linking them would be guessing. */
    private static final Set<Category> AUTHENTICATION = EnumSet.of(Category.AUTHENTICATION);
    /** Missing or unconfirmed reverse DNS: Gmail's PTR texts and x.7.25 are AUTHENTICATION in the knowledge base;
     * blocklists and reputation filters (Microsoft, Spamhaus PBL-style lists) weigh it too. */
    private static final Set<Category> PTR = EnumSet.of(Category.AUTHENTICATION, Category.REPUTATION);
    private static final Set<Category> REPUTATION = EnumSet.of(Category.REPUTATION);
    private static final Set<Category> TLS = EnumSet.of(Category.TLS);
    /** A TLSA question that fails: senders defer the host, logged as a TLS or a DNS problem. */
    private static final Set<Category> DANE_LOOKUP = EnumSet.of(Category.TLS, Category.DNS);
    private static final Set<Category> NOTHING = EnumSet.noneOf(Category.class);

    private static final List<Row> ROWS = List.of(
            // Not a fact about anybody's mail: a check that crashed or could not be made, or unusable blocklists.
            row("CHECK_FAILED", NOTHING),
            row("PTR_NOT_CHECKED", NOTHING),
            row("DNSBL_NOT_CHECKED", NOTHING),
            row("DNSBL_IPV6_NOT_CHECKED", NOTHING),
            row("DNSBL_QUERY_REFUSED", NOTHING),
            row("DNSBL_ZONE_UNUSABLE", NOTHING),
            // Report records only: no delivery depends on them.
            row("DMARC_REPORT_UNAUTHORIZED", NOTHING),
            row("DMARC_REPORT_URI_UNUSABLE", NOTHING),
            row("TLSRPT_", NOTHING),
            // Weak NSEC3 parameters make validators treat denials as insecure: lookups still succeed (RFC 9276 §3.2).
            row("DNSSEC_NSEC3_", NOTHING),
            // CDS/CDNSKEY ask the parent to change its DS records; until it does, no lookup depends on them.
            row("DNSSEC_CDS_", NOTHING),
            // An algorithm that signs too little: validators accept any single valid path (RFC 6840 §5.11).
            row("DNSSEC_ALGORITHM_INCOMPLETE", NOTHING),
            // A zone no chain of trust from the root reaches is insecure to validators, not bogus: its lookups
            // succeed as an unsigned zone's do (RFC 4033 §5), so it fails no delivery (a break above is PARENT_BOGUS).
            row("DNSSEC_PARENT_INSECURE", NOTHING),
            // Signatures that expire soon are valid now: the lookup failures they warn of are still to come.
            row("DNSSEC_SIGNATURE_EXPIRES_SOON", NOTHING),
            // RSA key sizes outside the RFC limits or below NIST's recommendation: no validator is known to fail
            // lookups for them, and a link would blame every DNS failure on the key.
            row("DNSSEC_RSA_KEY_TOO_SMALL", NOTHING),
            row("DNSSEC_RSA_KEY_TOO_LARGE", NOTHING),
            // Our sending IP listed (Salesforce's, whose support has it removed, or another of ours); a listing of the
            // recipient's own MX address says nothing about our mail to it.
            new Row("DNSBL_LISTED", Optional.of(Actor.SENDER_ADMIN), REPUTATION, REPUTATION),
            new Row("DNSBL_LISTED", Optional.of(Actor.SALESFORCE_SUPPORT), REPUTATION, REPUTATION),
            row("DNSBL_LISTED", NOTHING),
            row("DNSBL_", REPUTATION),
            // Existence and lookups: both kinds of domain get them.
            new Row("DOMAIN_", Optional.empty(), RECIPIENT_DNS, SENDER_DNS),
            new Row("DNS_", Optional.empty(), RECIPIENT_DNS, SENDER_DNS),
            // Checks of recipient domains only (CheckKind.RECIPIENT).
            row("MX_", RECIPIENT_DNS),
            row("NS_", RECIPIENT_DNS),
            row("EDNS_", RECIPIENT_DNS),
            row("DNSSEC_", RECIPIENT_DNS),
            // The recipient's MTA-STS policy makes senders refuse an MX host the SMTP probe saw fail TLS: TLS
            // deferrals and bounces (the pass and untested verdicts are OK/INFO and explain nothing).
            row("MTA_STS_HOST_REFUSED", TLS),
            row("MTA_STS_HOSTS_PASS", TLS),
            row("MTA_STS_HOSTS_UNTESTED", TLS),
            row("MTA_STS_", TLS),
            // DANE (RFC 7672): TLSA records senders ignore cause nothing; a failed TLSA question or a broken chain
            // makes DANE senders defer (TLS, or DNS as some log it), unusable records make them insist on TLS.
            row("DANE_NOT_SIGNED", NOTHING),
            // TLSA records behind unsigned MX records: some senders use them, others not; mail flows either way.
            row("DANE_MX_NOT_SIGNED", NOTHING),
            row("DANE_LOOKUP_FAILED", DANE_LOOKUP),
            row("DANE_", TLS),
            // Checks of our sending domain only (CheckKind.SENDER).
            row("SPF_", AUTHENTICATION),
            row("DKIM_", AUTHENTICATION),
            row("DMARC_", AUTHENTICATION),
            row("PTR_", PTR));

    private FindingCauses() {
    }

    /**
     * The categories of failing chains this finding may explain, found on a domain of this role; empty when it
     * explains none. Every non-empty answer holds {@code UNKNOWN}.
     */
    public static Set<Category> categories(Finding finding, Role role) {
        if (finding.severity() != Severity.ERROR && finding.severity() != Severity.WARNING
                || finding.actor() == Actor.LOCAL_NETWORK) {
            return Set.of();
        }
        Set<Category> out = EnumSet.noneOf(Category.class);
        ROWS.stream().filter(r -> r.matches(finding)).findFirst().ifPresent(r -> {
            if (role != Role.SENDER) {
                out.addAll(r.asRecipient());
            }
            if (role != Role.RECIPIENT) {
                out.addAll(r.asSender());
            }
        });
        if (!out.isEmpty()) {
            out.add(Category.UNKNOWN);
        }
        return Set.copyOf(out);
    }

    /**
     * Tells whether this finding, found on this domain of this role, may explain a failing message: the message's
     * category is one the finding can cause ({@link #categories}), and where its reply narrows the cause ({@link
     * ReplyClue}), the finding is one that cause allows. A message with several clues (a reply naming SPF and DKIM)
     * allows the findings of each.
     *
     * <p>A reply about our sending domain ({@link ReplyClue#SENDER_DOMAIN}) is explained only by the findings of
     * that domain, and by them whatever the domain's role: the sender column of the table leaves {@code DNS} out only
     * because the category alone does not tell such a reply from the recipient domain's lookups, which the clue does.
     *
     * <p>One predicate serves all the messages of the finding's domain: the categories the finding can cause are
     * worked out once, not again for every message. The lists a refusal's text names are taken from {@code
     * replies}, shared by every blocklist listing of the run: each text is matched against the lists' names once,
     * not once for every listing.
     */
    public static Predicate<AnalysisDnsChecks.ChainRef> explainer(Finding finding, String domain, Role role,
                                                                  DnsblListings.Replies replies) {
        Set<Category> causes = categories(finding, role);
        boolean ours = !categories(finding, Role.BOTH).isEmpty() && allows(ReplyClue.SENDER_DOMAIN, finding);
        // a listing explains a refusal only where the refusal names that list (or none) and that IP (or none)
        Optional<BiPredicate<List<String>, String>> listing = finding.code().equals("DNSBL_LISTED")
                ? Optional.of(DnsblListings.explainer(finding, replies)) : Optional.empty();
        return chain -> {
            if (chain.clues().contains(ReplyClue.SENDER_DOMAIN)) {
                return ours && !chain.senderDomain().isEmpty() && chain.senderDomain().equals(domain);
            }
            return causes.contains(chain.category())
                    && (chain.clues().isEmpty() || chain.clues().stream().anyMatch(c -> allows(c, finding)))
                    && listing.map(l -> l.test(chain.clientIps(), chain.reply())).orElse(true);
        };
    }

    private static boolean allows(ReplyClue clue, Finding finding) {
        return CLUE_CAUSES.get(clue).stream().anyMatch(pattern -> matchesCode(pattern, finding.code()));
    }

    /** Whether {@code code} is {@code pattern}, or of its family when the pattern ends in {@code _} (a prefix). */
    private static boolean matchesCode(String pattern, String code) {
        return pattern.endsWith("_") ? code.startsWith(pattern) : code.equals(pattern);
    }

    /**
     * The codes (or families, ending in {@code _}) that may cause a failure whose reply gives this clue. A DNS
     * answer (null MX, no such domain, a private address) is explained by the records it answered with: the name
     * servers' placement, reachability, EDNS or DNSSEC make lookups fail (Salesforce's "Domain Lookup Failed"),
     * they do not make them answer. Some name-server faults do make the answer depend on the server asked, so they
     * stay linked to "no such domain or mail host": servers that serve different versions of the zone
     * ({@code NS_SOA_SERIAL_MISMATCH}: a secondary still without the MX records), NS sets that differ between the
     * parent and the zone ({@code NS_PARENT_CHILD_MISMATCH}: servers only one side lists, such as an old provider's
     * still delegated, may serve a copy of their own), and lame servers ({@code NS_LAME}: one that does not hold the
     * zone may answer NXDOMAIN or an empty answer). A temporary reply ({@code 454 4.4.4 [internal] no MX or A for
     * domain}) is read the same: Salesforce writes a lookup that got no answer otherwise ("Domain Lookup Failed",
     * timeouts), and its retry fits answers that may change, as these faults make them. A lookup failing from here
     * now ({@code DNS_}) says nothing of an answer Salesforce got.
     *
     * <p>A refusal naming SPF, DKIM or DMARC is explained by that mechanism's findings, DMARC's also by SPF's and
     * DKIM's (DMARC passes only when one of them passes aligned, RFC 7489 §4.2), and each by our sending domain's own
     * lookup failures ({@code DOMAIN_}, {@code DNS_}: receivers' temperror, x.7.24). A reverse-DNS refusal is the
     * sending IP's, which only the PTR check looks at; one that also names authentication without naming the
     * mechanism (Gmail's IPv6 refusal "regarding PTR records and authentication": its guidelines ask IPv6 senders
     * for a PTR record and for SPF or DKIM to pass) allows the findings of all three mechanisms too.
     *
     * <p>A reply about our sending domain (x.1.8: a receiver could not find it, as Postfix's
     * reject_unknown_sender_domain says of a MAIL FROM domain without MX and address records or with a null MX;
     * x.7.27: it has a null MX) is explained by that domain's existence, lookups, name servers, EDNS and DNSSEC (a
     * receiver's lookup that fails is refused the same way, for now), and by its MX records when missing or null:
     * the findings a domain of ours that also receives mail gets.
     */
    private static final Map<ReplyClue, List<String>> CLUE_CAUSES = Map.of(
            ReplyClue.NULL_MX, List.of("MX_NULL"),
            ReplyClue.NO_MAIL_HOST, List.of("DOMAIN_", "MX_NONE", "MX_NO_ADDRESS", "MX_IP_LITERAL", "MX_IPV6_ONLY",
                    "MX_INVALID_NAME", "NS_SOA_SERIAL_MISMATCH", "NS_PARENT_CHILD_MISMATCH", "NS_LAME"),
            ReplyClue.PRIVATE_ADDRESS, List.of("MX_PRIVATE_ADDRESS"),
            ReplyClue.SENDER_DOMAIN, List.of("DOMAIN_", "DNS_", "NS_", "EDNS_", "DNSSEC_", "MX_NONE", "MX_NULL"),
            ReplyClue.SPF, List.of("SPF_", "DOMAIN_", "DNS_"),
            ReplyClue.DKIM, List.of("DKIM_", "DOMAIN_", "DNS_"),
            ReplyClue.DMARC, List.of("DMARC_", "SPF_", "DKIM_", "DOMAIN_", "DNS_"),
            ReplyClue.AUTHENTICATION, List.of("SPF_", "DKIM_", "DMARC_", "DOMAIN_", "DNS_"),
            ReplyClue.REVERSE_DNS, List.of("PTR_"));

    /** Whether a row decides this code (for any actor): false for codes the table does not know. */
    static boolean knows(String code) {
        return ROWS.stream().anyMatch(r -> r.matchesCode(code));
    }

    private static Row row(String code, Set<Category> categories) {
        return new Row(code, Optional.empty(), categories, categories);
    }

    private record Row(String code, Optional<Actor> actor, Set<Category> asRecipient, Set<Category> asSender) {

        boolean matches(Finding f) {
            return matchesCode(f.code()) && actor.map(a -> a == f.actor()).orElse(true);
        }

        boolean matchesCode(String c) {
            return FindingCauses.matchesCode(code, c);
        }
    }
}
