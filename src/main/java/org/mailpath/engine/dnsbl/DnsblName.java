package org.mailpath.engine.dnsbl;

import java.net.InetAddress;
import org.xbill.DNS.ReverseMap;

/** The query name of an address in a blocklist zone (RFC 5782 §2.1, §2.4): reversed octets or nibbles + zone. */
final class DnsblName {

    private DnsblName() {
    }

    static String of(InetAddress address, String zone) {
        String reverse = ReverseMap.fromAddress(address).toString(true); // "4.3.2.1.in-addr.arpa"
        String labels = reverse.substring(0, reverse.lastIndexOf('.', reverse.lastIndexOf('.') - 1));
        return labels + "." + zone;
    }
}
