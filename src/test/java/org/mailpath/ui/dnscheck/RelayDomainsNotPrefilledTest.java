package org.mailpath.ui.dnscheck;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mailpath.engine.analysis.EmailLogAnalyzer;
import org.mailpath.engine.analysis.LogAnalysis;
import org.mailpath.engine.analysis.RelayHosts;
import org.mailpath.engine.common.Cancellation;
import org.mailpath.engine.common.ProgressListener;

/**
 * A reviewer's log whose every message went through the org's Email Relay: the DNS step prefilled gmail.com and the
 * other recipient domains for the relay's refusals and outage. With the relay named, none is a failing domain.
 */
class RelayDomainsNotPrefilledTest {

    @TempDir
    Path dir;

    private LogAnalysis analyse(RelayHosts relay) throws Exception {
        Path log = dir.resolve("relay.csv");
        if (!Files.exists(log)) {
            try (InputStream in = getClass().getResourceAsStream("/org/mailpath/cli/email-relay.csv")) {
                Files.copy(in, log);
            }
        }
        return new EmailLogAnalyzer().withRelayHosts(relay).analyze(log, ProgressListener.NONE, Cancellation.none());
    }

    @Test
    void recipientDomainsFailingOnlyAtOurRelayAreNotPrefilled() throws Exception {
        assertEquals(List.of(), DnsCheckViewModel.failingRecipientDomains(
                analyse(RelayHosts.of(List.of("smtp-relay.acme.example")))));
        assertEquals(List.of("gmail.com", "fabrikam.example", "northwind.example", "contoso.example"),
                DnsCheckViewModel.failingRecipientDomains(analyse(RelayHosts.none())));
    }
}
