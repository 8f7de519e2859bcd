package org.mailpath.engine.check;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.mailpath.engine.address.DomainNameSyntax;
import org.mailpath.engine.address.IdnaNames;
import org.mailpath.engine.address.MailboxSyntax;
import org.mailpath.engine.address.NamedAddress;
import org.mailpath.engine.analysis.LogAnalysis;
import org.mailpath.engine.analysis.MessageChain;
import org.mailpath.engine.analysis.Verdict;
import org.mailpath.engine.common.Cancellation;
import org.mailpath.engine.dnsbl.DnsblListings;
import org.mailpath.engine.finding.Finding;
import org.mailpath.engine.spf.SalesforceSending;
import org.mailpath.engine.status.Category;

/**
 * DNS checks for an analysed Email Log ({@code analyze --check-dns}): the recipient domains of failing chains
 * (BOUNCED/DEFERRED) get the recipient checks, our sending domain the sender checks; every problem found is
 * linked back to the failing chains of its domain whose category it can cause and whose reply does not name
 * another cause ({@link FindingCauses#explainer}).
 *
 * <p>The sending domain is, in this order: the explicit {@code --sender-domain}; the domain encoded in a Bounce
 * Management envelope ({@code name=domain__id@….bnc.salesforce.com}); the domain of the envelope sender. Salesforce's
 * own addresses (at or under salesforce.com) are no sending domain of ours ({@link OwnSendingDomain}): their DNS is
 * Salesforce's, not our admin's to fix, so they are not checked; the plan counts their messages for the output to
 * say so. Each sending domain's request carries what the log shows of how Salesforce sends as it
 * ({@link SalesforceSendingInLog}).
 */
public final class AnalysisDnsChecks {

    /** Recipient domains checked at most (those with the most failing chains first). */
    public static final int MAX_RECIPIENT_DOMAINS = 50;
    /** IPs named by the refusals of one recipient domain looked up in the blocklists at most (first named first). */
    public static final int MAX_BOUNCE_IPS = 5;
    /** Sending domains checked at most (most frequent first). */
    public static final int MAX_SENDER_DOMAINS = 5;

    private static final Pattern BOUNCE_MANAGEMENT =
            Pattern.compile("^[^@=]*=([^@]+?)__[^@]*@(?:[^@]*\\.)?bnc\\.salesforce\\.com\\.?$", Pattern.CASE_INSENSITIVE);

    private AnalysisDnsChecks() {
    }

    /**
     * One message to one recipient, as the analysis keys it, with the category of its failure ({@code UNKNOWN}
     * when it has no diagnosis), what its reply says of the cause beyond the category ({@link ReplyClue}) and our
     * sending domain as the plan takes it (the explicit one, else the chain's own, {@link OwnSendingDomain}; empty
     * when it has none, as for a message from Salesforce's own address): a reply about the sender's domain is
     * explained by that domain's findings only.
     */
    public record ChainRef(String messageIdHeader, String recipient, Category category, Set<ReplyClue> clues,
                           String senderDomain, List<String> clientIps, String reply) {
        public ChainRef {
            clues = Set.copyOf(clues);
            senderDomain = senderDomain == null ? "" : senderDomain;
            clientIps = clientIps == null ? List.of() : List.copyOf(clientIps);
            reply = reply == null ? "" : reply;
        }

        /** A message whose reply narrows nothing beyond its category. */
        public ChainRef(String messageIdHeader, String recipient, Category category) {
            this(messageIdHeader, recipient, category, Set.of(), "", List.of(), "");
        }
    }

    /** Whether a checked domain is a recipient's, ours, or both. */
    public enum Role { RECIPIENT, SENDER, BOTH }

