package org.mailpath.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.mailpath.engine.smtp.SmtpProbeOptions;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** The mixin {@code analyze} adds for {@code --probe-smtp} parses and turns into probe options. */
class ProbeSmtpMixinTest {

    @Command(name = "analyze-like")
    static final class Host {
        @Mixin
        ProbeSmtpMixin probe = new ProbeSmtpMixin();
    }

    @Test
    void parsesIntoProbeOptions() {
        Host host = new Host();
        new CommandLine(host).parseArgs("--probe-smtp", "--port", "2525", "--helo", "me.example.test",
                "--banner-timeout", "0.5");
        assertTrue(host.probe.enabled());
        SmtpProbeOptions o = host.probe.options().apply(SmtpProbeOptions.builder(), Duration.ofSeconds(7)).build();
        assertEquals(2525, o.port());
        assertEquals("me.example.test", o.heloName());
        assertEquals(Duration.ofMillis(500), o.bannerLimit());
        assertEquals(Duration.ofSeconds(7), o.commandTimeout());
    }

    @Test
    void offByDefaultWithRfcBannerLimit() {
        Host host = new Host();
        new CommandLine(host).parseArgs();
        assertFalse(host.probe.enabled());
        SmtpProbeOptions o = host.probe.options().apply(SmtpProbeOptions.builder(), Duration.ofSeconds(30)).build();
        assertEquals(25, o.port());
        assertEquals(SmtpProbeOptions.RFC_BANNER_LIMIT, o.bannerLimit());
    }
}
