package org.mailpath.ui.events;

import java.util.List;
import javafx.collections.ListChangeListener;
import javafx.geometry.Bounds;
import javafx.scene.AccessibleRole;
import javafx.scene.Node;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.Pane;

/**
 * A chart's counts for the keyboard: their tooltips showed only to a pointer (WCAG 2.2 SC 2.1.1 Keyboard, SC 1.4.13
 * Content on Hover or Focus). The chart is one Tab stop, not one per bar (a month's log has hundreds of hours); the
 * arrow keys, Home and End go from part to part. The part the keys are on gets a ring ({@link #CURRENT}), its counts
 * show in a tooltip under it and are the chart's accessible text, which a screen reader says as it changes.
 */
final class ChartKeys {

    /** The style class of the part the keys are on. */
    static final String CURRENT = "chart-part-current";

    private final Pane chart;
    private final KeyCode back;
    private final KeyCode forward;
    private final Tooltip tip = new Tooltip();
    private int index;

    private ChartKeys(Pane chart, KeyCode back, KeyCode forward, String help) {
        this.chart = chart;
        this.back = back;
        this.forward = forward;
        chart.setFocusTraversable(!parts().isEmpty());
        chart.setAccessibleRole(AccessibleRole.TEXT);
        chart.setAccessibleHelp(help);
        tip.setId(chart.getId() + "-keys-tip");
        chart.focusedProperty().addListener((o, was, focused) -> show());
        chart.getChildren().addListener((ListChangeListener<Node>) c -> {
            index = 0;
            // no Tab stop on a chart with nothing to read ("No bounced or deferred messages")
            chart.setFocusTraversable(!parts().isEmpty());
            show();
        });
        chart.addEventHandler(KeyEvent.KEY_PRESSED, this::key);
    }

    /**
     * Makes {@code chart}'s parts (its children with an accessible text: the counts) reachable by keys; {@code back}
     * and {@code forward} go to the part before and after, {@code help} says so to a screen reader.
     */
    static ChartKeys install(Pane chart, KeyCode back, KeyCode forward, String help) {
        return new ChartKeys(chart, back, forward, help);
    }

    /** The keyboard's tooltip (for tests: what a keyboard user sees). */
    Tooltip tip() {
        return tip;
    }

    private List<Node> parts() {
        return chart.getChildren().stream().filter(n -> n.getAccessibleText() != null).toList();
    }

    private void key(KeyEvent e) {
        int count = parts().size();
        if (count == 0) {
            return;
        }
        int next;
        if (e.getCode() == back) {
            next = Math.max(0, index - 1);
        } else if (e.getCode() == forward) {
            next = Math.min(count - 1, index + 1);
        } else if (e.getCode() == KeyCode.HOME) {
            next = 0;
        } else if (e.getCode() == KeyCode.END) {
            next = count - 1;
        } else if (e.getCode() == KeyCode.ESCAPE && tip.isShowing()) {
            // SC 1.4.13: what focus shows can be dismissed without moving the focus
            tip.hide();
            e.consume();
            return;
        } else {
            return;
        }
        index = next;
        e.consume();
        show();
    }

    private void show() {
        List<Node> parts = parts();
        parts.forEach(p -> p.getStyleClass().remove(CURRENT));
        if (parts.isEmpty()) {
            chart.setAccessibleText(null);
            tip.hide();
            return;
        }
        index = Math.min(index, parts.size() - 1);
        Node part = parts.get(index);
        chart.setAccessibleText(part.getAccessibleText());
        if (!chart.isFocused()) {
            part.setViewOrder(0);
            tip.hide();
            return;
        }
        part.getStyleClass().add(CURRENT);
        // above its neighbours, whose gap is narrower than the ring
        parts.forEach(p -> p.setViewOrder(0));
        part.setViewOrder(-1);
        tip.setText(part.getAccessibleText());
        Bounds b = part.localToScreen(part.getBoundsInLocal());
        if (b != null && chart.getScene() != null && chart.getScene().getWindow() != null) {
            tip.show(chart.getScene().getWindow(), b.getMinX(), b.getMaxY() + 6);
        }
    }
}
