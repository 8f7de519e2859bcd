package org.mailpath.engine.log;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Locale;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mailpath.engine.analysis.UnusableLogException;

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

    private static byte[] zip(String entry, byte[] content) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(out)) {
            z.putNextEntry(new ZipEntry(entry));
            z.write(content);
            z.closeEntry();
        }
        return out.toByteArray();
    }

    /**
     * {@code zip} with its entry's general purpose flag ORed with {@code flag} and, unless negative, its compression
     * method set to {@code method}, in the local header (offset 0) and the central directory's header, as a zip tool
     * that encrypts or uses another method writes them.
     */
    private static byte[] patched(byte[] zip, int flag, int method) {
        byte[] b = zip.clone();
        int central = -1;
        for (int i = b.length - 46; i > 0; i--) {
            if (b[i] == 0x50 && b[i + 1] == 0x4B && b[i + 2] == 1 && b[i + 3] == 2) {
                central = i;
                break;
            }
        }
        assertTrue(central > 0);
        for (int[] at : new int[][] {{6, 8}, {central + 8, central + 10}}) {
            b[at[0]] |= (byte) flag;
            if (method >= 0) {
                b[at[1]] = (byte) method;
                b[at[1] + 1] = (byte) (method >> 8);
            }
        }
        return b;
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

    @Test
    void aDamagedZipIsStillDamaged() throws IOException {
        byte[] z = zip("log.csv", LOG.getBytes());
        Path cut = LogFixtures.write(dir, "cut.zip", java.util.Arrays.copyOf(z, z.length - 10));
        assertTrue(refusal(cut).startsWith("cut.zip looks like a zip file but is damaged"), refusal(cut));
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
    void aTooLongNameSaysTheSystemsReasonWithoutThePathAgain() {
        Path f = dir.resolve("X".repeat(300) + ".csv");
        String name = f.getFileName().toString();
        assertEquals(name + " cannot be read: File name too long.", refusal(f));
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
}