    /**
     * What to check and which failing chains each domain belongs to; {@code fromSalesforce} is how many of the log's
     * messages were sent from Salesforce's own addresses, whose domains are not checked as ours (0 with an explicit
     * sending domain, which stands for every message). {@code notDomainNames}: the recipient domains of failing
     * messages that are no domain name ({@link DomainNameSyntax}: an {@code xn--} label that is no valid IDNA2008
     * A-label, RFC 5891 §5.4, such as {@code xn--zz.example}), not looked up, as {@code check} refuses them.
     * {@code viaRelayOnly}: the recipient domains whose failing messages all ended at the org's Email Relay
     * ({@link LogAnalysis#viaRelay}), sorted: the relay's replies say nothing of their DNS, so they are not checked
     * for those messages (the relay's problems are ours). {@code leftOut}: the recipient domains of failing messages
     * past {@link #MAX_RECIPIENT_DOMAINS} (those with the fewest failing messages), not checked, most failing
     * messages first: a run's output says so, else 50 of 300 read as all of them.
     */
    public record Plan(List<CheckRequest> requests, Map<String, Role> roles, Map<String, List<ChainRef>> chains,
                       long fromSalesforce, List<String> notDomainNames, List<String> viaRelayOnly,
                       List<String> leftOut) {
        public Plan {
            requests = List.copyOf(requests);
            roles = Map.copyOf(roles);
            chains = Map.copyOf(chains);
            notDomainNames = List.copyOf(notDomainNames);
            viaRelayOnly = List.copyOf(viaRelayOnly);
            leftOut = List.copyOf(leftOut);
        }

        /** The recipient domains checked (as a recipient's, or ours and a recipient's). */
        public long recipientDomainsChecked() {
            return roles.values().stream().filter(r -> r != Role.SENDER).count();
        }

        /**
         * The recipient domains of failing messages there were to check: those checked and those {@link #leftOut}
         * (neither the {@link #notDomainNames} nor the {@link #viaRelayOnly}, which are said apart).
         */
        public long failingRecipientDomains() {
            return recipientDomainsChecked() + leftOut.size();
        }

        /**
         * A plan that leaves no message from Salesforce's own addresses out, in which every recipient domain of a
         * failing message was a domain name to look up.
         */
        public Plan(List<CheckRequest> requests, Map<String, Role> roles, Map<String, List<ChainRef>> chains) {
            this(requests, roles, chains, 0, List.of(), List.of(), List.of());
        }
    }

    /**
     * A finding with the domain it was found on and the failing chains it may explain: those of the domain whose
     * category the finding can cause (none for OK/INFO).
     */
    public record LinkedFinding(String domain, Role role, Finding finding, List<ChainRef> chains) {
        public LinkedFinding {
            chains = List.copyOf(chains);
        }
    }

    /** The check report plus every finding linked to its chains. */
    public record Result(Plan plan, CheckReport report, List<LinkedFinding> findings) {
        public Result {
            findings = List.copyOf(findings);
        }
    }

    /** The sending domain encoded in a Bounce Management envelope sender, if it is one. */
    public static Optional<String> bounceManagementDomain(String envelopeSender) {
        Matcher m = BOUNCE_MANAGEMENT.matcher(envelopeSender == null ? "" : NamedAddress.addressOf(envelopeSender));
        return m.matches() ? Optional.of(IdnaNames.lookupName(m.group(1))) : Optional.empty();
    }

    /**
     * The sending domain of one chain: Bounce Management domain, else the envelope sender's domain; Salesforce's own
     * too (at or under salesforce.com), which {@link OwnSendingDomain} leaves out of ours.
     */
    static Optional<String> senderDomain(MessageChain chain) {
        Optional<String> bnc = bounceManagementDomain(chain.sender());
        if (bnc.isPresent()) {
            return bnc;
        }
        return envelopeDomain(chain.sender());
    }

    /**
     * The domain of an envelope sender (as {@link IdnaNames#lookupName} spells it); empty when it has none. A sender
     * with its display name ({@code Mary Jones <mary.jones@acme.example>}) has the domain of the address in its
     * brackets: the whole cell's last '@' gave "acme.example>", which was checked and named in the report as one of
     * our domains. A sender that is no mailbox (no '@', a bad domain, an address literal) has none: it is not one of
     * our domains to check.
     */
    static Optional<String> envelopeDomain(String envelopeSender) {
        String address = NamedAddress.addressOf(envelopeSender);
        int at = address.lastIndexOf('@');
        if (at < 0 || MailboxSyntax.problem(address).isPresent() || address.startsWith("[", at + 1)) {
            return Optional.empty();
        }
        String d = IdnaNames.lookupName(address.substring(at + 1));
        return d.isEmpty() ? Optional.empty() : Optional.of(d);
    }

