package org.mailpath.report;

import java.util.Locale;

/**
 * The one rule, for every report format, of which characters from logs and DNS are shown as {@code [U+XXXX]}
 * instead of being obeyed: controls (NUL, ESC, CR…), format characters (bidi overrides and isolates such as U+202E,
 * zero-width spaces, the BOM), line and paragraph separators (U+2028, U+2029) and lone surrogates. Such characters
 * are invisible or reorder what the reader sees ({@code ‮gnp.exe} reads as {@code exe.png}), so a reader must see
 * that they are there. U+200D (zero-width joiner) stays: emoji and several scripts need it, and it moves nothing.
 */
public final class VisibleText {

    private VisibleText() {
    }

    /** True when {@code codePoint} is shown as its escape rather than drawn or obeyed. */
    public static boolean hidden(int codePoint) {
        int type = Character.getType(codePoint);
        return type == Character.CONTROL || type == Character.SURROGATE || type == Character.LINE_SEPARATOR
                || type == Character.PARAGRAPH_SEPARATOR || type == Character.FORMAT && codePoint != 0x200D;
    }

    /** {@code [U+202E]}. */
    public static String escape(int codePoint) {
        return String.format(Locale.ROOT, "[U+%04X]", codePoint);
    }

    /** {@code text} with every {@linkplain #hidden hidden} character replaced by its escape. */
    public static String of(String text) {
        StringBuilder sb = null;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            int next = i + Character.charCount(cp);
            if (hidden(cp)) {
                if (sb == null) {
                    sb = new StringBuilder(text.length() + 16).append(text, 0, i);
                }
                sb.append(escape(cp));
            } else if (sb != null) {
                sb.append(text, i, next);
            }
            i = next;
        }
        return sb == null ? text : sb.toString();
    }
}
