package org.mailpath.engine.log;

import java.io.BufferedInputStream;
import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import org.mailpath.engine.common.FileNames;
import org.mailpath.engine.finding.LocalText;
import org.mailpath.engine.analysis.UnusableLogException;

/**
 * Opens an Email Log for reading: plain, gzip or zip (one file inside, or one of its CSVs: {@link LogSource}), detects the character set (BOM, UTF-16,
 * UTF-8, else Windows-1252) and the delimiter ({@code ,}, {@code ;} or tab), and refuses what is not a text file.
 * Detection looks at the first {@value #SAMPLE} bytes only, so it costs nothing on big files. Read-only: the file
 * is never written to.
 */
public final class LogInput implements Closeable {

    private static final System.Logger LOG = System.getLogger(LogInput.class.getName());

    static final int SAMPLE = 64 * 1024;

    private final Path file;
    private final Closeable resource;
    private final ByteCounter fileBytes;
    private final long totalBytes;
    private final Charset charset;
    private final char delimiter;
    private final RecordGuardReader reader;
    private final List<FileProblem> warnings;
    private final long sizeBefore;
    private final FileTime modifiedBefore;
    /** Whether the bytes are the file's own (not inflated from gzip or zip). */
    private final boolean plain;
    /** Where in the file the text decoded starts: after a byte order mark, or at a range's start. */
    private final long textStart;
    /** Decides the encoding after an all-ASCII sample; empty when the sample decided it. */
    private final Optional<LateEncodingStream> lateEncoding;
    /** The decoder of a UTF-8 text, which reads the few bytes that are not UTF-8 as Windows-1252; else empty. */
    private final Optional<Utf8WithStrayBytes> utf8;

    private LogInput(Path file, Closeable resource, ByteCounter fileBytes, long totalBytes, Charset charset,
                     char delimiter, RecordGuardReader reader, List<FileProblem> warnings, BasicFileAttributes attrs,
                     boolean plain, long textStart, Optional<LateEncodingStream> lateEncoding,
                     Optional<Utf8WithStrayBytes> utf8) {
        this.file = file;
        this.resource = resource;
        this.fileBytes = fileBytes;
        this.totalBytes = totalBytes;
        this.charset = charset;
        this.delimiter = delimiter;
        this.reader = reader;
        this.warnings = List.copyOf(warnings);
        this.sizeBefore = attrs.size();
        this.modifiedBefore = attrs.lastModifiedTime();
        this.plain = plain;
        this.textStart = textStart;
        this.lateEncoding = lateEncoding;
        this.utf8 = utf8;
    }

    /** Opens {@code file}; an unreadable or non-text file is an {@link UnusableLogException} naming it. */
    public static LogInput open(Path file, LogLimits limits) throws UnusableLogException {
        return open(file, FileNames.nameOf(file), limits);
    }

    /**
     * Opens {@code source}, named {@code name} in messages ({@link LogSource#labelIn}): a whole file as
     * {@link #open(Path, String, LogLimits)} does, a zip's member as that zip's one CSV would be.
     */
    public static LogInput open(LogSource source, String name, LogLimits limits) throws UnusableLogException {
        return switch (source) {
            case LogSource.WholeFile whole -> open(whole.file(), name, limits);
            case LogSource.ZipMember member -> openMember(member, name, limits);
        };
    }

