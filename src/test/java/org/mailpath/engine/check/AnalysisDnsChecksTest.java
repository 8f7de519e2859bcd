package org.mailpath.engine.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.mailpath.engine.analysis.LogAnalysis;
import org.mailpath.engine.analysis.MessageChain;
import org.mailpath.engine.analysis.TestChains;
import org.mailpath.engine.analysis.Verdict;
import org.mailpath.engine.common.Cancellation;
import org.mailpath.engine.finding.Actor;
import org.mailpath.engine.finding.Finding;
import org.mailpath.engine.finding.Severity;
import org.mailpath.engine.spf.SalesforceSending;
import org.mailpath.engine.status.Category;
import org.mailpath.engine.status.Diagnosis;
import org.mailpath.engine.status.SmtpReply;
import org.mailpath.engine.status.StatusKnowledgeBase;

class AnalysisDnsChecksTest {

    private static MessageChain chain(String id, String recipient, String sender, Verdict verdict) {
        return chain(id, recipient, sender, verdict, Category.DNS);
    }

    private static MessageChain chain(String id, String recipient, String sender, Verdict verdict,
                                      Category category) {
        Optional<Diagnosis> diagnosis = verdict == Verdict.DELIVERED ? Optional.empty()
                : Optional.of(new Diagnosis(category, "", "", Actor.RECIPIENT_MAIL_TEAM, "test"));
        return TestChains.chain(id, "i" + id, recipient, sender, "005", List.of(), verdict, 0, "", diagnosis,
                Optional.empty());
    }

    private static LogAnalysis analysis(MessageChain... chains) {
        return TestChains.analysis("log.csv", chains.length, 0, List.of(), List.of(chains), Map.of(), 0, Map.of(),
                Map.of(), List.of(), Optional.empty(), Optional.empty());
    }

    private static final LogAnalysis LOG = analysis(
            chain("<1@x>", "a@Bounce.Example", "user=acme.com__0a1b2c@x1y2.bnc.salesforce.com", Verdict.BOUNCED),
            chain("<2@x>", "b@bounce.example", "user=acme.com__0a1b2c@x1y2.bnc.salesforce.com", Verdict.BOUNCED),
            chain("<3@x>", "c@slow.example", "user=acme.com__0a1b2c@x1y2.bnc.salesforce.com", Verdict.DEFERRED),
            chain("<4@x>", "d@fine.example", "user=acme.com__0a1b2c@x1y2.bnc.salesforce.com", Verdict.DELIVERED),
            chain("<5@x>", "e@other.example", "admin@plain.example", Verdict.BOUNCED));

    @Test
    void decodesTheBounceManagementEnvelope() {
        assertEquals(Optional.of("acme.com"),
                AnalysisDnsChecks.bounceManagementDomain("user=Acme.COM__0a1b2c@x1y2.bnc.salesforce.com"));
        assertEquals(Optional.empty(), AnalysisDnsChecks.bounceManagementDomain("admin@acme.com"));
        assertEquals(Optional.empty(), AnalysisDnsChecks.bounceManagementDomain("user=acme.com__1@evil.com"));
        assertEquals(Optional.of("plain.example"), AnalysisDnsChecks.senderDomain(LOG.chains().get(4)));
    }

    /**
     * The review: a sender with its display name gave the domain "acme.example>" (the cell's last '@' on), which was
     * checked and named in the report as one of our domains. The address in the brackets is the sender; a sender
     * that is no address has no domain to check.
     */
    @Test
    void aSenderWithItsDisplayNameHasTheDomainOfItsAddress() {
        assertEquals(Optional.of("acme.example"), AnalysisDnsChecks.senderDomain(chain("<1@x>", "a@b.example",
                "Mary Jones <mary.jones@Acme.example>", Verdict.BOUNCED)));
        assertEquals(Optional.of("acme.example"), AnalysisDnsChecks.senderDomain(chain("<1@x>", "a@b.example",
                "\"Jones, Mary\" <mary.jones@acme.example>", Verdict.BOUNCED)));
        assertEquals(Optional.of("acme.com"), AnalysisDnsChecks.senderDomain(chain("<1@x>", "a@b.example",
                "Bounces <user=acme.com__0a1b2c@x1y2.bnc.salesforce.com>", Verdict.BOUNCED)));
        for (String notAnAddress : List.of("Mary Jones", "mary@", "Mary <mary@acme.example", "mary@acme.example>",
                "mary@[192.0.2.1]", "")) {
            assertEquals(Optional.empty(), AnalysisDnsChecks.senderDomain(chain("<1@x>", "a@b.example", notAnAddress,
                    Verdict.BOUNCED)), notAnAddress);
        }
        AnalysisDnsChecks.Plan plan = AnalysisDnsChecks.plan(analysis(
                chain("<1@x>", "a@b.example", "Mary Jones <mary.jones@acme.example>", Verdict.BOUNCED),
                chain("<2@x>", "c@b.example", "Mary Jones", Verdict.BOUNCED)), Optional.empty());
        assertEquals(List.of("b.example", "acme.example"), plan.requests().stream().map(CheckRequest::domain).toList());
    }

    /**
     * The review: xn--zz.example (no Punycode) was asked about with 9 queries and given advice for its mail team,
     * where check refuses the name and the app's DNS step leaves it out. The spellings of one IDN are one request.
     */
    @Test
    void aRecipientDomainThatIsNoDomainNameIsNotLookedUp() {
        AnalysisDnsChecks.Plan plan = AnalysisDnsChecks.plan(analysis(
                chain("<1@x>", "a@xn--zz.example", "admin@our.example", Verdict.BOUNCED),
                chain("<2@x>", "b@bücher.de", "admin@our.example", Verdict.BOUNCED),
                chain("<3@x>", "c@XN--BCHER-KVA.DE", "admin@our.example", Verdict.BOUNCED),
                chain("<4@x>", "d@bücher\uFF0Ede", "admin@our.example", Verdict.DEFERRED)), Optional.empty());
        assertEquals(List.of("xn--bcher-kva.de", "our.example"), plan.requests().stream().map(CheckRequest::domain)
                .toList());
        assertEquals(3, plan.chains().get("xn--bcher-kva.de").size());
        assertEquals(List.of("xn--zz.example"), plan.notDomainNames());
        assertEquals(List.of(), AnalysisDnsChecks.plan(LOG, Optional.empty()).notDomainNames());
    }

