package org.mailpath.engine.analysis;

import java.util.ArrayList;
import java.util.List;

/**
 * The {@link ChainTextCache} of each part of a file read in parts, kept from one file to the next of an analysis:
 * the files are read one after the other, and a file's parts are all read (their threads joined) before the next
 * file's start, so part {@code i} of a file may take on the cache of part {@code i} of the file before. Made anew
 * per file, a zip of 2,000 small CSVs allocated and cleared 2,000 caches of 16,384 slots each, most of the analysis'
 * time; kept, a value the files share is found in the cache in every file after the first. The caches hold ids of
 * the one {@link ChainTexts} of the analysis, so they are valid in every file of it. Not thread-safe: used by the
 * thread that reads the files.
 */
final class ChainTextCaches {

    private final ChainTexts texts;
    private final List<ChainTextCache> byPart = new ArrayList<>(2);

    ChainTextCaches(ChainTexts texts) {
        this.texts = texts;
    }

    /** The cache of part {@code part} of the file read now, made when first needed. */
    ChainTextCache forPart(int part) {
        while (byPart.size() <= part) {
            byPart.add(new ChainTextCache(texts));
        }
        return byPart.get(part);
    }

    ChainTexts texts() {
        return texts;
    }
}
