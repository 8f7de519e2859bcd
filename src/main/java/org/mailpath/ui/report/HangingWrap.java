package org.mailpath.ui.report;

import java.util.ArrayList;
import java.util.List;

/**
 * The text report wrapped at a number of columns for a monospaced view, each continuation line indented as far as the
 * first line of its paragraph (a hanging indent). The preview's text area wraps a long line back to column 0, so a
 * message's explanation, a fix or a status line ran out of its block into the headings' column. A line breaks at
 * the last run of spaces that lets it fit (the run is replaced by the line break and the indent); a word longer than
 * a line is cut. Offsets in the wrapped text map back to the report's text, so a selection is copied as the report
 * says it, without the breaks.
 */
final class HangingWrap {

    /** A continuation line's indent is at most this share of the width, so a deep indent leaves room for words. */
    private static final int MAX_INDENT_SHARE = 2;

    private final String source;
    private final String shown;
    /** The breaks made, in order; shown and source offsets both increase along the list. */
    private final List<Break> breaks;

    /**
     * One break: {@code sourceLength} characters of the report (the run of spaces replaced, or none where a word is
     * cut) at {@code sourceAt} are shown as a line break and an indent, {@code shownLength} characters at {@code shownAt}.
     */
    private record Break(int shownAt, int shownLength, int sourceAt, int sourceLength) {
        int shownEnd() {
            return shownAt + shownLength;
        }

        int sourceEnd() {
            return sourceAt + sourceLength;
        }
    }

    private HangingWrap(String source, String shown, List<Break> breaks) {
        this.source = source;
        this.shown = shown;
        this.breaks = breaks;
    }

    /** {@code text} wrapped at {@code columns}; below one column (the width not yet known) it is left as it is. */
    static HangingWrap of(String text, int columns) {
        if (columns < 1) {
            return new HangingWrap(text, text, List.of());
        }
        StringBuilder shown = new StringBuilder(text.length() + text.length() / 16);
        List<Break> breaks = new ArrayList<>();
        int start = 0;
        while (start <= text.length()) {
            int end = text.indexOf('\n', start);
            int lineEnd = end < 0 ? text.length() : end;
            line(text, start, lineEnd, columns, shown, breaks);
            if (end < 0) {
                break;
            }
            shown.append('\n');
            start = end + 1;
        }
        return new HangingWrap(text, shown.toString(), List.copyOf(breaks));
    }

    /** Appends the line {@code text[start, end)} wrapped at {@code columns}. */
    private static void line(String text, int start, int end, int columns, StringBuilder shown, List<Break> breaks) {
        int indent = 0;
        while (start + indent < end && text.charAt(start + indent) == ' ') {
            indent++;
        }
        int hanging = Math.min(indent, columns / MAX_INDENT_SHARE);
        int contentStart = start + indent;
        int pos = start;
        int room = columns;
        while (end - pos > room) {
            int limit = pos + room; // [pos, limit) fits; limit < end, so text.charAt(limit) exists
            int cut = -1;
            // the last run of spaces that starts after some of the line's words and at or before the limit
            for (int b = limit; b > Math.max(contentStart, pos); b--) {
                if (text.charAt(b) == ' ' && text.charAt(b - 1) != ' ') {
                    cut = b;
                    break;
                }
            }
            if (cut < 0 && limit <= contentStart) {
                // the indent alone fills the line: its first word goes on it whole, not cut after one character
                int space = text.indexOf(' ', contentStart);
                cut = space >= 0 && space < end ? space : end;
            }
            int resume;
            if (cut >= end) {
                break;
            } else if (cut >= 0) {
                resume = cut;
                while (resume < end && text.charAt(resume) == ' ') {
                    resume++;
                }
                if (resume == end) {
                    break; // only spaces follow: they stay on this line
                }
            } else {
                // one word fills the line: cut it, never inside the indent nor between a surrogate pair
                cut = Math.max(limit, contentStart + 1);
                if (cut < end && Character.isLowSurrogate(text.charAt(cut)) && cut - 1 > contentStart) {
                    cut--;
                }
                if (cut >= end) {
                    break;
                }
                resume = cut;
            }
            shown.append(text, pos, cut);
            breaks.add(new Break(shown.length(), 1 + hanging, cut, resume - cut));
            shown.append('\n').repeat(' ', hanging);
            pos = resume;
            room = columns - hanging;
        }
        shown.append(text, pos, end);
    }

    /** The report's text, unwrapped. */
    String source() {
        return source;
    }

    /** The text as shown, wrapped with hanging indents. */
    String shown() {
        return shown;
    }

    /**
     * The report offset of an offset in the shown text. An offset inside a break's line break and indent maps to the
     * end of what it replaced, its start to its start: a selection of the indent alone copies the space it stands for.
     */
    int toSource(int shownOffset) {
        int i = lastBefore(shownOffset, true);
        if (i < 0) {
            return shownOffset;
        }
        Break b = breaks.get(i);
        return shownOffset >= b.shownEnd() ? b.sourceEnd() + shownOffset - b.shownEnd() : b.sourceEnd();
    }

    /** The shown offset of a report offset; inside a replaced run of spaces, the end of its break. */
    int toShown(int sourceOffset) {
        int i = lastBefore(sourceOffset, false);
        if (i < 0) {
            return sourceOffset;
        }
        Break b = breaks.get(i);
        return sourceOffset >= b.sourceEnd() ? b.shownEnd() + sourceOffset - b.sourceEnd() : b.shownEnd();
    }

    /** The report's text of the shown range {@code [shownStart, shownEnd)}. */
    String sourceText(int shownStart, int shownEnd) {
        return source.substring(toSource(shownStart), toSource(shownEnd));
    }

    /** The index of the last break starting before {@code offset} (shown or source offsets), or -1. */
    private int lastBefore(int offset, boolean shownOffsets) {
        int low = 0;
        int high = breaks.size() - 1;
        int found = -1;
        while (low <= high) {
            int mid = (low + high) >>> 1;
            Break b = breaks.get(mid);
            if ((shownOffsets ? b.shownAt() : b.sourceAt()) < offset) {
                found = mid;
                low = mid + 1;
            } else {
                high = mid - 1;
            }
        }
        return found;
    }
}
