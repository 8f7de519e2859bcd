package org.mailpath.engine.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mailpath.engine.log.LogFixtures;

/**
 * The spellings of one internationalised domain (U-label, A-label, either in capitals, full-width dot) are one
 * recipient domain in the analysis' counts and in each chain's domain, under its Unicode spelling.
 */
class IdnDomainGroupingTest {

    @TempDir
    Path dir;

    @Test
    void spellingsOfOneDomainAreCountedAsOne() throws Exception {
        List<String> recipients = List.of("user@bücher.de", "a@xn--bcher-kva.de", "b@BÜCHER.DE",
                "c@XN--BCHER-KVA.DE", "d@bücher\uFF0Ede", "e@faß.de", "f@xn--fa-hia.de", "g@fass.de",
                "h@xn--zz.example", "i@plain.example");
        LogAnalysis a = LogFixtures.analyze(LogFixtures.write(dir, "idn.csv", LogFixtures.bouncedToEach(recipients)));

        assertEquals(List.of(new DomainSummary("bücher.de", 5, 0, 5, 0), new DomainSummary("faß.de", 2, 0, 2, 0),
                new DomainSummary("fass.de", 1, 0, 1, 0), new DomainSummary("plain.example", 1, 0, 1, 0),
                new DomainSummary("xn--zz.example", 1, 0, 1, 0)), a.domains(),
                "faß.de is not fass.de (IDNA2008); an invalid A-label stays as written");
        assertEquals(List.of("bücher.de", "bücher.de", "bücher.de", "bücher.de", "bücher.de", "faß.de", "faß.de",
                "fass.de", "xn--zz.example", "plain.example"),
                a.chains().stream().map(MessageChain::recipientDomain).toList());
    }
}
