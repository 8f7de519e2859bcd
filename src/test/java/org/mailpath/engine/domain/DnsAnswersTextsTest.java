package org.mailpath.engine.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.mailpath.testing.fakedns.Findings.single;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.mailpath.engine.check.CheckOptions;
import org.mailpath.engine.common.Cancellation;
import org.mailpath.engine.dmarc.DmarcCheck;
import org.mailpath.engine.finding.Finding;
import org.mailpath.engine.finding.Severity;
import org.mailpath.testing.fakedns.FakeDns;
import org.xbill.DNS.Type;

/** How TXT records reach the record parsers: their bytes, not zone-file text. */
class DnsAnswersTextsTest {

    @Test
    void tabsQuotesAndBackslashesAreTheRecordsOwnCharactersOtherBytesAreShownAsDecimalEscapes() {
        FakeDns dns = FakeDns.of("""
                t.example.test. TXT "v=DMARC1;\\009p=reject" "; rua=mailto:d@example.test"
                q.example.test. TXT "say \\"hi\\" \\\\ bye"
                u.example.test. TXT "caf\\195\\169 \\010end"
                """);
        assertEquals(List.of("v=DMARC1;\tp=reject; rua=mailto:d@example.test"),
                DnsAnswers.texts(dns.lookup("t.example.test", Type.TXT, Cancellation.none())));
        assertEquals(List.of("say \"hi\" \\ bye"),
                DnsAnswers.texts(dns.lookup("q.example.test", Type.TXT, Cancellation.none())));
        var u = dns.lookup("u.example.test", Type.TXT, Cancellation.none());
        assertEquals(List.of("caf\\195\\169 \\010end"), DnsAnswers.texts(u));
        assertEquals(Optional.of("the byte \\195 at position 4"), DnsAnswers.unprintable(u, DnsAnswers.texts(u)
                .getFirst()));
    }

    @Test
    void aDmarcRecordWithTabsBetweenItsTagsIsValid() {
        // RFC 7489 §6.4: dmarc-sep = *WSP ";" *WSP, and WSP includes HTAB
        List<Finding> f = FakeDns.of("_dmarc.example.test. TXT \"v=DMARC1;\\009p=reject;\\009rua=mailto:d@example.test\"\n")
                .run(new DmarcCheck(), "example.test", CheckOptions.defaults());
        Finding ok = single(f, "DMARC_OK", Severity.OK);
        assertEquals(true, ok.message().contains("p=reject"), ok.message());
    }
}
