package org.mailpath.cli;

import java.io.PrintWriter;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.Function;
import org.mailpath.engine.address.MixedScripts;
import org.mailpath.engine.analysis.AnalysedFile;
import org.mailpath.engine.analysis.DomainSummary;
import org.mailpath.engine.analysis.LogAnalysis;
import org.mailpath.engine.analysis.MessageChain;
import org.mailpath.engine.analysis.Verdict;
import org.mailpath.engine.report.DomainFacts;
import org.mailpath.engine.report.LogEvidence;
import org.mailpath.engine.log.FileProblem;
import org.mailpath.engine.report.ReportTexts;
import org.mailpath.engine.status.Category;
import org.mailpath.engine.status.RelayDiagnoses;

/**
 * The plain-text summary of an analysis: what happened, the failures per cause category, what to do (by who must act),
 * the domains with most failures, and file problems.
 */
public final class AnalysisTextFormat {

    private static final int TOP_DOMAINS = 10;
    private static final int MAX_PROBLEMS = 20;
    /** Files listed one line each: a zip may hold thousands; the JSON's "files" lists every one. */
    private static final int MAX_FILES = 20;
    private static final int MAX_ADDRESSES = 10;
    /** A time as the summary shows it, in UTC (the log's GMT); the What to do's examples too. */
    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneOffset.UTC);

    private AnalysisTextFormat() {
    }

    /**
     * What the summary needs from the chains, gathered in one pass: a large log has hundreds of thousands of them,
     * each made into a record when read.
     */
    private static final class ChainFacts {
        private final WhatToDo whatToDo;
        private final List<MessageChain> invalidAddresses = new ArrayList<>();
        private long invalidAddressCount;
        private Optional<MessageChain> firstDelivered = Optional.empty();
        /** The first delivered message that went via our Email Relay (relay mode only). */
        private Optional<MessageChain> firstViaRelay = Optional.empty();
        /**
         * The categories of bounces and deferrals with our Email Relay's diagnosis ({@link RelayDiagnoses}), and of
         * those with another: a category only the relay's replies fall in is labelled as the relay's in the totals.
         */
        private final Set<Category> relayCategories = EnumSet.noneOf(Category.class);
        private final Set<Category> otherCategories = EnumSet.noneOf(Category.class);

        private ChainFacts(DomainFacts domains, LogEvidence log, Optional<Instant> logEnd) {
            whatToDo = new WhatToDo(domains, log, logEnd);
        }

        static ChainFacts of(LogAnalysis a, DomainFacts domains) {
            ChainFacts f = new ChainFacts(domains, LogEvidence.of(a.chains()), a.lastEvent());
            for (MessageChain c : a.chains()) {
                if (c.verdict() == Verdict.DELIVERED && a.relayMode() && a.viaRelay(c)) {
                    if (f.firstViaRelay.isEmpty()) {
                        f.firstViaRelay = Optional.of(c);
                    }
                } else if (c.verdict() == Verdict.DELIVERED && f.firstDelivered.isEmpty()) {
                    f.firstDelivered = Optional.of(c);
                }
                f.whatToDo.add(c);
                if (c.verdict() == Verdict.BOUNCED || c.verdict() == Verdict.DEFERRED) {
                    c.diagnosis().ifPresent(d -> (RelayDiagnoses.isRelays(d) ? f.relayCategories
                            : f.otherCategories).add(d.category()));
                }
                if (c.addressProblem().isPresent() && f.invalidAddressCount++ < MAX_ADDRESSES) {
                    f.invalidAddresses.add(c);
                }
            }
            return f;
        }
    }

    public static void write(LogAnalysis a, PrintWriter out) {
        write(a, out, DomainFacts.none());
    }

    /**
     * The summary, its advice naming who acts on a message to a domain the DNS checks ({@code domains}) found no mail
     * can reach as the report does.
     */
    public static void write(LogAnalysis a, PrintWriter out, DomainFacts domains) {
        boolean several = a.files().size() > 1;
        out.println("MailPath analysis of " + (several ? Counts.number(a.files().size()) + " files, analysed together as one log"
                : a.file()));
        out.println(Counts.of(a.rows(), "row") + " read"
                + (a.rejectedRows() > 0 ? " (" + Counts.number(a.rejectedRows()) + " rejected)" : "")
                + ", " + Counts.of(a.messages(), "message")
                + span(a.firstEvent(), a.lastEvent()));
        if (several) {
            files(out, a);
        }
        if (a.relayMode()) {
            out.println("Email Relay mode (--relay-host): " + String.join(", ", a.relayHosts().given())
                    + " is our Email Relay; its replies are read as the relay's, not as the recipients' servers'.");
        }
        out.println();
        out.println("Verdicts");
        verdict(out, a, Verdict.DELIVERED, a.deliveredAfterRetry() > 0
                ? "  (" + a.deliveredAfterRetry() + " after retry)" : "");
        verdict(out, a, Verdict.BOUNCED, "");
        verdict(out, a, Verdict.DEFERRED, deferredNote(a));
        verdict(out, a, Verdict.RECEIVED_ONLY, receivedOnlyNote(a));
        stale(out, a);
        staleReceived(out, a);
        ChainFacts facts = ChainFacts.of(a, domains);
        categories(out, a, facts);
        facts.whatToDo.write(out);
        delivered(out, a, facts);
        domains(out, a);
        addresses(out, facts);
        problems(out, a);
        out.flush();
    }

    /**
     * Each file of several: its rows, the rows left out as copies of rows read before (overlapping requests), and the
     * rows of separators only that were skipped. The first {@link #MAX_FILES}, and how many more.
     */
    private static void files(PrintWriter out, LogAnalysis a) {
        for (AnalysedFile f : a.files().subList(0, Math.min(MAX_FILES, a.files().size()))) {
            String counts = !f.usable() ? "not analysed (see Problems in the files)"
                    : Counts.of(f.rows(), "row") + (f.rejectedRows() > 0 ? " (" + Counts.number(f.rejectedRows()) + " rejected)" : "")
                            + (f.copiesLeftOut() == 1 ? ", 1 left out as a copy" : "")
                            + (f.copiesLeftOut() > 1 ? ", " + Counts.number(f.copiesLeftOut()) + " left out as copies" : "")
                            // not rows of the log, but a file's own warning says so: its line here counts them too
                            + (f.separatorOnlyRows() > 0
                                    ? ", " + Counts.of(f.separatorOnlyRows(), "row") + " of separators only skipped"
                                    : "");
            out.println("  " + f.label() + ": " + counts);
        }
        if (a.files().size() > MAX_FILES) {
            out.println("  … and " + Counts.of(a.files().size() - MAX_FILES, "more file") + " (see --format json).");
        }
    }

    /**
     * A deferral may be retried only within Salesforce's 24 hours; the others are stale. The log shows no retry
     * after its end, so none is said to be "still being retried".
     */
    private static String deferredNote(LogAnalysis a) {
        long stale = a.staleDeferrals();
        long retrying = a.count(Verdict.DEFERRED) - stale;
        if (stale == 0) {
            return "  (no outcome yet when the log ends, within Salesforce's 24 hours of retries)";
        }
        return retrying == 0 ? "  (none within Salesforce's 24 hours of retries: see below)"
                : "  (" + retrying + " with no outcome yet within Salesforce's 24 hours of retries, " + stale
                + " past them: see below)";
    }

    private static void stale(PrintWriter out, LogAnalysis a) {
        long stale = a.staleDeferrals();
        if (stale == 0) {
            return;
        }
        out.println();
        out.println("  " + (stale == 1 ? "1 deferred message has its" : stale + " deferred messages have their")
                + " last deferral (T) more than 24 hours before the log's last event. Salesforce stops retrying"
                + " after 24 hours, so " + (stale == 1 ? "it" : "they") + " should have ended in a bounce (P) or a"
                + " delivery (D) by then, and the log has no such row: it may have been cut off (an export covers"
                + " at most 7 days) or miss the outcome rows. Request a log that covers the day after the last"
                + " deferral, or check the outcome of " + (stale == 1 ? "that message" : "those messages")
                + " (\"stale\": true in --format json).");
    }

    /** A message received within the log's last 24 hours may still be handed on; the others are stale. */
    private static String receivedOnlyNote(LogAnalysis a) {
        long stale = a.staleReceived();
        String note = "  (received by Salesforce, no delivery attempt in the log";
        return stale == 0 ? note + ")" : note + "; " + (stale == a.count(Verdict.RECEIVED_ONLY) ? "all" : stale)
                + " received more than 24 hours before its end: see below)";
    }

    /**
     * The received-only counterpart of {@link #stale}: Salesforce hands a message on as it receives it and defers or
     * bounces it within 24 hours, so an R with nothing after it for more than 24 hours is a log that misses rows, not a
     * message still waiting. Said in the report's words ({@code receivedOnly.stale}), so the text output, the report
     * and the Events step give the same reason and the same advice.
     */
    private static void staleReceived(PrintWriter out, LogAnalysis a) {
        long stale = a.staleReceived();
        if (stale == 0) {
            return;
        }
        out.println();
        out.println("  " + (stale == 1 ? "1 message received by Salesforce (R) has" : stale
                + " messages received by Salesforce (R) have") + " no row after " + (stale == 1 ? "its" : "their")
                + " last row, which is more than 24 hours before the log's last event. "
                + (stale == 1 ? "" : "Of each of them: ") + ReportTexts.english().get("receivedOnly.stale")
                + " (\"staleReceived\": true in --format json)");
    }

    private static void verdict(PrintWriter out, LogAnalysis a, Verdict v, String note) {
        long n = a.count(v);
        out.printf("  %-14s %7d%s%n", v.name(), n, n > 0 ? note : "");
    }

    /** Per category, as {@code bounceCategories} and {@code deferralCategories} in the JSON: the totals to start from. */
    private static void categories(PrintWriter out, LogAnalysis a, ChainFacts facts) {
        Map<Category, Long> bounced = a.bounceCategories();
        Map<Category, Long> deferred = a.deferralCategories();
        List<Category> categories = Arrays.stream(Category.values())
                .filter(c -> bounced.containsKey(c) || deferred.containsKey(c))
                .sorted(Comparator.comparingLong((Category c) -> bounced.getOrDefault(c, 0L)
                        + deferred.getOrDefault(c, 0L)).reversed())
                .toList();
        if (categories.isEmpty()) {
            return;
        }
        out.println();
        out.println("Bounces and deferrals by cause category");
        // the words the reports use, and the name --format json gives the category; the label column as wide as
        // the longest label shown, so that the numbers stay in their columns; a category whose every reply was our
        // Email Relay's is labelled as the relay's, as the rest of the output does ("Our Email Relay (DNS)")
        Function<Category, String> label = c -> ReportTexts.english().label(c,
                facts.relayCategories.contains(c) && !facts.otherCategories.contains(c));
        int width = Math.max(32, categories.stream().mapToInt(c -> label.apply(c).length()).max().orElse(0));
        String row = "  %-" + width + "s %7s %8s  %s%n";
        out.printf(row, "category", "bounced", "deferred", "in JSON");
        for (Category c : categories) {
            out.printf(row, label.apply(c), bounced.getOrDefault(c, 0L),
                    deferred.getOrDefault(c, 0L), c.name());
        }
    }

    private static void delivered(PrintWriter out, LogAnalysis a, ChainFacts facts) {
        if (a.count(Verdict.DELIVERED) == 0) {
            return;
        }
        out.println();
        if (facts.firstViaRelay.isPresent()) {
            // Salesforce's D proves only the hand-off to our relay; what became of the message is in the relay's logs
            out.println("Delivered messages that went via our Email Relay were handed to the relay, which is all"
                    + " Salesforce's log proves: if one is missing, our admin searches the relay's logs for it by its"
                    + " Message ID Header (see --format json), e.g.");
            MessageChain c = facts.firstViaRelay.get();
            out.println("  " + c.recipient() + ": " + c.messageIdHeader());
        }
        if (facts.firstDelivered.isEmpty()) {
            return;
        }
        out.println("Delivered messages were handed over to the recipient's mail server: if one is missing, its"
                + " recipient's mail team must search for it by its Message ID Header (see --format json), e.g.");
        facts.firstDelivered.ifPresent(c -> out.println("  " + c.recipient() + ": " + c.messageIdHeader()));
    }

    private static void domains(PrintWriter out, LogAnalysis a) {
        List<DomainSummary> failing = a.domains().stream().filter(d -> d.bounced() + d.deferred() > 0).toList();
        List<DomainSummary> worst = failing.subList(0, Math.min(TOP_DOMAINS, failing.size()));
        if (worst.isEmpty()) {
            return;
        }
        out.println();
        out.println("Domains with the most failures");
        // every verdict has its column, so a row adds up to its messages
        out.printf("  %-40s %8s %9s %7s %8s %13s%n", "domain", "messages", "delivered", "bounced", "deferred",
                "received only");
        // the name as shown, under LANG=C with codes for what the locale cannot hold: the cell counts those
        ShownText shown = ShownText.forWriter(out);
        for (DomainSummary d : worst) {
            // printed, not a format's argument: the printer would turn the shown cell into its shown form again
            out.print("  " + shown.cell(MixedScripts.shown(d.domain()), 40));
            out.printf(" %8d %9d %7d %8d %13d%n", d.messages(), d.delivered(), d.bounced(), d.deferred(),
                    d.messages() - d.delivered() - d.bounced() - d.deferred());
        }
        int more = failing.size() - worst.size();
        if (more > 0) {
            out.println("  … and " + more + " more domain" + (more == 1 ? "" : "s") + " with failures (see --format"
                    + " json).");
        }
    }

    private static void addresses(PrintWriter out, ChainFacts facts) {
        if (facts.invalidAddressCount == 0) {
            return;
        }
        out.println();
        boolean one = facts.invalidAddressCount == 1;
        out.println((one ? "Recipient address that is not valid (" : "Recipient addresses that are not valid (")
                + facts.invalidAddressCount + (one ? "): correct it in Salesforce" : "): correct them in Salesforce"));
        facts.invalidAddresses.forEach(c -> out.println("  '" + c.recipient() + "': "
                + c.addressProblem().map(Object::toString).orElse("")));
    }

    private static void problems(PrintWriter out, LogAnalysis a) {
        if (a.problems().isEmpty()) {
            return;
        }
        boolean several = a.files().size() > 1;
        out.println();
        out.println(several ? "Problems in the files" : "Problems in the file");
        // a file's note "N more problems were counted but not listed" is no problem of its own: its N are added to
        // the count at the end, which then holds every problem counted, listed in the JSON or not
        long counted = 0;
        long listed = 0;
        int shown = 0;
        for (FileProblem p : a.problems()) {
            OptionalLong notListed = p.notListed();
            if (notListed.isPresent()) {
                counted += notListed.getAsLong();
                continue;
            }
            counted++;
            listed++;
            if (shown == MAX_PROBLEMS) {
                continue;
            }
            shown++;
            String where = p.line() > 0 ? "line " + p.line() + (p.field().isEmpty() ? "" : ", " + p.field()) + ": " : "";
            // a file left out names itself first ("empty.csv is empty"), as a zip does ("month.zip: its 2 CSV files
            // …"): not twice
            String file = several && !p.file().isEmpty() && !p.message().startsWith(p.file() + " ")
                    && !p.message().startsWith(p.file() + ":") ? p.file() + ": " : "";
            out.println("  " + file + (p.rejected() ? "rejected " : "") + where + p.message());
        }
        long more = counted - shown;
        long moreListed = listed - shown;
        if (more == 0) {
            return;
        }
        if (moreListed == more) {
            out.println("  … and " + more + " more (see --format json).");
        } else if (moreListed > 0) {
            out.println("  … and " + more + " more were counted; --format json lists the first " + moreListed
                    + " of them.");
        } else {
            out.println("  … and " + more + " more were counted but not listed.");
        }
    }

    private static String span(Optional<Instant> first, Optional<Instant> last) {
        if (first.isEmpty() || last.isEmpty()) {
            return "";
        }
        return ", " + TIME.format(first.get()) + " – " + TIME.format(last.get()) + " UTC"; // GMT in the log; UTC as in the reports
    }
}
