package org.mailpath.ui.common;

import java.util.ArrayList;
import java.util.List;
import javafx.geometry.HPos;
import javafx.geometry.Orientation;
import javafx.geometry.VPos;
import javafx.scene.Node;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Region;

/**
 * A search field and the filters or buttons beside it on one line, or more when they do not fit beside the field.
 * Each keeps its preferred width (the whole text of its choice or name); the field takes the room left on the first
 * line, at least its least width. An HBox squeezed the Events filters instead, which cut their text ("All messa…")
 * in a 1024 px window, and the Report step's search field to 22 px in the smallest window.
 */
public final class FilterRow extends Pane {

    /** The search field's least width beside the filters: its prompt ("Search…"), and a few words typed. */
    static final double SEARCH_MIN_WIDTH = 160;

    /**
     * The field's least width when giving up room keeps the whole row on one line: its prompt and a word. At 1024 px
     * the Events step's last filter (the icon button that clears them) was put on a line of its own for want of a few
     * pixels, a line taken from the table below; the field gives those pixels first. When the filters need a second
     * line anyway the field keeps {@link #SEARCH_MIN_WIDTH}.
     */
    static final double SEARCH_SQUEEZED_WIDTH = 120;

    private final Region search;
    private final double gap;

    public FilterRow(Region search, double gap, Node... filters) {
        this.search = search;
        this.gap = gap;
        getChildren().add(search);
        getChildren().addAll(filters);
    }

    @Override
    public Orientation getContentBias() {
        return Orientation.HORIZONTAL;
    }

    @Override
    protected double computeMinWidth(double height) {
        double widest = SEARCH_MIN_WIDTH;
        for (Node n : filters()) {
            widest = Math.max(widest, width(n));
        }
        return snappedLeftInset() + widest + snappedRightInset();
    }

    @Override
    protected double computePrefWidth(double height) {
        double width = SEARCH_MIN_WIDTH;
        for (Node n : filters()) {
            width += gap + width(n);
        }
        return snappedLeftInset() + width + snappedRightInset();
    }

    @Override
    protected double computeMinHeight(double width) {
        return computePrefHeight(width);
    }

    @Override
    protected double computePrefHeight(double width) {
        double room = width < 0 ? computePrefWidth(-1) : width;
        List<List<Node>> lines = lines(room - snappedLeftInset() - snappedRightInset());
        double height = 0;
        for (List<Node> line : lines) {
            height += lineHeight(line);
        }
        return snappedTopInset() + height + gap * (lines.size() - 1) + snappedBottomInset();
    }

    @Override
    protected void layoutChildren() {
        double left = snappedLeftInset();
        double room = getWidth() - left - snappedRightInset();
        double y = snappedTopInset();
        List<List<Node>> lines = lines(room);
        for (int i = 0; i < lines.size(); i++) {
            List<Node> line = lines.get(i);
            double height = lineHeight(line);
            double x = left;
            if (i == 0) {
                double taken = 0;
                for (Node n : line.subList(1, line.size())) {
                    taken += gap + width(n);
                }
                double searchWidth = Math.max(lines.size() == 1 ? SEARCH_SQUEEZED_WIDTH : SEARCH_MIN_WIDTH,
                        room - taken);
                layoutInArea(search, x, y, searchWidth, height, 0, HPos.LEFT, VPos.CENTER);
                x += searchWidth;
                line = line.subList(1, line.size());
                for (Node n : line) {
                    x += gap;
                    x += place(n, x, y, height, room);
                }
            } else {
                for (Node n : line) {
                    x += place(n, x, y, height, room) + gap;
                }
            }
            y += height + gap;
        }
    }

    /** A filter wider than the whole row (a very long domain) is given the row, and shows its ellipsis. */
    private double place(Node n, double x, double y, double height, double room) {
        double width = Math.min(width(n), room);
        layoutInArea(n, x, y, width, height, 0, HPos.LEFT, VPos.CENTER);
        return width;
    }

    /**
     * The search field then the filters, broken into lines that fit {@code room}; a filter is never split. One line
     * if the field, squeezed, leaves the filters room for it.
     */
    private List<List<Node>> lines(double room) {
        List<List<Node>> lines = lines(room, SEARCH_MIN_WIDTH);
        if (lines.size() > 1) {
            List<List<Node>> squeezed = lines(room, SEARCH_SQUEEZED_WIDTH);
            if (squeezed.size() == 1) {
                return squeezed;
            }
        }
        return lines;
    }

    private List<List<Node>> lines(double room, double searchWidth) {
        List<List<Node>> lines = new ArrayList<>();
        List<Node> line = new ArrayList<>(List.of(search));
        double used = searchWidth;
        for (Node n : filters()) {
            double width = width(n);
            if (used + gap + width > room + 0.5) {
                lines.add(line);
                line = new ArrayList<>();
                used = -gap;
            }
            line.add(n);
            used += gap + width;
        }
        lines.add(line);
        return lines;
    }

    /** Snapped as layoutInArea snaps it: unsnapped, a filter ending a line stuck out of the row by a pixel. */
    private double width(Node n) {
        return snapSizeX(n.prefWidth(-1));
    }

    private List<Node> filters() {
        List<Node> managed = getManagedChildren();
        return managed.stream().filter(n -> n != search).toList();
    }

    private static double lineHeight(List<Node> line) {
        double height = 0;
        for (Node n : line) {
            height = Math.max(height, n.prefHeight(-1));
        }
        return height;
    }
}