    /**
     * The review: 50 of 300 failing recipient domains were checked and the output said nothing of the 250 others.
     * The plan keeps those past the cap, fewest failing messages last, for the output to name.
     */
    @Test
    void recipientDomainsPastTheCapAreLeftOutAndKept() {
        List<MessageChain> chains = new ArrayList<>();
        for (int i = 0; i < AnalysisDnsChecks.MAX_RECIPIENT_DOMAINS + 2; i++) {
            chains.add(chain("<" + i + "@x>", "a@d" + i + ".example", "admin@our.example", Verdict.BOUNCED));
        }
        chains.add(chain("<last@x>", "b@d51.example", "admin@our.example", Verdict.DEFERRED));
        AnalysisDnsChecks.Plan plan = AnalysisDnsChecks.plan(analysis(chains.toArray(MessageChain[]::new)),
                Optional.empty());
        assertEquals(List.of("d49.example", "d50.example"), plan.leftOut(), "d51 has two failing messages");
        assertEquals(AnalysisDnsChecks.MAX_RECIPIENT_DOMAINS, plan.recipientDomainsChecked());
        assertEquals(AnalysisDnsChecks.MAX_RECIPIENT_DOMAINS + 2, plan.failingRecipientDomains());
        assertTrue(plan.roles().containsKey("d51.example"));
        assertEquals(List.of(), AnalysisDnsChecks.plan(LOG, Optional.empty()).leftOut());
        assertEquals(3, AnalysisDnsChecks.plan(LOG, Optional.empty()).failingRecipientDomains());
    }

    @Test
    void plansRecipientDomainsOfFailingChainsAndSenderDomains() {
        AnalysisDnsChecks.Plan plan = AnalysisDnsChecks.plan(LOG, Optional.empty());
        Map<String, Set<CheckKind>> kinds = new java.util.HashMap<>();
        plan.requests().forEach(r -> kinds.put(r.domain(), r.kinds()));
        assertEquals(Set.of("bounce.example", "slow.example", "other.example", "acme.com", "plain.example"),
                kinds.keySet(), "fine.example delivered: not checked");
        assertEquals(CheckKind.RECIPIENT, kinds.get("bounce.example"));
        assertEquals(CheckKind.SENDER, kinds.get("acme.com"));
        assertEquals("bounce.example", plan.requests().getFirst().domain(), "most failures first");
        assertEquals(List.of("<1@x>", "<2@x>"), plan.chains().get("bounce.example").stream()
                .map(AnalysisDnsChecks.ChainRef::messageIdHeader).toList());
        assertEquals(3, plan.chains().get("acme.com").size());
        assertEquals(AnalysisDnsChecks.Role.SENDER, plan.roles().get("plain.example"));

        AnalysisDnsChecks.Plan explicit = AnalysisDnsChecks.plan(LOG, Optional.of("Our.Example"));
        assertTrue(explicit.roles().containsKey("our.example"));
        assertEquals(4, explicit.chains().get("our.example").size(), "every failing chain");
        // our sending domains are ours, a recipient's domain is not
        plan.requests().forEach(r -> assertEquals(r.domain().equals("acme.com") || r.domain().equals("plain.example"),
                r.ours(), r.domain()));
    }

    /**
     * The sender domain named that the log also shows as a recipient's is checked with every check, and is still
     * ours: the findings of its recipient checks (NS_TOO_FEW) are ours to act on, not a recipient's mail team's.
     */
    @Test
    void theSenderDomainNamedThatAlsoReceivesIsStillOurs() {
        AnalysisDnsChecks.Plan plan = AnalysisDnsChecks.plan(LOG, Optional.of("bounce.example"));
        assertEquals(AnalysisDnsChecks.Role.BOTH, plan.roles().get("bounce.example"));
        CheckRequest both = plan.requests().stream().filter(r -> r.domain().equals("bounce.example")).findFirst()
                .orElseThrow();
        assertTrue(both.kinds().containsAll(CheckKind.RECIPIENT) && both.kinds().containsAll(CheckKind.SENDER));
        assertTrue(both.ours());
        assertFalse(plan.requests().stream().filter(r -> !r.domain().equals("bounce.example"))
                .anyMatch(CheckRequest::ours), plan.requests().toString());
    }

