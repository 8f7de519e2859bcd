package org.mailpath.engine.analysis;

/** Verdict of one message chain (stable ids, used in JSON). */
public enum Verdict {
    DELIVERED, BOUNCED, DEFERRED, RECEIVED_ONLY
}
