package org.mailpath.engine.common;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** How a file is named in messages, reports and the UI. */
public final class FileNames {

    private FileNames() {
    }

    /** The file's own name, without its folder (which may hold the user's name); a root path as it is. */
    public static String nameOf(Path file) {
        return file.getFileName() == null ? file.toString() : file.getFileName().toString();
    }

    /**
     * How to name each of {@code files} (analysed together) to a person, in the same order: its own name
     * ({@link #nameOf}) where no other file has it, else its name after as few of its folders as tell it from the
     * others of that name ({@code jan/EmailLog.csv}, {@code feb/EmailLog.csv}: Salesforce names every export alike).
     * No more folders than needed, since the folders above may name the user. The same file given more than once
     * gets a number after its label each time: {@code "EmailLog.csv (1)"}, {@code "EmailLog.csv (2)"}.
     */
    public static List<String> labelsOf(List<Path> files) {
        List<List<String>> parts = files.stream().map(FileNames::partsOf).toList();
        Map<String, List<Integer>> byName = byName(parts);
        List<String> labels = new ArrayList<>(files.size());
        for (int k = 0; k < files.size(); k++) {
            List<String> mine = parts.get(k);
            List<Integer> alike = byName.get(mine.getLast());
            int depth = depthToTell(parts, k, alike);
            List<String> tail = mine.subList(Math.max(0, mine.size() - depth), mine.size());
            String label = depth == 1 ? nameOf(files.get(k))
                    : String.join(files.get(k).getFileSystem().getSeparator(), tail);
            labels.add(label + sameFileNumber(parts, k, alike));
        }
        return labels;
    }

    /**
     * How many of the last names of {@code parts.get(k)} (folders, then the file's name) tell it from every other of
     * {@code parts} (at least 1, the file's name); those equal to it (the same file) are told apart by a number.
     */
    private static int depthToTell(List<List<String>> parts, int k, List<Integer> alike) {
        List<String> mine = parts.get(k);
        int depth = 1;
        for (int o : alike) {
            if (o != k && !parts.get(o).equals(mine)) {
                depth = Math.max(depth, commonTail(mine, parts.get(o)) + 1);
            }
        }
        return depth;
    }

    /** The folders that hold users' home folders (Linux, macOS, Windows): the folder after one names a user. */
    private static final Set<String> HOMES = Set.of("home", "users", "documents and settings");

    /**
     * How to name each of a zip's {@code entries} (their paths inside it, in the zip's order) in a report: the
     * entry's file name, after as few of its folders as tell it from the others of that name
     * ({@code jan/EmailLog.csv}, {@code feb/EmailLog.csv}). A zip made of files given by their full path
     * ({@code zip logs.zip /home/jdoe/exports/*.csv}) stores that path, and a report leaves the company: the folders
     * up to a home folder's user ({@code home/jdoe/}, {@code Users/jdoe/}, {@code root/}) are never among them.
     * Entries told apart by no other folder are numbered, as {@link #labelsOf} numbers the same file given twice.
     */
    public static List<String> entryLabelsOf(List<String> entries) {
        List<List<String>> parts = entries.stream().map(FileNames::entryParts).toList();
        Map<String, List<Integer>> byName = byName(parts);
        List<String> labels = new ArrayList<>(entries.size());
        for (int k = 0; k < entries.size(); k++) {
            List<String> mine = parts.get(k);
            List<Integer> alike = byName.get(mine.getLast());
            int depth = depthToTell(parts, k, alike);
            List<String> tail = mine.subList(Math.max(0, mine.size() - depth), mine.size());
            labels.add(String.join("/", tail) + sameFileNumber(parts, k, alike));
        }
        return labels;
    }

    /** The folders and name of a zip's entry, without a leading home folder and its user, nor a drive or root. */
    private static List<String> entryParts(String entry) {
        List<String> parts = new ArrayList<>();
        for (String p : entry.split("[/\\\\]")) {
            if (!p.isEmpty() && !p.equals(".")) {
                parts.add(p);
            }
        }
        // the last home folder with a user and a file after it: home/jdoe/x.csv, C:/Users/jdoe/x.csv
        int from = 0;
        for (int i = 0; i + 2 < parts.size(); i++) {
            if (HOMES.contains(parts.get(i).toLowerCase(Locale.ROOT))) {
                from = i + 2;
            }
        }
        if (from == 0 && parts.size() > 1 && parts.getFirst().equals("root")) {
            from = 1;
        }
        List<String> kept = parts.subList(from, parts.size());
        return kept.isEmpty() ? List.of(entry) : List.copyOf(kept);
    }

    /** The folders and name of {@code file} as one absolute path, root first (the root itself left out). */
    private static List<String> partsOf(Path file) {
        Path absolute = file.toAbsolutePath().normalize();
        List<String> parts = new ArrayList<>(absolute.getNameCount());
        absolute.forEach(p -> parts.add(p.toString()));
        if (parts.isEmpty()) {
            parts.add(absolute.toString());
        }
        return parts;
    }

    /** How many last parts {@code a} and {@code b} have in common. */
    private static int commonTail(List<String> a, List<String> b) {
        int n = 0;
        while (n < a.size() && n < b.size() && a.get(a.size() - 1 - n).equals(b.get(b.size() - 1 - n))) {
            n++;
        }
        return n;
    }

    /** " (n)" for the n-th time the file at {@code k} is given, when it is given more than once; else "". */
    private static String sameFileNumber(List<List<String>> parts, int k, List<Integer> alike) {
        long before = alike.stream().filter(o -> o < k && parts.get(o).equals(parts.get(k))).count();
        long all = alike.stream().filter(o -> parts.get(o).equals(parts.get(k))).count();
        return all > 1 ? " (" + (before + 1) + ")" : "";
    }

    /**
     * The indices of {@code parts} by their file's name (last part), in order: only files of the same name need
     * folders, or a number, to tell them apart, and comparing each with every other made naming a zip of 20,000 logs
     * quadratic.
     */
    private static Map<String, List<Integer>> byName(List<List<String>> parts) {
        Map<String, List<Integer>> byName = new HashMap<>();
        for (int k = 0; k < parts.size(); k++) {
            byName.computeIfAbsent(parts.get(k).getLast(), n -> new ArrayList<>()).add(k);
        }
        return byName;
    }
}