    /**
     * The log's Sender column is the envelope sender: the user's own address without Bounce Management, an address
     * under bnc.salesforce.com with it. Each sending domain's request says which the log shows, for the SPF check.
     */
    @Test
    void eachSendingDomainsRequestSaysHowTheLogShowsSalesforceSendingAsIt() {
        LogAnalysis log = analysis(
                chain("<1@x>", "a@r.example", "user=managed.example__0a1b@x1y2.bnc.salesforce.com", Verdict.BOUNCED),
                chain("<2@x>", "b@r.example", "u@Parked.Example", Verdict.BOUNCED),
                chain("<3@x>", "c@r.example", "user=mixed.example__0a1b@x1y2.bnc.salesforce.com", Verdict.DELIVERED),
                chain("<4@x>", "d@r.example", "v@mixed.example", Verdict.DELIVERED),
                // a message only received was sent by someone else's servers
                chain("<5@x>", "e@r.example", "w@inbound.example", Verdict.RECEIVED_ONLY),
                // Salesforce's own address says nothing of the user's domain
                chain("<6@x>", "f@r.example", "noreply@salesforce.com", Verdict.DELIVERED));
        assertEquals(Map.of("managed.example", SalesforceSending.WITH_BOUNCE_MANAGEMENT,
                "parked.example", SalesforceSending.WITHOUT_BOUNCE_MANAGEMENT,
                "mixed.example", SalesforceSending.WITHOUT_BOUNCE_MANAGEMENT), SalesforceSendingInLog.of(log));
        Map<String, SalesforceSending> asked = new java.util.HashMap<>();
        AnalysisDnsChecks.plan(log, Optional.empty()).requests().forEach(r -> asked.put(r.domain(), r.salesforce()));
        assertEquals(SalesforceSending.WITHOUT_BOUNCE_MANAGEMENT, asked.get("parked.example"));
        assertEquals(SalesforceSending.WITH_BOUNCE_MANAGEMENT, asked.get("managed.example"));
        assertEquals(SalesforceSending.WITHOUT_BOUNCE_MANAGEMENT, asked.get("mixed.example"));
        assertEquals(SalesforceSending.UNKNOWN, asked.get("r.example"), "a recipient domain");
        assertEquals(SalesforceSending.UNKNOWN, asked.get("inbound.example"));
        // --sender-domain: what the log shows of it, else not known
        assertEquals(List.of(SalesforceSending.WITHOUT_BOUNCE_MANAGEMENT), AnalysisDnsChecks.plan(log,
                Optional.of("PARKED.example")).requests().stream().filter(r -> r.domain().equals("parked.example"))
                .map(CheckRequest::salesforce).toList());
        assertEquals(List.of(SalesforceSending.UNKNOWN), AnalysisDnsChecks.plan(log, Optional.of("other.example"))
                .requests().stream().filter(r -> r.domain().equals("other.example"))
                .map(CheckRequest::salesforce).toList());
    }

    /**
     * Salesforce's own addresses are no sending domain of ours: salesforce.com was checked as one, and a finding about
     * it told our admin to fix Salesforce's DNS. A Bounce Management envelope still gives the domain it carries; the
     * plan counts the messages left out for the output to say so.
     */
    @Test
    void salesforcesOwnAddressesAreNotCheckedAsOurSendingDomain() {
        LogAnalysis log = analysis(
                chain("<1@x>", "a@r.example", "noreply@salesforce.com", Verdict.BOUNCED, Category.AUTHENTICATION),
                chain("<2@x>", "b@r.example", "noreply@salesforce.com", Verdict.DELIVERED),
                chain("<3@x>", "c@r.example", "no-bounce-tag@x1y2.bnc.salesforce.com", Verdict.DEFERRED),
                chain("<4@x>", "d@r.example", "user=acme.example__0a1b@x1y2.bnc.salesforce.com", Verdict.BOUNCED,
                        Category.AUTHENTICATION));
        AnalysisDnsChecks.Plan plan = AnalysisDnsChecks.plan(log, Optional.empty());
        assertEquals(Map.of("r.example", AnalysisDnsChecks.Role.RECIPIENT, "acme.example",
                AnalysisDnsChecks.Role.SENDER), plan.roles(), "salesforce.com and x1y2.bnc.salesforce.com left out");
        assertEquals(3, plan.fromSalesforce());
        assertEquals(List.of("<4@x>"), plan.chains().get("acme.example").stream()
                .map(AnalysisDnsChecks.ChainRef::messageIdHeader).toList());
        // a reply about the sender's domain of a message from Salesforce's address is no finding of ours to explain
        assertEquals(List.of("", "", "acme.example"), plan.chains().get("r.example").stream()
                .map(AnalysisDnsChecks.ChainRef::senderDomain).toList());
        assertEquals(Map.of("acme.example", SalesforceSending.WITH_BOUNCE_MANAGEMENT), SalesforceSendingInLog.of(log));
        // an explicit sending domain stands for every message: nothing is left out
        AnalysisDnsChecks.Plan explicit = AnalysisDnsChecks.plan(log, Optional.of("acme.example"));
        assertEquals(0, explicit.fromSalesforce());
        assertEquals(3, explicit.chains().get("acme.example").size());
    }

    @Test
    void linksProblemsToTheChainsTheyExplain() {
        List<List<CheckRequest>> asked = new ArrayList<>();
        DomainChecker fake = (requests, options, listener, cancellation) -> {
            asked.add(requests);
            return new CheckReport(requests.stream().map(r -> new DomainCheckResult(r.domain(), List.of(
                    new Finding("MX_NONE", Severity.ERROR, r.domain(), "", List.of(), "", Actor.RECIPIENT_MAIL_TEAM),
                    new Finding("MX_OK", Severity.OK, r.domain(), "", List.of(), "", Actor.NOBODY)), List.of()))
                    .toList());
        };
        AnalysisDnsChecks.Result result = AnalysisDnsChecks.run(AnalysisDnsChecks.plan(LOG, Optional.empty()), fake,
                CheckOptions.defaults(), CheckListener.NONE, Cancellation.none());
        assertEquals(1, asked.size());
        var bounceError = result.findings().stream()
                .filter(l -> l.domain().equals("bounce.example") && l.finding().code().equals("MX_NONE")).findFirst()
                .orElseThrow();
        assertEquals(2, bounceError.chains().size());
        assertEquals("a@bounce.example", bounceError.chains().getFirst().recipient());
        assertEquals(Category.DNS, bounceError.chains().getFirst().category());
        assertTrue(result.findings().stream().filter(l -> l.finding().code().equals("MX_OK"))
                .allMatch(l -> l.chains().isEmpty()));
        assertEquals(CheckReport.empty(), AnalysisDnsChecks.run(AnalysisDnsChecks.plan(analysis(), Optional.empty()),
                fake, CheckOptions.defaults(), CheckListener.NONE, Cancellation.none()).report());
    }

    private static Finding problem(String code, Severity severity, Actor actor) {
        return new Finding(code, severity, "mixed.example", "", List.of(), "", actor);
    }

