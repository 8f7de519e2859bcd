package org.mailpath.engine.log;

import java.io.FilterReader;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/**
 * Follows the CSV quoting state the way Commons CSV does, to bound the length of one record and to tell, at the end,
 * whether a quoted field was left open and on which physical line it started.
 *
 * <p>A record that grows beyond the limit (a 50 MB field, or an unclosed quote that would pull the rest of the file
 * into one string) is cut: the parser gets the text it already has, then only what ends the record (a closing quote
 * if it is inside one, and the line feed), so the rows after it are read as usual. The parser then counts fewer line
 * breaks than the file has; {@link #droppedLinesBefore} gives the difference, and {@link #wasCut} tells which record
 * was cut, both by the character position where a record starts in the text handed over (as Commons CSV counts it).
 */
final class RecordGuardReader extends FilterReader {

    private static final int FIELD_START = 0;
    private static final int UNQUOTED = 1;
    private static final int QUOTED = 2;
    private static final int QUOTE_IN_QUOTED = 3;

    /** A cut record: where it starts and ends in the text handed over, and the line breaks dropped up to its end. */
    private record Cut(long start, long end, long droppedLinesUpToEnd) {
    }

    private final char delimiter;
    private final int maxRecordChars;
    private int state = FIELD_START;
    private long line = 1;
    private long recordStartLine = 1;
    private long recordChars;
    private long recordsEnded;

    /** Characters handed to the parser so far, and where the record being read starts among them. */
    private long handedOver;
    private long recordStart;
    /** The last character read from below, for telling a CR LF pair from two line breaks. */
    private char previous;

    private boolean skipping;
    private boolean closingQuotePending;
    private char lastHandedBeforeEnd;
    private long skippedBreaks;
    private long droppedLines;
    private final List<Cut> cuts = new ArrayList<>();
    private int cutsPassed;

    RecordGuardReader(Reader in, char delimiter, int maxRecordChars) {
        super(in);
        this.delimiter = delimiter;
        this.maxRecordChars = maxRecordChars;
    }

    @Override
    public int read() throws IOException {
        char[] one = new char[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0];
    }

    @Override
    public int read(char[] buf, int off, int len) throws IOException {
        while (true) {
            int n = super.read(buf, off, len);
            if (n < 0 && skipping) {
                // the cut record runs to the end of the text: the parser ends it there
                cuts.add(new Cut(recordStart, Long.MAX_VALUE, droppedLines + skippedBreaks));
                skipping = false;
            }
            if (n <= 0) {
                return n;
            }
            int out = guard(buf, off, off + n) - off;
            handedOver += out;
            if (out > 0) {
                return out;
            }
            // all of it was the text of a cut record: read on, since a read may not return nothing
        }
    }

    /**
     * Follows {@code buf[from, end)} and drops the text of a cut record from it, moving what follows down.
     * Returns the end of what is handed over.
     */
    private int guard(char[] buf, int from, int end) {
        int i = from;
        int w = from;
        while (i < end) {
            if (skipping) {
                while (i < end && skipping) {
                    char c = buf[i++];
                    if (c == '\r' || (c == '\n' && previous != '\r')) {
                        skippedBreaks++;
                    }
                    previous = c;
                    long records = recordsEnded;
                    step(c);
                    // The closing quote takes the place of the first dropped character: inside a quoted field that
                    // is never the line feed ending the record, so each character dropped frees at most one slot.
                    if (closingQuotePending) {
                        buf[w++] = '"';
                        closingQuotePending = false;
                        lastHandedBeforeEnd = '"';
                    }
                    if (recordsEnded != records) {
                        buf[w++] = '\n';
                        endCut(handedOver + (w - from));
                    }
                }
            } else {
                int start = i;
                int afterLastRecord = -1;
                int stop = end;
                while (i < end) {
                    if (state == QUOTED) {
                        i = skipQuoted(buf, i, end);
                        if (recordChars > maxRecordChars) {
                            stop = i;
                            break;
                        }
                        if (i == end) {
                            break;
                        }
                    }
                    long records = recordsEnded;
                    step(buf[i]);
                    i++;
                    if (recordsEnded != records) {
                        afterLastRecord = i;
                    }
                    if (recordChars > maxRecordChars) {
                        stop = i;
                        break;
                    }
                }
                if (afterLastRecord >= 0) {
                    recordStart = handedOver + (w + afterLastRecord - start - from);
                }
                if (stop > start) {
                    previous = buf[stop - 1];
                    if (w != start) {
                        System.arraycopy(buf, start, buf, w, stop - start);
                    }
                    w += stop - start;
                }
                i = stop;
                if (recordChars > maxRecordChars) {
                    beginCut();
                }
            }
        }
        return w;
    }

