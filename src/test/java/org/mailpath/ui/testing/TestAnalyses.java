package org.mailpath.ui.testing;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.mailpath.engine.address.MailboxSyntax;
import org.mailpath.engine.analysis.ChainEvent;
import org.mailpath.engine.analysis.ChainKey;
import org.mailpath.engine.analysis.DomainSummary;
import org.mailpath.engine.analysis.LogAnalysis;
import org.mailpath.engine.analysis.MessageChain;
import org.mailpath.engine.analysis.RelayHosts;
import org.mailpath.engine.analysis.TestChains;
import org.mailpath.engine.analysis.UnsharedIdGuess;
import org.mailpath.engine.analysis.Verdict;
import org.mailpath.engine.finding.Actor;
import org.mailpath.engine.log.FileProblem;
import org.mailpath.engine.log.MailEvent;
import org.mailpath.engine.status.Category;
import org.mailpath.engine.status.Diagnosis;

/** Hand-made analyses for view-model and UI tests (until, and besides, the real analyser). */
public final class TestAnalyses {

    public static final Instant START = Instant.parse("2026-03-06T08:00:00Z");

    private TestAnalyses() {
    }

    /** Five messages: delivered, delivered after retry, bounced, deferred, received only. */
    public static LogAnalysis small() {
        List<MessageChain> chains = List.of(
                delivered("a1@acme.com", 0, 0),
                delivered("b2@contoso.com", 60, 2),
                bounced("nobody@example.se", 120),
                deferred("full@kund.se", 180),
                receivedOnly("later@acme.com", 240));
        return analysis("small.csv", chains, List.of(new FileProblem(17, "Mail Event", "“X” is not a Mail Event letter.", true)));
    }

    /** A realistic day of mail, for screenshots and the UI tests. */
    public static LogAnalysis day() {
        List<MessageChain> chains = new ArrayList<>();
        String[] okDomains = {"acme.com", "contoso.com", "fabrikam.se", "northwind.no"};
        for (int i = 0; i < 48; i++) {
            chains.add(delivered("user" + i + "@" + okDomains[i % okDomains.length], i * 13L, i % 9 == 0 ? 1 : 0));
        }
        for (int i = 0; i < 7; i++) {
            chains.add(bounced("former.employee" + i + "@example.se", 30 + i * 70L));
        }
        for (int i = 0; i < 4; i++) {
            chains.add(deferred("info" + i + "@kund.se", 200 + i * 40L));
        }
        chains.add(receivedOnly("queued@acme.com", 700));
        return analysis("sample-email-log.csv", chains, List.of());
    }

    /** An analysis of just these chains. */
    public static LogAnalysis of(List<MessageChain> chains) {
        return analysis("custom.csv", chains, List.of());
    }

    /**
     * {@code a} with {@code guesses}, some of its chains, marked as resting on a guess, as an analysis of logs sharing
     * no ID column marks them ({@link LogAnalysis#unsharedIdGuess}).
     */
    public static LogAnalysis withGuesses(LogAnalysis a, Map<MessageChain, UnsharedIdGuess> guesses) {
        Map<ChainKey, UnsharedIdGuess> byKey = new LinkedHashMap<>();
        guesses.forEach((c, g) -> byKey.put(ChainKey.of(c), g));
        return new LogAnalysis(a.file(), a.rows(), a.rejectedRows(), a.problems(), a.chains(), a.verdicts(),
                a.deliveredAfterRetry(), a.bounceCategories(), a.deferralCategories(), a.domains(), a.firstEvent(),
                a.lastEvent(), a.staleDeferrals(), a.files(), byKey, a.staleReceived(), RelayHosts.none());
    }

    static LogAnalysis analysis(String file, List<MessageChain> chains, List<FileProblem> problems) {
        Map<Verdict, Long> verdicts = new EnumMap<>(Verdict.class);
        Map<Category, Long> bounces = new EnumMap<>(Category.class);
        Map<Category, Long> deferrals = new EnumMap<>(Category.class);
        Map<String, long[]> domains = new LinkedHashMap<>();
        long afterRetry = 0;
        long rows = 0;
        Instant first = null;
        Instant last = null;
        for (MessageChain c : chains) {
            verdicts.merge(c.verdict(), 1L, Long::sum);
            if (c.deliveredAfterRetry()) {
                afterRetry++;
            }
            c.category().ifPresent(cat -> (c.verdict() == Verdict.BOUNCED ? bounces : deferrals).merge(cat, 1L, Long::sum));
            long[] d = domains.computeIfAbsent(c.recipientDomain(), k -> new long[4]);
            d[0]++;
            switch (c.verdict()) {
                case DELIVERED -> d[1]++;
                case BOUNCED -> d[2]++;
                case DEFERRED -> d[3]++;
                default -> { }
            }
            for (ChainEvent e : c.events()) {
                rows++;
                first = first == null || e.time().isBefore(first) ? e.time() : first;
                last = last == null || e.time().isAfter(last) ? e.time() : last;
            }
        }
        List<DomainSummary> summaries = domains.entrySet().stream()
                .map(e -> new DomainSummary(e.getKey(), e.getValue()[0], e.getValue()[1], e.getValue()[2], e.getValue()[3]))
                .toList();
        return TestChains.analysis(file, rows + problems.size(),
                problems.stream().filter(FileProblem::rejected).count(), problems, chains, verdicts, afterRetry,
                bounces, deferrals, summaries, Optional.ofNullable(first), Optional.ofNullable(last));
    }

