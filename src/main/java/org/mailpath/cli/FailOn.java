package org.mailpath.cli;

import java.util.Collection;
import java.util.Locale;
import org.mailpath.engine.dns.DnsFindingCodes;
import org.mailpath.engine.finding.Finding;
import org.mailpath.engine.finding.Severity;
import org.mailpath.engine.report.ReportFindings;
import picocli.CommandLine;

/**
 * {@code --fail-on LEVEL}: an exit code for scripts and monitoring that tells a run's findings apart, which the
 * default (0 whatever was found) does not. A check that was not made says nothing about its subject, so it never
 * counts as a finding of any level: it has its own code. Not made are the checks this computer's network kept from
 * being made (as the report counts them) and those that failed inside MailPath ({@code CHECK_FAILED}, an ERROR of
 * nobody's that stands for the missing check's findings).
 */
final class FailOn {

    private FailOn() {
    }

    /**
     * {@link MailPathCommand#EXIT_FINDINGS} when a finding at {@code level} or worse was found,
     * {@link MailPathCommand#EXIT_NOT_CHECKED} when none was but a check was not made ({@link #notMade}),
     * 0 otherwise.
     */
    static int exitCode(Severity level, Collection<Finding> findings) {
        if (findings.stream().anyMatch(f -> !notMade(f) && f.severity().compareTo(level) <= 0)) {
            return MailPathCommand.EXIT_FINDINGS;
        }
        return findings.stream().anyMatch(FailOn::notMade) ? MailPathCommand.EXIT_NOT_CHECKED : 0;
    }

    /** Says that a check was not made: this computer's network kept it from being made, or it failed inside. */
    static boolean notMade(Finding f) {
        return ReportFindings.notChecked(f) || f.code().equals(DnsFindingCodes.CHECK_FAILED);
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
