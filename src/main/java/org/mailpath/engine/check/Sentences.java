package org.mailpath.engine.check;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import org.mailpath.engine.finding.LocalText;
import org.mailpath.engine.finding.Localizable;

/**
 * Sentences one after the other, each in the language asked for, each ended with a full stop where its words end
 * without one (a check's message often does). The app's and the mail team's words are those of each sentence that
 * has them.
 */
record Sentences(List<Localizable> sentences) implements Localizable {

    Sentences {
        sentences = List.copyOf(sentences);
    }

    @Override
    public String in(Locale locale) {
        return sentences.stream().map(s -> ended(s.in(locale).strip())).filter(s -> !s.isEmpty())
                .collect(Collectors.joining(" "));
    }

    /** The app's words of each sentence that has them, the others as they are; empty when none has any. */
    @Override
    public Optional<Localizable> inApp() {
        if (sentences.stream().allMatch(s -> s.inApp().isEmpty())) {
            return Optional.empty();
        }
        return Optional.of(new Sentences(sentences.stream().map(s -> s.inApp().orElse(s)).toList()));
    }

    /** Words for the recipient's mail team only when every sentence has some: else admin's words would reach them. */
    @Override
    public Optional<Localizable> forMailTeam() {
        if (sentences.stream().anyMatch(s -> s.forMailTeam().isEmpty())) {
            return Optional.empty();
        }
        return Optional.of(new Sentences(sentences.stream().map(s -> s.forMailTeam().orElseThrow()).toList()));
    }

    @Override
    public String toString() {
        return in(LocalText.ENGLISH);
    }

    private static String ended(String sentence) {
        return sentence.isEmpty() || sentence.endsWith(".") || sentence.endsWith("!") || sentence.endsWith("?")
                ? sentence : sentence + ".";
    }
}
