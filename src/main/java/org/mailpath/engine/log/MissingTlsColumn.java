package org.mailpath.engine.log;

import java.util.List;
import org.mailpath.engine.finding.LocalText;

/**
 * The warning of a file without the TLS_Cipher column (an older export): a D row with TLS_Cipher {@code None} is an
 * internal hand-off between Salesforce's mail servers, not the delivery, and without the column only a D to a private
 * relay address is taken as one (InternalHandoff): every other D row counts as delivered. The reader gives it to every such file; only the analysis of several logs together knows whether their
 * rows were also in a file that has the column, and restates it then ({@link #partly}) or leaves it out.
 */
public final class MissingTlsColumn {

    /** The key of the reader's warning in the reader's texts. */
    static final String KEY = "header.noTlsColumn";
    /**
     * The key of its variant for a file whose header met again lacks the column the rows above it have (two exports
     * joined, the older one below): only the rows below that line lack it.
     */
    static final String BELOW_KEY = KEY + ".below";

    private MissingTlsColumn() {
    }

    /** The warning of a file whose rows below the header on {@code line} lack the column ({@link #BELOW_KEY}). */
    static LocalText below(long line) {
        return LogTexts.text(BELOW_KEY, line);
    }

    /**
     * Whether {@code p} is the reader's warning about a file without the TLS_Cipher column, for all its rows or for
     * those below a header met again ({@link #below}).
     */
    public static boolean is(FileProblem p) {
        return p.messageText().filter(t -> t.bundle().equals(LogTexts.BUNDLE)
                && (t.key().equals(KEY) || t.key().equals(BELOW_KEY))).isPresent();
    }

    /**
     * Whether {@code problems} hold the warning of some file, as the reader gave it ({@link #is}) or restated for
     * only some of its D rows ({@link #partly}): some verdict then rests on a file without the column. The analysis
     * of several logs leaves the warning out where none does.
     */
    public static boolean anyIn(List<FileProblem> problems) {
        return problems.stream().anyMatch(p -> is(p) || p.messageText()
                .filter(t -> t.bundle().equals(LogTexts.BUNDLE) && t.key().equals(KEY + ".partly")).isPresent());
    }

    /**
     * The {@code warning} ({@link #is}) of a file only some of whose D rows were also in a file analysed with it that
     * has the column ({@code filesWithColumn}, their names): it says how many of its D rows were judged without the
     * column, {@code without} of {@code all}, and where the others took theirs from. Same line, field and file.
     */
    public static FileProblem partly(FileProblem warning, long without, long all, List<String> filesWithColumn) {
        return new FileProblem(warning.line(), warning.field(),
                LogTexts.text(KEY + ".partly", warning.messageText().orElseGet(() -> LogTexts.text(KEY)), without, all,
                        String.join(", ", filesWithColumn)),
                false).inFile(warning.file());
    }
}