    /** One recipient domain with a failure of nearly every category, and findings of every family. */
    @Test
    void linksEachProblemOnlyToTheChainsOfCategoriesItCanCause() {
        String sender = "user=acme.com__0a1b2c@x1y2.bnc.salesforce.com";
        LogAnalysis log = analysis(
                chain("<u@x>", "gone@mixed.example", sender, Verdict.BOUNCED, Category.RECIPIENT),
                chain("<f@x>", "full@mixed.example", sender, Verdict.DEFERRED, Category.MAILBOX_FULL),
                chain("<d@x>", "dns@mixed.example", sender, Verdict.BOUNCED, Category.DNS),
                chain("<n@x>", "slow@mixed.example", sender, Verdict.DEFERRED, Category.NETWORK),
                chain("<t@x>", "tls@mixed.example", sender, Verdict.DEFERRED, Category.TLS),
                chain("<a@x>", "auth@mixed.example", sender, Verdict.BOUNCED, Category.AUTHENTICATION),
                chain("<r@x>", "rep@mixed.example", sender, Verdict.BOUNCED, Category.REPUTATION),
                chain("<p@x>", "policy@mixed.example", sender, Verdict.BOUNCED, Category.CONTENT_POLICY),
                chain("<s@x>", "server@mixed.example", sender, Verdict.DEFERRED, Category.REMOTE_SERVER),
                chain("<k@x>", "what@mixed.example", sender, Verdict.BOUNCED, Category.UNKNOWN),
                chain("<ok@x>", "fine@mixed.example", sender, Verdict.DELIVERED));
        AnalysisDnsChecks.Plan plan = AnalysisDnsChecks.plan(log, Optional.empty());
        assertEquals(10, plan.chains().get("mixed.example").size(), "every failing chain belongs to the domain");
        CheckReport report = new CheckReport(List.of(new DomainCheckResult("mixed.example", List.of(
                problem("NS_SAME_NETWORK", Severity.WARNING, Actor.RECIPIENT_MAIL_TEAM),
                problem("DOMAIN_NXDOMAIN", Severity.ERROR, Actor.RECIPIENT_MAIL_TEAM),
                problem("DNS_TIMEOUT", Severity.ERROR, Actor.LOCAL_NETWORK),
                problem("DNSBL_LISTED", Severity.ERROR, Actor.SENDER_ADMIN),
                problem("DNSBL_LISTED", Severity.WARNING, Actor.RECIPIENT_MAIL_TEAM),
                problem("MTA_STS_MX_MISMATCH", Severity.ERROR, Actor.RECIPIENT_MAIL_TEAM),
                problem("CHECK_FAILED", Severity.ERROR, Actor.SENDER_ADMIN),
                problem("FUTURE_CODE", Severity.ERROR, Actor.RECIPIENT_MAIL_TEAM),
                problem("EDNS_OK", Severity.OK, Actor.NOBODY)), List.of()),
                new DomainCheckResult("acme.com", List.of(
                        problem("SPF_MISSING", Severity.ERROR, Actor.SENDER_ADMIN),
                        problem("PTR_MISSING", Severity.ERROR, Actor.SENDER_ADMIN),
                        problem("DNS_TIMEOUT", Severity.WARNING, Actor.RECIPIENT_MAIL_TEAM)), List.of())));

        List<AnalysisDnsChecks.LinkedFinding> linked = AnalysisDnsChecks.link(plan, report);
        List<List<String>> got = linked.stream().map(l -> l.chains().stream()
                .map(AnalysisDnsChecks.ChainRef::messageIdHeader).toList()).toList();
        assertEquals(List.of(
                List.of("<d@x>", "<n@x>", "<k@x>"),             // NS_SAME_NETWORK: DNS, NETWORK, UNKNOWN
                List.of("<d@x>", "<n@x>", "<k@x>"),             // DOMAIN_NXDOMAIN of a recipient domain
                List.of(),                                      // our own resolver failed
                List.of("<r@x>", "<k@x>"),                      // our sending IP listed
                List.of(),                                      // the recipient's MX listed
                List.of("<t@x>", "<k@x>"),                      // MTA-STS
                List.of(),                                      // CHECK_FAILED
                List.of(),                                      // a code no row knows
                List.of(),                                      // OK
                List.of("<a@x>", "<k@x>"),                      // SPF_MISSING of our domain
                List.of("<a@x>", "<r@x>", "<k@x>"),             // PTR_MISSING
                List.of("<a@x>", "<k@x>")), got);               // a lookup of our domain timed out: SPF/DMARC
        assertEquals(AnalysisDnsChecks.Role.SENDER, linked.get(9).role());
    }

    /**
     * A SERVFAIL on our own SPF include, found by our sending domain's checks, makes receivers' SPF checks fail
     * (temperror): it cannot make Salesforce's lookup of a recipient domain fail. That failure is explained by the
     * recipient domain's own DNS problems only.
     */
    @Test
    void ourSpfIncludesLookupFailureExplainsOnlyAuthenticationFailuresNotARecipientDomainsLookup() {
        StatusKnowledgeBase kb = StatusKnowledgeBase.standard();
        Category lookupFailed = kb.diagnose(SmtpReply.parse("554 5.4.4 [internal] Domain Lookup Failed")).category();
        Category spfError = kb.diagnose(SmtpReply.parse("451 4.7.24 SPF validation error")).category();
        assertEquals(Category.DNS, lookupFailed);
        assertEquals(Category.AUTHENTICATION, spfError);
        String sender = "user=acme.com__0a1b2c@x1y2.bnc.salesforce.com";
        LogAnalysis log = analysis(
                chain("<p@x>", "kim@proseware.example", sender, Verdict.BOUNCED, lookupFailed),
                chain("<s@x>", "lee@contoso.example", sender, Verdict.DEFERRED, spfError));
        AnalysisDnsChecks.Plan plan = AnalysisDnsChecks.plan(log, Optional.empty());
        CheckReport report = new CheckReport(List.of(
                new DomainCheckResult("acme.com", List.of(new Finding("DNS_LOOKUP_FAILED", Severity.ERROR,
                        "spf.protection.outlook.com", "SERVFAIL", List.of(), "", Actor.SENDER_ADMIN)), List.of()),
                new DomainCheckResult("proseware.example", List.of(new Finding("DNS_LOOKUP_FAILED", Severity.ERROR,
                        "proseware.example", "SERVFAIL", List.of(), "", Actor.RECIPIENT_MAIL_TEAM)), List.of())));
        Map<String, List<String>> linked = new java.util.HashMap<>();
        AnalysisDnsChecks.link(plan, report).forEach(l -> linked.put(l.domain(),
                l.chains().stream().map(AnalysisDnsChecks.ChainRef::messageIdHeader).toList()));
        assertEquals(List.of("<s@x>"), linked.get("acme.com"), "our SPF include: the SPF temperror only");
        assertEquals(List.of("<p@x>"), linked.get("proseware.example"), "the recipient domain's own lookup");
    }

