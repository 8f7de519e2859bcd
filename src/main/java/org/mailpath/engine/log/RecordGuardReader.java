package org.mailpath.engine.log;

import java.io.FilterReader;
import java.io.IOException;
import java.io.Reader;

/**
 * Follows the CSV quoting state the way Commons CSV does, to bound the length of one record (a 50 MB field or an
 * unclosed quote would otherwise pull the rest of the file into one string) and to tell, at the end, whether a
 * quoted field was left open and on which physical line it started.
 */
final class RecordGuardReader extends FilterReader {

    private static final int FIELD_START = 0;
    private static final int UNQUOTED = 1;
    private static final int QUOTED = 2;
    private static final int QUOTE_IN_QUOTED = 3;

    private final char delimiter;
    private final int maxRecordChars;
    private int state = FIELD_START;
    private long line = 1;
    private long recordStartLine = 1;
    private long recordChars;
    private long recordsEnded;
    private LogLimitException overLimit;

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
        if (overLimit != null) {
            throw overLimit;
        }
        int n = super.read(buf, off, len);
        int end = off + n;
        int i = off;
        int afterLastRecord = off;
        while (i < end) {
            if (state == QUOTED) {
                // Fast path (most characters of an Email Log are inside quotes): only '"' and a line end matter, and
                // a closing quote, delimiter and opening quote (",") lead back into the same state.
                while (true) {
                    int start = i;
                    while (i < end && buf[i] != '"' && buf[i] != '\n') {
                        i++;
                    }
                    recordChars += i - start;
                    if (i + 2 < end && buf[i] == '"' && buf[i + 1] == delimiter && buf[i + 2] == '"') {
                        recordChars += 3;
                        i += 3;
                    } else {
                        break;
                    }
                }
                if (recordChars > maxRecordChars) {
                    return stopAt(afterLastRecord - off);
                }
                if (i == end) {
                    break;
                }
            }
            long records = recordsEnded;
            step(buf[i]);
            i++;
            if (recordChars > maxRecordChars) {
                return stopAt(afterLastRecord - off);
            }
            if (recordsEnded != records) {
                afterLastRecord = i;
            }
        }
        return n;
    }

    /**
     * The record being read is too long. The records that ended earlier in this read are passed on first (the parser
     * is behind the guard, and with a limit below one read's size they would be lost); the next read fails.
     */
    private int stopAt(int completeChars) throws LogLimitException {
        overLimit = new LogLimitException("the record starting on line " + recordStartLine + " is longer than "
                + maxRecordChars + " characters (an unclosed quote or not an Email Log); reading stopped there",
                recordStartLine);
        if (completeChars > 0) {
            return completeChars;
        }
        throw overLimit;
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
}
