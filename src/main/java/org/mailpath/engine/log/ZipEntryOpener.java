package org.mailpath.engine.log;

import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import org.mailpath.engine.analysis.UnusableLogException;
import org.mailpath.engine.common.FileNames;
import org.mailpath.engine.finding.LocalText;

/** Opens the log inside a zip: its one file or CSV, or a member of a zip of several CSVs ({@link LogSource}). */
final class ZipEntryOpener {

    private static final System.Logger LOG = System.getLogger(ZipEntryOpener.class.getName());

    private ZipEntryOpener() {
    }

    /**
     * Opens the zip {@code file}, named {@code name}, as the log it holds: its one file, or its one CSV among other
     * files; a zip that is a spreadsheet, holds no file, or holds several files but not exactly one CSV, is refused.
     * {@code warnings}: those found so far, to which the zip's are added.
     */
    static LogInput openZip(Path file, String name, LogLimits limits, List<FileProblem> warnings,
                            BasicFileAttributes attrs) throws IOException, UnusableLogException {
        ZipFile zip;
        try {
            zip = new ZipFile(file.toFile());
        } catch (ZipException e) {
            // java.util.zip refuses encrypted entries and methods other than Stored and Deflate as "invalid CEN
            // header": such a zip is sound, and its central directory (ZipDirectory) names the entry, or for a cut
            // zip without one, the first entry's local header tells what it is
            Optional<LocalText> refusal = UnreadableZipEntry.refusal(file, name);
            if (refusal.isPresent()) {
                throw new UnusableLogException(refusal.get(), e);
            }
            // Java's words ("zip END header not found") tell the user nothing, in English whatever the language
            LOG.log(System.Logger.Level.DEBUG, "damaged zip " + name, e);
            throw new UnusableLogException(LogTexts.text("unusable.badZip", name), e);
        }
        try {
            List<ZipEntry> files = new ArrayList<>();
            List<String> names = new ArrayList<>();
            Enumeration<? extends ZipEntry> entries = zip.entries();
            while (entries.hasMoreElements()) {
                ZipEntry e = entries.nextElement();
                String n = e.getName();
                names.add(n);
                if (!e.isDirectory() && !n.startsWith("__MACOSX/") && !n.endsWith(".DS_Store")) {
                    files.add(e);
                }
            }
            Optional<String> workbook = workbookKind(zip, names);
            if (workbook.isPresent()) {
                // a spreadsheet is a zip too: "none of them is a CSV file: unzip it" would send the admin astray
                throw new UnusableLogException(LogTexts.text(workbook.get(), name));
            }
            List<ZipEntry> csvs = files.stream().filter(e -> LogSource.isCsv(e.getName())).toList();
            ZipEntry chosen;
            if (files.isEmpty()) {
                throw new UnusableLogException(LogTexts.text("unusable.zipWithoutFile", name));
            } else if (files.size() == 1) {
                chosen = files.get(0);
                if (!LogSource.isCsv(chosen.getName())) {
                    warnings.add(new FileProblem(0, "", LogTexts.text("file.zipEntryRead", name, chosen.getName()),
                            false));
                }
            } else if (csvs.size() == 1) {
                chosen = csvs.get(0);
            } else if (csvs.isEmpty()) {
                throw new UnusableLogException(LogTexts.text("unusable.zipNoCsv", name, files.size(),
                        ZipLeftOut.firstFive(files.stream().map(ZipEntry::getName).toList())));
            } else if (csvs.size() > LogSource.MAX_MEMBERS) {
                // LogSource.of reads no more CSVs of one zip than that, each a log of its own: memory, and time
                throw new UnusableLogException(LogTexts.text("unusable.zipTooManyCsvs", name, csvs.size(),
                        LogSource.MAX_MEMBERS));
            } else {
                List<String> repeated = LogSource.repeatedNames(csvs.stream().map(ZipEntry::getName).toList());
                if (!repeated.isEmpty()) {
                    // LogSource.of reads several CSVs as members named by their entries: these could not be told apart
                    throw new UnusableLogException(LogTexts.text("unusable.zipSameNames", name, csvs.size(),
                            ZipLeftOut.firstFive(repeated)));
                }
                // several CSVs are read one by one as members (LogSource.of); opened as one file, none is chosen
                throw new UnusableLogException(LogTexts.text("unusable.zipManyFiles", name, files.size(),
                        ZipLeftOut.firstFive(files.stream().map(ZipEntry::getName).toList())));
            }
            ZipLeftOut.leftOut(name, names, chosen.getName()).ifPresent(warnings::add);
            return openEntry(file, name, name, zip, zip, chosen, limits, warnings, attrs, Optional.empty());
        } catch (IOException | UnusableLogException | RuntimeException e) {
            zip.close();
            throw e;
        }
    }