    /**
     * A reputation refusal that names our client host gets that IP looked up in the recipient domain's blocklist
     * check, and a listing of it explains the refusal only when the refusal names its list (or none).
     */
    @Test
    void theClientIpAReputationRefusalNamesIsLookedUpAndItsListingsLinkedByList() {
        String spamhaus = "550 5.7.1 Service unavailable, Client host [13.110.6.221] blocked using Spamhaus. To"
                + " request removal from this list see https://www.spamhaus.org/query/ip/13.110.6.221";
        LogAnalysis log = analysis(replied("<s@x>", "bob@example.test", "me@acme.com", Verdict.BOUNCED, spamhaus));
        AnalysisDnsChecks.Plan plan = AnalysisDnsChecks.plan(log, Optional.empty());
        CheckRequest recipient = plan.requests().stream().filter(r -> r.domain().equals("example.test"))
                .findFirst().orElseThrow();
        assertEquals(List.of("13.110.6.221"), recipient.bounceIps());
        Finding zen = listing("13.110.6.221", "zen.spamhaus.org");
        Finding psbl = listing("13.110.6.221", "psbl.surriel.com");
        CheckReport report = new CheckReport(List.of(new DomainCheckResult("example.test", List.of(zen), List.of())));
        assertEquals(List.of("<s@x>"), linkedIds(plan, report).get("DNSBL_LISTED"));
        report = new CheckReport(List.of(new DomainCheckResult("example.test", List.of(psbl), List.of())));
        assertEquals(List.of(), linkedIds(plan, report).get("DNSBL_LISTED"), "PSBL is not the list the bounce names");
    }

    /**
     * Listings of two of our IPs on several lists against refusals that name Spamhaus, SpamCop, no list, an IP or
     * none, some with the same text twice: each listing explains just the refusals that name its list (or none) and
     * its IP (or none), however many listings share a reply text.
     */
    @Test
    void listingsAreLinkedByTheListAndIpEachRefusalNames() {
        String spamhaus = "550 5.7.1 Service unavailable, Client host [13.110.6.221] blocked using Spamhaus. To"
                + " request removal from this list see https://www.spamhaus.org/query/ip/13.110.6.221";
        String spamcop = "554 5.7.1 Service unavailable; Client host [13.110.6.221] blocked using bl.spamcop.net;"
                + " Blocked - see https://www.spamcop.net/bl.shtml?13.110.6.221";
        String noList = "550 5.7.1 Client host [13.110.6.221] blocked using our own block list";
        String nothing = "550 5.7.1 Message blocked using our reputation filter";
        String otherIp = "550 5.7.1 Service unavailable, Client host [13.110.6.222] blocked using Spamhaus";
        LogAnalysis log = analysis(
                replied("<s1@x>", "a@example.test", "me@acme.com", Verdict.BOUNCED, spamhaus),
                replied("<c1@x>", "b@example.test", "me@acme.com", Verdict.BOUNCED, spamcop),
                replied("<s2@x>", "c@example.test", "me@acme.com", Verdict.BOUNCED, spamhaus),
                replied("<n1@x>", "d@example.test", "me@acme.com", Verdict.BOUNCED, noList),
                replied("<n0@x>", "e@example.test", "me@acme.com", Verdict.BOUNCED, nothing),
                replied("<o1@x>", "f@example.test", "me@acme.com", Verdict.BOUNCED, otherIp),
                replied("<n2@x>", "g@example.test", "me@acme.com", Verdict.BOUNCED, noList));
        assertTrue(log.chains().stream().allMatch(c -> c.category().orElseThrow() == Category.REPUTATION),
                log.chains().stream().map(c -> c.diagnosis().orElseThrow().ruleId()).toList().toString());
        AnalysisDnsChecks.Plan plan = AnalysisDnsChecks.plan(log, Optional.empty());
        CheckReport report = new CheckReport(List.of(new DomainCheckResult("example.test", List.of(
                listing("13.110.6.221", "zen.spamhaus.org"), listing("13.110.6.221", "bl.spamcop.net"),
                listing("13.110.6.221", "psbl.surriel.com"), listing("13.110.6.222", "zen.spamhaus.org"),
                listing("13.110.6.221", "dnsbl.example.net")), List.of())));
        List<String> got = AnalysisDnsChecks.link(plan, report).stream().map(l -> l.finding().subject() + " "
                + l.finding().message().replaceAll(".* on ([a-z.]+).*", "$1") + ": " + String.join(" ",
                l.chains().stream().map(AnalysisDnsChecks.ChainRef::messageIdHeader).toList())).toList();
        assertEquals(List.of(
                "13.110.6.221 zen.spamhaus.org: <s1@x> <s2@x> <n1@x> <n0@x> <n2@x>",
                "13.110.6.221 bl.spamcop.net: <c1@x> <n1@x> <n0@x> <n2@x>",
                "13.110.6.221 psbl.surriel.com: <n1@x> <n0@x> <n2@x>",
                "13.110.6.222 zen.spamhaus.org: <n0@x> <o1@x>",
                "13.110.6.221 dnsbl.example.net: <n1@x> <n0@x> <n2@x>"), got);
        // the five distinct texts are worked out once for the whole run, not once for each of the five listings
        org.mailpath.engine.dnsbl.DnsblListings.Replies replies = new org.mailpath.engine.dnsbl.DnsblListings.Replies();
        assertEquals(AnalysisDnsChecks.link(plan, report), AnalysisDnsChecks.link(plan, report, replies));
        assertEquals(5, replies.size());
    }

