package org.mailpath.engine.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.mailpath.engine.analysis.LogAnalysis;
import org.mailpath.engine.analysis.MessageChain;
import org.mailpath.engine.analysis.Verdict;
import org.mailpath.engine.common.Cancellation;
import org.mailpath.engine.finding.Actor;
import org.mailpath.engine.finding.Finding;
import org.mailpath.engine.finding.Severity;

class AnalysisDnsChecksTest {

    private static MessageChain chain(String id, String recipient, String sender, Verdict verdict) {
        return new MessageChain(id, "i" + id, recipient, sender, "005", List.of(), verdict, 0, "", Optional.empty(),
                Optional.empty());
    }

    private static LogAnalysis analysis(MessageChain... chains) {
        return new LogAnalysis("log.csv", chains.length, 0, List.of(), List.of(chains), Map.of(), 0, Map.of(),
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
    }

    @Test
    void linksProblemsToTheChainsTheyExplain() {
        List<List<CheckRequest>> asked = new ArrayList<>();
        DomainChecker fake = (requests, options, listener, cancellation) -> {
            asked.add(requests);
            return new CheckReport(requests.stream().map(r -> new DomainCheckResult(r.domain(), List.of(
                    new Finding("X_ERROR", Severity.ERROR, r.domain(), "", List.of(), "", Actor.RECIPIENT_MAIL_TEAM),
                    new Finding("X_OK", Severity.OK, r.domain(), "", List.of(), "", Actor.NOBODY)), List.of()))
                    .toList());
        };
        AnalysisDnsChecks.Result result = AnalysisDnsChecks.run(LOG, Optional.empty(), fake, CheckOptions.defaults(),
                CheckListener.NONE, Cancellation.none());
        assertEquals(1, asked.size());
        var bounceError = result.findings().stream()
                .filter(l -> l.domain().equals("bounce.example") && l.finding().code().equals("X_ERROR")).findFirst()
                .orElseThrow();
        assertEquals(2, bounceError.chains().size());
        assertEquals("a@bounce.example", bounceError.chains().getFirst().recipient());
        assertTrue(result.findings().stream().filter(l -> l.finding().code().equals("X_OK"))
                .allMatch(l -> l.chains().isEmpty()));
        assertEquals(CheckReport.empty(), AnalysisDnsChecks.run(analysis(), Optional.empty(), fake,
                CheckOptions.defaults(), CheckListener.NONE, Cancellation.none()).report());
    }
}
