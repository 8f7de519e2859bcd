package org.mailpath.ui.report;

import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import javafx.beans.Observable;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.mailpath.engine.analysis.DomainSummary;
import org.mailpath.engine.analysis.LogAnalysis;
import org.mailpath.engine.analysis.MessageChain;
import org.mailpath.engine.analysis.Verdict;
import org.mailpath.engine.report.EventEntry;
import org.mailpath.engine.report.MessageEntry;
import org.mailpath.engine.report.RecipientDomainSection;
import org.mailpath.engine.report.ReportModel;
import org.mailpath.engine.report.ReportOptions;
import org.mailpath.report.ReportFormat;
import org.mailpath.report.io.WriteResult;
import org.mailpath.ui.common.DialogService;
import org.mailpath.ui.common.Formats;
import org.mailpath.ui.common.Messages;
import org.mailpath.ui.common.RunningTask;
import org.mailpath.ui.common.TaskListener;
import org.mailpath.ui.common.TaskRunner;
import org.mailpath.ui.common.WizardSession;
import org.mailpath.ui.common.WizardStep;

/**
 * Step 5: choose what goes into the report (domains, problem messages only, redaction), preview it, export it
 * (PDF, HTML, JSON) in the background, and copy a short note for the recipient's mail team.
 */
public final class ReportViewModel implements WizardStep {

    private final ReportExporter exporter;
    private final TaskRunner runner;
    private final DialogService dialogs;
    private final WizardSession session;
    private final Messages messages;
    private final Clock clock;

    private final ObservableList<DomainChoice> domains = FXCollections.observableArrayList(
            d -> new Observable[] {d.includedProperty()});
    private final BooleanProperty redact = new SimpleBooleanProperty(this, "redact", true);
    private final BooleanProperty problemsOnly = new SimpleBooleanProperty(this, "problemsOnly", false);
    private final ReadOnlyStringWrapper preview = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper statusIsError = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper previewing = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper exporting = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper complete = new ReadOnlyBooleanWrapper(true);
    private final BooleanBinding canExport;
    private final BooleanBinding canCopyNote;

    private ReportModel model;
    private RunningTask previewTask = RunningTask.DONE;
    private RunningTask exportTask = RunningTask.DONE;
    private LogAnalysis loadedFrom;

    public ReportViewModel(ReportExporter exporter, TaskRunner runner, DialogService dialogs, WizardSession session,
                           Messages messages, Clock clock) {
        this.exporter = exporter;
        this.runner = runner;
        this.dialogs = dialogs;
        this.session = session;
        this.messages = messages;
        this.clock = clock;
        busy.bind(exporting);
        canExport = Bindings.createBooleanBinding(() -> !exporting.get() && !previewing.get() && model != null
                && domains.stream().anyMatch(DomainChoice::included), exporting, previewing, domains);
        canCopyNote = canExport;
        domains.addListener((javafx.collections.ListChangeListener<DomainChoice>) c -> refreshPreview());
        redact.addListener(o -> refreshPreview());
        problemsOnly.addListener(o -> refreshPreview());
        session.checksProperty().addListener(o -> refreshPreview());
    }

    public ObservableList<DomainChoice> domains() {
        return domains;
    }

    /** Masks the local part of addresses and drops user IDs (on by default: the report leaves the company). */
    public BooleanProperty redactProperty() {
        return redact;
    }

    /** Leaves out delivered messages. */
    public BooleanProperty problemsOnlyProperty() {
        return problemsOnly;
    }

