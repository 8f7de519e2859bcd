package org.mailpath.engine.domain;

import org.xbill.DNS.Name;

/** Whether a name from DNS data is a host name, read from its label bytes (its text escapes them). */
final class HostNames {

    private HostNames() {
    }

    /**
     * Letters, digits and hyphens in every label, no hyphen at either end (RFC 1123 §2.1 "LDH"), the underscore
     * also let pass as Postfix's {@code valid_hostname} does; the root alone is no host name.
     */
    static boolean valid(Name name) {
        int labels = name.labels() - (name.isAbsolute() ? 1 : 0);
        if (labels < 1) {
            return false;
        }
        for (int i = 0; i < labels; i++) {
            byte[] label = name.getLabel(i); // the length octet, then the label's octets
            int length = label[0] & 0xff;
            if (length == 0 || label[1] == '-' || label[length] == '-') {
                return false;
            }
            for (int j = 1; j <= length; j++) {
                if (!ldh(label[j])) {
                    return false;
                }
            }
        }
        return true;
    }

    private static boolean ldh(byte b) {
        return b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' || b >= '0' && b <= '9' || b == '-' || b == '_';
    }
}
