package org.mailpath.engine.log;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.mailpath.engine.analysis.UnusableLogException;
import org.mailpath.engine.finding.LocalText;

/** The notes on what was read instead of what a file's name or its zip promised (a ".gz" that is no gzip, …). */
final class ContainerNotes {

    /** The keys of the warnings that say what was read instead of what the name promised. */
    private static final Set<String> CONTAINER_NOTES = Set.of("file.notGzip", "file.notZip", "file.zipNamedGz",
            "file.gzipNamedZip", "file.zipEntryRead");
    /** The refusals of a zip's one file that name it ({@link ZipEntryOpener#entryNotCsv}): they need no note. */
    private static final Set<String> ENTRY_NAMED = Set.of("unusable.zipEntryNotCsv", "unusable.zipEntryCompressed",
            "unusable.zipEntryWorkbook");

    private ContainerNotes() {
    }

    /**
     * Notes a file whose name promises a compressed file its first bytes are not (a ".gz" that is no gzip, a ".zip"
     * that is no zip), saying what it was read as, since the bytes decide that ({@link LogInput#open}): the other
     * kind of compressed file, or plain text. A reason it cannot be read would otherwise puzzle.
     */
    static void noteNameNotContent(String name, byte[] magic, List<FileProblem> warnings) {
        noteNameNotContent(name, FileKindSniff.startsWith(magic, 0x1F, 0x8B),
                FileKindSniff.startsWith(magic, 0x50, 0x4B), warnings);
    }

    /**
     * {@link #noteNameNotContent(String, byte[], List)} of a file whose first bytes are known: a {@code gzip}'s, a
     * {@code zip}'s, or neither.
     */
    static void noteNameNotContent(String name, boolean gzip, boolean zip, List<FileProblem> warnings) {
        String lower = name.toLowerCase(Locale.ROOT);
        String key = null;
        if (lower.endsWith(".gz") && !gzip) {
            key = zip ? "file.zipNamedGz" : "file.notGzip";
        } else if (lower.endsWith(".zip") && !zip) {
            key = gzip ? "file.gzipNamedZip" : "file.notZip";
        }
        if (key != null) {
            warnings.add(new FileProblem(0, "", LogTexts.text(key, name), false));
        }
    }

    /**
     * {@code e} with the note of {@code warnings} on what was read instead of what the file's name or zip promised
     * ({@link #noteNameNotContent}, a zip's one file that is no .csv), where there is one: "its only line is neither a
     * header nor a data row" says more once the reader knows it read a readme.txt.
     */
    static UnusableLogException withNote(UnusableLogException e, List<FileProblem> warnings) {
        Optional<LocalText> note = warnings.stream().flatMap(w -> w.messageText().stream())
                .filter(t -> CONTAINER_NOTES.contains(t.key())).findFirst();
        // a refusal that names the zip's file already says what was found in it
        if (note.isEmpty() || e.messageText().filter(t -> ENTRY_NAMED.contains(t.key())).isPresent()) {
            return e;
        }
        return withNote(e, note.get());
    }

    /** {@code e}'s refusal with {@code note} after it. */
    static UnusableLogException withNote(UnusableLogException e, LocalText note) {
        Object reason = e.messageText().<Object>map(t -> t).orElseGet(e::getMessage);
        return new UnusableLogException(LogTexts.text("unusable.withContainerNote", reason, note), e);
    }
}