    public static Plan plan(LogAnalysis analysis, Optional<String> explicitSenderDomain) {
        Optional<String> explicitSender = explicitSenderDomain.map(IdnaNames::lookupName);
        // each failing chain's reference is built once (ReplyClue reads its reply), for its recipient's and its
        // sender's list alike
        List<Failing> failing = analysis.chains().stream()
                .filter(c -> c.verdict() == Verdict.BOUNCED || c.verdict() == Verdict.DEFERRED)
                .map(c -> new Failing(c, ref(c, explicitSender.or(() -> OwnSendingDomain.of(c)).orElse(""))))
                .toList();
        Map<String, List<ChainRef>> byRecipient = new LinkedHashMap<>();
        Set<String> notDomainNames = new TreeSet<>();
        Set<String> viaRelay = new TreeSet<>();
        for (Failing f : failing) {
            String d = IdnaNames.lookupName(f.chain().recipientDomain());
            if (d.isEmpty()) {
                continue;
            }
            if (analysis.viaRelay(f.chain())) {
                // the Relay Host was our Email Relay: its refusal or outage says nothing of the recipient domain
                viaRelay.add(d);
                continue;
            }
            // check and the app's DNS step refuse such a name: asking DNS about it only yields advice for a domain
            // that cannot exist
            if (DomainNameSyntax.normalize(d).isEmpty()) {
                notDomainNames.add(d);
            } else {
                byRecipient.computeIfAbsent(d, k -> new ArrayList<>()).add(f.ref());
            }
        }
        List<String> byFailures = byRecipient.entrySet().stream()
                .sorted(Comparator.comparingInt((Map.Entry<String, List<ChainRef>> e) -> -e.getValue().size()))
                .map(Map.Entry::getKey).toList();
        List<String> recipients = byFailures.subList(0, Math.min(MAX_RECIPIENT_DOMAINS, byFailures.size()));
        List<String> leftOut = byFailures.subList(recipients.size(), byFailures.size());

        Map<String, List<ChainRef>> bySender = new LinkedHashMap<>();
        long fromSalesforce = 0;
        if (explicitSender.isPresent()) {
            bySender.put(explicitSender.get(), failing.stream().map(Failing::ref).toList());
        } else {
            OwnSendingDomain.Senders senders = OwnSendingDomain.of(analysis);
            senders.byFrequency().stream()
                    .limit(MAX_SENDER_DOMAINS).forEach(d -> bySender.put(d, failing.stream()
                            // the ref holds the chain's sender domain here (no explicit one), never empty
                            .filter(f -> f.ref().senderDomain().equals(d))
                            .map(Failing::ref).toList()));
            fromSalesforce = senders.fromSalesforce();
        }

        Map<String, Set<CheckKind>> kinds = new LinkedHashMap<>();
        Map<String, Role> roles = new LinkedHashMap<>();
        Map<String, List<ChainRef>> chains = new LinkedHashMap<>();
        for (String d : recipients) {
            kinds.computeIfAbsent(d, k -> EnumSet.noneOf(CheckKind.class)).addAll(CheckKind.RECIPIENT);
            roles.put(d, Role.RECIPIENT);
            chains.put(d, new ArrayList<>(byRecipient.get(d)));
        }
        bySender.forEach((d, refs) -> {
            kinds.computeIfAbsent(d, k -> EnumSet.noneOf(CheckKind.class)).addAll(CheckKind.SENDER);
            roles.merge(d, Role.SENDER, (a, b) -> Role.BOTH);
            List<ChainRef> list = chains.computeIfAbsent(d, k -> new ArrayList<>());
            refs.stream().filter(r -> !list.contains(r)).forEach(list::add);
        });
        // the SPF check of a sending domain needs to know whether the log shows Salesforce sending as it
        Map<String, SalesforceSending> sending = bySender.isEmpty() ? Map.of() : SalesforceSendingInLog.of(analysis);
        List<CheckRequest> requests = kinds.entrySet().stream()
                .map(e -> {
                    // our sending domain stays ours when the log also shows it as a recipient's: its findings, those
                    // of the recipient checks (NS_TOO_FEW) too, are ours to act on
                    boolean ours = bySender.containsKey(e.getKey());
                    return new CheckRequest(e.getKey(), e.getValue(),
                            ours ? sending.getOrDefault(e.getKey(), SalesforceSending.UNKNOWN)
                                    : SalesforceSending.UNKNOWN,
                            e.getValue().contains(CheckKind.DNSBL) ? bounceIps(byRecipient, e.getKey()) : List.of(),
                            ours);
                })
                .toList();
        Map<String, List<ChainRef>> frozen = new LinkedHashMap<>();
        chains.forEach((k, v) -> frozen.put(k, List.copyOf(v)));
        viaRelay.removeAll(byRecipient.keySet());
        return new Plan(requests, roles, frozen, fromSalesforce, List.copyOf(notDomainNames), List.copyOf(viaRelay),
                leftOut);
    }