    private static int counter;

    private static MessageChain chain(String recipient, List<ChainEvent> events, Verdict verdict, int retries,
                                      String status, Optional<Diagnosis> diagnosis) {
        counter++;
        String id = "<" + (21749386 + counter) + ".1060912240277" + counter + ".JavaMail.sfdc@na2-app4-2-sjl.ops.sfdc.net>";
        return TestChains.chain(id, "16/A4-" + (20983 + counter) + "-88E21E84", recipient, "support@mailpath-demo.com",
                "00540000000rSXT", events, verdict, retries, status, diagnosis,
                MailboxSyntax.problem(recipient)); // as the analysis judges every recipient
    }

    private static ChainEvent event(Instant t, MailEvent e, String stage, String relay, String host, String status,
                                    String cipher, int retry) {
        return new ChainEvent(1, t, e, "10.0.0.1", 11856, retry, 0, stage, relay, host, status, cipher, cipher.isEmpty() ? "" : "Verified");
    }

    public static MessageChain delivered(String recipient, long minute, int retries) {
        Instant t = START.plusSeconds(minute * 60);
        String domain = recipient.substring(recipient.indexOf('@') + 1);
        List<ChainEvent> events = new ArrayList<>();
        events.add(event(t, MailEvent.RECEIVED, "", "", "", "", "", 0));
        for (int i = 0; i < retries; i++) {
            events.add(event(t.plusSeconds(5 + i * 300L), MailEvent.TRANSIENT_FAILURE, "during RCPT TO", "203.0.113.25",
                    "mx1." + domain, "451 4.7.1 Greylisted, please try again later", "", i + 1));
        }
        events.add(event(t.plusSeconds(10 + retries * 300L), MailEvent.DELIVERED, "", "203.0.113.25", "mx1." + domain,
                "250 2.0.0 OK 1709713030 queued as 4Tr9Xq", "TLSv1.3:TLS_AES_256_GCM_SHA384", retries));
        return chain(recipient, events, Verdict.DELIVERED, retries, "250 2.0.0 OK", Optional.empty());
    }

    public static MessageChain bounced(String recipient, long minute) {
        String status = "550 5.1.1 <" + recipient + ">: Recipient address rejected: User unknown in virtual mailbox table";
        Diagnosis d = new Diagnosis(Category.RECIPIENT,
                "The recipient’s server says this mailbox does not exist.",
                "Check the address for typos; if it is right, ask the recipient’s mail team whether the mailbox was removed.",
                Actor.RECIPIENT_MAIL_TEAM, "5.1.1");
        return bounced(recipient, minute, status, d);
    }

    /** A message refused at RCPT TO with this reply and its diagnosis (e.g. from the real knowledge base). */
    public static MessageChain bounced(String recipient, long minute, String status, Diagnosis d) {
        Instant t = START.plusSeconds(minute * 60);
        List<ChainEvent> events = List.of(
                event(t, MailEvent.RECEIVED, "", "", "", "", "", 0),
                event(t.plusSeconds(4), MailEvent.PERMANENT_FAILURE, "during RCPT TO", "198.51.100.7", "mx.example.se",
                        status, "", 0));
        return chain(recipient, events, Verdict.BOUNCED, 0, status, Optional.of(d));
    }

    public static MessageChain deferred(String recipient, long minute) {
        Instant t = START.plusSeconds(minute * 60);
        String status = "452 4.2.2 Mailbox full";
        Diagnosis d = new Diagnosis(Category.MAILBOX_FULL, "The recipient’s mailbox is full; Salesforce keeps retrying for 24 hours.",
                "Tell the recipient to free space, or reach them another way.", Actor.RECIPIENT_MAIL_TEAM, "4.2.2");
        List<ChainEvent> events = List.of(
                event(t, MailEvent.RECEIVED, "", "", "", "", "", 0),
                event(t.plusSeconds(5), MailEvent.TRANSIENT_FAILURE, "during RCPT TO", "192.0.2.10", "mail.kund.se", status, "", 1),
                event(t.plusSeconds(305), MailEvent.TRANSIENT_FAILURE, "during RCPT TO", "192.0.2.10", "mail.kund.se", status, "", 2));
        return chain(recipient, events, Verdict.DEFERRED, 2, status, Optional.of(d));
    }

    public static MessageChain receivedOnly(String recipient, long minute) {
        Instant t = START.plusSeconds(minute * 60);
        return chain(recipient, List.of(event(t, MailEvent.RECEIVED, "", "", "", "", "", 0)), Verdict.RECEIVED_ONLY, 0, "",
                Optional.empty());
    }
}
