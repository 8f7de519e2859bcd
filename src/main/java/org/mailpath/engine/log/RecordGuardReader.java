package org.mailpath.engine.log;

import java.io.FilterReader;
import java.io.IOException;
import java.io.Reader;
import java.nio.CharBuffer;
import java.util.ArrayDeque;
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
 *
 * <p>A quote left open (a stray quote, or a closing one lost) would make the parser, rightly by RFC 4180, read the
 * lines after it into that field, up to the end of the file if no later quote closes it. So the text after a line
 * break inside a quoted field is held back until the record ends: a record with as many fields as the last
 * one-line record is a field that really spans lines and is handed over as it is; one with another count, one whose
 * quote is closed by a quote with text right after it (in a quoted log, the quote that opens a field of a later
 * line), or whose field runs on past {@link #MAX_FIELD_LINES} lines or {@link #MAX_HELD_CHARS} characters, or to the
 * end of the text, is taken to be a quote left open. The parser then gets that record closed at the end of its line
 * (a closing quote put before the line break) and the held lines after it as records of their own, so that reading
 * goes on at the next line; {@link #quoteLeftOpen} tells which record that was. Commons CSV still reads every field.
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

    /**
     * Line breaks a quoted field may span before it is taken to be a quote left open: a log's field realistically
     * spans a few lines at most (an SMTP reply of several lines), never thousands.
     */
    static final int MAX_FIELD_LINES = 50;
    /** Characters held back after a line break inside a quoted field before it is taken to be a quote left open. */
    static final int MAX_HELD_CHARS = 1 << 18;

    /** Separators outside quotes in the record being read, and in the record that ended last. */
    private int delimiters;
    private int lastDelimiters;
    /** Fields of the last record that ended on the line it began on (0 until one with more than one field). */
    private int width;
    /** Whether the record being read holds a line break inside a quoted field (it does not set {@link #width}). */
    private boolean recordHeld;
    /** Whether the record being read was handed over as it is after it was held: it is not held again. */
    private boolean releasedRecord;
    private boolean holding;
    /** Whether the character at the stop of the text handed over is a byte order mark to leave out. */
    private boolean dropBom;
    /** Whether a held record was judged without a {@link #width}, or at the end of the text (a part's end). */
    private boolean judgedOnLittle;
    private final StringBuilder held = new StringBuilder();
    private int heldBreaks;
    /** The state when holding began (at the line break), restored before the held text is read again. */
    private long heldRecordChars;
    private long heldLine;
    private long heldRecordStartLine;
    private int heldDelimiters;
    private long heldRecordsEnded;
    /**
     * Text to read before what comes from below, first segment first: the held text after a decision about it, and
     * what followed it in the read it was decided in.
     */
    private final ArrayDeque<CharBuffer> replay = new ArrayDeque<>();
    /** Whether the text being guarded came from {@link #replay}'s first segment (else from below). */
    private boolean replaying;
    /** Where the records closed at their line's end (a quote left open) start, in the text handed over. */
    private final List<Long> openQuotes = new ArrayList<>();
    /** The lines those records start on (counted in this text, line feeds only). */
    private final List<Long> openQuoteLines = new ArrayList<>();
    private int openQuotesPassed;

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
            int n;
            while (!replay.isEmpty() && !replay.peekFirst().hasRemaining()) {
                replay.pollFirst();
            }
            replaying = !replay.isEmpty();
            if (replaying) {
                n = Math.min(len, replay.peekFirst().remaining());
                replay.peekFirst().get(buf, off, n);
            } else {
                n = super.read(buf, off, len);
            }
            if (n < 0 && holding) {
                // the text ended while a field spanning lines was held: a record ended there unless a quote is open
                judgedOnLittle = true;
                decideHeld(state != QUOTED, delimiters + 1, buf, 0, 0);
                continue;
            }
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
            if (holding) {
                while (i < end && holding) {
                    char c = buf[i++];
                    held.append(c);
                    if (c == '\n') {
                        heldBreaks++;
                    }
                    long records = recordsEnded;
                    int before = state;
                    step(c);
                    if (recordsEnded != records) {
                        decideHeld(true, lastDelimiters + 1, buf, i, end);
                        i = end;
                    } else if ((before == QUOTE_IN_QUOTED && state == UNQUOTED) || heldBreaks > MAX_FIELD_LINES
                            || held.length() > MAX_HELD_CHARS) {
                        // text right after a closing quote: that quote opened the next field of a line below
                        decideHeld(false, 0, buf, i, end);
                        i = end;
                    }
                }
            } else if (skipping) {
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
                    char c = buf[i];
                    if (c == '\uFEFF' && recordChars == 0 && state == FIELD_START) {
                        // a byte order mark at a line's start (two exports joined with cat): not part of the row
                        stop = i;
                        dropBom = true;
                        break;
                    }
                    if (state == QUOTED && (c == '\n' || c == '\r') && !releasedRecord) {
                        // a line break inside a quoted field: held back until the record shows what it is
                        beginHold();
                        stop = i;
                        break;
                    }
                    long records = recordsEnded;
                    step(c);
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
                if (dropBom) {
                    dropBom = false;
                    i++;
                }
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
            // stops at a line break (LF, or the CR of CR LF, where holding begins) and the few controls below CR
            while (i < limit && buf[i] != '"' && buf[i] > '\r') {
                i++;
            }
            recordChars += i - start;
            if (i + 2 < limit && buf[i] == '"' && buf[i + 1] == delimiter && buf[i + 2] == '"') {
                delimiters++;
                recordChars += 3;
                i += 3;
            } else {
                return i;
            }
        }
    }

    private void beginHold() {
        holding = true;
        heldRecordChars = recordChars;
        heldLine = line;
        heldRecordStartLine = recordStartLine;
        heldDelimiters = delimiters;
        heldRecordsEnded = recordsEnded;
        recordHeld = true;
    }

    /**
     * Decides on the held text, which ends a record ({@code ended}, with {@code fields}) or not (a limit was passed,
     * or the text ended inside the quote): a record of as many fields as the last one-line record is handed over as
     * it is; any other is closed at the end of its first line and the held lines after it are read as new records.
     * The state goes back to where holding began, and the held text, then {@code buf[from, end)}, is read again.
     */
    private void decideHeld(boolean ended, int fields, char[] buf, int from, int end) {
        holding = false;
        judgedOnLittle |= width == 0;
        state = QUOTED;
        recordChars = heldRecordChars;
        line = heldLine;
        recordStartLine = heldRecordStartLine;
        delimiters = heldDelimiters;
        recordsEnded = heldRecordsEnded;
        recordHeld = true;
        boolean spansLines = ended && (width == 0 || fields == width);
        releasedRecord = spansLines;
        StringBuilder again = new StringBuilder(held.length() + 1);
        if (!spansLines) {
            openQuotes.add(recordStart);
            openQuoteLines.add(recordStartLine);
            again.append('"');
            // the closing quote put in is not the record's text: it does not count towards its length
            recordChars--;
        }
        again.append(held);
        if (replaying) {
            // the rest of this read is still in the segment it came from: read it again from there
            CharBuffer first = replay.peekFirst();
            first.position(first.position() - (end - from));
        } else if (end > from) {
            again.append(buf, from, end - from);
        }
        replay.addFirst(CharBuffer.wrap(again.toString()));
        held.setLength(0);
        heldBreaks = 0;
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
                    delimiters++;
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
                    delimiters++;
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
        if (!recordHeld && delimiters > 0) {
            width = delimiters + 1;
        }
        lastDelimiters = delimiters;
        delimiters = 0;
        recordHeld = false;
        releasedRecord = false;
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

    /**
     * Whether a field spanning lines was judged on less than one pass over the whole text would have had: before any
     * one-line record gave the count of fields, or at the end of the text (of a part of a file, the cut).
     */
    boolean judgedOnLittle() {
        return judgedOnLittle;
    }

    /**
     * Whether the record starting at {@code position} was closed at the end of its line, its quote left open; positions
     * must be asked in increasing order (the parser's order).
     */
    boolean quoteLeftOpen(long position) {
        while (openQuotesPassed < openQuotes.size() && openQuotes.get(openQuotesPassed) < position) {
            openQuotesPassed++;
        }
        return openQuotesPassed < openQuotes.size() && openQuotes.get(openQuotesPassed) == position;
    }

    /**
     * The lines of the records closed at their line's end so far, those cut too (which the parser gets as cut): for
     * tests, which close them in the text they compare with.
     */
    List<Long> openQuoteLines() {
        return List.copyOf(openQuoteLines);
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
