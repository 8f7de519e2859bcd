package org.mailpath.ui.events;

import java.util.HashMap;
import java.util.Map;
import org.mailpath.engine.address.MixedScripts;

/**
 * Recipients' addresses as the message table shows them ({@link MixedScripts#shownAddress}), each domain worked out
 * once per table: a very large log repeats the same few domains, and IDNA decoding and the script checks are done per
 * domain, not per message. One per build of the table, on that build's thread.
 */
final class ShownAddresses {

    private final Map<String, String> domains = new HashMap<>();

    String of(String address) {
        int at = address.lastIndexOf('@');
        if (at < 0 || plainAscii(address, at + 1)) {
            return address; // nearly every address: nothing to decode, so nothing to remember
        }
        String domain = address.substring(at + 1);
        String shown = domains.computeIfAbsent(domain, MixedScripts::shown);
        return shown.equals(domain) ? address : address.substring(0, at + 1) + shown;
    }

    /**
     * ASCII with no "xn--" anywhere in the domain: MixedScripts shows such an address as it is. Stricter than its own
     * test (an A-label begins a label), so any address it might change goes through it.
     */
    private static boolean plainAscii(String address, int domainStart) {
        for (int i = 0; i < address.length(); i++) {
            if (address.charAt(i) >= 0x80) {
                return false;
            }
        }
        for (int i = domainStart; i + 4 <= address.length(); i++) {
            if (address.regionMatches(true, i, "xn--", 0, 4)) {
                return false;
            }
        }
        return true;
    }
}
