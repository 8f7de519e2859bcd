package org.mailpath.cli;

import java.util.Collection;
import java.util.Locale;
import org.mailpath.engine.finding.Finding;
import org.mailpath.engine.finding.Severity;
import org.mailpath.engine.report.ReportFindings;
import picocli.CommandLine;

/**
 * {@code --fail-on LEVEL}: an exit code for scripts and monitoring that tells a run's findings apart, which the
 * default (0 whatever was found) does not. A check this computer's network kept from being made says nothing
 * about its subject, as the report counts it, so it never counts as a finding of any level: it has its own code.
 */
final class FailOn {

    private FailOn() {
    }

    /**
     * {@link MailPathCommand#EXIT_FINDINGS} when a finding at {@code level} or worse was found,
     * {@link MailPathCommand#EXIT_NOT_CHECKED} when none was but a check could not be made from this computer,
     * 0 otherwise.
     */
    static int exitCode(Severity level, Collection<Finding> findings) {
        if (findings.stream().anyMatch(f -> !ReportFindings.notChecked(f) && f.severity().compareTo(level) <= 0)) {
            return MailPathCommand.EXIT_FINDINGS;
        }
        return findings.stream().anyMatch(ReportFindings::notChecked) ? MailPathCommand.EXIT_NOT_CHECKED : 0;
    }

    /** {@code error}, {@code warning} or {@code info}, in any case ({@code ok} would fail every run). */
    static final class LevelConverter implements CommandLine.ITypeConverter<Severity> {
        @Override
        public Severity convert(String value) {
            String level = value.strip().toUpperCase(Locale.ROOT);
            if (level.equals("ERROR") || level.equals("WARNING") || level.equals("INFO")) {
                return Severity.valueOf(level);
            }
            throw new CommandLine.TypeConversionException("unknown level '" + value
                    + "' (use error, warning or info)");
        }
    }
}
