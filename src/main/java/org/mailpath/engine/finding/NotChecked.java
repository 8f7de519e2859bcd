package org.mailpath.engine.finding;

/**
 * Whether a finding is a check this computer's network kept from being made (its resolver failed, a blocklist
 * refused it, port 25 is blocked…): it says nothing about its subject, whatever its severity. Here, in the finding
 * package, so that the checks that record which of them were kept from being made and the report that counts such
 * findings apart use one rule.
 */
public final class NotChecked {

    private NotChecked() {
    }

    public static boolean is(Finding f) {
        return f.actor() == Actor.LOCAL_NETWORK && f.severity() != Severity.OK;
    }
}
