package org.mailpath.report.pdf;

import org.apache.pdfbox.pdmodel.font.PDFont;

/** Font, size and colour of a piece of text; {@code leading} is the distance between baselines. */
record TextStyle(PDFont font, float size, Rgb color) {

    float leading() {
        return size * 1.38f;
    }

    TextStyle color(Rgb c) {
        return new TextStyle(font, size, c);
    }

    TextStyle size(float s) {
        return new TextStyle(font, s, color);
    }
}
