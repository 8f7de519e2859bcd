package org.mailpath.ui.dnscheck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mailpath.engine.check.CheckKind;
import org.mailpath.engine.check.CheckOptions;
import org.mailpath.engine.check.CheckReport;
import org.mailpath.engine.check.ChecksNotMade;
import org.mailpath.engine.check.ConcurrentDomainChecker;
import org.mailpath.engine.check.DomainCheckResult;
import org.mailpath.engine.check.DomainChecker;
import org.mailpath.engine.common.Cancellation;
import org.mailpath.engine.common.CancelledException;
import org.mailpath.engine.dns.DnsAnswer;
import org.mailpath.engine.dns.DnsFindingCodes;
import org.mailpath.engine.dns.DnsLookup;
import org.mailpath.engine.dns.DnsStatus;
import org.mailpath.engine.dns.LookupFindings;
import org.mailpath.engine.dns.NxdomainBesideData;
import org.mailpath.engine.finding.Actor;
import org.mailpath.engine.finding.Finding;
import org.mailpath.engine.finding.Severity;
import org.mailpath.engine.smtp.ProbeReport;
import org.mailpath.ui.common.DkimResult;
import org.mailpath.ui.common.Messages;
import org.mailpath.ui.common.SettingsStore;
import org.mailpath.ui.common.SyncTaskRunner;
import org.mailpath.ui.common.WizardSession;
import org.mailpath.ui.testing.FakeDialogs;
import org.xbill.DNS.Type;

/**
 * Name servers that answer NXDOMAIN for one type of t.test while its SOA answers: the run's report says the lookup
 * failed (DNS_LOOKUP_FAILED, read against the run's answers once every check is done), and the step shows the same:
 * in the rows, the findings and the shared results, after a cancelled run, and when the DKIM step's selectors are
 * merged back in. It kept each check's findings as reported, and DOMAIN_NXDOMAIN came back.
 */
class CrossCheckedFindingsTest {

    private static final String SENDER = "t.test";
    private static final String SERVER = "127.0.0.1:53";
    private static final Instant AT = Instant.parse("2026-12-07T03:00:00Z");
    private static final DnsAnswer SOA = new DnsAnswer(SENDER, Type.SOA, DnsStatus.NODATA, List.of(), List.of(),
            SERVER, AT, "");
    private static final DnsAnswer NX = new DnsAnswer(SENDER, Type.TXT, DnsStatus.NXDOMAIN, List.of(), List.of(),
            SERVER, AT, "");

    @TempDir
    Path dir;

    private final WizardSession session = new WizardSession();

    /** The run's answers: t.test's SOA answered, its TXT NXDOMAIN. */
    private static final DnsLookup RUN_DNS = new DnsLookup() {
        @Override
        public DnsAnswer lookup(String name, int type, Cancellation cancellation) {
            throw new AssertionError("nothing is asked after the run");
        }

        @Override
        public List<DnsAnswer> answered(String name) {
            return name.equals(SENDER) ? List.of(SOA, NX) : List.of();
        }
    };

    /**
     * Each check of t.test but DKIM reports the bare NXDOMAIN as it finishes; the report is read against the run's
     * answers as ConcurrentDomainChecker reads it. {@code cancel}: the run stops once every check finished.
     */
    private static DomainChecker checker(boolean cancel) {
        return (requests, options, listener, cancellation) -> {
            listener.asking(RUN_DNS);
            List<DomainCheckResult> results = new ArrayList<>();
            for (var request : requests) {
                String domain = request.domain();
                List<Finding> all = new ArrayList<>();
                var byKind = new java.util.EnumMap<CheckKind, List<Finding>>(CheckKind.class);
                for (CheckKind kind : request.kinds().stream().sorted().toList()) {
                    listener.started(domain, kind);
                    List<Finding> found = domain.equals(SENDER) && kind != CheckKind.DKIM
                            ? List.of(LookupFindings.failure(NX).orElseThrow()) : List.of();
                    listener.finished(domain, kind, found);
                    List<Finding> read = NxdomainBesideData.crossChecked(found, RUN_DNS);
                    all.addAll(read);
                    byKind.put(kind, read);
                }
                results.add(new DomainCheckResult(domain, ConcurrentDomainChecker.domainFindings(domain, all),
                        List.of(), java.util.Optional.empty(), ChecksNotMade.kinds(byKind)));
            }
            if (cancel) {
                throw new CancelledException();
            }
            return new CheckReport(results);
        };
    }

