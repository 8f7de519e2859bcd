package org.mailpath.ui.dnscheck;

import org.mailpath.engine.check.CheckKind;
import org.mailpath.engine.smtp.ProbeTarget;

/** What a row of the live table is about: a DNS check, or the SMTP test of a domain's mail servers. */
public sealed interface RowTopic {

    /** One DNS check of a domain. */
    record DnsCheck(CheckKind kind) implements RowTopic {
    }

    /** Finding a domain's mail servers for the SMTP test (MX hosts and their addresses). */
    record MailServers() implements RowTopic {
    }

    /** The SMTP conversation with one address of one mail server. */
    record MailServer(ProbeTarget target) implements RowTopic {
    }
}
