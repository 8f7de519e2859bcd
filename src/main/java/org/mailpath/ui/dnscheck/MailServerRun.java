package org.mailpath.ui.dnscheck;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.collections.ObservableList;
import org.mailpath.engine.finding.Finding;
import org.mailpath.engine.finding.Severity;
import org.mailpath.engine.mtasts.PublishedPolicy;
import org.mailpath.engine.mtasts.StsTlsCrossCheck;
import org.mailpath.engine.smtp.PortBlockedCheck;
import org.mailpath.engine.smtp.ProbeReport;
import org.mailpath.engine.smtp.ProbeTarget;
import org.mailpath.engine.smtp.SmtpCodes;
import org.mailpath.engine.smtp.SmtpProbeListener;
import org.mailpath.engine.smtp.TargetResult;
import org.mailpath.engine.smtp.TranscriptLine;
import org.mailpath.ui.common.Messages;

/**
 * The SMTP part of one run of the step: a row per domain (finding its mail servers) and per address (the
 * conversation), the live transcripts, and each domain's findings once the run ends. The probe calls the
 * listeners on worker threads; they hand every change to the UI thread, where all the state here lives, so what
 * the findings say always matches what the rows show.
 */
final class MailServerRun {

    private final List<String> domains;
    private final Optional<String> rcpt;
    private final Messages messages;
    private final ObservableList<CheckRow> rows;
    private final Consumer<ProbeTarget> transcriptChanged;
    private final Runnable rowsChanged;

    private final Map<String, CheckRow> domainRows = new LinkedHashMap<>();
    private final Map<String, List<ProbeTarget>> targets = new HashMap<>();
    private final Map<ProbeTarget, CheckRow> targetRows = new HashMap<>();
    private final Map<ProbeTarget, List<TranscriptLine>> transcripts = new HashMap<>();
    private final Map<ProbeTarget, TargetResult> results = new HashMap<>();
    private final Map<String, ProbeReport> reports = new HashMap<>();
    private Optional<Finding> blocked = Optional.empty();
    private int judged;

    /**
     * @param rcpt the RCPT test address; only its own domain's servers are asked about it
     * @param transcriptChanged told (on the UI thread) when a conversation got a line or ended
     * @param rowsChanged told (on the UI thread) when rows were added or one finished
     */
    MailServerRun(List<String> domains, Optional<String> rcpt, Messages messages, ObservableList<CheckRow> rows,
                  Consumer<ProbeTarget> transcriptChanged, Runnable rowsChanged) {
        this.domains = List.copyOf(domains);
        this.rcpt = rcpt;
        this.messages = messages;
        this.rows = rows;
        this.transcriptChanged = transcriptChanged;
        this.rowsChanged = rowsChanged;
        for (String d : this.domains) {
            domainRows.put(d, new CheckRow(d, new RowTopic.MailServers(), messages.get("dns.smtp.row.servers")));
        }
    }

    /** A run without the SMTP test. */
    static MailServerRun none(Messages messages, ObservableList<CheckRow> rows) {
        return new MailServerRun(List.of(), Optional.empty(), messages, rows, t -> { }, () -> { });
    }

    List<String> domains() {
        return domains;
    }

    /** The row that stands for finding {@code domain}'s mail servers (placed by the caller). */
    Optional<CheckRow> domainRow(String domain) {
        return Optional.ofNullable(domainRows.get(domain));
    }

    /** The RCPT test address when {@code domain} is its domain. */
    Optional<String> rcptFor(String domain) {
        return rcpt.filter(a -> a.substring(a.lastIndexOf('@') + 1).equals(domain));
    }

    // ---- live (UI thread; the listener hands over from worker threads through {@code ui})

    void started(String domain) {
        domainRow(domain).ifPresent(r -> r.set(CheckState.RUNNING, messages.get("dns.smtp.row.lookingUp")));
    }

