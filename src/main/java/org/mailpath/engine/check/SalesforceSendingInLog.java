package org.mailpath.engine.check;

import java.util.LinkedHashMap;
import java.util.Map;
import org.mailpath.engine.analysis.LogAnalysis;
import org.mailpath.engine.analysis.MessageChain;
import org.mailpath.engine.analysis.Verdict;
import org.mailpath.engine.spf.SalesforceSending;

/**
 * What an Email Log shows of how Salesforce sends as each sending domain, for the SPF check
 * ({@link SalesforceSending}). The log's Sender column is "the Envelope From address used in the email. The default
 * value is the email address of the person who sent the email. If Email Security Compliance or Bounce Management
 * are enabled, this address contains *.bnc.salesforce.com" (Salesforce Help, Email Log Reference).
 *
 * <p>Only messages Salesforce sent on (delivered, bounced, deferred) count: a message it only received was sent by
 * someone else's servers. A message whose envelope sender is the user's own address at a domain was sent by
 * Salesforce's servers with that domain as envelope sender, so receivers check that domain's SPF against them: the
 * domain is {@link SalesforceSending#WITHOUT_BOUNCE_MANAGEMENT}, even where other messages of it went with a
 * Bounce Management envelope (Salesforce's sendEmail() reference: "Bounce management works for contacts and
 * leads only", other mail's bounces go to the sender, so both kinds can be in one log). A domain all of whose messages went with a Bounce Management
 * envelope ({@code name=domain__id@….bnc.salesforce.com}) is {@link SalesforceSending#WITH_BOUNCE_MANAGEMENT}.
 * Salesforce's own addresses (at or under salesforce.com) say nothing of the user's domain and are left out
 * ({@link OwnSendingDomain}).
 */
public final class SalesforceSendingInLog {

    private SalesforceSendingInLog() {
    }

    /** Each of our sending domains the log shows ({@link OwnSendingDomain}) and how Salesforce sent as it. */
    public static Map<String, SalesforceSending> of(LogAnalysis analysis) {
        Map<String, SalesforceSending> out = new LinkedHashMap<>();
        for (MessageChain c : analysis.chains()) {
            if (c.verdict() == Verdict.RECEIVED_ONLY) {
                continue;
            }
            // Salesforce's own addresses say nothing of the user's domain (OwnSendingDomain)
            OwnSendingDomain.of(c).ifPresent(d -> {
                if (AnalysisDnsChecks.bounceManagementDomain(c.sender()).isPresent()) {
                    out.putIfAbsent(d, SalesforceSending.WITH_BOUNCE_MANAGEMENT);
                } else {
                    out.put(d, SalesforceSending.WITHOUT_BOUNCE_MANAGEMENT);
                }
            });
        }
        return Map.copyOf(out);
    }
}
