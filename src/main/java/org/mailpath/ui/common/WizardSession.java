package org.mailpath.ui.common;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import org.mailpath.engine.analysis.LogAnalysis;
import org.mailpath.engine.analysis.MessageChain;
import org.mailpath.engine.check.CheckReport;

/**
 * What the steps share: the analysed log, the latest check results and what they cover of DKIM, the DKIM step's
 * latest lookup and the message selected on the Events step.
 * Changed on the UI thread only.
 */
public final class WizardSession {

    private final ObjectProperty<LogAnalysis> analysis = new SimpleObjectProperty<>(this, "analysis");
    private final ObjectProperty<CheckReport> checks = new SimpleObjectProperty<>(this, "checks", CheckReport.empty());
    private final ObjectProperty<MessageChain> selectedMessage = new SimpleObjectProperty<>(this, "selectedMessage");
    private final ObjectProperty<DkimResult> dkimResult = new SimpleObjectProperty<>(this, "dkimResult");
    private final ObjectProperty<DkimCoverage> dkimCoverage = new SimpleObjectProperty<>(this, "dkimCoverage",
            DkimCoverage.none());

    public ReadOnlyObjectProperty<LogAnalysis> analysisProperty() {
        return analysis;
    }

    public Optional<LogAnalysis> analysis() {
        return Optional.ofNullable(analysis.get());
    }

    /** The files the analysis came from, in order (one, or several analysed together); empty when unknown. */
    private List<Path> logFiles = List.of();

    /** A new log replaces everything learnt from the previous one. */
    public void setAnalysis(LogAnalysis value) {
        setAnalysis(value, List.of());
    }

    /** As {@link #setAnalysis(LogAnalysis)}, remembering the files it came from, in the analysis's order. */
    public void setAnalysis(LogAnalysis value, List<Path> files) {
        logFiles = List.copyOf(files);
        selectedMessage.set(null);
        dkimResult.set(null);
        dkimCoverage.set(DkimCoverage.none());
        // the log before the checks: a step that redoes its work when the checks change (the Report step's preview)
        // sees the new log then, not the old one, whose report it would build for nothing; nothing that hears of the
        // new log reads the checks, which are the old log's until the next line
        analysis.set(value);
        checks.set(CheckReport.empty());
    }

    /** Every file the analysis came from, in order; the report's appendix reads each file's rows from it. */
    public List<Path> logFiles() {
        return logFiles;
    }

    public ReadOnlyObjectProperty<CheckReport> checksProperty() {
        return checks;
    }

    public CheckReport checks() {
        return checks.get();
    }

    public void setChecks(CheckReport value) {
        checks.set(value == null ? CheckReport.empty() : value);
    }

    /**
     * Whose DKIM the checks in {@link #checks()} cover, and with which selectors (set by the DNS checks step, read by
     * the DKIM step, which says whether its lookups reach the checks and the report).
     */
    public ReadOnlyObjectProperty<DkimCoverage> dkimCoverageProperty() {
        return dkimCoverage;
    }

    public DkimCoverage dkimCoverage() {
        return dkimCoverage.get();
    }

    public void setDkimCoverage(DkimCoverage value) {
        dkimCoverage.set(value == null ? DkimCoverage.none() : value);
    }

    /**
     * The DKIM step's latest lookup (null before one): the DNS checks step puts its findings in place of the same
     * domain's DKIM findings, on screen and in {@link #checks()}.
     */
    public ReadOnlyObjectProperty<DkimResult> dkimResultProperty() {
        return dkimResult;
    }

    public Optional<DkimResult> dkimResult() {
        return Optional.ofNullable(dkimResult.get());
    }

    public void setDkimResult(DkimResult value) {
        dkimResult.set(value);
    }

    /** The message selected on the Events step, if any (the Report step can be limited to it). */
    public ReadOnlyObjectProperty<MessageChain> selectedMessageProperty() {
        return selectedMessage;
    }

    public Optional<MessageChain> selectedMessage() {
        return Optional.ofNullable(selectedMessage.get());
    }

    /** {@code null} when nothing is selected. */
    public void setSelectedMessage(MessageChain value) {
        selectedMessage.set(value);
    }
}
