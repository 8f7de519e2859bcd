package org.mailpath.engine.report;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.mailpath.engine.analysis.ChainEvent;
import org.mailpath.engine.analysis.DomainSummary;
import org.mailpath.engine.analysis.LogAnalysis;
import org.mailpath.engine.analysis.MessageChain;
import org.mailpath.engine.analysis.TestChains;
import org.mailpath.engine.analysis.Verdict;
import org.mailpath.engine.common.Cancellation;
import org.mailpath.engine.dns.DnsFindingCodes;
import org.mailpath.engine.dns.LookupFindings;
import org.mailpath.engine.finding.Actor;
import org.mailpath.engine.finding.Finding;
import org.mailpath.engine.finding.FindingTexts;
import org.mailpath.engine.finding.Severity;
import org.mailpath.engine.log.MailEvent;
import org.mailpath.engine.status.Category;
import org.mailpath.engine.status.Diagnosis;

/**
 * Builds a {@link LogAnalysis} by hand, message by message, together with the raw CSV rows those messages would
 * have had in the file (a fake {@link RawRowSource}), so report tests need neither the log reader nor a file.
 */
public final class ReportFixture {

    /** The DNS checks' DOMAIN_NXDOMAIN finding on {@code domain}, as the lookup check makes it. */
    public static Finding nxdomain(String domain) {
        return FindingTexts.of(LookupFindings.class).finding(DnsFindingCodes.DOMAIN_NXDOMAIN, Severity.ERROR, domain,
                List.of(domain + ". IN MX → NXDOMAIN"), Actor.RECIPIENT_MAIL_TEAM, DnsFindingCodes.DOMAIN_NXDOMAIN,
                domain);
    }

    /** The entry of the report's message to {@code recipient} (the first, if several), whichever domain it is under. */
    public static MessageEntry messageTo(ReportModel model, String recipient) {
        return model.recipientDomains().stream().flatMap(d -> d.messages().stream())
                .filter(m -> m.recipient().equals(recipient)).findFirst()
                .orElseThrow(() -> new AssertionError(recipient));
    }

    public static final List<String> HEADER = List.of("Date/Time", "Internal Message ID", "Mail Event", "Recipient",
            "Sender", "Remote Host", "Bytes Transferred", "User ID", "Message ID Header", "Retry Count",
            "Seconds in Queue", "Delivery Stage", "Relay Address", "Relay Host", "Delivery Status", "TLS_Cipher",
            "TLS_Verified");
    private static final DateTimeFormatter CSV_TIME =
            DateTimeFormatter.ofPattern("M/d/yyyy H:mm:ss").withZone(ZoneOffset.UTC);

    private final String file;
    private final List<MessageChain> chains = new ArrayList<>();
    private final Map<Long, List<String>> rows = new TreeMap<>();
    private long nextLine = 2;
    private int rejected;

    public ReportFixture(String file) {
        this.file = file;
    }

    /** Starts a message; finish it with one of the verdict methods of {@link Message}. */
    public Message message(String messageId, String recipient) {
        return new Message(messageId, recipient);
    }

    public ReportFixture rejectedRows(int count) {
        rejected = count;
        nextLine += count;
        return this;
    }

    public List<MessageChain> chains() {
        return List.copyOf(chains);
    }

    public LogAnalysis analysis() {
        Map<Verdict, Long> verdicts = new EnumMap<>(Verdict.class);
        Map<Category, Long> bounce = new EnumMap<>(Category.class);
        Map<Category, Long> deferral = new EnumMap<>(Category.class);
        Map<String, long[]> domains = new LinkedHashMap<>();
        Instant first = null;
        Instant last = null;
        for (MessageChain c : chains) {
            verdicts.merge(c.verdict(), 1L, Long::sum);
            c.category().ifPresent(cat -> (c.verdict() == Verdict.BOUNCED ? bounce : deferral).merge(cat, 1L, Long::sum));
            long[] d = domains.computeIfAbsent(c.recipientDomain(), k -> new long[4]);
            d[0]++;
            switch (c.verdict()) {
                case DELIVERED -> d[1]++;
                case BOUNCED -> d[2]++;
                case DEFERRED -> d[3]++;
                default -> { }
            }
            for (ChainEvent e : c.events()) {
                first = first == null || e.time().isBefore(first) ? e.time() : first;
                last = last == null || e.time().isAfter(last) ? e.time() : last;
            }
        }
        List<DomainSummary> ds = new ArrayList<>();
        domains.forEach((k, v) -> ds.add(new DomainSummary(k, v[0], v[1], v[2], v[3])));
        long retried = chains.stream().filter(MessageChain::deliveredAfterRetry).count();
        return TestChains.analysis(file, rows.size() + rejected, rejected, List.of(), chains, verdicts, retried, bounce,
                deferral, ds, Optional.ofNullable(first), Optional.ofNullable(last));
    }

    /** The report of the fixture's messages with the default options, its appendix read from {@link #rawRows}. */
    public ReportModel model() {
        return new ReportBuilder(analysis(), ReportOptions.defaults()).rawRows(rawRows()).build();
    }

    /** The rows of the fixture's messages, as a log reader would give them back. */
    public RawRowSource rawRows() {
        return new RawRowSource() {
            @Override
            public List<String> header() {
                return HEADER;
            }

            @Override
            public Map<Long, List<String>> rows(Set<Long> lines, Cancellation cancellation) {
                Map<Long, List<String>> out = new LinkedHashMap<>();
                lines.forEach(l -> {
                    if (rows.containsKey(l)) {
                        out.put(l, rows.get(l));
                    }
                });
                return out;
            }
        };
    }