    /**
     * Opens the zip's member {@code member}, named {@code name}, as the zip's one CSV would be: the first member says
     * what else the zip holds, in warnings that name the zip as their file, the others nothing of it. The zip's limits
     * are counted over its members together.
     */
    static LogInput openMember(LogSource.ZipMember member, String name, LogLimits limits)
            throws UnusableLogException {
        Path file = member.file();
        String zipName = zipName(member, name);
        BasicFileAttributes attrs;
        SharedZip.Use zip;
        try {
            attrs = Files.readAttributes(file, BasicFileAttributes.class);
            // the zip opened for the members before this one, while the read holds it (OpenZips)
            zip = member.contents().zip().use();
        } catch (NoSuchFileException e) {
            throw new UnusableLogException(LogTexts.text("unusable.missing", zipName));
        } catch (ZipException e) {
            // it was listed a moment ago: changed since
            LOG.log(System.Logger.Level.DEBUG, "damaged zip " + zipName, e);
            throw new UnusableLogException(LogTexts.text("unusable.badZip", zipName), e);
        } catch (IOException e) {
            throw new UnusableLogException(LogInput.unreadable(zipName, e), e);
        }
        List<FileProblem> warnings = new ArrayList<>();
        try {
            ZipEntry entry = zip.zip().getEntry(member.entry());
            if (entry == null) {
                throw new UnusableLogException(LogTexts.text("unusable.missing", name));
            }
            // the zip's own warnings, said once among its first member's but about the zip: named by the zip's name,
            // not the member's (which ReadSummary gives the member's own problems)
            List<FileProblem> zips = new ArrayList<>(2);
            if (member.index() == 0) {
                // the zip's name, as for a zip of one CSV: said once, with its first member. Its first bytes are a
                // zip's: a member is one of a file LogSource.of found to start as a zip
                ContainerNotes.noteNameNotContent(zipName, false, true, zips);
            }
            if (!member.contents().leftOutSaid()) {
                ZipLeftOut.memberLeftOut(member, zipName).ifPresent(zips::add);
            }
            zips.forEach(w -> warnings.add(w.inFile(zipName)));
            return openEntry(file, name, zipName, zip.zip(), zip, entry, limits, warnings, attrs,
                    Optional.of(member.contents()));
        } catch (UnusableLogException e) {
            zip.close();
            throw ContainerNotes.withNote(e, warnings);
        } catch (EOFException | ZipException e) {
            zip.close();
            LOG.log(System.Logger.Level.DEBUG, "reading " + name, e);
            throw new UnusableLogException(LogTexts.text("unusable.damagedCompressed", name), e);
        } catch (IOException e) {
            zip.close();
            throw new UnusableLogException(LogInput.unreadable(name, e), e);
        } catch (RuntimeException e) {
            zip.close();
            throw e;
        }
    }

    /** The zip's name in {@code name}, the name of its {@code member}; else the zip file's own. */
    private static String zipName(LogSource.ZipMember member, String name) {
        return LogSource.zipPart(name, member.entry()).orElseGet(() -> FileNames.nameOf(member.file()));
    }

    /**
     * A member of a zip of several CSVs, named {@code name}, was read ({@code refusal} empty) or refused: once one is
     * read, what of the zip was not read is said (its warnings carry it); when the zip's last CSV is refused and none
     * was read, its refusal says it, else no message would name the zip's other entries.
     */
    static Optional<UnusableLogException> memberDone(LogSource.ZipMember member, String name,
                                                     Optional<UnusableLogException> refusal) {
        ZipContents contents = member.contents();
        if (refusal.isEmpty()) {
            contents.sayLeftOut();
            return refusal;
        }
        UnusableLogException e = refusal.get();
        if (contents.leftOutSaid() || member.index() < contents.csvs().size() - 1) {
            return refusal;
        }
        Optional<LocalText> note = ZipLeftOut.memberLeftOut(member, zipName(member, name))
                .flatMap(FileProblem::messageText);
        if (note.isEmpty()) {
            return refusal;
        }
        contents.sayLeftOut();
        return Optional.of(ContainerNotes.withNote(e, note.get()));
    }

