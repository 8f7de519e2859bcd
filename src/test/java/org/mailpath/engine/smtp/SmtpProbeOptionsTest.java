package org.mailpath.engine.smtp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.mailpath.engine.common.Cancellation;
import org.mailpath.testing.smtp.FakeDns;
import org.mailpath.testing.smtp.FakeSmtpServer;
import org.mailpath.testing.smtp.ScriptedSmtp;

/**
 * This computer's EHLO name is asked for only when a conversation needs it: finding it asks the operating system's
 * resolver, which options built for a run that probes nothing (the command line validates its probe options on every
 * {@code analyze}) asked before, on a machine whose name no DNS server knows a query sent out and waited for.
 */
class SmtpProbeOptionsTest {

    private final AtomicInteger asked = new AtomicInteger();
    private final Supplier<String> thisComputer = () -> {
        asked.incrementAndGet();
        return "pc.example.test";
    };

    @Test
    void optionsAndAProbeWithoutAHeloNameAskNothingUntilAServerIsTalkedTo() {
        SmtpProbeOptions options = SmtpProbeOptions.builder().localHeloName(thisComputer).build();
        SmtpProbeOptions copy = options.toBuilder().port(2525).build();
        new SmtpProbe(new FakeDns(), copy, ReplyDecoder.NONE);
        assertEquals(0, asked.get(), "built and validated without asking for this computer's name");
        assertTrue(copy.helo().isEmpty());
        assertEquals("pc.example.test", copy.heloName());
        assertEquals(1, asked.get());
    }

    @Test
    void aNameGivenIsUsedAndThisComputersNeverAskedFor() {
        SmtpProbeOptions options = SmtpProbeOptions.builder().heloName("probe.mailpath.test")
                .localHeloName(() -> {
                    throw new AssertionError("this computer's name was asked for");
                }).build();
        assertEquals("probe.mailpath.test", options.heloName());
        assertEquals("probe.mailpath.test", options.toBuilder().build().heloName());
    }

    @Test
    void aGivenNameThatCouldSmuggleACommandIsStillRefusedAtOnce() {
        SmtpProbeOptions options = SmtpProbeOptions.builder().heloName("a.test\r\nDATA").build();
        assertThrows(IllegalArgumentException.class, () -> new SmtpProbe(new FakeDns(), options, ReplyDecoder.NONE));
    }

    @Test
    void withoutAHeloNameTheServerIsGreetedWithThisComputersName() throws Exception {
        FakeDns dns = new FakeDns().loopbackNamed("mx.example.test");
        try (FakeSmtpServer server = FakeSmtpServer.start(ScriptedSmtp.standard())) {
            Duration generous = Duration.ofSeconds(20);
            SmtpProbeOptions options = SmtpProbeOptions.builder().port(server.port()).localHeloName(thisComputer)
                    .connectTimeout(generous).bannerLimit(generous).commandTimeout(generous).slowBanner(generous)
                    .build();
            ProbeReport report = new SmtpProbe(dns, options, ReplyDecoder.NONE)
                    .probe(List.of("[mx.example.test]"), SmtpProbeListener.NONE, Cancellation.none());
            TargetResult target = report.targets().getFirst();
            assertTrue(server.received().contains("EHLO pc.example.test"), server.received() + "\n" + target);
            assertTrue(asked.get() > 0);
        }
    }

    /** The Builder gives the defaults: options given none of a clock or an EHLO name's source are a mistake. */
    @Test
    void aMissingClockOrHeloSourceIsRefusedNotTakenForTheDefault() {
        assertThrows(NullPointerException.class, () -> SmtpProbeOptions.builder().clock(null).build());
        assertThrows(NullPointerException.class, () -> SmtpProbeOptions.builder().localHeloName(null).build());
        assertThrows(NullPointerException.class, () -> SmtpProbeOptions.builder().rcpt(null).build());
        Clock fixed = Clock.fixed(java.time.Instant.parse("2026-12-07T10:00:00Z"), java.time.ZoneOffset.UTC);
        assertEquals(fixed, SmtpProbeOptions.builder().clock(fixed).build().clock());
    }
}
