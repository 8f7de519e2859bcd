package org.mailpath.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.mailpath.engine.check.CheckOptions;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** The DNS-check options as typed: a selector pasted with its DNS name is taken as the selector it names. */
class DnsCheckOptionsTest {

    @Command(name = "check-like")
    static final class Host {
        @Mixin
        DnsCheckOptions dns = new DnsCheckOptions();
    }

    static CheckOptions parse(String... args) {
        Host host = new Host();
        new CommandLine(host).parseArgs(args);
        return host.dns.toCheckOptions();
    }

    @Test
    void aSelectorPastedWithItsDnsNameIsTheSelector() {
        CheckOptions o = parse("--dkim-selector", "s1._domainkey.example.test", "--dkim-selector",
                "S2._DomainKey.example.test.", "--dkim-selector", "sf1", "--dkim-selector", "a.b._domainkey");
        assertEquals(List.of("s1", "S2", "sf1", "a.b"), o.dkimSelectors());
    }

    @Test
    void aSelectorThatIsOnlyTheDnsSuffixIsRefused() {
        CommandLine.ParameterException e = assertThrows(CommandLine.ParameterException.class,
                () -> parse("--dkim-selector", "._domainkey.example.test"));
        assertTrue(e.getMessage().startsWith("--dkim-selector is not a selector name: "), e.getMessage());
    }

    @Test
    void aTimeoutOfAFewMillisecondsIsSurelyMeantInSeconds() {
        Host host = new Host();
        new CommandLine(host).parseArgs("--timeout", "5");
        assertEquals(List.of("mailpath: warning: --timeout is in milliseconds; 5 ms is too short for most DNS"
                + " answers (did you mean 5000?)"), host.dns.warnings());
        Host usual = new Host();
        new CommandLine(usual).parseArgs("--timeout", "500");
        assertEquals(List.of(), usual.dns.warnings());
        Host unset = new Host();
        new CommandLine(unset).parseArgs();
        assertEquals(List.of(), unset.dns.warnings());
    }
}
