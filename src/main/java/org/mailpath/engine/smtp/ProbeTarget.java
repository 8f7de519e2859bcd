package org.mailpath.engine.smtp;

import com.google.common.net.InetAddresses;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.OptionalInt;

/**
 * One address to probe: {@code host} is the MX host name (or the host or address the user gave),
 * {@code domain} what the user asked about, {@code preference} the MX preference when it came from an MX record,
 * {@code named} true for a server the user named ({@code [HOST]} or an IP address) rather than a domain's: neither an
 * MX host nor a domain without MX records probed through its own address (RFC 5321 §5.1), so output can say which.
 */
public record ProbeTarget(String domain, String host, InetAddress address, int port, OptionalInt preference,
                          boolean named) {

    public ProbeTarget {
        preference = preference == null ? OptionalInt.empty() : preference;
    }

    /** A server of a domain: one of its MX hosts ({@code preference} present), or the domain itself (implicit MX). */
    public ProbeTarget(String domain, String host, InetAddress address, int port, OptionalInt preference) {
        this(domain, host, address, port, preference, false);
    }

    /**
     * True when the host came from the domain's MX records and is probed on port 25, the way senders reach it: only
     * then can a finding tell the recipient's mail team to fix the host "or remove it from the MX records". A
     * {@code [host]} or an IP address is a server the user named, a domain without MX records was probed through its
     * own address (RFC 5321 §5.1), and another {@code --port} is not the one senders use.
     */
    public boolean viaMxRecord() {
        return preference.isPresent() && port == SmtpProbeOptions.SMTP_PORT;
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