    /**
     * Opens {@code file}, named {@code name} in messages (among several files of the same name, a label that tells
     * them apart: {@link FileNames#labelsOf}).
     */
    public static LogInput open(Path file, String name, LogLimits limits) throws UnusableLogException {
        if (file.toString().isBlank()) {
            // Path.of("") is the working folder: "is a folder" would puzzle whoever passed an empty argument
            throw new UnusableLogException(LogTexts.text("unusable.noFileName"));
        }
        BasicFileAttributes attrs;
        try {
            attrs = Files.readAttributes(file, BasicFileAttributes.class);
        } catch (NoSuchFileException e) {
            throw new UnusableLogException(LogTexts.text("unusable.missing", name));
        } catch (IOException e) {
            throw new UnusableLogException(unreadable(name, e), e);
        }
        if (attrs.isDirectory()) {
            throw new UnusableLogException(LogTexts.text("unusable.folder", name));
        }
        if (!attrs.isRegularFile()) {
            throw new UnusableLogException(LogTexts.text("unusable.notRegularFile", name));
        }
        if (attrs.size() == 0) {
            throw new UnusableLogException(LogTexts.text("unusable.empty", name));
        }
        List<FileProblem> warnings = new ArrayList<>();
        try {
            byte[] magic = FileKindSniff.readMagic(file);
            ContainerNotes.noteNameNotContent(name, magic, warnings);
            if (FileKindSniff.startsWith(magic, 0x50, 0x4B, 0x05, 0x06)) {
                throw new UnusableLogException(LogTexts.text("unusable.emptyZip", name));
            }
            if (FileKindSniff.startsWith(magic, 0x50, 0x4B, 0x03, 0x04)) {
                return openZip(file, name, limits, warnings, attrs);
            }
            InputStream raw = Files.newInputStream(file);
            ByteCounter counting = new ByteCounter(raw);
            InputStream content = counting;
            if (FileKindSniff.startsWith(magic, 0x1F, 0x8B)) {
                try {
                    content = new InflationGuard(new GZIPInputStream(counting, 65536), limits, counting::count);
                } catch (IOException e) {
                    counting.close();
                    // Java's words ("Unexpected end of ZLIB input stream", or none) tell a mail admin nothing
                    LOG.log(System.Logger.Level.DEBUG, "gzip header of " + name, e);
                    throw new UnusableLogException(LogTexts.text("unusable.damagedCompressed", name));
                }
            }
            return openText(file, name, counting, content, attrs.size(), limits, warnings, attrs, counting,
                    content == counting);
        } catch (UnusableLogException e) {
            throw ContainerNotes.withNote(e, warnings);
        } catch (EOFException | ZipException e) {
            // compressed data cut off or damaged before a single byte came out of it (only gzip and zip throw these)
            LOG.log(System.Logger.Level.DEBUG, "reading " + name, e);
            throw new UnusableLogException(LogTexts.text("unusable.damagedCompressed", name), e);
        } catch (IOException e) {
            throw new UnusableLogException(unreadable(name, e), e);
        }
    }

    /**
     * Why {@code name} cannot be read, in words of the user's language where the reason is a common one
     * ({@link FileErrorReason}). A folder on the way the user may not enter is an {@link AccessDeniedException} too.
     */
    static LocalText unreadable(String name, IOException e) {
        return FileErrorReason.of(e).map(reason -> LogTexts.text("unusable.unreadable", name, reason.arg()))
                .orElseGet(() -> LogTexts.text("unusable.unreadableNoReason", name));
    }