    /**
     * Fast path inside quotes (most characters of an Email Log are): only '"' and a line end matter, and a closing
     * quote, delimiter and opening quote ({@code ","}) lead back into the same state. Stops at the limit, so that a
     * record is cut at the same character however the text arrives. Returns where it stopped.
     */
    private int skipQuoted(char[] buf, int i, int end) {
        int limit = (int) Math.min(end, i + (maxRecordChars + 1L - recordChars));
        while (true) {
            int start = i;
            while (i < limit && buf[i] != '"' && buf[i] != '\n') {
                i++;
            }
            recordChars += i - start;
            if (i + 2 < limit && buf[i] == '"' && buf[i + 1] == delimiter && buf[i + 2] == '"') {
                recordChars += 3;
                i += 3;
            } else {
                return i;
            }
        }
    }

    private void beginCut() {
        skipping = true;
        skippedBreaks = 0;
        closingQuotePending = state == QUOTED;
        lastHandedBeforeEnd = previous;
    }

    /** The cut record ended; {@code end} is where the record after it starts in the text handed over. */
    private void endCut(long end) {
        // the line feed handed over in place of the record's own line end counts as one break, unless it follows a CR
        droppedLines += skippedBreaks - (lastHandedBeforeEnd == '\r' ? 0 : 1);
        cuts.add(new Cut(recordStart, end, droppedLines));
        recordStart = end;
        skipping = false;
    }

    private void step(char c) {
        if (c == '\n') {
            line++;
        }
        switch (state) {
            case QUOTED -> {
                if (c == '"') {
                    state = QUOTE_IN_QUOTED;
                }
            }
            case QUOTE_IN_QUOTED -> {
                if (c == '"') {
                    state = QUOTED;
                } else if (c == delimiter) {
                    state = FIELD_START;
                } else if (c == '\n') {
                    endRecord();
                    return;
                } else if (c != '\r') {
                    state = UNQUOTED;
                }
            }
            default -> {
                if (c == '\n') {
                    endRecord();
                    return;
                }
                if (c == delimiter) {
                    state = FIELD_START;
                } else if (c == '"' && state == FIELD_START) {
                    state = QUOTED;
                } else if (c != '\r') {
                    state = UNQUOTED;
                }
            }
        }
        recordChars++;
    }

    private void endRecord() {
        recordsEnded++;
        state = FIELD_START;
        recordChars = 0;
        recordStartLine = line;
    }

    /** Whether the text read so far, which ends with a line break, ends outside a quoted field (a record's end). */
    boolean atRecordStart() {
        return state == FIELD_START;
    }

    /** After the end of input: the line where a still-open quoted field began, or 0 if none is open. */
    long unclosedQuoteLine() {
        return state == QUOTED ? recordStartLine : 0;
    }

    /** Whether any record was cut (its text beyond the limit dropped). */
    boolean cutAny() {
        return !cuts.isEmpty() || skipping;
    }

    /**
     * Line breaks of the file not handed to the parser before the record starting at {@code position}; positions
     * must be asked in increasing order (the parser's order).
     */
    long droppedLinesBefore(long position) {
        while (cutsPassed < cuts.size() && cuts.get(cutsPassed).end() <= position) {
            cutsPassed++;
        }
        return cutsPassed == 0 ? 0 : cuts.get(cutsPassed - 1).droppedLinesUpToEnd();
    }

    /** Whether the record starting at {@code position} was cut; ask after {@link #droppedLinesBefore} for it. */
    boolean wasCut(long position) {
        return cutsPassed < cuts.size() && cuts.get(cutsPassed).start() == position;
    }
}
