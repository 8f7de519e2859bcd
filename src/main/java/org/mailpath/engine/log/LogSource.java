package org.mailpath.engine.log;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.mailpath.engine.common.FileNames;

/**
 * One Email Log to read: a file as it is (plain, gzip, or a zip of one CSV), or one CSV of a zip that holds several.
 * An admin who zips a month of exports expects them read as if each had been given on its own, so such a zip is
 * read as its CSVs ({@link #of}), in the zip's order, each with its own header, encoding, counts and problems.
 */
public sealed interface LogSource permits LogSource.WholeFile, LogSource.ZipMember {

    /** The separator between a zip's name and its entry's in a member's name: {@code logs.zip!week1.csv}. */
    String MEMBER_SEPARATOR = "!";

    /**
     * The most CSVs of one zip read as members: as many entries as a zip's end record can count without ZIP64
     * (2 bytes at offset 10, APPNOTE.TXT 4.3.16; 0xFFFF there sends to the ZIP64 record, as {@link ZipDirectory}
     * reads it). An Email Log export is one CSV, an
     * admin's zip of a month of them a few dozen; a zip of more is refused ({@link ZipEntryOpener}), not read. Each
     * member read keeps a few KB after it (its summary, its name, its chains' file index: 55 MB live for 20,000 two-row
     * members) and a fraction of a millisecond, so a zip of millions of tiny CSVs, a few
     * hundred MB on disk, would otherwise run for many minutes into the heap's end.
     */
    int MAX_MEMBERS = 0xFFFF;

    /** The file on disk this is read from (the zip, for a member). */
    Path file();

    /**
     * How this is named to a person, given {@code fileLabel}, how its file is named among the files given with it
     * ({@link FileNames#labelsOf}): that label, or for a zip's member, the label, "!" and the entry's name.
     */
    String labelIn(String fileLabel);

    /**
     * The zip's part of {@code memberName}, the name or label of the zip's member {@code entry} ({@link #labelIn}):
     * what stands before "!" and the entry's name; empty when {@code memberName} does not end so.
     */
    static Optional<String> zipPart(String memberName, String entry) {
        String suffix = MEMBER_SEPARATOR + entry;
        return memberName.endsWith(suffix)
                ? Optional.of(memberName.substring(0, memberName.length() - suffix.length())) : Optional.empty();
    }

    /** Its file's own name ({@link FileNames#nameOf}), or for a member the zip's name, "!" and the entry's. */
    default String name() {
        return labelIn(FileNames.nameOf(file()));
    }

    /** Its share of the bytes read from disk, for progress: the file's size, a member's compressed size; 0 unknown. */
    long size();

    /** A file read as a whole, as it always was. */
    record WholeFile(Path file) implements LogSource {

        @Override
        public String labelIn(String fileLabel) {
            return fileLabel;
        }

        @Override
        public long size() {
            try {
                return Files.size(file);
            } catch (IOException | SecurityException e) {
                // the reader says what is wrong with the file
                return 0;
            }
        }
    }

    /**
     * The CSV {@code entry} of the zip {@code file}, the {@code index}-th of the CSVs {@code contents} lists. The
     * first says what of the zip was not read ({@link ZipContents#entries}).
     */
    record ZipMember(Path file, String entry, int index, long size, ZipContents contents) implements LogSource {

        @Override
        public String labelIn(String fileLabel) {
            return fileLabel + MEMBER_SEPARATOR + entry;
        }
    }

    /**
     * The logs {@code file} holds: its CSVs when it is a zip of two or more (each once: a zip whose CSVs are not
     * told apart by name is left whole), else the file itself, whose reading says what is wrong with it if anything
     * is. Reads only the zip's central directory.
     */
    static List<LogSource> of(Path file) {
        if (!FileKindSniff.startsAsZip(file)) {
            return List.of(new WholeFile(file));
        }
        try (ZipFile zip = new ZipFile(file.toFile())) {
            List<String> names = new ArrayList<>();
            List<ZipEntry> csvs = new ArrayList<>();
            Enumeration<? extends ZipEntry> entries = zip.entries();
            while (entries.hasMoreElements()) {
                ZipEntry e = entries.nextElement();
                names.add(e.getName());
                if (!e.isDirectory() && isCsv(e.getName()) && !e.getName().startsWith("__MACOSX/")) {
                    csvs.add(e);
                }
            }
            if (csvs.size() < 2 || csvs.size() > MAX_MEMBERS
                    || !repeatedNames(csvs.stream().map(ZipEntry::getName).toList()).isEmpty()) {
                // read whole, LogInput refuses it, naming the CSVs of the same name, or saying it holds too many
                return List.of(new WholeFile(file));
            }
            ZipContents contents = new ZipContents(file, names, csvs.stream().map(ZipEntry::getName).toList(),
                    Files.size(file));
            List<LogSource> members = new ArrayList<>(csvs.size());
            for (int i = 0; i < csvs.size(); i++) {
                members.add(new ZipMember(file, csvs.get(i).getName(), i, Math.max(0, csvs.get(i).getCompressedSize()),
                        contents));
            }
            return List.copyOf(members);
        } catch (IOException | SecurityException e) {
            // not a zip, unreadable, or one java.util.zip refuses (encrypted entry): read whole: reading it says why
            return List.of(new WholeFile(file));
        }
    }

    /**
     * {@code sources} to be read once more from the start, as a second read of the same analysis does (its dates day
     * first): a zip's members get contents of their own again, shared by them as before ({@link ZipContents#unread}),
     * so that the limits count only what this read inflates, and the first member read says again what of the zip was
     * not read, among the warnings of this read. A whole file is as it was.
     */
    static List<LogSource> anew(List<LogSource> sources) {
        Map<ZipContents, ZipContents> unread = new IdentityHashMap<>();
        return sources.stream().<LogSource>map(s -> switch (s) {
            case WholeFile whole -> whole;
            case ZipMember m -> new ZipMember(m.file(), m.entry(), m.index(), m.size(),
                    unread.computeIfAbsent(m.contents(), ZipContents::unread));
        }).toList();
    }

    /**
     * The names that stand more than once among a zip's CSVs {@code csvNames}, each once, in the zip's order: read as
     * members named by their entries, such CSVs could not be told apart, so the zip is not read
     * ({@link ZipEntryOpener}).
     */
    static List<String> repeatedNames(List<String> csvNames) {
        Map<String, Integer> times = new LinkedHashMap<>();
        csvNames.forEach(n -> times.merge(n, 1, Integer::sum));
        return times.entrySet().stream().filter(e -> e.getValue() > 1).map(Map.Entry::getKey).toList();
    }

    /** Whether a zip entry's name is that of a CSV file. */
    static boolean isCsv(String entryName) {
        return entryName.toLowerCase(Locale.ROOT).endsWith(".csv");
    }
}
