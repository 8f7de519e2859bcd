package org.mailpath.ui.report;

import javafx.animation.PauseTransition;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.scene.control.IndexRange;
import javafx.scene.control.TextArea;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.text.Text;
import javafx.util.Duration;

/**
 * The report preview: read-only, monospaced, and wrapped here ({@link HangingWrap}) at as many columns as its width
 * holds, so that an indented paragraph keeps its indent on every line; a text area's own wrapping starts each
 * continuation line at column 0. The width is the one the text area's skin wraps its text at; it is followed as the
 * window changes, once the width has settled: a drag of the window's edge changes it on every pulse, and each new
 * wrap replaces the whole text, laid out anew, on top of the text area's own layout at the new width (with the
 * preview of a 10,000-message report a step that wrapped again cost half as much again). Meanwhile the last wrap
 * stays, the text area's own wrapping keeping its lines in view.
 * Copy (the keys and the context menu) gives the report's own text, without the breaks made here.
 * <p>
 * The text area still wraps as well: a character wider than the font's digits (a wide CJK one, a font that falls back
 * to proportional) is wrapped by it rather than cut off behind a sideways scroll bar.
 */
final class ReportPreviewArea extends TextArea {

    private static final String DIGITS = "0".repeat(100);
    /** How long the width must stay as it is before the report is wrapped at it again. */
    private static final Duration SETTLE = Duration.millis(150);

    private final StringProperty report = new SimpleStringProperty(this, "report", "");
    private HangingWrap wrapped = HangingWrap.of("", 0);
    /** The columns the text is wrapped at; 0 before the first layout. */
    private int columns;
    /** The text node the skin lays the text out in, found at the first layout; its wrapping width is followed. */
    private Text textNode;
    /** The width of one column in the current font, measured once per font (0 before the first measure). */
    private double charWidth;
    /** Running while the width has changed to other columns and not yet stayed there for {@link #SETTLE}. */
    private final PauseTransition settling = new PauseTransition(SETTLE);

    ReportPreviewArea() {
        setEditable(false);
        setWrapText(true);
        report.addListener(o -> show(false));
        fontProperty().addListener(o -> {
            charWidth = 0;
            settleWidth();
        });
        settling.setOnFinished(e -> settleWidth());
    }

    /** The report's text, unwrapped; what the preview shows, wrapped. */
    StringProperty reportProperty() {
        return report;
    }

    /** The selection in the report's own words, as copied. */
    String selectedReportText() {
        IndexRange selection = getSelection();
        return wrapped.sourceText(selection.getStart(), selection.getEnd());
    }

    /** The columns the preview is wrapped at now (0 before it is laid out). */
    int columns() {
        return columns;
    }

    /** Wraps the report at the width of now if it holds other columns, without waiting for the width to settle. */
    void settleWidth() {
        settling.stop();
        if (textNode != null) {
            fitTo(textNode.getWrappingWidth(), true);
        }
    }

    @Override
    public void copy() {
        String selected = selectedReportText();
        if (!selected.isEmpty()) {
            ClipboardContent content = new ClipboardContent();
            content.putString(selected);
            Clipboard.getSystemClipboard().setContent(content);
        }
    }

    @Override
    protected void layoutChildren() {
        super.layoutChildren();
        if (textNode == null) {
            // The skin's one text node ("text" in its content), there once the skin and its scroll pane are made.
            // Its wrapping width is set as its content is laid out, after this: the text is wrapped again then.
            textNode = lookupAll(".text").stream().filter(Text.class::isInstance).map(Text.class::cast)
                    .findFirst().orElse(null);
            if (textNode != null) {
                textNode.wrappingWidthProperty().addListener((o, was, width) -> fitTo(width.doubleValue(), false));
                fitTo(textNode.getWrappingWidth(), true);
            }
        }
    }

    /**
     * Wraps the report again if {@code width} holds another number of columns: {@code now}, or when nothing is wrapped
     * yet, at once; else once the width has stayed for {@link #SETTLE}, each change restarting the wait. A width back
     * at the columns shown leaves nothing to do.
     */
    private void fitTo(double width, boolean now) {
        if (charWidth <= 0) {
            Text probe = new Text(DIGITS);
            probe.setFont(getFont());
            charWidth = probe.getLayoutBounds().getWidth() / DIGITS.length();
        }
        // a hair less than the width: a line exactly as wide as it must not be wrapped again by the text node
        int fit = width <= 0 || charWidth <= 0 ? 0 : Math.max(1, (int) Math.floor((width - 0.5) / charWidth));
        if (fit == columns) {
            settling.stop();
        } else if (now || columns == 0) {
            settling.stop();
            columns = fit;
            show(true);
        } else {
            settling.playFromStart();
        }
    }

    /**
     * Shows the report wrapped at the current columns. When only the width changed, the selection and the scroll
     * position stay where they were in the report; a new report starts as any new text does.
     */
    private void show(boolean sameReport) {
        int anchor = wrapped.toSource(getAnchor());
        int caret = wrapped.toSource(getCaretPosition());
        double top = getScrollTop();
        wrapped = HangingWrap.of(report.getValueSafe(), columns);
        setText(wrapped.shown());
        if (sameReport) {
            selectRange(wrapped.toShown(anchor), wrapped.toShown(caret));
            setScrollTop(top);
        }
    }
}
