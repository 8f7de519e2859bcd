package org.mailpath.engine.smtp;

import com.google.common.net.InetAddresses;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * One address to probe: {@code host} is the MX host name (or the host or address the user gave),
 * {@code domain} what the user asked about, {@code preference} the MX preference when it came from an MX record,
 * {@code source} how the host was found, so that output and findings can say which.
 */
public record ProbeTarget(String domain, String host, InetAddress address, int port, OptionalInt preference,
                          Source source) {

    /** How a host to probe was found: a finding's wording and the output's "source" depend on it. */
    public enum Source {
        /** A host of the domain's MX records; the target has its preference. */
        MX_RECORD,
        /** The domain itself, which has no MX records (RFC 5321 §5.1's implicit MX). */
        IMPLICIT_MX,
        /** A server the user named ({@code [HOST]} or an IP address), neither an MX host nor an implicit MX. */
        NAMED
    }

    public ProbeTarget {
        preference = preference == null ? OptionalInt.empty() : preference;
        Objects.requireNonNull(source, "source");
        // only an MX record gives a preference, and the output prints it for every MX host
        if (preference.isPresent() != (source == Source.MX_RECORD)) {
            throw new IllegalArgumentException("an MX preference with source " + source);
        }
    }

    /** A server of a domain: one of its MX hosts ({@code preference} present), or the domain itself (implicit MX). */
    public ProbeTarget(String domain, String host, InetAddress address, int port, OptionalInt preference) {
        this(domain, host, address, port, preference,
                preference != null && preference.isPresent() ? Source.MX_RECORD : Source.IMPLICIT_MX);
    }

    /**
     * True when the host came from the domain's MX records and is probed on port 25, the way senders reach it: only
     * then can a finding tell the recipient's mail team to fix the host "or remove it from the MX records". A
     * {@code [host]} or an IP address is a server the user named, a domain without MX records was probed through its
     * own address (RFC 5321 §5.1), and another {@code --port} is not the one senders use.
     */
    public boolean viaMxRecord() {
        return source == Source.MX_RECORD && port == SmtpProbeOptions.SMTP_PORT;
    }

    /** True when the user gave an IP address ({@code 192.0.2.1}, {@code [2001:db8::1]}), not a host name. */
    public boolean byAddress() {
        return InetAddresses.isInetAddress(host);
    }

    public InetSocketAddress socketAddress() {
        return new InetSocketAddress(address, port);
    }

    /**
     * The address as text without a host name part, e.g. {@code 192.0.2.1} or {@code 2001:db8::1} (IPv6 in RFC 5952's
     * short form, as DNS consoles show it; the JDK's {@code getHostAddress} writes every group).
     */
    public String addressText() {
        return InetAddresses.toAddrString(address);
    }

    /** {@code mx1.example.com [192.0.2.1]:25} */
    public String label() {
        return host + " [" + addressText() + "]:" + port;
    }
}