    /** One message under construction. */
    public final class Message {
        private final String messageId;
        private final String recipient;
        private String internalId;
        private String sender = "no-reply=acme.example@1a2b3c.bnc.salesforce.com";
        private String userId = "0055g00000ABCDE";
        private final List<ChainEvent> events = new ArrayList<>();
        private Instant at = Instant.parse("2026-11-20T08:00:00Z");
        private long bytes = 2048;

        private Message(String messageId, String recipient) {
            this.messageId = messageId;
            this.recipient = recipient;
            this.internalId = "16/A4-" + (20000 + chains.size()) + "-88E21E84";
        }

        /** The message's size, as every row's Bytes Transferred gives it (2,048 unless set before its rows). */
        public Message bytes(long value) {
            bytes = value;
            return this;
        }

        public Message sender(String value) {
            sender = value;
            return this;
        }

        public Message userId(String value) {
            userId = value;
            return this;
        }

        public Message at(Instant time) {
            at = time;
            return this;
        }

        public Message received() {
            return event(MailEvent.RECEIVED, "", "", "", "", "", "");
        }

        public Message transientFailure(String relayHost, String relayAddress, String status) {
            return event(MailEvent.TRANSIENT_FAILURE, "during RCPT TO", relayAddress, relayHost, status, "", "");
        }

        /** A transient failure logged at Delivery Stage {@code stage} ("while not connected", "during STARTTLS" …). */
        public Message transientFailureAt(String stage, String relayHost, String relayAddress, String status) {
            return event(MailEvent.TRANSIENT_FAILURE, stage, relayAddress, relayHost, status, "", "");
        }

        public Message internalHandoff() {
            return event(MailEvent.DELIVERED, "", "10.1.2.3", "mta2.int.salesforce.com", "250 ok", "None", "");
        }

        public Message delivery(String relayHost, String relayAddress, String status, String cipher) {
            return event(MailEvent.DELIVERED, "reading confirmation", relayAddress, relayHost, status, cipher,
                    "Verified");
        }

        public Message permanentFailure(String relayHost, String relayAddress, String status) {
            return event(MailEvent.PERMANENT_FAILURE, "during RCPT TO", relayAddress, relayHost, status, "", "");
        }

        /** A permanent failure logged at Delivery Stage {@code stage} ("reading BANNER", "after DATA" …). */
        public Message permanentFailureAt(String stage, String relayHost, String relayAddress, String status) {
            return event(MailEvent.PERMANENT_FAILURE, stage, relayAddress, relayHost, status, "", "");
        }

        private Message event(MailEvent e, String stage, String relayAddress, String relayHost, String status,
                              String cipher, String verified) {
            long line = nextLine++;
            int retries = (int) events.stream().filter(x -> x.event() == MailEvent.TRANSIENT_FAILURE).count();
            events.add(new ChainEvent(line, at, e, "13.110.1.1", bytes, retries, 60L * events.size(), stage,
                    relayAddress, relayHost, status, cipher, verified));
            rows.put(line, List.of(CSV_TIME.format(at), internalId, String.valueOf(e.letter()), recipient, sender,
                    "13.110.1.1", String.valueOf(bytes), userId, messageId, String.valueOf(retries), String.valueOf(60 * events.size()),
                    stage, relayAddress, relayHost, status, cipher, verified));
            at = at.plus(Duration.ofMinutes(5L << Math.min(events.size(), 8)));
            return this;
        }

        public ReportFixture delivered() {
            return done(Verdict.DELIVERED, "", Optional.empty());
        }

        public ReportFixture receivedOnly() {
            return done(Verdict.RECEIVED_ONLY, "", Optional.empty());
        }

        public ReportFixture bounced(Category category, Actor actor, String explanation, String remediation) {
            return done(Verdict.BOUNCED, lastStatus(), Optional.of(
                    new Diagnosis(category, explanation, remediation, actor, "test." + category)));
        }

        /** Bounced, with the diagnosis the knowledge base gave the last reply (its rule, owner and fix). */
        public ReportFixture bounced(Diagnosis diagnosis) {
            return done(Verdict.BOUNCED, lastStatus(), Optional.of(diagnosis));
        }

        /** Deferred, with the diagnosis the knowledge base gave the last reply. */
        public ReportFixture deferred(Diagnosis diagnosis) {
            return done(Verdict.DEFERRED, lastStatus(), Optional.of(diagnosis));
        }

        public ReportFixture deferred(Category category, Actor actor, String explanation, String remediation) {
            return done(Verdict.DEFERRED, lastStatus(), Optional.of(
                    new Diagnosis(category, explanation, remediation, actor, "test." + category)));
        }

        private String lastStatus() {
            return events.isEmpty() ? "" : events.getLast().status();
        }

        private ReportFixture done(Verdict verdict, String status, Optional<Diagnosis> diagnosis) {
            int retries = (int) events.stream().filter(x -> x.event() == MailEvent.TRANSIENT_FAILURE).count();
            chains.add(TestChains.chain(messageId, internalId, recipient, sender, userId, events, verdict, retries,
                    status, diagnosis, Optional.empty()));
            return ReportFixture.this;
        }
    }
}
