package org.mailpath.engine.spf;

import java.util.Locale;

/** The results of check_host() (RFC 7208 §2.6). */
public enum SpfResult {
    NONE, NEUTRAL, PASS, FAIL, SOFTFAIL, TEMPERROR, PERMERROR;

    /** The RFC's lower-case name ("softfail"). */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
