package org.mailpath.engine.log;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mailpath.engine.log.LogFixtures.zip;

import java.io.ByteArrayOutputStream;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mailpath.engine.analysis.EmailLogAnalyzer;
import org.mailpath.engine.analysis.UnusableLogException;
import org.mailpath.engine.common.Cancellation;
import org.mailpath.engine.common.ProgressListener;
import org.mailpath.engine.status.StatusKnowledgeBase;

/**
 * Files MailPath refuses, said for what they are: a sound zip it cannot read is not "damaged", a zip's refused file is
 * not "read as the Email Log", and a file that cannot be read says why in words, not with its path again.
 */
class LogInputRefusalsTest {

    private static final String LOG = LogFixtures.lines(LogFixtures.HEADER,
            LogFixtures.row("3/06/2026 13:37", "R", "admin@acme.example", "m1", "", ""));

    @TempDir
    Path dir;

    private String refusal(Path file) {
        UnusableLogException e = assertThrows(UnusableLogException.class,
                () -> LogInput.open(file, LogLimits.DEFAULT).close());
        assertEquals(1, e.getMessage().lines().count(), e.getMessage());
        return e.getMessage();
    }

    private String swedish(Path file) {
        UnusableLogException e = assertThrows(UnusableLogException.class,
                () -> LogInput.open(file, LogLimits.DEFAULT).close());
        return e.messageText().orElseThrow().in(Locale.forLanguageTag("sv"));
    }

    /**
     * {@code zip}, of one entry, with that entry's general purpose flag ORed with {@code flag} and, unless negative, its
     * compression method set to {@code method}, as {@link LogFixtures#patchedEntry} patches it (the name is its local header's,
     * at offset 30, its length at 26).
     */
    private static byte[] patched(byte[] zip, int flag, int method) {
        int nameLength = (zip[26] & 0xFF) | (zip[27] & 0xFF) << 8;
        return LogFixtures.patchedEntry(zip, new String(zip, 30, nameLength, StandardCharsets.UTF_8), flag, method);
    }

    @Test
    void anEncryptedZipIsSaidToBeEncryptedNotDamaged() throws IOException {
        Path f = LogFixtures.write(dir, "enc.zip", patched(zip("log.csv", LOG.getBytes()), 1, -1));
        assertEquals("enc.zip is an encrypted (password-protected) zip file, which MailPath cannot open: unzip it"
                + " with its password first and open the Email Log itself.", refusal(f));
        assertTrue(swedish(f).startsWith("enc.zip är en krypterad (lösenordsskyddad) zip-fil"), swedish(f));
        // WinZip's AES marks the method 99 as well
        Path aes = LogFixtures.write(dir, "aes.zip", patched(zip("log.csv", LOG.getBytes()), 1, 99));
        assertTrue(refusal(aes).startsWith("aes.zip is an encrypted (password-protected) zip file"), refusal(aes));
    }

    @Test
    void aZipOfAnotherMethodNamesTheMethodAndTheWayOut() throws IOException {
        Path bz = LogFixtures.write(dir, "bz.zip", patched(zip("log.csv", LOG.getBytes()), 0, 12));
        assertEquals("bz.zip is a zip file compressed with bzip2, a method MailPath cannot read: unzip it first and"
                + " open the Email Log itself, or zip it again with the usual Deflate method.", refusal(bz));
        Path lzma = LogFixtures.write(dir, "lz.zip", patched(zip("log.csv", LOG.getBytes()), 0, 14));
        assertTrue(refusal(lzma).startsWith("lz.zip is a zip file compressed with LZMA, a method"), refusal(lzma));
        Path odd = LogFixtures.write(dir, "odd.zip", patched(zip("log.csv", LOG.getBytes()), 0, 77));
        assertTrue(refusal(odd).contains("(method 77)"), refusal(odd));
        assertTrue(swedish(bz).contains("komprimerad med bzip2"), swedish(bz));
    }

