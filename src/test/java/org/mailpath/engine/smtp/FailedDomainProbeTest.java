package org.mailpath.engine.smtp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.mailpath.engine.analysis.LogAnalysis;
import org.mailpath.engine.analysis.MessageChain;
import org.mailpath.engine.analysis.TestChains;
import org.mailpath.engine.analysis.Verdict;
import org.mailpath.engine.common.Cancellation;
import org.mailpath.engine.finding.Actor;
import org.mailpath.engine.finding.Finding;
import org.mailpath.engine.status.Category;
import org.mailpath.engine.status.Diagnosis;
import org.mailpath.testing.smtp.FakeDns;

/** {@code analyze --probe-smtp}: which domains get probed. */
class FailedDomainProbeTest {

    static MessageChain chain(String recipient, Verdict verdict, Category category) {
        Optional<Diagnosis> d = category == null ? Optional.empty()
                : Optional.of(new Diagnosis(category, "", "", Actor.RECIPIENT_MAIL_TEAM, "r"));
        return TestChains.chain("<id@x>", "i", recipient, "s@sf.test", "u", List.of(), verdict, 0, "", d,
                Optional.empty());
    }

    static LogAnalysis analysis(List<MessageChain> chains) {
        return TestChains.analysis("log.csv", chains.size(), 0, List.of(), chains, Map.of(), 0, Map.of(), Map.of(),
                List.of(), Optional.empty(), Optional.empty());
    }

    @Test
    void onlyNetworkTlsAndDnsFailuresMostFailuresFirst() {
        LogAnalysis a = analysis(List.of(
                chain("a@tls.test", Verdict.DEFERRED, Category.TLS),
                chain("b@net.test", Verdict.BOUNCED, Category.NETWORK),
                chain("c@NET.test", Verdict.DEFERRED, Category.NETWORK),
                chain("d@dns.test", Verdict.BOUNCED, Category.DNS),
                chain("e@mailbox.test", Verdict.BOUNCED, Category.RECIPIENT),
                chain("f@fine.test", Verdict.DELIVERED, null),
                chain("no-domain", Verdict.BOUNCED, Category.DNS)));
        assertEquals(List.of("net.test", "dns.test", "tls.test"), FailedDomainProbe.domainsToProbe(a));
    }

    @Test
    void probesTheChosenDomainsAndSaysWhichWereLeftOut() {
        List<MessageChain> chains = new ArrayList<>();
        for (String d : List.of("one.test", "two.test", "three.test")) {
            chains.add(chain("x@" + d, Verdict.BOUNCED, Category.DNS));
        }
        FakeDns dns = new FakeDns(); // every domain NXDOMAIN: a finding per probed domain, no network
        SmtpProbe probe = new SmtpProbe(dns, SmtpProbeOptions.builder().heloName("probe.mailpath.test").build(),
                ReplyDecoder.NONE);
        ProbeReport r = FailedDomainProbe.probe(probe, analysis(chains), 2, SmtpProbeListener.NONE,
                Cancellation.none());
        assertEquals(List.of(SmtpCodes.SMTP_DOMAIN_NOT_FOUND, SmtpCodes.SMTP_DOMAIN_NOT_FOUND,
                SmtpCodes.SMTP_DOMAINS_CAPPED), r.findings().stream().map(Finding::code).toList());
        assertTrue(r.findings().getLast().evidence().getFirst().contains("two.test"), r.findings().toString());
        // each domain's own finding stays with it; the cap is the run's
        assertEquals(List.of("one.test", "three.test"), r.inputs().stream().map(ProbeReport.ProbedInput::input)
                .toList());
        assertEquals(List.of(SmtpCodes.SMTP_DOMAIN_NOT_FOUND), r.inputs().getFirst().findings().stream()
                .map(Finding::code).toList());
        assertEquals(List.of(SmtpCodes.SMTP_DOMAINS_CAPPED), r.runFindings().stream().map(Finding::code).toList());
        assertEquals(0, FailedDomainProbe.probe(probe, analysis(List.of()), 2, SmtpProbeListener.NONE,
                Cancellation.none()).allFindings().size());
    }
}
