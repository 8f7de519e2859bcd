package org.mailpath.engine.smtp;

import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Settings of a probe. Every wait has a limit: {@code connectTimeout} per TCP connect, {@code bannerLimit} for the
 * greeting (RFC 5321 §4.5.3.2 lets a client wait 5 minutes; longer than {@code slowBanner} is reported as slow),
 * {@code commandTimeout} per reply, {@code tlsTimeout} for the TLS handshake, and {@code targetLimit} for a whole conversation.
 * Replies are cut off at {@code maxLineLength} bytes per line, {@code maxReplyLines} lines or
 * {@code maxReplyBytes} bytes. {@code trustStore} empty = the JDK's CA certificates; {@code clock} dates the
 * certificate checks. {@code rcpt} is the opt-in RCPT TO test address. {@code hostsFile} is the hosts file a
 * {@code [host]} is looked up in before DNS, as the operating system's resolver and so the telnet test do: empty for
 * the operating system's own ({@code /etc/hosts}, or {@code %SystemRoot%\System32\drivers\etc\hosts} on Windows).
 * {@code quitTimeout} bounds the wait for the reply to QUIT (at most {@code commandTimeout}): by then everything the
 * probe asks is answered, so a missing 221 is only noted in the transcript. RFC 5321 §4.1.1.10 says a client SHOULD
 * wait for that reply; Postfix does not ({@code smtp_skip_quit_response = yes}, postconf(5)), so a short wait is
 * enough to show the 221 of a working server without a silent one costing a whole reply limit per address.
 * {@code helo} is the name given in EHLO/HELO when one is set; without it {@code localHeloName} gives this computer's
 * ({@link #heloName()}), found only when a probe asks for it: finding the host name asks the operating system's
 * resolver, which a run that probes nothing (or a test) must not do.
 */
public record SmtpProbeOptions(int port, Optional<String> helo, Supplier<String> localHeloName, Optional<String> rcpt,
                               Duration connectTimeout, Duration bannerLimit, Duration slowBanner, Duration commandTimeout, Duration tlsTimeout,
                               Duration targetLimit, int maxLineLength, int maxReplyLines, int maxReplyBytes,
                               int maxTargets, int maxConcurrent, Optional<KeyStore> trustStore, Clock clock,
                               Duration tick, Optional<Path> hostsFile,
                               Duration quitTimeout) {

    public static final int SMTP_PORT = 25;
    public static final Duration RFC_BANNER_LIMIT = Duration.ofMinutes(5);
    /** A working server answers QUIT within a round trip; see {@code quitTimeout}. */
    public static final Duration DEFAULT_QUIT_TIMEOUT = Duration.ofSeconds(2);

    public SmtpProbeOptions {
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
        // the Builder gives the defaults; none stands for one here
        Objects.requireNonNull(helo, "helo");
        Objects.requireNonNull(localHeloName, "localHeloName");
        Objects.requireNonNull(rcpt, "rcpt");
        Objects.requireNonNull(trustStore, "trustStore");
        Objects.requireNonNull(hostsFile, "hostsFile");
        Objects.requireNonNull(clock, "clock");
        for (Duration d : new Duration[] {connectTimeout, bannerLimit, slowBanner, commandTimeout, tlsTimeout, targetLimit,
                tick, quitTimeout}) {
            if (d == null || d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException("every time limit must be positive");
            }
        }
        // the reply to QUIT is a reply: never waited for longer than any other
        quitTimeout = quitTimeout.compareTo(commandTimeout) < 0 ? quitTimeout : commandTimeout;
        if (maxLineLength < 64 || maxReplyLines < 1 || maxReplyBytes < maxLineLength || maxTargets < 1
                || maxConcurrent < 1) {
            throw new IllegalArgumentException("limits too small");
        }
    }

    public static SmtpProbeOptions defaults() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        Builder b = new Builder();
        b.port = port;
        b.helo = helo;
        b.localHeloName = localHeloName;
        b.rcpt = rcpt;
        b.connectTimeout = connectTimeout;
        b.bannerLimit = bannerLimit;
        b.slowBanner = slowBanner;
        b.commandTimeout = commandTimeout;
        b.tlsTimeout = tlsTimeout;
        b.targetLimit = targetLimit;
        b.maxLineLength = maxLineLength;
        b.maxReplyLines = maxReplyLines;
        b.maxReplyBytes = maxReplyBytes;
        b.maxTargets = maxTargets;
        b.maxConcurrent = maxConcurrent;
        b.trustStore = trustStore;
        b.clock = clock;
        b.tick = tick;
        b.hostsFile = hostsFile;
        b.quitTimeout = quitTimeout;
        return b;
    }

    /** The name given in EHLO/HELO: the one set, else this computer's, found now (the first time) and not before. */
    public String heloName() {
        return helo.orElseGet(localHeloName);
    }

    /**
     * The name this computer gives in EHLO when none is configured: its host name, with {@code .localdomain} when it
     * has no dot. Asks the operating system (and so its resolver) each time; {@link LocalHeloName} asks once.
     */
    private static String defaultHeloName() {
        try {
            String name = java.net.InetAddress.getLocalHost().getHostName();
            return name.contains(".") ? name : name + ".localdomain";
        } catch (java.net.UnknownHostException e) {
            return "localhost.localdomain";
        }
    }

    /**
     * This computer's EHLO name, asked for once, on first use ({@link #defaultHeloName()}): one name for every
     * conversation of a run, and none asked for by a run that connects to no server. A host name that could not go
     * on the wire as a command's argument (a space or control character) gives way to the name used when there is none.
     */
    private static final class LocalHeloName {
        private static final String NAME = usable(defaultHeloName());

        static String get() {
            return NAME;
        }

        private static String usable(String name) {
            return CommandArgument.safe(name) ? name : "localhost.localdomain";
        }
    }

    /** Builds options; anything not set keeps its default. */
    public static final class Builder {
        private int port = SMTP_PORT;
        private Optional<String> helo = Optional.empty();
        private Supplier<String> localHeloName = LocalHeloName::get;
        private Optional<String> rcpt = Optional.empty();
        private Duration connectTimeout = Duration.ofSeconds(30);
        private Duration bannerLimit = RFC_BANNER_LIMIT;
        private Duration slowBanner = Duration.ofSeconds(20);
        private Duration commandTimeout = Duration.ofSeconds(60);
        private Duration tlsTimeout;
        private Duration targetLimit;
        private int maxLineLength = 2048;
        private int maxReplyLines = 200;
        private int maxReplyBytes = 64 * 1024;
        private int maxTargets = 20;
        private int maxConcurrent = 8;
        private Optional<KeyStore> trustStore = Optional.empty();
        private Clock clock = Clock.systemUTC();
        private Duration tick = Duration.ofSeconds(1);
        private Optional<Path> hostsFile = Optional.empty();
        private Duration quitTimeout = DEFAULT_QUIT_TIMEOUT;

        public Builder port(int v) { port = v; return this; }
        public Builder heloName(String v) { helo = Optional.of(v); return this; }
        /**
         * Where the EHLO name comes from when none is set, asked only when a probe needs it; default: this
         * computer's host name ({@code defaultHeloName()}, asked once). Tests give one that asks no resolver.
         */
        public Builder localHeloName(Supplier<String> v) { localHeloName = v; return this; }
        public Builder rcpt(Optional<String> v) { rcpt = v; return this; }
        public Builder connectTimeout(Duration v) { connectTimeout = v; return this; }
        public Builder bannerLimit(Duration v) { bannerLimit = v; return this; }
        public Builder slowBanner(Duration v) { slowBanner = v; return this; }
        public Builder commandTimeout(Duration v) { commandTimeout = v; return this; }
        /** Limit for the TLS handshake; default: the command timeout. */
        public Builder tlsTimeout(Duration v) { tlsTimeout = v; return this; }
        /** Limit for one whole conversation; default: banner limit plus ten command timeouts. */
        public Builder targetLimit(Duration v) { targetLimit = v; return this; }
        public Builder maxLineLength(int v) { maxLineLength = v; return this; }
        public Builder maxReplyLines(int v) { maxReplyLines = v; return this; }
        public Builder maxReplyBytes(int v) { maxReplyBytes = v; return this; }
        public Builder maxTargets(int v) { maxTargets = v; return this; }
        public Builder maxConcurrent(int v) { maxConcurrent = v; return this; }
        public Builder trustStore(Optional<KeyStore> v) { trustStore = v; return this; }
        public Builder clock(Clock v) { clock = v; return this; }
        public Builder tick(Duration v) { tick = v; return this; }
        /** The hosts file a {@code [host]} is looked up in first; default: the operating system's. */
        public Builder hostsFile(Path v) { hostsFile = Optional.of(v); return this; }
        /** Limit for the reply to QUIT (never more than the command timeout); default 2 s. */
        public Builder quitTimeout(Duration v) { quitTimeout = v; return this; }

        public SmtpProbeOptions build() {
            Duration whole = targetLimit != null ? targetLimit
                    : connectTimeout.plus(bannerLimit).plus(commandTimeout.multipliedBy(10))
                    .plus(tlsTimeout != null ? tlsTimeout : commandTimeout);
            return new SmtpProbeOptions(port, helo, localHeloName, rcpt,
                    connectTimeout, bannerLimit, slowBanner, commandTimeout,
                    tlsTimeout != null ? tlsTimeout : commandTimeout, whole, maxLineLength, maxReplyLines,
                    maxReplyBytes, maxTargets, maxConcurrent, trustStore, clock, tick, hostsFile, quitTimeout);
        }
    }
}
