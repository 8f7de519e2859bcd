package org.mailpath.engine.log;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The files of one analysis, each once: the same file given again ({@code analyze log.csv log.csv}, the same file
 * dropped twice, or reached by another path or link: {@link Files#isSameFile}) is read once, with a note, instead of
 * being read again and explained as an export whose time window overlaps the first. {@code files} in the order first
 * given; {@code timesGiven} how often each was given. A different file with the same content is not the same file:
 * its rows are copies, as overlapping exports' are.
 */
public record FilesGivenOnce(List<Path> files, List<Integer> timesGiven) {

    public FilesGivenOnce {
        files = List.copyOf(files);
        timesGiven = List.copyOf(timesGiven);
    }

    /** {@code given} with each file kept where it was first given. */
    public static FilesGivenOnce of(List<Path> given) {
        List<Path> files = new ArrayList<>(given.size());
        List<Integer> times = new ArrayList<>(given.size());
        for (Path p : given) {
            int same = -1;
            for (int i = 0; i < files.size() && same < 0; i++) {
                if (sameFile(files.get(i), p)) {
                    same = i;
                }
            }
            if (same >= 0) {
                times.set(same, times.get(same) + 1);
            } else {
                files.add(p);
                times.add(1);
            }
        }
        return new FilesGivenOnce(files, times);
    }

    /** The note of file {@code index}, named {@code label}, if it was given more than once. */
    public Optional<FileProblem> note(int index, String label) {
        int times = timesGiven.get(index);
        return times < 2 ? Optional.empty()
                : Optional.of(new FileProblem(0, "", LogTexts.text("file.givenTwice", label, times), false)
                        .inFile(label));
    }

    private static boolean sameFile(Path a, Path b) {
        try {
            return Files.isSameFile(a, b);
        } catch (IOException | SecurityException e) {
            // a missing or unreadable file: the same path is still the same file (its reading says what is wrong)
            return a.toAbsolutePath().normalize().equals(b.toAbsolutePath().normalize());
        }
    }
}
