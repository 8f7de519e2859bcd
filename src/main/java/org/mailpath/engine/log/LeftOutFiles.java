package org.mailpath.engine.log;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.mailpath.engine.analysis.UnusableLogException;
import org.mailpath.engine.finding.Localizable;

/**
 * Logs analysed together of which some cannot be analysed at all: such a file is a problem of the analysis that
 * names it, and the others are analysed; only when none can be is the whole an {@link UnusableLogException}.
 */
public final class LeftOutFiles {

    private LeftOutFiles() {
    }

    /** The problem of {@code file}, left out for {@code why} (whose message names it). */
    public static FileProblem problem(String file, UnusableLogException why) {
        return new FileProblem(0, "", LogTexts.text("file.leftOut", words(why)), false).inFile(file);
    }

    /** That none of {@code files} (two or more, each with why it cannot be analysed, in order) can be analysed. */
    public static UnusableLogException noneUsable(List<UnusableLogException> files) {
        return new UnusableLogException(LogTexts.text("unusable.noFile", files.size(),
                new Sentences(files.stream().map(LeftOutFiles::words).toList())));
    }

    /** The reason in words of this bundle where it has them; else its English message, as data. */
    private static Object words(UnusableLogException e) {
        return e.messageText().<Object>map(t -> t).orElseGet(e::getMessage);
    }

    /** Sentences one after the other, each in the language asked for where it has words of ours. */
    private record Sentences(List<Object> sentences) implements Localizable {

        @Override
        public String in(Locale locale) {
            return sentences.stream().map(s -> s instanceof Localizable l ? l.in(locale) : String.valueOf(s))
                    .collect(Collectors.joining(" "));
        }

        @Override
        public String toString() {
            return in(Locale.ROOT);
        }
    }
}