    /** A DNSBL_LISTED finding of Salesforce's IP on {@code zone}, worded as the blocklist check words it. */
    private static Finding listing(String ip, String zone) {
        org.mailpath.engine.finding.FindingTexts texts =
                org.mailpath.engine.finding.FindingTexts.of(org.mailpath.engine.dnsbl.DnsblZone.class);
        return texts.variant("DNSBL_LISTED", org.mailpath.engine.finding.Severity.ERROR, ip, List.of(),
                org.mailpath.engine.finding.Actor.SALESFORCE_SUPPORT, "DNSBL_LISTED.message",
                "DNSBL_LISTED.salesforce.remediation", ip, "sending IP named in a bounce", zone, "127.0.0.2", "");
    }

    /** A failing chain whose diagnosis the knowledge base makes from its reply, as the analysis does. */
    private static MessageChain replied(String id, String recipient, String sender, Verdict verdict, String reply) {
        Diagnosis d = StatusKnowledgeBase.standard().diagnose(SmtpReply.parse(reply));
        return TestChains.chain(id, "i" + id, recipient, sender, "005", List.of(), verdict, 0, reply, Optional.of(d),
                Optional.empty());
    }

    private static Map<String, List<String>> linkedIds(AnalysisDnsChecks.Plan plan, CheckReport report) {
        Map<String, List<String>> out = new java.util.LinkedHashMap<>();
        AnalysisDnsChecks.link(plan, report).forEach(l -> out.put(l.finding().code(),
                l.chains().stream().map(AnalysisDnsChecks.ChainRef::messageIdHeader).toList()));
        return out;
    }

    /**
     * A bounce whose reply shows DNS answered (a null MX, no MX or A, a private address, a domain Gmail could not
     * find) was decided by the records answered: the name servers' placement, EDNS or DNSSEC, or a lookup failing
     * from here now, did not cause it. Lookup failures, unreachable mail servers and timeouts stay theirs.
     */
    @Test
    void aDnsAnswerIsExplainedOnlyByTheRecordsItAnswered() {
        String sender = "user=acme.com__0a1b2c@x1y2.bnc.salesforce.com";
        LogAnalysis log = analysis(
                replied("<null@x>", "bob@nullmx.example", sender, Verdict.BOUNCED,
                        "550 5.4.4 [internal] NULL MX domain does not accept mail"),
                replied("<none@x>", "amy@nullmx.example", sender, Verdict.DEFERRED,
                        "454 4.4.4 [internal] no MX or A for domain"),
                replied("<gmail@x>", "kim@nullmx.example", sender, Verdict.BOUNCED,
                        "553 5.1.2 We weren't able to find the recipient domain. Please check for any spelling errors"
                                + " - gsmtp"),
                replied("<private@x>", "lee@nullmx.example", sender, Verdict.BOUNCED,
                        "551 5.4.6 [internal] Private/Loopback Address"),
                replied("<lookup@x>", "ann@nullmx.example", sender, Verdict.BOUNCED,
                        "554 5.4.4 [internal] Domain Lookup Failed"),
                replied("<servers@x>", "joe@nullmx.example", sender, Verdict.DEFERRED,
                        "421 4.4.0 [internal] no mail servers for this domain could be reached at this time"),
                replied("<timeout@x>", "eve@nullmx.example", sender, Verdict.DEFERRED,
                        "450 4.4.1 [internal] Connection Timed Out"),
                replied("<ours@x>", "max@nullmx.example", sender, Verdict.BOUNCED,
                        "550 5.7.27 Sender address has null MX"));
        AnalysisDnsChecks.Plan plan = AnalysisDnsChecks.plan(log, Optional.empty());
        CheckReport report = new CheckReport(List.of(new DomainCheckResult("nullmx.example", List.of(
                new Finding("NS_SAME_NETWORK", Severity.WARNING, "nullmx.example", "", List.of(), "",
                        Actor.RECIPIENT_MAIL_TEAM),
                new Finding("EDNS_DEAD", Severity.ERROR, "ns1.nullmx.example", "", List.of(), "",
                        Actor.RECIPIENT_MAIL_TEAM),
                new Finding("DNS_LOOKUP_FAILED", Severity.ERROR, "nullmx.example", "SERVFAIL", List.of(), "",
                        Actor.RECIPIENT_MAIL_TEAM),
                new Finding("MX_NULL", Severity.ERROR, "nullmx.example", "", List.of(), "", Actor.SENDER_ADMIN),
                new Finding("MX_NONE", Severity.ERROR, "nullmx.example", "", List.of(), "",
                        Actor.RECIPIENT_MAIL_TEAM),
                new Finding("MX_PRIVATE_ADDRESS", Severity.ERROR, "mx.nullmx.example", "", List.of(), "",
                        Actor.RECIPIENT_MAIL_TEAM),
                new Finding("DOMAIN_NXDOMAIN", Severity.ERROR, "nullmx.example", "", List.of(), "",
                        Actor.RECIPIENT_MAIL_TEAM)), List.of())));
        List<String> failures = List.of("<lookup@x>", "<servers@x>", "<timeout@x>");
        Map<String, List<String>> linked = linkedIds(plan, report);
        assertEquals(failures, linked.get("NS_SAME_NETWORK"), "name servers: lookup failures and timeouts only");
        assertEquals(failures, linked.get("EDNS_DEAD"));
        assertEquals(failures, linked.get("DNS_LOOKUP_FAILED"), "a lookup failing now says nothing of an answer");
        assertEquals(List.of("<null@x>", "<lookup@x>", "<servers@x>", "<timeout@x>"), linked.get("MX_NULL"));
        assertEquals(List.of("<none@x>", "<gmail@x>", "<lookup@x>", "<servers@x>", "<timeout@x>"),
                linked.get("MX_NONE"));
        assertEquals(List.of("<private@x>", "<lookup@x>", "<servers@x>", "<timeout@x>"),
                linked.get("MX_PRIVATE_ADDRESS"));
        assertEquals(List.of("<none@x>", "<gmail@x>", "<lookup@x>", "<servers@x>", "<timeout@x>"),
                linked.get("DOMAIN_NXDOMAIN"), "the domain not found, by Gmail or Salesforce");
    }

