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
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;
import org.mailpath.engine.common.FileNames;
import org.mailpath.engine.finding.LocalText;
import org.mailpath.engine.analysis.UnusableLogException;

/**
 * Opens an Email Log for reading: plain, gzip or zip (one file inside, or one of its CSVs: {@link LogSource}; a zip's
 * by {@link ZipEntryOpener}), detects the character set (BOM, UTF-16, UTF-8, else Windows-1252: {@link CharsetSniff})
 * and the delimiter ({@code ,}, {@code ;} or tab: {@link DelimiterSniff}), and refuses what is not a text file
 * ({@link FileKindSniff}). Detection looks at the first {@value #SAMPLE} bytes only, so it costs nothing on big files.
 * Read-only: the file is never written to.
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
            case LogSource.ZipMember member -> ZipEntryOpener.openMember(member, name, limits);
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
                return ZipEntryOpener.openZip(file, name, limits, warnings, attrs);
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

    /**
     * Opens the text of {@code content} (of {@code totalBytes}, 0 when unknown) as the log named {@code name}: its
     * sample tells its character set and separator, or refuses it; closing it closes {@code resource}, and so does a
     * refusal. {@code plain}: whether the bytes are the file's own.
     */
    static LogInput openText(Path file, String name, ByteCounter progressBytes, InputStream content,
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
