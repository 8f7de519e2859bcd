package org.mailpath.engine.dkim;

/** What was found at one selector, worst aspect first (the UI's DKIM step shows one state per selector). */
public enum DkimSelectorState {
    /** A usable key of sufficient size. */
    OK,
    /** A usable key, but RSA shorter than 2048 bits (below 1024 receivers ignore it). */
    WEAK_KEY,
    /** {@code p=} is empty: the key was revoked. */
    REVOKED,
    /** The record is not a usable DKIM key (bad tags, bad base64, not a key). */
    INVALID,
    /** Nothing at {@code <selector>._domainkey.<domain>}. */
    MISSING,
    /** The record was published with the zone name twice ({@code sel._domainkey.example.com.example.com}). */
    MISPLACED,
    /** A CNAME whose target has no key. */
    CNAME_DANGLING,
    /** A CNAME beside other records at the same name. */
    CNAME_CONFLICT,
    /** The DNS question failed; nothing could be concluded. */
    LOOKUP_FAILED
}