    /**
     * An authentication refusal that names its mechanism is explained by that mechanism's findings: a missing DKIM
     * CNAME target does not explain "SPF check failed". DMARC fails when neither SPF nor DKIM passes aligned, so its
     * refusals take all three; a refusal that names none rules none out; a reverse-DNS refusal is the PTR check's.
     */
    @Test
    void anAuthenticationRefusalIsExplainedOnlyByTheMechanismItNames() {
        String sender = "user=acme.com__0a1b2c@x1y2.bnc.salesforce.com";
        LogAnalysis log = analysis(
                replied("<spf@x>", "a@contoso.example", sender, Verdict.BOUNCED,
                        "550 5.7.1 Message rejected: SPF check failed"),
                replied("<dkim@x>", "b@contoso.example", sender, Verdict.BOUNCED,
                        "550 5.7.1 DKIM signature verification failed"),
                replied("<dmarc@x>", "c@contoso.example", sender, Verdict.BOUNCED,
                        "550 5.7.1 Email rejected per DMARC policy for acme.com"),
                replied("<ptr@x>", "d@contoso.example", sender, Verdict.BOUNCED,
                        "550 5.7.25 The IP address sending this message does not have a PTR record setup"),
                replied("<any@x>", "e@contoso.example", sender, Verdict.BOUNCED,
                        "554 5.7.7 Message failed integrity check"));
        assertTrue(log.chains().stream().allMatch(c -> c.category().orElseThrow() == Category.AUTHENTICATION),
                "every reply is an authentication refusal: " + log.chains().stream().map(c -> c.diagnosis()
                        .orElseThrow().ruleId()).toList());
        AnalysisDnsChecks.Plan plan = AnalysisDnsChecks.plan(log, Optional.empty());
        CheckReport report = new CheckReport(List.of(new DomainCheckResult("acme.com", List.of(
                new Finding("SPF_MISSING", Severity.ERROR, "acme.com", "", List.of(), "", Actor.SENDER_ADMIN),
                new Finding("DKIM_CNAME_TARGET_MISSING", Severity.ERROR, "s1._domainkey.acme.com", "", List.of(), "",
                        Actor.SENDER_ADMIN),
                new Finding("DMARC_MISSING", Severity.WARNING, "acme.com", "", List.of(), "", Actor.SENDER_ADMIN),
                new Finding("PTR_MISSING", Severity.ERROR, "192.0.2.1", "", List.of(), "", Actor.SENDER_ADMIN),
                new Finding("DNS_TIMEOUT", Severity.WARNING, "spf.acme.com", "", List.of(), "",
                        Actor.SENDER_ADMIN)), List.of())));
        Map<String, List<String>> linked = linkedIds(plan, report);
        assertEquals(List.of("<spf@x>", "<dmarc@x>", "<any@x>"), linked.get("SPF_MISSING"));
        assertEquals(List.of("<dkim@x>", "<dmarc@x>", "<any@x>"), linked.get("DKIM_CNAME_TARGET_MISSING"),
                "a DKIM problem does not explain an SPF refusal");
        assertEquals(List.of("<dmarc@x>", "<any@x>"), linked.get("DMARC_MISSING"));
        assertEquals(List.of("<ptr@x>", "<any@x>"), linked.get("PTR_MISSING"));
        assertEquals(List.of("<spf@x>", "<dkim@x>", "<dmarc@x>", "<any@x>"), linked.get("DNS_TIMEOUT"),
                "our domain's lookups: a receiver's temperror of SPF, DKIM or DMARC, not its reverse DNS check");
    }

    private static Finding problem(String code, String subject) {
        return new Finding(code, Severity.ERROR, subject, "", List.of(), "", Actor.RECIPIENT_MAIL_TEAM);
    }

    /**
     * Gmail refuses IPv6 mail "regarding PTR records and authentication": its guidelines ask IPv6 senders for a PTR
     * record and for SPF or DKIM to pass, so the PTR clue does not rule out our domain's SPF, DKIM and DMARC
     * findings; a refusal naming the PTR record alone stays the PTR check's.
     */
    @Test
    void gmailsIpv6RefusalIsExplainedByReverseDnsAndAuthentication() {
        String sender = "user=acme.com__0a1b2c@x1y2.bnc.salesforce.com";
        LogAnalysis log = analysis(
                replied("<v6@x>", "a@contoso.example", sender, Verdict.BOUNCED, "550-5.7.1 [2001:db8::1] Our system"
                        + " has detected that this message does not meet IPv6 sending guidelines regarding PTR records"
                        + " and authentication. Please review https://support.google.com/mail/?p=IPv6AuthError for"
                        + " more information. - gsmtp"),
                replied("<ptr@x>", "b@contoso.example", sender, Verdict.BOUNCED,
                        "550 5.7.25 The IP address sending this message does not have a PTR record setup"));
        assertTrue(log.chains().stream().allMatch(c -> c.category().orElseThrow() == Category.AUTHENTICATION));
        AnalysisDnsChecks.Plan plan = AnalysisDnsChecks.plan(log, Optional.empty());
        CheckReport report = new CheckReport(List.of(new DomainCheckResult("acme.com", List.of(
                problem("SPF_RESULT", "acme.com"), problem("DKIM_NOT_FOUND", "s1._domainkey.acme.com"),
                problem("DMARC_MISSING", "acme.com"), problem("PTR_MISSING", "192.0.2.1")), List.of())));
        Map<String, List<String>> linked = linkedIds(plan, report);
        assertEquals(List.of("<v6@x>"), linked.get("SPF_RESULT"), "Gmail refuses IPv6 mail that fails SPF");
        assertEquals(List.of("<v6@x>"), linked.get("DKIM_NOT_FOUND"));
        assertEquals(List.of("<v6@x>"), linked.get("DMARC_MISSING"));
        assertEquals(List.of("<v6@x>", "<ptr@x>"), linked.get("PTR_MISSING"));
    }

