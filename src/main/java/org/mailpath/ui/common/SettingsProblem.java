package org.mailpath.ui.common;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.mailpath.engine.finding.Localizable;

/**
 * Something about the settings file the user should hear of in the window, not only on the terminal: what was reset,
 * where the file as it was is kept, or that changes cannot be saved.
 */
public sealed interface SettingsProblem {

    Path file();

    /** Some lines could not be read; they were skipped and the rest kept. */
    record LinesSkipped(Path file, List<SkippedLine> lines, Optional<Path> backup) implements SettingsProblem {
        public LinesSkipped {
            lines = List.copyOf(lines);
        }
    }

    /** The file is larger than any settings file MailPath writes; it was not read. */
    record TooLarge(Path file, long bytes, long limit, Optional<Path> backup) implements SettingsProblem {
    }

    /** The file could not be read at all (no permission, an I/O error). */
    record Unreadable(Path file, Localizable reason, Optional<Path> backup) implements SettingsProblem {
    }

    /** Writing failed; changes are kept in memory until MailPath closes. */
    record NotSaved(Path file, Localizable reason) implements SettingsProblem {
    }

    /** A line of the file that was skipped: its number (from 1) and the key it set, as far as it could be read. */
    record SkippedLine(int line, String key) {
    }
}