    private DnsCheckViewModel model(DomainChecker checker) {
        DnsCheckViewModel m = new DnsCheckViewModel(checker, (domain, rcpt, options, listener, cancellation) ->
                new ProbeReport(List.of(), List.of()), new SyncTaskRunner(), new FakeDialogs(),
                SettingsStore.open(dir.resolve("s.properties")), session, Messages.forLocale(Locale.ENGLISH),
                CheckOptions.defaults());
        m.senderDomainProperty().set(SENDER);
        m.recipientDomains().add("fabrikam.example");
        return m;
    }

    private List<String> codesShown(DnsCheckViewModel m) {
        return Stream.concat(m.groups().stream().flatMap(g -> g.findings().stream()),
                session.checks().findings().stream()).map(Finding::code).toList();
    }

    private static void assertRowsSayTheLookupFailed(DnsCheckViewModel m) {
        List<CheckRow> rows = m.rows().stream().filter(r -> r.domain().equals(SENDER)
                && r.topic() instanceof RowTopic.DnsCheck(CheckKind kind) && kind != CheckKind.DKIM).toList();
        assertFalse(rows.isEmpty());
        for (CheckRow r : rows) {
            // not DOMAIN_NXDOMAIN's "t.test does not exist"
            assertTrue(r.summaryProperty().get().startsWith("The DNS question t.test TXT failed: ERROR"),
                    r.label() + ": " + r.summaryProperty().get());
            assertEquals(CheckState.ERROR, r.state(), r.label());
        }
    }

    @Test
    void aFinishedRunShowsTheReportsFindingsInItsRowsAndKeepsThemWhenTheDkimStepsSelectorsComeIn() {
        DnsCheckViewModel m = model(checker(false));
        m.run();
        assertEquals(ChecksState.DONE, m.stateProperty().get(), m.errorTextProperty().get());
        assertRowsSayTheLookupFailed(m);
        assertFalse(codesShown(m).contains(DnsFindingCodes.DOMAIN_NXDOMAIN), codesShown(m).toString());
        assertTrue(codesShown(m).contains(DnsFindingCodes.DNS_LOOKUP_FAILED), codesShown(m).toString());

        session.setDkimResult(new DkimResult(SENDER, List.of("s1"), List.of(new Finding("DKIM_OK", Severity.OK,
                "s1._domainkey." + SENDER, "key found", List.of(), "", Actor.NOBODY))));
        List<String> after = codesShown(m);
        assertTrue(after.contains("DKIM_OK"), after.toString());
        assertFalse(after.contains(DnsFindingCodes.DOMAIN_NXDOMAIN), after.toString());
        assertTrue(after.contains(DnsFindingCodes.DNS_LOOKUP_FAILED), after.toString());
        assertRowsSayTheLookupFailed(m);
    }

    @Test
    void aCancelledRunReadsWhatItHasAgainstItsAnswers() {
        DnsCheckViewModel m = model(checker(true));
        m.run();
        assertRowsSayTheLookupFailed(m);
        assertFalse(codesShown(m).contains(DnsFindingCodes.DOMAIN_NXDOMAIN), codesShown(m).toString());
        assertTrue(codesShown(m).contains(DnsFindingCodes.DNS_LOOKUP_FAILED), codesShown(m).toString());
    }
}
