package org.mailpath.ui.app;

import static org.mailpath.ui.app.SceneNodes.shown;

import java.util.ArrayList;
import java.util.List;
import javafx.geometry.BoundingBox;
import javafx.geometry.Bounds;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.ScrollBar;
import javafx.scene.layout.BorderStroke;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;

/**
 * Whether a focus ring drawn outside a region (a border with negative insets) is seen whole: not cut off by the clip
 * of a node it is in, nor covered by a region painted after it, where the region itself is not.
 * <p>
 * A scrolling viewport (a scroll pane's, a list's or a table's rows) cuts whatever is at an edge it can still be
 * scrolled past, and the control itself a moment later: that is what scrolling shows. At an edge it is scrolled to
 * the end of (or cannot scroll past at all) nothing more comes: a ring cut there stays cut however the user scrolls,
 * as with a fixed clip. So a scrolling clip is held to its edges at the end of their scroll bars.
 */
final class FocusRings {

    private static final double SLACK = 0.5;

    private FocusRings() {
    }

    /** What cuts or covers the focus ring of {@code part} as it is drawn now; empty if nothing. JavaFX thread. */
    static List<String> cuts(Region part) {
        List<String> found = new ArrayList<>();
        if (part.getBorder() == null) {
            return found;
        }
        for (BorderStroke stroke : part.getBorder().getStrokes()) {
            Insets in = stroke.getInsets();
            if (in.getTop() >= 0 && in.getRight() >= 0 && in.getBottom() >= 0 && in.getLeft() >= 0) {
                continue;
            }
            Bounds ring = part.localToScene(new BoundingBox(in.getLeft(), in.getTop(),
                    part.getWidth() - in.getLeft() - in.getRight(), part.getHeight() - in.getTop() - in.getBottom()));
            Bounds self = part.localToScene(part.getLayoutBounds());
            Node child = part;
            // a region already cut by a nearer clip (a list's last row, half shown) is not seen whole itself: a clip
            // further out that cuts its ring too cuts nothing more of what is seen
            boolean selfCut = false;
            for (Parent p = part.getParent(); p != null; child = p, p = p.getParent()) {
                if (p.getClip() != null) {
                    Bounds clip = p.localToScene(p.getClip().getBoundsInParent());
                    String edges = cutEdges(ring, clip, ends(p));
                    selfCut |= !inside(self, clip);
                    if (!selfCut && !edges.isEmpty()) {
                        found.add("focus ring " + ring + " cut off at the " + edges + " by the clip of "
                                + TextContrast.where(p) + (scrolls(p) ? " (scrolled to that end)" : "") + " " + clip);
                    }
                }
                List<Node> siblings = p.getChildrenUnmodifiable();
                for (Node later : siblings.subList(siblings.indexOf(child) + 1, siblings.size())) {
                    if (later instanceof Region r && shown(r) && r.getBackground() != null
                            && r.getBackground().getFills().stream().anyMatch(f -> f.getFill() instanceof Color c && c.getOpacity() > 0)
                            && overlap(r.localToScene(r.getLayoutBounds()), ring)
                            && !overlap(r.localToScene(r.getLayoutBounds()), self)) {
                        found.add("focus ring " + ring + " covered by " + TextContrast.where(r));
                    }
                }
            }
        }
        return found;
    }

    /** The edges of a clip that nothing lies beyond: the ring may not go past them. */
    record Ends(boolean top, boolean right, boolean bottom, boolean left) {
    }

    /** A scroll pane's viewport or a list's or table's clipped rows. */
    static boolean scrolls(Node clipped) {
        return clipped.getStyleClass().contains("viewport") || clipped.getStyleClass().contains("clipped-container");
    }

    /**
     * The edges of a clip that nothing lies beyond: all of a clip that does not scroll;
     * of a scrolling one, those whose scroll bar (the scroll pane's or the virtual flow's, beside the clip) is at
     * that end, or is not shown (the content fits that way).
     */
    static Ends ends(Parent clipped) {
        if (!scrolls(clipped) || clipped.getParent() == null) {
            return new Ends(true, true, true, true);
        }
        ScrollBar vertical = bar(clipped.getParent(), Orientation.VERTICAL);
        ScrollBar horizontal = bar(clipped.getParent(), Orientation.HORIZONTAL);
        return new Ends(atMin(vertical), atMax(horizontal), atMax(vertical), atMin(horizontal));
    }

    private static ScrollBar bar(Parent container, Orientation orientation) {
        for (Node n : container.getChildrenUnmodifiable()) {
            if (n instanceof ScrollBar b && b.getOrientation() == orientation && b.isVisible()) {
                return b;
            }
        }
        return null;
    }

    private static boolean atMin(ScrollBar b) {
        return b == null || b.getValue() <= b.getMin() + 1e-6;
    }

    private static boolean atMax(ScrollBar b) {
        return b == null || b.getValue() >= b.getMax() - 1e-6;
    }

    /** The edges among {@code ends} that the ring goes past, named; empty if none. */
    private static String cutEdges(Bounds ring, Bounds clip, Ends ends) {
        List<String> cut = new ArrayList<>();
        if (ends.top() && ring.getMinY() < clip.getMinY() - SLACK) {
            cut.add("top");
        }
        if (ends.right() && ring.getMaxX() > clip.getMaxX() + SLACK) {
            cut.add("right");
        }
        if (ends.bottom() && ring.getMaxY() > clip.getMaxY() + SLACK) {
            cut.add("bottom");
        }
        if (ends.left() && ring.getMinX() < clip.getMinX() - SLACK) {
            cut.add("left");
        }
        return String.join(", ", cut);
    }

    /** Overlapping by more than half a pixel each way (regions that only touch do not cover each other). */
    private static boolean overlap(Bounds a, Bounds b) {
        return Math.min(a.getMaxX(), b.getMaxX()) - Math.max(a.getMinX(), b.getMinX()) > SLACK
                && Math.min(a.getMaxY(), b.getMaxY()) - Math.max(a.getMinY(), b.getMinY()) > SLACK;
    }

    private static boolean inside(Bounds b, Bounds clip) {
        return b.getMinX() >= clip.getMinX() - SLACK && b.getMinY() >= clip.getMinY() - SLACK
                && b.getMaxX() <= clip.getMaxX() + SLACK && b.getMaxY() <= clip.getMaxY() + SLACK;
    }
}