    private static LogInput openZip(Path file, String name, LogLimits limits, List<FileProblem> warnings,
                                    BasicFileAttributes attrs) throws IOException, UnusableLogException {
        ZipFile zip;
        try {
            zip = new ZipFile(file.toFile());
        } catch (ZipException e) {
            // java.util.zip refuses encrypted entries and methods other than Stored and Deflate as "invalid CEN
            // header": such a zip is sound, and its central directory (ZipDirectory) names the entry, or for a cut
            // zip without one, the first entry's local header tells what it is
            Optional<LocalText> refusal = unreadableEntry(file, name);
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
    private static LogInput openMember(LogSource.ZipMember member, String name, LogLimits limits)
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
            throw new UnusableLogException(unreadable(zipName, e), e);
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
            throw new UnusableLogException(unreadable(name, e), e);
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
        Object reason = e.messageText().<Object>map(t -> t).orElseGet(e::getMessage);
        return Optional.of(new UnusableLogException(LogTexts.text("unusable.withContainerNote", reason, note.get()),
                e));
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
            return openText(file, name, inflatedCount, guarded, size > 0 ? size : attrs.size(), limits, warnings,
                    attrs, resource, false);
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

    /**
     * Why a zip java.util.zip refuses is sound after all: one of its entries is encrypted or compressed with a method
     * other than Stored (0) and Deflate (8) ({@link ZipDirectory}). The entry said is the one that would be read, when
     * it is one of them, else the first of them; a zip of that one entry is said as before, as a whole ("is an
     * encrypted zip file"). Without a central directory to read (a cut zip), the first entry's local header
     * ({@link ZipDirectory#firstLocal}) tells. Empty when no entry is either:
     * then the zip is damaged.
     */
    private static Optional<LocalText> unreadableEntry(Path file, String name) throws IOException {
        Optional<List<ZipDirectory.Entry>> listing = ZipDirectory.read(file);
        if (listing.isEmpty()) {
            return ZipDirectory.firstLocal(file).filter(e -> !e.readable()).map(e -> refusal(name, e, false));
        }
        List<ZipDirectory.Entry> entries = listing.get();
        List<ZipDirectory.Entry> unreadable = entries.stream().filter(e -> !e.readable()).toList();
        if (unreadable.isEmpty()) {
            return Optional.empty();
        }
        List<ZipDirectory.Entry> csvs = unreadable.stream().filter(e -> LogSource.isCsv(e.name())).toList();
        ZipDirectory.Entry said = csvs.isEmpty() ? unreadable.getFirst() : csvs.getFirst();
        return Optional.of(refusal(name, said, entries.size() > 1));
    }

    /** The refusal of zip {@code name} for {@code entry}, named when the zip holds more than it. */
    private static LocalText refusal(String name, ZipDirectory.Entry entry, boolean named) {
        if (entry.encrypted()) {
            return named ? LogTexts.text("unusable.zipEntryEncrypted", name, entry.name())
                    : LogTexts.text("unusable.zipEncrypted", name);
        }
        String known = switch (entry.method()) {
            case 9 -> "Deflate64";
            case 12 -> "bzip2";
            case 14 -> "LZMA";
            case 93 -> "Zstandard";
            case 95 -> "XZ";
            case 98 -> "PPMd";
            default -> "";
        };
        if (named) {
            return known.isEmpty() ? LogTexts.text("unusable.zipEntryMethodNumber", name, entry.name(), entry.method())
                    : LogTexts.text("unusable.zipEntryMethod", name, entry.name(), known);
        }
        return known.isEmpty() ? LogTexts.text("unusable.zipMethodNumber", name, entry.method())
                : LogTexts.text("unusable.zipMethod", name, known);
    }

    private static LogInput openText(Path file, String name, ByteCounter progressBytes, InputStream content,
                                     long totalBytes, LogLimits limits, List<FileProblem> warnings,
                                     BasicFileAttributes attrs, Closeable resource, boolean plain)
            throws IOException, UnusableLogException {
        // sized for the text expected, up to the sample: the mark grows it to the sample when there is more. A zip of
        // 20,000 two-row CSVs allocated 2.6 GB in buffers and samples of 64 KB each
        BufferedInputStream in = new BufferedInputStream(content, expectedSize(totalBytes));
        try {
            in.mark(SAMPLE);
            byte[] sample = readSample(in, expectedSize(totalBytes));
            in.reset();
            if (sample.length == 0) {
                throw new UnusableLogException(LogTexts.text("unusable.noData", name));
            }
            Charset charset = CharsetSniff.of(name, sample, warnings);
            int bom = CharsetSniff.bomLength(sample);
            if (bom > 0) {
                in.skipNBytes(bom);
            }
            String text = new String(sample, bom, sample.length - bom, charset);
            Optional<String> binary = FileKindSniff.binaryKind(sample, charset)
                    .or(() -> FileKindSniff.structuredTextKind(text));
            if (binary.isPresent()) {
                throw new UnusableLogException(LogTexts.text("unusable.notCsv", name,
                        LogTexts.text("kind." + binary.get())));
            }
            char delimiter = DelimiterSniff.of(text);
            if (delimiter != ',') {
                warnings.add(new FileProblem(0, "", LogTexts.text("file.delimiter",
                        delimiter == '\t' ? LogTexts.text("phrase.tab") : String.valueOf(delimiter)), false));
            }
            // a sample of plain ASCII reads the same in UTF-8 and Windows-1252: the first other byte decides
            Optional<LateEncodingStream> late = charset == StandardCharsets.UTF_8 && bom == 0
                    && sample.length == SAMPLE && LateEncodingStream.firstHighByte(sample, 0, sample.length) < 0
                    ? Optional.of(new LateEncodingStream(in)) : Optional.empty();
            Optional<Utf8WithStrayBytes> stray = utf8Decoder(charset);
            RecordGuardReader guard = guardedText(late.isPresent() ? late.get() : in, charset, stray, delimiter,
                    limits);
            return new LogInput(file, () -> {
                try (resource) {
                    in.close();
                }
            }, progressBytes, totalBytes, charset, delimiter, guard, warnings, attrs, plain, bom, late, stray);
        } catch (IOException | UnusableLogException | RuntimeException e) {
            try (resource) {
                in.close();
            }
            throw e;
        }
    }

    /**
     * Up to {@value #SAMPLE} bytes from the start of {@code in}. Compressed data cut off inside them gives the bytes
     * before the cut: reading then stops at the same place, after the rows before it, with a clear message. Read a
     * little at a time, since a read that fails half-way hands over none of its bytes.
     */
    private static byte[] readSample(InputStream in, int expected) throws IOException {
        byte[] buf = new byte[expected];
        int n = 0;
        try {
            int r;
            while (n < SAMPLE) {
                if (n == buf.length) {
                    buf = Arrays.copyOf(buf, Math.min(SAMPLE, buf.length * 2));
                }
                if ((r = in.read(buf, n, Math.min(1024, buf.length - n))) < 0) {
                    break;
                }
                n += r;
            }
        } catch (EOFException | ZipException cutOff) {
            if (n == 0) {
                throw cutOff;
            }
        }
        return Arrays.copyOf(buf, n);
    }

    /**
     * The bytes to make room for at first when reading a text of {@code totalBytes} (0: unknown): one more, to see its
     * end, and at most the {@link #SAMPLE}; at least a few KB (a declared size may be wrong, buffers then grow).
     */
    private static int expectedSize(long totalBytes) {
        return (int) Math.clamp(totalBytes + 1, 8 * 1024, SAMPLE);
    }

    /**
     * Whether the file can be read in byte ranges in parallel: plain UTF-8 (no compression, no other encoding to
     * guess) with ',' between fields and nothing to warn about.
     */
    boolean splittable() {
        return plain && charset == StandardCharsets.UTF_8 && delimiter == ',' && warnings.isEmpty();
    }

    /**
     * Bytes {@code from} to {@code to} of this (plain UTF-8) file as an input of their own, with this input's
     * delimiter and limits; a range starting at 0 skips the byte order mark.
     */
    LogInput range(long from, long to, LogLimits limits) throws IOException {
        long start = from == 0 ? textStart : from;
        ByteCounter counting = new ByteCounter(new FileRangeStream(file, start, to));
        InputStream bytes = new BufferedInputStream(counting, SAMPLE);
        Optional<LateEncodingStream> late = lateEncoding.map(_ -> new LateEncodingStream(bytes));
        Optional<Utf8WithStrayBytes> stray = utf8Decoder(charset);
        RecordGuardReader guard = guardedText(late.isPresent() ? late.get() : bytes, charset, stray, delimiter,
                limits);
        BasicFileAttributes attrs = Files.readAttributes(file, BasicFileAttributes.class);
        return new LogInput(file, guard, counting, to - from, charset, delimiter, guard, List.of(), attrs, true,
                start, late, stray);
    }

    /** The text of {@code in}, bad bytes replaced (never a failure half-way), with its records' length bounded. */
    private static RecordGuardReader guardedText(InputStream in, Charset charset,
                                                 Optional<Utf8WithStrayBytes> utf8, char delimiter,
                                                 LogLimits limits) {
        CharsetDecoder decoder = utf8.<CharsetDecoder>map(d -> d).orElseGet(charset::newDecoder)
                .onMalformedInput(CodingErrorAction.REPLACE).onUnmappableCharacter(CodingErrorAction.REPLACE);
        return new RecordGuardReader(new InputStreamReader(in, decoder), delimiter, limits.maxRecordChars());
    }

    /** For UTF-8 text, the decoder that reads its stray bytes as Windows-1252 ({@link Utf8WithStrayBytes}). */
    private static Optional<Utf8WithStrayBytes> utf8Decoder(Charset charset) {
        return charset == StandardCharsets.UTF_8 ? Optional.of(new Utf8WithStrayBytes()) : Optional.empty();
    }

    public Path file() {
        return file;
    }

    public Reader reader() {
        return reader;
    }

    /** The reader's record guard, for the line breaks it dropped with a cut record and which record that was. */
    RecordGuardReader guard() {
        return reader;
    }

    public char delimiter() {
        return delimiter;
    }

    /** The encoding the text was read in (Windows-1252 once it turned out so after an all-ASCII start). */
    public Charset charset() {
        return lateWindows1252From().isPresent() ? CharsetSniff.WINDOWS_1252 : charset;
    }

    /** The byte offset from which text read so far turned out to be Windows-1252, after an all-ASCII sample. */
    OptionalLong lateWindows1252From() {
        return lateEncoding.map(LateEncodingStream::windows1252From).orElse(OptionalLong.empty());
    }

    /**
     * The warning to give once the text was read, if it turned out to be Windows-1252 after an all-ASCII start;
     * {@code name}: the file's name in messages.
     */
    Optional<FileProblem> lateEncodingWarning(String name) {
        return lateWindows1252From().stream().mapToObj(at -> new FileProblem(0, "",
                LogTexts.text("file.notUtf8Later", name, at), false)).findFirst();
    }

    /**
     * The warning to give once the text was read, if some of its bytes were not UTF-8 in a UTF-8 text and were read
     * as Windows-1252 ({@link Utf8WithStrayBytes}): how many, on how many lines, and which ({@link StrayByteLines});
     * {@code name}: the file's name.
     */
    Optional<FileProblem> strayBytesWarning(String name) {
        return strayBytes().map(s -> s.warning(name));
    }

    /**
     * The bytes that were not UTF-8 in a UTF-8 text, and the lines holding them: numbered in a plain file (from the
     * line of the first, counted again only then), not in a compressed one, whose lines cannot be counted again
     * cheaply (its warning gives the first byte's offset instead).
     */
    Optional<StrayByteLines> strayBytes() {
        if (!hasStrayBytes()) {
            return Optional.empty();
        }
        Utf8WithStrayBytes decoder = utf8.get();
        long at = textStart + decoder.firstStray();
        OptionalLong line = plain ? lineAt(file, at) : OptionalLong.empty();
        List<Long> lines = line.isEmpty() ? List.of()
                : Arrays.stream(decoder.linesAfterFirst()).map(l -> line.getAsLong() + l).boxed().toList();
        return Optional.of(new StrayByteLines(decoder.strayBytes(), decoder.strayLines(), at, lines));
    }

    /** The physical line (1-based; CR, LF and CR LF each end one) holding byte {@code offset} of {@code file}. */
    private static OptionalLong lineAt(Path file, long offset) {
        try {
            OptionalLong breaks = LogSplit.lineBreaksBefore(file, offset);
            return breaks.isPresent() ? OptionalLong.of(breaks.getAsLong() + 1) : OptionalLong.empty();
        } catch (IOException e) {
            LOG.log(System.Logger.Level.DEBUG, "counting the lines of " + file, e);
            return OptionalLong.empty();
        }
    }

    /** Whether some bytes of a UTF-8 text were read as Windows-1252 ({@link #strayBytesWarning}). */
    boolean hasStrayBytes() {
        return utf8.isPresent() && utf8.get().strayBytes() > 0;
    }

    /** Whether the text's encoding is decided at its first byte outside ASCII, after an all-ASCII sample. */
    boolean decidesEncodingLate() {
        return lateEncoding.isPresent();
    }

    /** Warnings found while opening (encoding, delimiter, zip contents). */
    public List<FileProblem> warnings() {
        return warnings;
    }

    /** Bytes of input consumed so far (of the file, or of the zip entry) — for progress. */
    public long bytesRead() {
        return fileBytes.count();
    }

    public long totalBytes() {
        return totalBytes;
    }

    long unclosedQuoteLine() {
        return reader.unclosedQuoteLine();
    }

    /** Whether the text read so far ended outside a quoted field, at the start of a record. */
    boolean atRecordStart() {
        return reader.atRecordStart();
    }

    /** Whether the file's size or modification time differs from when it was opened. */
    public boolean changedSinceOpened() {
        try {
            BasicFileAttributes now = Files.readAttributes(file, BasicFileAttributes.class);
            return now.size() != sizeBefore || !now.lastModifiedTime().equals(modifiedBefore);
        } catch (IOException e) {
            return true;
        }
    }

    @Override
    public void close() throws IOException {
        resource.close();
    }
}
