package org.mailpath.ui.events;

import java.util.LinkedHashMap;
import java.util.Map;
import javafx.geometry.Bounds;
import javafx.scene.control.Label;
import javafx.scene.layout.Region;
import javafx.scene.text.Font;
import javafx.scene.text.Text;

/**
 * The detail's heading: the recipient's address and, beside it, the result's badge. Where the two do not fit on one
 * line the badge goes under the address, and an address wider than the line breaks after its "@": in a narrow pane
 * (a 1024 px window) the address wrapped mid-word beside the badge ("alice@contoso.exampl / e"), as a label breaks
 * only at spaces, which an address has none of. What is copied is the row's address, never this label's text.
 */
final class AddressHeading extends Region {

    /** Between the address and the badge beside it. */
    private static final double GAP = 10;
    /** Between the address and the badge under it. */
    private static final double UNDER = 4;
    /** Measurements kept: the address whole and broken, at the width now and the one before, and a spare. */
    private static final int MEASURED = 6;

    private final Label address;
    private final Label badge;
    private String whole = "";
    /** The last measurements, by what they depend on; the few a layout asks for (the eldest dropped past those). */
    private final Map<Key, Bounds> measured = new LinkedHashMap<>(8, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Key, Bounds> eldest) {
            return size() > MEASURED;
        }
    };
    private int measurements;

    AddressHeading(Label address, Label badge) {
        this.address = address;
        this.badge = badge;
        getChildren().addAll(address, badge);
    }

    /** Shows {@code text}; screen readers read it as written, whichever line it is broken into. */
    void setAddress(String text) {
        whole = text;
        address.setText(text);
        address.setAccessibleText(text.isEmpty() ? null : text);
        requestLayout();
    }

    /** The address's text as drawn in {@code width}: whole, or with a line break after its "@" when it is wider. */
    String shown(double width) {
        int at = whole.lastIndexOf('@');
        if (textWidth(whole) <= width || at <= 0 || at == whole.length() - 1) {
            return whole;
        }
        return whole.substring(0, at + 1) + "\n" + whole.substring(at + 1);
    }

    /**
     * Its own change (a new address, its labels' text, font or skin) measures again: a Text's bounds for the same
     * text, font and width came out a pixel lower before the font was first drawn than after, and kept from then, a
     * wrapped address was given a line too few and its last line cut ("department.…"). Its parent's passes, which ask
     * its sizes again and again with nothing changed, do not come through here.
     */
    @Override
    public void requestLayout() {
        if (measured != null) { // null while the Region's constructor asks
            measured.clear();
        }
        super.requestLayout();
    }

    /** Its height depends on its width (the badge under the address or beside it): the parent asks with the width. */
    @Override
    public javafx.geometry.Orientation getContentBias() {
        return javafx.geometry.Orientation.HORIZONTAL;
    }

    @Override
    protected double computePrefWidth(double height) {
        return snappedLeftInset() + textWidth(whole) + GAP + badge.prefWidth(-1) + snappedRightInset();
    }

    @Override
    protected double computeMinWidth(double height) {
        return snappedLeftInset() + badge.prefWidth(-1) + snappedRightInset();
    }

    @Override
    protected double computePrefHeight(double width) {
        double inner = width < 0 ? Double.MAX_VALUE : width - snappedLeftInset() - snappedRightInset();
        double h;
        if (fitsOnOneLine(inner)) {
            h = Math.max(textHeight(whole, -1), badge.prefHeight(-1));
        } else {
            h = textHeight(shown(inner), inner) + UNDER + badge.prefHeight(-1);
        }
        return snappedTopInset() + h + snappedBottomInset();
    }

    @Override
    protected double computeMinHeight(double width) {
        return computePrefHeight(width);
    }

    @Override
    protected void layoutChildren() {
        double x = snappedLeftInset();
        double y = snappedTopInset();
        double inner = getWidth() - x - snappedRightInset();
        double badgeW = badge.prefWidth(-1);
        double badgeH = badge.prefHeight(-1);
        if (fitsOnOneLine(inner)) {
            address.setText(whole);
            double w = textWidth(whole);
            double h = textHeight(whole, -1);
            double row = Math.max(h, badgeH);
            address.resizeRelocate(x, y + (row - h) / 2, w, h);
            badge.resizeRelocate(x + w + GAP, y + (row - badgeH) / 2, badgeW, badgeH);
        } else {
            String text = shown(inner);
            address.setText(text);
            double w = Math.min(inner, textWidth(text));
            double h = textHeight(text, w);
            address.resizeRelocate(x, y, w, h);
            badge.resizeRelocate(x, y + h + UNDER, badgeW, badgeH);
        }
    }

    private boolean fitsOnOneLine(double width) {
        return textWidth(whole) + GAP + badge.prefWidth(-1) <= width;
    }

    /** The label's width for {@code text} unwrapped (its widest line), its padding included. */
    private double textWidth(String text) {
        return Math.ceil(measure(text, 0).getWidth())
                + address.snappedLeftInset() + address.snappedRightInset() + 1;
    }

    /** The label's height for {@code text} wrapped in {@code width} ({@code -1}: unwrapped), its padding included. */
    private double textHeight(String text, double width) {
        double wrap = width < 0 ? 0 : Math.max(1, width - address.snappedLeftInset() - address.snappedRightInset());
        return Math.ceil(measure(text, wrap).getHeight())
                + address.snappedTopInset() + address.snappedBottomInset();
    }

    /**
     * The bounds of {@code text} in the label's font and line spacing, wrapped at {@code wrappingWidth} (0: not
     * wrapped). Kept for the last few texts and widths: every layout pass asks for the same few (the address whole,
     * and broken at the pane's width) from the parent's size and height queries and from the layout, and a pass of
     * its parent that changes no text, font or width measures nothing (its own changes start afresh: requestLayout).
     */
    private Bounds measure(String text, double wrappingWidth) {
        Key key = new Key(text.isEmpty() ? " " : text, address.getFont(), address.getLineSpacing(), wrappingWidth);
        Bounds b = measured.get(key);
        if (b == null) {
            measurements++;
            Text probe = new Text(key.text());
            probe.setFont(key.font());
            probe.setLineSpacing(key.lineSpacing());
            probe.setWrappingWidth(key.wrap());
            b = probe.getLayoutBounds();
            measured.put(key, b);
        }
        return b;
    }

    /** How many texts were measured so far: a layout pass that changes nothing adds none. */
    int measurements() {
        return measurements;
    }

    /** What a measurement depends on. */
    private record Key(String text, Font font, double lineSpacing, double wrap) {
    }
}
