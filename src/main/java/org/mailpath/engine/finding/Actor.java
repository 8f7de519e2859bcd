package org.mailpath.engine.finding;

/** Who must act on a diagnosis or finding. */
public enum Actor {
    /** Our own Salesforce / DNS administrator (the user of MailPath). */
    SENDER_ADMIN,
    /** The mail or DNS team of the recipient's domain. */
    RECIPIENT_MAIL_TEAM,
    /** Salesforce support (their mail servers gave up or misbehaved). */
    SALESFORCE_SUPPORT,
    /** The network of the computer MailPath runs on (e.g. outbound port 25 blocked). */
    LOCAL_NETWORK,
    /** Nothing to do: information or a passed check. */
    NOBODY
}
