package org.mailpath.engine.log;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.mailpath.engine.finding.LocalText;

/** Why java.util.zip refuses a sound zip: an entry encrypted, or compressed by a method it cannot inflate. */
final class UnreadableZipEntry {

    private UnreadableZipEntry() {
    }

    /**
     * Why a zip java.util.zip refuses is sound after all: one of its entries is encrypted or compressed with a method
     * other than Stored (0) and Deflate (8) ({@link ZipDirectory}). The entry said is the one that would be read, when
     * it is one of them, else the first of them; a zip of that one entry is said as before, as a whole ("is an
     * encrypted zip file"). Without a central directory to read (a cut zip), the first entry's local header
     * ({@link ZipDirectory#firstLocal}) tells. Empty when no entry is either:
     * then the zip is damaged.
     */
    static Optional<LocalText> refusal(Path file, String name) throws IOException {
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
}
