package org.mailpath.ui.app;

import static org.mailpath.ui.app.SceneNodes.all;
import static org.mailpath.ui.app.SceneNodes.shown;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Control;
import javafx.scene.layout.BackgroundFill;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.paint.LinearGradient;
import javafx.scene.paint.Paint;
import javafx.scene.paint.RadialGradient;
import javafx.scene.paint.Stop;
import javafx.scene.text.Text;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The contrast of every shown text of a window with what is painted behind its middle, from the scene graph (no
 * pixels read): the fills of the regions it sits in and of the regions below it in each of them, blended with their
 * opacity, then the text's own fill. Labels, buttons, cells and text fields all draw their text with a
 * {@link Text} node, so those are what is measured. Disabled texts are left out (SC 1.4.3's "inactive user interface
 * component"), and so are icons drawn with a font (they are graphics).
 */
final class TextContrast {

    /** One measured text. */
    record Measure(String where, String text, Color fill, Color background, double ratio, double needed) {

        boolean fails() {
            return ratio < needed;
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%s \"%s\": %.2f:1, needs %.1f (text %s on %s)", where, shortened(text), ratio,
                    needed, Wcag.hex(fill), Wcag.hex(background));
        }

        /** A long text (a report preview) cut to its start. */
        private static String shortened(String s) {
            return s.length() <= 60 ? s : s.substring(0, 57) + "...";
        }
    }

    private TextContrast() {
    }

    /** Every shown, enabled text under {@code root}; call on the JavaFX thread. */
    static List<Measure> measure(Parent root) {
        root.applyCss();
        root.layout();
        Color sceneFill = root.getScene().getFill() instanceof Color c ? c : Color.WHITE;
        List<Measure> found = new ArrayList<>();
        for (Node n : all(root)) {
            if (n instanceof Text t && !(t instanceof FontIcon) && t.getText() != null && !t.getText().isBlank()
                    && shown(t) && !disabled(t) && t.getLayoutBounds().getWidth() > 0) {
                List<Node> chain = chain(t);
                List<Point2D> points = points(chain);
                Color behind = render(chain, points, 0, sceneFill, false);
                Color text = render(chain, points, 0, sceneFill, true);
                if (opacity(chain) == 0 || color(t.getFill()).getOpacity() == 0) {
                    continue; // not visible to anyone
                }
                String style = t.getFont().getStyle().toLowerCase(Locale.ROOT);
                boolean bold = style.contains("bold") || style.contains("black") || style.contains("heavy");
                found.add(new Measure(where(t), SceneNodes.squash(t.getText()), text, behind,
                        Wcag.contrast(text, behind), Wcag.needed(t.getFont().getSize(), bold)));
            }
        }
        return found;
    }

    /**
     * Disabled, or in a header that the control shows disabled without disabling its nodes (the tab of a disabled
     * {@link javafx.scene.control.Tab}).
     */
    private static boolean disabled(Node n) {
        for (Node p = n; p != null; p = p.getParent()) {
            if (p.isDisabled() || p.getPseudoClassStates().stream().anyMatch(c -> c.getPseudoClassName().equals("disabled"))) {
                return true;
            }
        }
        return false;
    }

    /**
     * Where to look at each node of the chain: the middle of the text, except that a viewport (a node with a
     * clip: a scroll pane's, a table's) and the nodes above it see it as if it were scrolled into view (moved into
     * the viewport's bounds): what is behind a text that is scrolled out of view is the viewport's background.
     */
    private static List<Point2D> points(List<Node> chain) {
        Node text = chain.getLast();
        Bounds b = text.localToScene(text.getBoundsInLocal());
        Point2D p = new Point2D(b.getCenterX(), b.getCenterY());
        List<Point2D> points = new ArrayList<>(java.util.Collections.nCopies(chain.size(), p));
        for (int i = chain.size() - 1; i >= 0; i--) {
            Node n = chain.get(i);
            if (n.getClip() != null) {
                Bounds v = n.localToScene(n.getLayoutBounds());
                p = new Point2D(Math.clamp(p.getX(), v.getMinX(), v.getMaxX()),
                        Math.clamp(p.getY(), v.getMinY(), v.getMaxY()));
            }
            points.set(i, p);
        }
        return points;
    }

    private static double opacity(List<Node> chain) {
        return chain.stream().mapToDouble(Node::getOpacity).reduce(1, (a, b) -> a * b);
    }

    /** From the scene's root down to {@code n}. */
    private static List<Node> chain(Node n) {
        List<Node> chain = new ArrayList<>();
        for (Node p = n; p != null; p = p.getParent()) {
            chain.addFirst(p);
        }
        return chain;
    }

    /**
     * The colour at {@code point} after painting {@code chain.get(i)} (its background, then the siblings below
     * the next node of the chain, then that node) over {@code behind}; the text's glyph only if {@code withText}.
     */
    private static Color render(List<Node> chain, List<Point2D> points, int i, Color behind, boolean withText) {
        Node node = chain.get(i);
        Point2D point = points.get(i);
        Color c = fills(node, behind, point);
        if (i == chain.size() - 1) {
            if (withText && node instanceof Text t) {
                c = Wcag.over(color(t.getFill()), c);
            }
        } else {
            Node next = chain.get(i + 1);
            for (Node sibling : ((Parent) node).getChildrenUnmodifiable()) {
                if (sibling == next) {
                    break;
                }
                if (sibling instanceof Region && sibling.isVisible()) {
                    c = Wcag.mix(c, fills(sibling, c, point), sibling.getOpacity());
                }
            }
            c = render(chain, points, i + 1, c, withText);
        }
        return Wcag.mix(behind, c, node.getOpacity());
    }

    /** The background fills of a region that cover {@code point}, painted in order over {@code behind}. */
    private static Color fills(Node node, Color behind, Point2D point) {
        if (!(node instanceof Region r) || r.getBackground() == null) {
            return behind;
        }
        Point2D p = r.sceneToLocal(point);
        Color c = behind;
        for (BackgroundFill f : r.getBackground().getFills()) {
            var in = f.getInsets();
            if (p.getX() >= in.getLeft() && p.getX() <= r.getWidth() - in.getRight() && p.getY() >= in.getTop()
                    && p.getY() <= r.getHeight() - in.getBottom()) {
                c = Wcag.over(color(f.getFill()), c);
            }
        }
        return c;
    }

    /** A colour, or a gradient's average colour (themes shade some buttons slightly); transparent otherwise. */
    private static Color color(Paint paint) {
        List<Stop> stops = switch (paint) {
            case Color c -> List.of(new Stop(0, c));
            case LinearGradient g -> g.getStops();
            case RadialGradient g -> g.getStops();
            case null, default -> List.of(new Stop(0, Color.TRANSPARENT));
        };
        double r = 0, g = 0, b = 0, a = 0;
        for (Stop s : stops) {
            r += s.getColor().getRed();
            g += s.getColor().getGreen();
            b += s.getColor().getBlue();
            a += s.getColor().getOpacity();
        }
        int n = stops.size();
        return Color.color(r / n, g / n, b / n, a / n);
    }

    /** What is painted behind the middle of {@code n} (not {@code n} itself); call on the JavaFX thread. */
    static Color behind(Node n) {
        List<Node> chain = chain(n.getParent());
        Bounds b = n.localToScene(n.getLayoutBounds());
        Point2D middle = new Point2D(b.getCenterX(), b.getCenterY());
        return render(chain, java.util.Collections.nCopies(chain.size(), middle), 0,
                n.getScene().getFill() instanceof Color c ? c : Color.WHITE, false);
    }

    /**
     * The colours of a region's background bands from the outside in: each fill painted over {@code behind} and
     * the fills before it; then the colour of each border stroke over {@code behind} (a focus ring drawn outside).
     */
    static List<Color> bands(Region r, Color behind) {
        List<Color> bands = new ArrayList<>();
        Color c = behind;
        for (BackgroundFill f : r.getBackground() == null ? List.<BackgroundFill>of() : r.getBackground().getFills()) {
            c = Wcag.over(color(f.getFill()), c);
            bands.add(c);
        }
        if (r.getBorder() != null) {
            r.getBorder().getStrokes().forEach(s -> bands.add(Wcag.over(color(s.getTopStroke()), behind)));
        }
        return bands;
    }

    /** The text's nearest control, then its nearest node with an id, and the row it is in if that is selected. */
    static String where(Node t) {
        StringBuilder path = new StringBuilder();
        for (Node p = t instanceof Text ? t.getParent() : t; p != null; p = p.getParent()) {
            // VirtualFlow names itself "virtual-flow": the table or list it belongs to says more
            if (p.getId() != null && !p.getId().isBlank() && !p.getId().equals("virtual-flow")) {
                path.append(path.isEmpty() ? "" : " in ").append('#').append(p.getId());
                break;
            }
            if (path.isEmpty() && p instanceof Control) {
                path.append(kind(p)).append('.').append(String.join(".", p.getStyleClass()));
            }
        }
        for (Node p = t instanceof Text ? t.getParent() : t; p != null; p = p.getParent()) {
            if (p instanceof javafx.scene.control.IndexedCell<?> cell && cell.isSelected()) {
                path.append(" (selected ").append(kind(cell)).append(')');
                break;
            }
        }
        return path.isEmpty() ? kind(t) + "." + String.join(".", t.getStyleClass()) : path.toString();
    }

    /** The class's simple name, or its first named superclass's (cells are often anonymous). */
    private static String kind(Node n) {
        Class<?> c = n.getClass();
        while (c.getSimpleName().isEmpty()) {
            c = c.getSuperclass();
        }
        return c.getSimpleName();
    }
}
