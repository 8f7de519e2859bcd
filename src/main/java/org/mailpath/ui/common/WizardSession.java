package org.mailpath.ui.common;

import java.nio.file.Path;
import java.util.Optional;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import org.mailpath.engine.analysis.LogAnalysis;
import org.mailpath.engine.analysis.MessageChain;
import org.mailpath.engine.check.CheckReport;

/**
 * What the steps share: the analysed log, the latest check results and the message selected on the Events step.
 * Changed on the UI thread only.
 */
public final class WizardSession {

    private final ObjectProperty<LogAnalysis> analysis = new SimpleObjectProperty<>(this, "analysis");
    private final ObjectProperty<CheckReport> checks = new SimpleObjectProperty<>(this, "checks", CheckReport.empty());
    private final ObjectProperty<MessageChain> selectedMessage = new SimpleObjectProperty<>(this, "selectedMessage");

    public ReadOnlyObjectProperty<LogAnalysis> analysisProperty() {
        return analysis;
    }

    public Optional<LogAnalysis> analysis() {
        return Optional.ofNullable(analysis.get());
    }

    private Path logFile;

    /** A new log replaces everything learnt from the previous one. */
    public void setAnalysis(LogAnalysis value) {
        setAnalysis(value, null);
    }

    /** As {@link #setAnalysis(LogAnalysis)}, remembering the file it came from (the report's appendix reads it). */
    public void setAnalysis(LogAnalysis value, Path file) {
        logFile = file;
        selectedMessage.set(null);
        checks.set(CheckReport.empty());
        analysis.set(value);
    }

    public Optional<Path> logFile() {
        return Optional.ofNullable(logFile);
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
