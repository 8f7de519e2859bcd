package org.mailpath.engine.log;

import java.util.HashSet;
import java.util.List;
import java.util.NavigableSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/** What of a zip was not read, and the warning that names it: nothing of a zip is left out silently. */
final class ZipLeftOut {

    private ZipLeftOut() {
    }

    /**
     * The warning naming what of the zip {@code name} was not read, besides {@code chosen}: every other entry but a
     * folder that holds others (named by them: the CSV's own folder leaves nothing unread); empty when there is none.
     * Nothing is left out silently, not even a Mac's {@code __MACOSX/} copies or a {@code .DS_Store}.
     */
    static Optional<FileProblem> leftOut(String name, List<String> entryNames, String chosen) {
        return leftOut(name, entryNames, List.of(chosen));
    }

    /**
     * As {@link #leftOut(String, List, String)}, for a zip of which {@code chosen} were read (several CSVs, each a log
     * of its own): the warning says how many were read, and names what was not.
     */
    static Optional<FileProblem> leftOut(String name, List<String> entryNames, List<String> chosen) {
        return leftOutWarning(name, chosen, notRead(entryNames, chosen));
    }

    /** The warning naming what of {@code member}'s zip, named {@code zipName}, was not read; empty when nothing. */
    static Optional<FileProblem> memberLeftOut(LogSource.ZipMember member, String zipName) {
        return leftOutWarning(zipName, member.contents().csvs(), member.contents().notRead());
    }

    /**
     * The entries of {@code entryNames} that are not among {@code chosen} and not a folder holding others, in their
     * order. In sets, not by searching the lists for each name: a zip of 20,000 CSVs took seconds that way.
     */
    static List<String> notRead(List<String> entryNames, List<String> chosen) {
        Set<String> read = new HashSet<>(chosen);
        // the names that start with a folder's name come right after it in this order: the next one tells
        NavigableSet<String> sorted = new TreeSet<>(entryNames);
        return entryNames.stream().filter(n -> !read.contains(n))
                .filter(n -> !n.endsWith("/") || !Objects.requireNonNullElse(sorted.higher(n), "").startsWith(n))
                .toList();
    }

    /** The warning naming {@code others}, what of the zip {@code name} was not read besides {@code chosen}. */
    private static Optional<FileProblem> leftOutWarning(String name, List<String> chosen, List<String> others) {
        if (others.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new FileProblem(0, "", chosen.size() == 1
                ? LogTexts.text("file.zipLeftOut", name, chosen.getFirst(), others.size(), firstFive(others))
                : LogTexts.text("file.zipLeftOutMany", name, chosen.size(), others.size(), firstFive(others)),
                false));
    }

    /** The first five of a zip's entry {@code names}, joined by ", ", and then ", \u2026" when it has more. */
    static String firstFive(List<String> names) {
        return String.join(", ", names.subList(0, Math.min(5, names.size()))) + (names.size() > 5 ? ", \u2026" : "");
    }
}
