package org.mailpath.engine.smtp;

/** Makes text from a server safe to show: control characters escaped, length capped. */
final class Printable {

    private Printable() {
    }

    static String escape(String text, int maxLength) {
        StringBuilder sb = new StringBuilder(Math.min(text.length(), maxLength) + 16);
        for (int i = 0; i < text.length(); i++) {
            if (sb.length() >= maxLength) {
                sb.append("… (").append(text.length() - i).append(" more characters)");
                break;
            }
            char c = text.charAt(i);
            if ((c < 0x20 && c != '\t') || (c >= 0x7f && c < 0xa0) || c == '\u2028' || c == '\u2029') {
                sb.append(String.format("\\x%02x", (int) c & 0xff));
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }
}