    /** Hears one domain's probe; {@code ui} runs an action on the UI thread. */
    SmtpProbeListener listener(String domain, Consumer<Runnable> ui) {
        return new SmtpProbeListener() {
            @Override
            public void targetsResolved(List<ProbeTarget> found) {
                ui.accept(() -> resolved(domain, found));
            }

            @Override
            public void targetStarted(ProbeTarget target) {
                ui.accept(() -> row(target).ifPresent(r -> r.set(CheckState.RUNNING,
                        messages.format("dns.smtp.row.connecting", target.port()))));
            }

            @Override
            public void waitingForBanner(ProbeTarget target, Duration waited, Duration limit) {
                ui.accept(() -> row(target).ifPresent(r -> r.set(CheckState.RUNNING,
                        messages.format("dns.smtp.row.waitingForGreeting", waited.toSeconds(), limit.toSeconds()))));
            }

            @Override
            public void transcriptLine(ProbeTarget target, TranscriptLine line) {
                ui.accept(() -> {
                    List<TranscriptLine> lines = transcripts.computeIfAbsent(target, t -> new ArrayList<>());
                    lines.add(line);
                    if (line.direction() == TranscriptLine.Direction.SERVER
                            && lines.stream().filter(l -> l.direction() == TranscriptLine.Direction.SERVER).count() == 1) {
                        row(target).ifPresent(r -> r.set(CheckState.RUNNING, messages.get("dns.smtp.row.talking")));
                    }
                    transcriptChanged.accept(target);
                });
            }

            @Override
            public void targetFinished(TargetResult result) {
                ui.accept(() -> {
                    results.put(result.target(), result);
                    row(result.target()).ifPresent(r -> r.set(CheckState.of(result.findings()), summary(result)));
                    transcriptChanged.accept(result.target());
                    rowsChanged.run();
                });
            }
        };
    }

    void finished(String domain, ProbeReport report) {
        reports.put(domain, report);
        targets.putIfAbsent(domain, report.targets().stream().map(TargetResult::target).toList());
        report.targets().forEach(t -> results.putIfAbsent(t.target(), t));
        List<Finding> own = ownFindings(report);
        int hosts = (int) report.targets().stream().map(t -> t.target().host()).distinct().count();
        String summary = own.stream().filter(f -> f.severity().compareTo(Severity.WARNING) <= 0)
                .min(Comparator.comparing(Finding::severity)).map(this::text)
                .or(() -> report.targets().isEmpty() ? own.stream().findFirst().map(this::text) : Optional.empty())
                .orElse(messages.format("dns.smtp.row.tested", report.targets().size(), hosts));
        domainRow(domain).ifPresent(r -> r.set(CheckState.of(own), summary));
        rowsChanged.run();
    }

    void failed(String domain, String reason) {
        domainRow(domain).ifPresent(r -> r.set(CheckState.ERROR, messages.format("dns.smtp.row.failed", reason)));
        rowsChanged.run();
    }

    private void resolved(String domain, List<ProbeTarget> found) {
        targets.put(domain, List.copyOf(found));
        CheckRow domainRow = domainRows.get(domain);
        int at = rows.indexOf(domainRow);
        List<CheckRow> added = new ArrayList<>();
        for (ProbeTarget t : found) {
            CheckRow row = new CheckRow(domain, new RowTopic.MailServer(t),
                    messages.format("dns.smtp.row.server", t.host(), t.addressText()));
            targetRows.put(t, row);
            added.add(row);
        }
        if (at >= 0) {
            rows.addAll(at + 1, added);
        } else {
            rows.addAll(added);
        }
        long hosts = found.stream().map(ProbeTarget::host).distinct().count();
        domainRow.set(CheckState.RUNNING, messages.format("dns.smtp.row.testing", found.size(), hosts));
        rowsChanged.run();
    }

    /**
     * How far the SMTP tests have come, one unit per domain (each 0 to 1): a domain's servers are not known until
     * they are found, so counting their rows would make the run's total grow and its progress bar go back.
     */
    double finishedUnits() {
        double units = 0;
        for (String d : domains) {
            CheckRow domainRow = domainRows.get(d);
            List<ProbeTarget> found = targets.get(d);
            if (domainRow.state().finished()) {
                units += 1;
            } else if (found != null) {
                long done = found.stream().map(targetRows::get).filter(r -> r != null && r.state().finished()).count();
                units += (double) done / (found.size() + 1);
            }
        }
        return units;
    }

    /** Whether some domain's mail servers are still being looked up: more rows are to come. */
    boolean stillFinding() {
        return domains.stream().anyMatch(d -> !targets.containsKey(d) && !domainRows.get(d).state().finished());
    }

    private Optional<CheckRow> row(ProbeTarget target) {
        return Optional.ofNullable(targetRows.get(target));
    }

    // ---- the end of the run