    /**
     * The client IPs the recipient domain's refusals name (ours), in the order of its failing chains, each once and
     * at most {@link #MAX_BOUNCE_IPS}: its blocklist check looks them up.
     */
    private static List<String> bounceIps(Map<String, List<ChainRef>> byRecipient, String domain) {
        return byRecipient.getOrDefault(domain, List.of()).stream().flatMap(r -> r.clientIps().stream()).distinct()
                .limit(MAX_BOUNCE_IPS).toList();
    }

    /** Runs a {@link #plan}'s checks and links the findings (a caller that reads the plan first: its progress). */
    public static Result run(Plan plan, DomainChecker checker, CheckOptions options, CheckListener listener,
                             Cancellation cancellation) {
        CheckReport report = plan.requests().isEmpty() ? CheckReport.empty()
                : checker.check(plan.requests(), options, listener, cancellation);
        return new Result(plan, report, link(plan, report));
    }

    /** Each finding with the failing chains it may explain; the lists a refusal names worked out once per run. */
    static List<LinkedFinding> link(Plan plan, CheckReport report) {
        return link(plan, report, new DnsblListings.Replies());
    }

    /** As {@link #link(Plan, CheckReport)}, the lists each refusal names worked out once in {@code replies}. */
    static List<LinkedFinding> link(Plan plan, CheckReport report, DnsblListings.Replies replies) {
        List<LinkedFinding> out = new ArrayList<>();
        for (DomainCheckResult d : report.domains()) {
            Role role = plan.roles().getOrDefault(d.domain(), Role.RECIPIENT);
            List<ChainRef> chains = plan.chains().getOrDefault(d.domain(), List.of());
            for (Finding f : d.findings()) {
                out.add(new LinkedFinding(d.domain(), role, f,
                        chains.stream().filter(FindingCauses.explainer(f, d.domain(), role, replies)).toList()));
            }
        }
        return out;
    }

    /** A failing chain with its reference. */
    private record Failing(MessageChain chain, ChainRef ref) {
    }

    private static ChainRef ref(MessageChain c, String senderDomain) {
        // failing chains are always diagnosed; without a diagnosis nothing rules a cause out
        // a reputation refusal's text is kept: the blocklist listings it may be explained by are those of the IP and
        // the list it names (FindingCauses)
        Category category = c.category().orElse(Category.UNKNOWN);
        return new ChainRef(c.messageIdHeader(), c.recipient().strip().toLowerCase(Locale.ROOT), category,
                ReplyClue.of(c), senderDomain, ReplyClientIps.of(c),
                category == Category.REPUTATION ? c.status() : "");
    }
}