    /** A zip of {@code entries}, each a name (a folder when it ends in '/') and, for a file, {@code LOG}. */
    private static byte[] zipOf(String... entries) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(out)) {
            for (String e : entries) {
                z.putNextEntry(new ZipEntry(e));
                if (!e.endsWith("/")) {
                    z.write(LOG.getBytes());
                }
                z.closeEntry();
            }
        }
        return out.toByteArray();
    }

    @Test
    void anEncryptedOrOtherMethodEntryAfterTheFirstIsNamedNotSaidDamaged() throws IOException {
        // java.util.zip refuses the whole zip for any one such entry: the first entry's header alone said "damaged"
        Path enc = LogFixtures.write(dir, "enc2.zip", LogFixtures.patchedEntry(zipOf("readme.txt", "log.csv"), "log.csv", 1, -1));
        assertEquals("enc2.zip contains log.csv, which is encrypted (password-protected), and MailPath cannot open a"
                + " zip file with an encrypted file in it: unzip it first (with its password) and open the Email Log"
                + " itself.", refusal(enc));
        assertTrue(swedish(enc).startsWith("enc2.zip innehåller log.csv, som är krypterad (lösenordsskyddad)"),
                swedish(enc));
        // the CSV is sound, another file is not: that file is named, and the CSV is not blamed
        Path bz = LogFixtures.write(dir, "bz2.zip", LogFixtures.patchedEntry(zipOf("log.csv", "notes.txt"), "notes.txt", 0, 12));
        assertEquals("bz2.zip contains notes.txt, compressed with bzip2, a method MailPath cannot read, and MailPath"
                + " cannot open a zip file with such a file in it: unzip it first and open the Email Log itself, or"
                + " zip the Email Log again with the usual Deflate method.", refusal(bz));
        Path lz = LogFixtures.write(dir, "lz2.zip", LogFixtures.patchedEntry(zipOf("a/", "a/x.txt", "log.csv"), "a/x.txt", 0, 14));
        assertTrue(refusal(lz).startsWith("lz2.zip contains a/x.txt, compressed with LZMA"), refusal(lz));
        // of several, the CSV the user wants is the one said
        Path both = LogFixtures.write(dir, "both.zip", LogFixtures.patchedEntry(LogFixtures.patchedEntry(zipOf("notes.txt", "log.csv"),
                "notes.txt", 0, 12), "log.csv", 1, -1));
        assertTrue(refusal(both).startsWith("both.zip contains log.csv, which is encrypted"), refusal(both));
        Path odd = LogFixtures.write(dir, "odd2.zip", LogFixtures.patchedEntry(zipOf("log.csv", "b.bin"), "b.bin", 0, 77));
        assertTrue(refusal(odd).contains("b.bin, compressed with a method MailPath cannot read (method 77)"),
                refusal(odd));
    }

    /** The warnings of opening {@code file}, in English. */
    private static List<String> warnings(Path file) throws Exception {
        try (LogInput in = LogInput.open(file, LogLimits.DEFAULT)) {
            return in.warnings().stream().map(FileProblem::message).toList();
        }
    }

    @Test
    void whatAZipHoldsBesidesTheCsvReadIsNamed() throws Exception {
        // the CSV's own folder leaves nothing unread: nothing to say
        assertEquals(List.of(), warnings(LogFixtures.write(dir, "folder.zip", zipOf("logs/",
                "logs/EmailLog.csv"))));
        assertEquals(List.of("readme.zip: only EmailLog.csv was read as the Email Log; one other entry was"
                + " left out: README.txt."), warnings(LogFixtures.write(dir, "readme.zip", zipOf("EmailLog.csv",
                "README.txt"))));
        // a Mac's copies and an empty folder were left out without a word
        assertEquals(List.of("mac.zip: only EmailLog.csv was read as the Email Log; 3 other entries were"
                + " left out: __MACOSX/._EmailLog.csv, .DS_Store, empty/."), warnings(LogFixtures.write(dir, "mac.zip",
                zipOf("EmailLog.csv", "__MACOSX/", "__MACOSX/._EmailLog.csv", ".DS_Store", "empty/"))));
        Path mac = LogFixtures.write(dir, "mac-sv.zip", zipOf("EmailLog.csv", ".DS_Store"));
        try (LogInput in = LogInput.open(mac, LogLimits.DEFAULT)) {
            assertEquals("mac-sv.zip: bara EmailLog.csv lästes som e-postloggen; en annan post utelämnades:"
                    + " .DS_Store.", in.warnings().getFirst().message(Locale.forLanguageTag("sv")));
        }
        // several CSVs: none is chosen, and each is named
        assertEquals("two.zip contains 2 files (a.csv, b.csv); MailPath reads a zip with exactly one CSV in it: unzip"
                + " it and open the Email Log itself.", refusal(LogFixtures.write(dir, "two.zip", zipOf("a.csv",
                "b.csv"))));
    }

    /**
     * A named pipe given as the log is refused as no regular file, as a device is, without being opened: opening a
     * FIFO waits for a writer, and {@link LogSource#of} looked for a zip's signature in it first, so the analysis (and
     * the app's import, which takes the same way) hung without a word. The time limit only ends the test that hangs.
     */
    @Test
    void aNamedPipeIsRefusedWithoutWaitingForAWriter() throws Exception {
        Path fifo = dir.resolve("pipe.csv");
        Assumptions.assumeTrue(mkfifo(fifo), "no mkfifo here");
        String said = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
            assertEquals(List.of(new LogSource.WholeFile(fifo)), LogSource.of(fifo));
            return refusal(fifo);
        });
        assertEquals("pipe.csv is not a regular file.", said);
    }

    /** Whether a FIFO could be made at {@code path} with the system's mkfifo. */
    private static boolean mkfifo(Path path) throws InterruptedException {
        try {
            Process p = new ProcessBuilder("mkfifo", path.toString()).redirectErrorStream(true).start();
            p.getInputStream().transferTo(java.io.OutputStream.nullOutputStream());
            return p.waitFor() == 0 && Files.exists(path) && !Files.isRegularFile(path);
        } catch (IOException e) {
            return false;
        }
    }

    @Test
    void aDamagedZipIsStillDamaged() throws IOException {
        byte[] z = zip("log.csv", LOG.getBytes());
        Path cut = LogFixtures.write(dir, "cut.zip", Arrays.copyOf(z, z.length - 10));
        assertTrue(refusal(cut).startsWith("cut.zip looks like a zip file but is damaged"), refusal(cut));
        // the review: Java's own words ("zip END header not found") came after it, in Swedish too, and no way out
        assertEquals("cut.zip looks like a zip file but is damaged (cut short while it was downloaded or copied,"
                + " perhaps), so MailPath cannot read it. Download the zip file again, or export the log again from"
                + " Salesforce.", refusal(cut));
        assertEquals("cut.zip ser ut som en zip-fil men är skadad (kanske avhuggen när den laddades ner eller"
                + " kopierades), så MailPath kan inte läsa den. Ladda ner zip-filen igen, eller exportera loggen igen"
                + " från Salesforce.", swedish(cut));
    }

    @Test
    void aCompressedFileInsideAZipIsNotSaidToBeReadAsTheLog() throws IOException {
        ByteArrayOutputStream gz = new ByteArrayOutputStream();
        try (GZIPOutputStream g = new GZIPOutputStream(gz)) {
            g.write(LOG.getBytes());
        }
        Path f = LogFixtures.write(dir, "nested.zip", zip("inner.csv.gz", gz.toByteArray()));
        assertEquals("nested.zip contains inner.csv.gz, which is compressed itself: unzip nested.zip and open"
                + " inner.csv.gz.", refusal(f));
        Path png = LogFixtures.write(dir, "image.zip", zip("chart.png",
                new byte[] {(byte) 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0}));
        assertEquals("image.zip contains chart.png, which is not a CSV file (it is a PNG image).", refusal(png));
        assertEquals("nested.zip innehåller inner.csv.gz, som själv är komprimerad: packa upp nested.zip och öppna"
                + " inner.csv.gz.", swedish(f));
    }

    @Test
    void aTooLongNameSaysTheReasonInTheUsersLanguageWithoutThePathAgain() {
        Path f = dir.resolve("X".repeat(300) + ".csv");
        String name = f.getFileName().toString();
        assertEquals(name + " cannot be read: the file name or path is too long.", refusal(f));
        assertEquals(name + " kan inte läsas: filnamnet eller sökvägen är för lång.", swedish(f));
    }

    @Test
    void aLoopOfSymbolicLinksSaysSoInSwedishToo() throws IOException {
        // the JDK gives ELOOP as a FileSystemException whose reason is the C library's English "Too many levels of
        // symbolic links" (and more)
        Path a = dir.resolve("a.csv");
        Files.createSymbolicLink(a, dir.resolve("b.csv"));
        Files.createSymbolicLink(dir.resolve("b.csv"), a);
        assertEquals("a.csv cannot be read: its path runs in a loop of symbolic links.", refusal(a));
        assertEquals("a.csv kan inte läsas: dess sökväg går i en slinga av symboliska länkar.", swedish(a));
    }

    /** {@link LogInput#unreadable} of {@code e} in Swedish. */
    private static String swedishReason(IOException e) {
        return LogInput.unreadable("a.csv", e).in(Locale.forLanguageTag("sv"));
    }

    @Test
    void theCommonFileSystemReasonsAreTranslatedAndOthersKept() {
        assertEquals("a.csv kan inte läsas: behörighet saknas.",
                swedishReason(new AccessDeniedException("/x/a.csv")));
        assertEquals("a.csv kan inte läsas: filen, eller en mapp i dess sökväg, finns inte (längre).",
                swedishReason(new NoSuchFileException("/x/a.csv")));
        assertEquals("a.csv kan inte läsas: en mapp i dess sökväg är en fil.",
                swedishReason(new NotDirectoryException("/x")));
        assertEquals("a.csv kan inte läsas: disken är full.",
                swedishReason(new FileSystemException("/x/a.csv", null, "No space left on device")));
        assertEquals("a.csv kan inte läsas: filsystemet är skrivskyddat.",
                swedishReason(new FileSystemException("/x/a.csv", null, "Read-only file system")));
        assertEquals("a.csv kan inte läsas: disken eller nätverksenheten rapporterade ett in-/utmatningsfel.",
                swedishReason(new IOException("Input/output error")));
        // java.io puts the reason in brackets after the path; Windows words its own
        assertEquals("a.csv kan inte läsas: det är en mapp.",
                swedishReason(new FileNotFoundException("/x/a.csv (Is a directory)")));
        assertEquals("a.csv kan inte läsas: ett annat program använder filen.",
                swedishReason(new FileSystemException("C:\\x\\a.csv", null, "The process cannot"
                        + " access the file because it is being used by another process.")));
        // the last resort: the system's own words, without a final full stop; none when it gave only the path
        assertEquals("a.csv kan inte läsas: Protocol driver not attached.",
                swedishReason(new FileSystemException("/x/a.csv", null, "Protocol driver not attached.")));
        assertEquals("a.csv kan inte läsas (systemet angav ingen orsak).",
                swedishReason(new FileSystemException("/x/a.csv", null, "/x/a.csv")));
        assertEquals("a.csv cannot be read: the disk is full.", LogInput.unreadable("a.csv",
                new FileSystemException("/x/a.csv", null, "Disk quota exceeded")).toString());
    }

    @Test
    void aFileInAFolderThatCannotBeEnteredIsPermissionDenied() throws IOException {
        Path folder = Files.createDirectory(dir.resolve("np"));
        Path f = LogFixtures.write(folder, "nul.csv", LOG);
        Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("---------"));
        try {
            Assumptions.assumeFalse(Files.isReadable(f), "running as root: root enters any folder, so this case"
                    + " cannot happen here (it runs for normal users)");
            assertEquals("nul.csv cannot be read: permission denied.", refusal(f));
        } finally {
            Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwx------"));
        }
    }

    /**
     * The two cases above, whoever runs the tests: root reads any file whatever its permissions, so there they are
     * skipped, and the message was never tested where CI runs. Here the file system refuses as it refuses a user
     * (AccessDeniedException where the file is opened, or where a locked folder is entered: {@link DeniedFiles}).
     */
    @Test
    void permissionDeniedIsSaidInOneLineNamingTheFileWhoeverRunsTheTests() throws Exception {
        Path file = LogFixtures.write(dir, "nul.csv", LOG);
        Path folder = Files.createDirectory(dir.resolve("np"));
        Path inFolder = LogFixtures.write(folder, "nul.csv", LOG);
        for (Path denied : List.of(DeniedFiles.locked(file), DeniedFiles.view(inFolder, folder))) {
            assertEquals("nul.csv cannot be read: permission denied.", refusal(denied));
            assertEquals("nul.csv kan inte läsas: behörighet saknas.", swedish(denied));
            // as the app and the command line read it: the message alone, no exception's name or stack
            UnusableLogException e = assertThrows(UnusableLogException.class, () -> new EmailLogAnalyzer(
                    StatusKnowledgeBase.standard(), LogLimits.DEFAULT).analyze(denied, ProgressListener.NONE,
                    Cancellation.none()));
            assertEquals("nul.csv cannot be read: permission denied.", e.getMessage());
        }
        // the real files are readable: only the view refuses
        assertEquals(LOG, Files.readString(file));
    }
}