    /**
     * Judges everything that finished together: when no address answered because the connections timed out,
     * outbound port 25 is blocked here, and the rows say so instead of blaming every server.
     */
    void end() {
        List<TargetResult> all = new ArrayList<>();
        for (String d : domains) {
            all.addAll(results(d));
        }
        judged = all.size();
        blocked = all.isEmpty() ? Optional.empty() : PortBlockedCheck.check(all, all.getFirst().target().port());
        blocked.ifPresent(b -> all.stream().filter(r -> r.connectFailure().isPresent())
                .forEach(r -> row(r.target()).ifPresent(row -> row.set(CheckState.NOT_CHECKED,
                        messages.format("dns.smtp.row.blocked", r.target().port())))));
    }

    /** The plain-words notice when port 25 is blocked here, else empty. */
    Optional<String> blockedNotice() {
        return blocked.map(b -> messages.format("dns.smtp.blocked", results.values().stream()
                .findFirst().map(r -> r.target().port()).orElse(25), judged));
    }

    /**
     * The SMTP findings of {@code domain} after {@link #end()}: finding its servers, then each address's. When the
     * port is blocked here, the connection failures give way to that one finding.
     */
    List<Finding> findings(String domain) {
        List<Finding> out = new ArrayList<>();
        Optional.ofNullable(reports.get(domain)).ifPresent(r -> out.addAll(ownFindings(r)));
        boolean unreachable = false;
        for (TargetResult r : results(domain)) {
            if (blocked.isPresent() && r.connectFailure().isPresent()) {
                unreachable = true;
            } else {
                out.addAll(r.findings());
            }
        }
        if (unreachable) {
            out.add(blocked.orElseThrow());
        }
        return out;
    }

    /**
     * What {@code domain}'s MTA-STS policy (as the DNS checks fetched it) means for its servers as probed: whether
     * senders applying it refuse one of them. Empty without a policy or before {@link #end()}. A verdict worse than
     * what the probe itself said also becomes the domain's mail-server row, so the table and the findings agree.
     */
    List<Finding> policyVerdict(String domain, Optional<PublishedPolicy> policy) {
        List<TargetResult> probed = results(domain);
        List<Finding> verdict = policy.filter(p -> !probed.isEmpty()).map(p -> StsTlsCrossCheck.judge(p, probed))
                .orElse(List.of());
        List<Finding> all = new ArrayList<>(Optional.ofNullable(reports.get(domain)).map(MailServerRun::ownFindings)
                .orElse(List.of()));
        all.addAll(verdict);
        verdict.stream().filter(f -> f.severity().compareTo(Severity.WARNING) <= 0)
                .min(Comparator.comparing(Finding::severity))
                .filter(worst -> all.stream().noneMatch(f -> f.severity().compareTo(worst.severity()) < 0))
                .ifPresent(worst -> domainRow(domain).ifPresent(r -> r.set(CheckState.of(all), text(worst))));
        rowsChanged.run();
        return verdict;
    }

    /** The ended conversation with {@code target}, if it ended. */
    Optional<TargetResult> result(ProbeTarget target) {
        return Optional.ofNullable(results.get(target));
    }

    /** The readable transcript of {@code target} so far. */
    String transcript(ProbeTarget target) {
        Optional<TargetResult> result = result(target);
        List<TranscriptLine> lines = result.map(TargetResult::transcript)
                .orElse(transcripts.getOrDefault(target, List.of()));
        return TranscriptText.format(target, lines, result, rcptFor(target.domain()).isPresent(), messages);
    }

    private List<TargetResult> results(String domain) {
        return targets.getOrDefault(domain, List.of()).stream().map(results::get)
                .filter(java.util.Objects::nonNull).toList();
    }

    /** A domain report's findings of its own (finding the servers); the engine's port verdict is judged over all. */
    private static List<Finding> ownFindings(ProbeReport report) {
        return report.findings().stream()
                .filter(f -> !f.code().equals(SmtpCodes.SMTP_PORT25_BLOCKED_LOCALLY)).toList();
    }

    /** A finished address in one line: its worst problem, else the RCPT answer, else that it answered normally. */
    /** A finding's message in the UI's language. */
    private String text(Finding f) {
        return f.message(messages.locale());
    }

    private String summary(TargetResult r) {
        List<Finding> f = r.findings();
        return f.stream().filter(x -> x.severity().compareTo(Severity.WARNING) <= 0)
                .min(Comparator.comparing(Finding::severity))
                .or(() -> f.stream().filter(x -> x.code().equals(SmtpCodes.SMTP_RCPT_ACCEPTED)).findFirst())
                .map(this::text)
                .orElseGet(() -> r.tls().map(t -> messages.format("dns.smtp.row.okTls", t.protocol()))
                        .orElse(messages.get("dns.smtp.row.ok")));
    }
}
