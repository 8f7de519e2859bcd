package org.mailpath.ui.common;

import java.nio.file.Path;
import java.util.Optional;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import org.mailpath.engine.analysis.LogAnalysis;
import org.mailpath.engine.check.CheckReport;

/** What the steps share: the analysed log and the latest check results. Changed on the UI thread only. */
public final class WizardSession {

    private final ObjectProperty<LogAnalysis> analysis = new SimpleObjectProperty<>(this, "analysis");
    private final ObjectProperty<CheckReport> checks = new SimpleObjectProperty<>(this, "checks", CheckReport.empty());

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
}