    /**
     * Opens {@code chosen} of {@code zip} (named {@code zipName}) as the log named {@code name}, guarded against
     * inflating beyond the limits; for a member of a zip of several CSVs ({@code contents}), the zip's members
     * together too. The input closes {@code zipDone} (the zip, or a member's use of the zip shared by its members),
     * and so does a refusal.
     */
    private static LogInput openEntry(Path file, String name, String zipName, ZipFile zip, Closeable zipDone,
                                      ZipEntry chosen, LogLimits limits, List<FileProblem> warnings,
                                      BasicFileAttributes attrs,
                                      Optional<ZipContents> contents) throws IOException, UnusableLogException {
        if (chosen.getName().contains("..") || chosen.getName().startsWith("/") || chosen.getName().contains("\\")) {
            warnings.add(new FileProblem(0, "", LogTexts.text("file.zipEntryPath", chosen.getName()), false));
        }
        InputStream entryStream = zip.getInputStream(chosen);
        ByteCounter inflatedCount = new ByteCounter(entryStream);
        long compressedSize = Math.max(1, chosen.getCompressedSize());
        long size = chosen.getSize();
        // The entry's compressed bytes read are estimated from the inflated share of the declared size.
        InputStream guarded = new InflationGuard(inflatedCount, limits, () -> size > 0
                ? Math.max(1, compressedSize * inflatedCount.count() / size) : compressedSize);
        Closeable resource = zipDone;
        if (contents.isPresent()) {
            // the members together, from where those before this one left off, against the zip's whole size: the
            // bytes they can all have been inflated from (entries sharing compressed bytes inflate them each time)
            ZipContents all = contents.get();
            long before = all.inflatedBefore();
            InflationGuard whole = new InflationGuard(guarded, limits, all::zipSize, before);
            guarded = whole;
            resource = () -> {
                all.addInflated(whole.inflated() - before);
                zipDone.close();
            };
        }
        try {
            return LogInput.openText(file, name, inflatedCount, guarded, size > 0 ? size : attrs.size(), limits,
                    warnings, attrs, resource, false);
        } catch (UnusableLogException e) {
            throw entryNotCsv(e, zipName, chosen.getName());
        }
    }

    /**
     * The key of the refusal of a zip that is a spreadsheet, by its entries: an Office Open XML workbook (the
     * {@code [Content_Types].xml} every Open Packaging Conventions package has, ECMA-376 Part 2, with the workbook part
     * where Excel and LibreOffice write it, {@code xl/workbook.xml}: the standard finds it by relationship, not by
     * name), or an OpenDocument spreadsheet (its {@code mimetype} entry, which names the package's media type);
     * empty for any other zip.
     */
    private static Optional<String> workbookKind(ZipFile zip, List<String> names) throws IOException {
        if (names.contains("[Content_Types].xml") && names.contains("xl/workbook.xml")) {
            return Optional.of("unusable.xlsx");
        }
        ZipEntry mimetype = zip.getEntry("mimetype");
        if (mimetype != null && mimetype.getSize() >= 0 && mimetype.getSize() < 100) {
            try (InputStream in = zip.getInputStream(mimetype)) {
                String type = new String(in.readNBytes(100), StandardCharsets.US_ASCII).strip();
                if (type.equals("application/vnd.oasis.opendocument.spreadsheet")) {
                    return Optional.of("unusable.ods");
                }
            }
        }
        return Optional.empty();
    }

    /**
     * {@code e}, where it refuses the zip's file as no CSV, said of that file: "nested.zip is not a CSV file" followed
     * by "it holds one file, inner.csv.gz, which was read as the Email Log" contradicted itself. A file that is
     * compressed again is one to unzip and open.
     */
    private static UnusableLogException entryNotCsv(UnusableLogException e, String zip, String entry) {
        Optional<LocalText> notCsv = e.messageText().filter(t -> t.key().equals("unusable.notCsv")
                && t.args().size() == 2);
        if (notCsv.isEmpty()) {
            return e;
        }
        Object kind = notCsv.get().args().get(1);
        boolean nested = kind instanceof LocalText k && k.key().equals("kind.nested");
        String lower = entry.toLowerCase(Locale.ROOT);
        if (nested && (lower.endsWith(".xlsx") || lower.endsWith(".xlsm") || lower.endsWith(".ods"))) {
            // a workbook is a zip: to be saved as CSV, not unzipped
            return new UnusableLogException(LogTexts.text("unusable.zipEntryWorkbook", zip, entry), e);
        }
        return new UnusableLogException(nested ? LogTexts.text("unusable.zipEntryCompressed", zip, entry)
                : LogTexts.text("unusable.zipEntryNotCsv", zip, entry, kind), e);
    }
}
