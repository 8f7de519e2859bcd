package org.mailpath.report.pdf;

/** A colour as PDF wants it (0–1 per channel), written as hex for readability. */
record Rgb(float r, float g, float b) {

    static Rgb hex(int rgb) {
        return new Rgb(((rgb >> 16) & 0xFF) / 255f, ((rgb >> 8) & 0xFF) / 255f, (rgb & 0xFF) / 255f);
    }

    /** The report's calm palette: one accent, greys, and severity colours used only for small marks. */
    static final Rgb TEXT = hex(0x1F2328);
    static final Rgb MUTED = hex(0x5B6573);
    static final Rgb ACCENT = hex(0x1F4E79);
    static final Rgb RULE = hex(0xD8DEE4);
    static final Rgb HEADER_BG = hex(0xEEF2F6);
    static final Rgb GROUP_BG = hex(0xF6F8FA);
    static final Rgb BOX_BG = hex(0xF3F6F9);
    static final Rgb ERROR = hex(0xB42318);
    static final Rgb WARNING = hex(0xB54708);
    static final Rgb INFO = hex(0x175CD3);
    static final Rgb OK = hex(0x067647);
    static final Rgb NEUTRAL = hex(0x98A2B3);
}
