package org.mailpath.engine.check;

import com.google.common.net.InetAddresses;
import java.net.InetAddress;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.mailpath.engine.analysis.ChainEvent;
import org.mailpath.engine.analysis.MessageChain;
import org.mailpath.engine.domain.IpAddresses;
import org.mailpath.engine.status.Category;

/**
 * The IP addresses a refusal for reputation names, which are our client host's: "Client host [13.110.6.221] blocked
 * using Spamhaus", Gmail's "[13.110.6.221] ... unsolicited mail", a list's lookup link ending in the address. The
 * Email Log's mail left from Salesforce's servers, so each is one of Salesforce's sending IPs; the address of the
 * server that replied (the log's Relay Address) is left out, as is any address that is not one of an IP literal.
 */
public final class ReplyClientIps {

    /** Addresses taken from one reply at most: a reply names its client once or twice. */
    static final int MAX_PER_REPLY = 2;
    private static final Pattern IPV4 = Pattern.compile("(?<![\\d.])(\\d{1,3}(?:\\.\\d{1,3}){3})(?![\\d.]*\\d)");
    /** IPv6 literals: with at least two colons and hex digits only, optionally after "IPv6:" (RFC 5321 §4.1.3). */
    private static final Pattern IPV6 = Pattern.compile("(?<![\\p{Alnum}:])((?:\\p{XDigit}{0,4}:){2,7}\\p{XDigit}{0,4})"
            + "(?![\\p{XDigit}:])");

    private static final Pattern IPV6_TAG = Pattern.compile("IPv6:", Pattern.CASE_INSENSITIVE);

    private ReplyClientIps() {
    }

    /** The client IPs of a chain's reply when it is a REPUTATION refusal; empty otherwise. */
    public static List<String> of(MessageChain chain) {
        if (chain.category().filter(c -> c == Category.REPUTATION).isEmpty()) {
            return List.of();
        }
        Set<String> relays = new LinkedHashSet<>();
        for (ChainEvent e : chain.events()) {
            IpAddresses.parse(e.relayAddress() == null ? "" : e.relayAddress())
                    .ifPresent(a -> relays.add(IpAddresses.text(a)));
        }
        return of(chain.status()).stream().filter(ip -> !relays.contains(ip)).toList();
    }

    /** The IP literals a reply text names, in order, at most {@link #MAX_PER_REPLY}. */
    static List<String> of(String reply) {
        // a hostile long reply is read only as far as ReplyClue reads it
        String text = ReplyClue.scanned(reply);
        // the "IPv6:" tag of an address literal would read as part of the address
        text = IPV6_TAG.matcher(text).replaceAll(" ");
        Set<String> out = new LinkedHashSet<>();
        for (Pattern p : List.of(IPV4, IPV6)) {
            Matcher m = p.matcher(text);
            while (m.find() && out.size() < MAX_PER_REPLY) {
                String literal = m.group(1);
                if (InetAddresses.isInetAddress(literal)) {
                    InetAddress a = InetAddresses.forString(literal);
                    out.add(IpAddresses.text(a));
                }
            }
        }
        return List.copyOf(out);
    }
}