    public ReadOnlyStringProperty previewProperty() {
        return preview.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty statusIsErrorProperty() {
        return statusIsError.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty previewingProperty() {
        return previewing.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty exportingProperty() {
        return exporting.getReadOnlyProperty();
    }

    @Override
    public ReadOnlyBooleanProperty completeProperty() {
        return complete.getReadOnlyProperty();
    }

    @Override
    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public BooleanBinding canExportProperty() {
        return canExport;
    }

    public BooleanBinding canCopyNoteProperty() {
        return canCopyNote;
    }

    @Override
    public void entered() {
        LogAnalysis analysis = session.analysis().orElse(null);
        if (analysis != null && analysis != loadedFrom) {
            loadedFrom = analysis;
            List<DomainSummary> sorted = analysis.domains().stream()
                    .sorted(Comparator.comparingLong((DomainSummary d) -> d.bounced() + d.deferred()).reversed()
                            .thenComparing(DomainSummary::domain))
                    .toList();
            boolean anyFailing = sorted.stream().anyMatch(d -> d.bounced() + d.deferred() > 0);
            domains.setAll(sorted.stream().map(d -> new DomainChoice(d.domain(),
                    messages.format("report.domain.counts", d.messages(), d.bounced(), d.deferred()),
                    !anyFailing || d.bounced() + d.deferred() > 0)).toList());
        } else {
            refreshPreview();
        }
    }

    @Override
    public void cancelWork() {
        previewTask.cancel();
        exportTask.cancel();
    }

    public void selectAllDomains(boolean on) {
        domains.forEach(d -> d.includedProperty().set(on));
    }

    /** Asks where to save and writes the report there in the background. */
    public void export(ReportFormat format) {
        if (!canExport.get()) {
            return;
        }
        ReportModel current = model;
        String name = "mailpath-report-" + LocalDate.now(clock.withZone(ZoneOffset.UTC)) + "." + format.extension();
        dialogs.chooseSaveFile(name, format.extension()).ifPresent(target -> {
            Path file = ReportFormat.forFile(target).isPresent() ? target
                    : target.resolveSibling(target.getFileName() + "." + format.extension());
            exporting.set(true);
            setStatus(messages.format("report.status.writing", file.getFileName()), false);
            exportTask = runner.run("report-export", ctx -> exporter.write(file, format, current),
                    new TaskListener<WriteResult>() {
                        @Override
                        public void succeeded(WriteResult result) {
                            exporting.set(false);
                            switch (result) {
                                case WriteResult.Written w -> setStatus(messages.format("report.status.written",
                                        w.file().toString(), Math.max(1, w.bytes() / 1024)), false);
                                case WriteResult.Refused r -> setStatus(r.message(), true);
                                case WriteResult.Failed f -> setStatus(f.message(), true);
                            }
                        }

                        @Override
                        public void failed(Throwable error) {
                            exporting.set(false);
                            setStatus(messages.format("report.status.failed", file.getFileName()), true);
                        }

                        @Override
                        public void cancelled() {
                            exporting.set(false);
                            setStatus(messages.get("report.status.cancelled"), false);
                        }
                    });
        });
    }

    /** A short, plain note for the recipient's mail team: what failed, when, and the IDs to search for. */
    public void copyNote() {
        if (model == null) {
            return;
        }
        StringBuilder sb = new StringBuilder(messages.get("report.note.greeting")).append("\n\n");
        sb.append(messages.get("report.note.intro")).append("\n");
        for (RecipientDomainSection section : model.recipientDomains()) {
            sb.append("\n").append(messages.format("report.note.domain", section.domain())).append("\n");
            for (MessageEntry m : section.messages()) {
                if (m.verdict() == Verdict.RECEIVED_ONLY) {
                    continue;
                }
                String when = Formats.time(m.failed().or(m::delivered).or(m::lastTransient).or(m::received).orElse(null));
                sb.append("- ").append(when).append(" · ").append(m.recipient()).append(" · ")
                        .append(messages.get("events.verdict." + m.verdict().name()))
                        .append("\n  Message ID Header: ").append(m.messageIdHeader()).append('\n');
                lastStatus(m).ifPresent(s -> sb.append("  ").append(s).append('\n'));
                if (!m.relayHost().isEmpty() || !m.relayAddress().isEmpty()) {
                    sb.append("  ").append(messages.format("report.note.server",
                            (m.relayHost() + " " + (m.relayAddress().isEmpty() ? "" : "[" + m.relayAddress() + "]")).strip()))
                            .append('\n');
                }
            }
        }
        sb.append("\n").append(messages.get("report.note.ask")).append("\n");
        dialogs.copyToClipboard(sb.toString());
        setStatus(messages.get("report.status.noteCopied"), false);
    }

    private static java.util.Optional<String> lastStatus(MessageEntry m) {
        return m.events().stream().map(EventEntry::status).filter(s -> !s.isBlank()).reduce((a, b) -> b);
    }

    private void setStatus(String text, boolean error) {
        status.set(text);
        statusIsError.set(error);
    }

    private ReportOptions options(LogAnalysis analysis) {
        Set<String> chosen = domains.stream().filter(DomainChoice::included).map(DomainChoice::domain)
                .collect(Collectors.toSet());
        Set<String> ids = problemsOnly.get()
                ? analysis.chains().stream().filter(c -> c.verdict() == Verdict.BOUNCED || c.verdict() == Verdict.DEFERRED)
                        .map(MessageChain::messageIdHeader).collect(Collectors.toSet())
                : Set.of();
        return ReportOptions.defaults().withGeneratedAt(clock.instant()).withRedaction(redact.get())
                .withDomains(chosen).withMessageIds(ids);
    }

    private void refreshPreview() {
        LogAnalysis analysis = session.analysis().orElse(null);
        previewTask.cancel();
        if (analysis == null || domains.stream().noneMatch(DomainChoice::included)) {
            model = null;
            previewing.set(false);
            preview.set(messages.get(analysis == null ? "report.preview.noLog" : "report.preview.noDomain"));
            return;
        }
        ReportOptions options = options(analysis);
        var checks = session.checks();
        var file = session.logFile();
        previewing.set(true);
        previewTask = runner.run("report-preview", ctx -> {
            ReportModel built = exporter.build(analysis, checks, options, file);
            ctx.cancellation().throwIfCancelled();
            return new Built(built, exporter.preview(built));
        }, new TaskListener<Built>() {
            @Override
            public void succeeded(Built value) {
                model = value.model();
                preview.set(value.text());
                previewing.set(false);
            }

            @Override
            public void failed(Throwable error) {
                model = null;
                previewing.set(false);
                preview.set(messages.get("report.preview.failed"));
            }

            @Override
            public void cancelled() {
                previewing.set(false);
            }
        });
    }

    private record Built(ReportModel model, String text) {
    }
}