    /**
     * "No such domain or mail host" is an answer, but which one depends on the server asked when the zone's servers
     * disagree: a secondary still serving an old serial, an NS set the parent and the zone list differently, a lame
     * server that answers NXDOMAIN. Those stay linked; a server that does not answer, or the servers' placement,
     * changes no answer.
     */
    @Test
    void noMailHostIsExplainedByServersThatAnswerDifferently() {
        String sender = "user=acme.com__0a1b2c@x1y2.bnc.salesforce.com";
        LogAnalysis log = analysis(
                replied("<454@x>", "a@split.example", sender, Verdict.DEFERRED,
                        "454 4.4.4 [internal] no MX or A for domain"),
                replied("<554@x>", "b@split.example", sender, Verdict.BOUNCED, "554 No Valid Domain"),
                replied("<512@x>", "c@split.example", sender, Verdict.BOUNCED, "550 5.1.2 Host unknown"),
                replied("<null@x>", "d@split.example", sender, Verdict.BOUNCED,
                        "550 5.4.4 [internal] NULL MX domain does not accept mail"));
        AnalysisDnsChecks.Plan plan = AnalysisDnsChecks.plan(log, Optional.empty());
        CheckReport report = new CheckReport(List.of(new DomainCheckResult("split.example", List.of(
                problem("NS_SOA_SERIAL_MISMATCH", "split.example"), problem("NS_PARENT_CHILD_MISMATCH",
                        "split.example"), problem("NS_LAME", "ns2.split.example (192.0.2.53)"),
                problem("NS_UNREACHABLE", "ns3.split.example (192.0.2.54)"),
                problem("NS_SAME_NETWORK", "split.example")), List.of())));
        Map<String, List<String>> linked = linkedIds(plan, report);
        List<String> noHost = List.of("<454@x>", "<554@x>", "<512@x>");
        assertEquals(noHost, linked.get("NS_SOA_SERIAL_MISMATCH"), "a secondary without the MX records");
        assertEquals(noHost, linked.get("NS_PARENT_CHILD_MISMATCH"));
        assertEquals(noHost, linked.get("NS_LAME"));
        assertEquals(List.of(), linked.get("NS_UNREACHABLE"));
        assertEquals(List.of(), linked.get("NS_SAME_NETWORK"));
    }

    /**
     * A receiver that could not find our sending domain (x.1.8) is explained by that domain's own existence, lookup
     * and name-server findings, whether it is checked as a sender only or also as a recipient; never by the
     * recipient domain's.
     */
    @Test
    void theSendersDomainNotFoundIsExplainedByTheSendingDomainsFindings() {
        String sender = "user=acme.com__0a1b2c@x1y2.bnc.salesforce.com";
        String notFound = "553 5.1.8 <u@acme.com>: Sender address rejected: Domain not found";
        LogAnalysis log = analysis(
                replied("<out@x>", "a@contoso.example", sender, Verdict.BOUNCED, notFound),
                replied("<in@x>", "b@acme.com", sender, Verdict.BOUNCED, notFound),
                replied("<lookup@x>", "c@acme.com", sender, Verdict.BOUNCED,
                        "554 5.4.4 [internal] Domain Lookup Failed"));
        assertTrue(log.chains().stream().allMatch(c -> c.category().orElseThrow() == Category.DNS),
                log.chains().stream().map(c -> c.diagnosis().orElseThrow().ruleId()).toList().toString());
        AnalysisDnsChecks.Plan plan = AnalysisDnsChecks.plan(log, Optional.empty());
        assertEquals(AnalysisDnsChecks.Role.BOTH, plan.roles().get("acme.com"));
        CheckReport report = new CheckReport(List.of(
                new DomainCheckResult("acme.com", List.of(problem("DOMAIN_NXDOMAIN", "acme.com"),
                        problem("NS_SOA_SERIAL_MISMATCH", "acme.com"), problem("SPF_MISSING", "acme.com")),
                        List.of()),
                new DomainCheckResult("contoso.example", List.of(problem("NS_LAME", "ns1.contoso.example"),
                        problem("DOMAIN_NXDOMAIN", "contoso.example")), List.of())));
        List<AnalysisDnsChecks.LinkedFinding> links = AnalysisDnsChecks.link(plan, report);
        Map<String, List<String>> ours = new java.util.LinkedHashMap<>();
        Map<String, List<String>> theirs = new java.util.LinkedHashMap<>();
        links.forEach(l -> (l.domain().equals("acme.com") ? ours : theirs).put(l.finding().code(),
                l.chains().stream().map(AnalysisDnsChecks.ChainRef::messageIdHeader).toList()));
        assertEquals(List.of("<in@x>", "<lookup@x>", "<out@x>"), ours.get("DOMAIN_NXDOMAIN"),
                "our domain not found: by a receiver, or by Salesforce as a recipient domain");
        assertEquals(List.of("<in@x>", "<lookup@x>", "<out@x>"), ours.get("NS_SOA_SERIAL_MISMATCH"));
        assertEquals(List.of(), ours.get("SPF_MISSING"), "no SPF refusal");
        assertEquals(List.of(), theirs.get("NS_LAME"), "the recipient domain's servers did not refuse our sender");
        assertEquals(List.of(), theirs.get("DOMAIN_NXDOMAIN"));

        // checked as a sender only: its existence finding explains the refusal too
        AnalysisDnsChecks.Plan senderOnly = AnalysisDnsChecks.plan(analysis(
                replied("<out@x>", "a@contoso.example", sender, Verdict.BOUNCED, notFound)), Optional.empty());
        assertEquals(AnalysisDnsChecks.Role.SENDER, senderOnly.roles().get("acme.com"));
        assertEquals(List.of("<out@x>"), linkedIds(senderOnly, new CheckReport(List.of(new DomainCheckResult(
                "acme.com", List.of(problem("DOMAIN_NXDOMAIN", "acme.com")), List.of())))).get("DOMAIN_NXDOMAIN"));
    }
}
