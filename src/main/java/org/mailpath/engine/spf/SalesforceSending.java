package org.mailpath.engine.spf;

/**
 * How Salesforce sends the domain's mail, which decides what SPF must contain. With Bounce Management (or Email
 * Security Compliance) the envelope sender is {@code …bnc.salesforce.com}, so SPF is checked against Salesforce's
 * domain and cannot align with the From domain: DMARC must pass through DKIM. Without it the envelope sender is the
 * user's own address, so the From domain's SPF must include {@code _spf.salesforce.com}.
 */
public enum SalesforceSending {
    /** Not known: the findings explain both cases. */
    UNKNOWN,
    WITHOUT_BOUNCE_MANAGEMENT,
    WITH_BOUNCE_MANAGEMENT
}
