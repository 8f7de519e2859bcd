package org.mailpath.ui.common;

import java.util.Optional;
import java.util.function.Supplier;
import javafx.scene.Node;
import javafx.scene.Parent;

/**
 * Which control of a wizard step takes the focus when the step is shown: the one the step's view names as its main
 * control, else its first focusable control. A step's root is a container (a split pane, a scroll pane, a box), and
 * focus handed to it showed no ring and gave a screen reader nothing to say.
 */
public final class StepFocus {

    private static final String KEY = StepFocus.class.getName();

    private StepFocus() {
    }

    /**
     * Names the control of the step under {@code root} that takes the focus when the step is shown; asked each time,
     * since it may depend on the step's state (Open… before a log is read, See the events after).
     */
    public static void mainControl(Node root, Supplier<Optional<Node>> control) {
        root.getProperties().put(KEY, control);
    }

    /**
     * The control to focus under {@code root}: its main control if it can take the focus now, else the first control
     * in the view's order that can, if any.
     */
    public static Optional<Node> of(Node root) {
        if (root.getProperties().get(KEY) instanceof Supplier<?> named
                && named.get() instanceof Optional<?> control
                && control.isPresent() && control.get() instanceof Node main && canTakeFocus(main, root)) {
            return Optional.of(main);
        }
        return firstFocusable(root);
    }

    /** Walked down from the step's root, stopping at what is hidden or disabled: what it reaches can take focus. */
    private static Optional<Node> firstFocusable(Node node) {
        if (!node.isVisible() || node.isDisabled()) {
            return Optional.empty();
        }
        if (node.isFocusTraversable()) {
            return Optional.of(node);
        }
        if (node instanceof Parent parent) {
            for (Node child : parent.getChildrenUnmodifiable()) {
                Optional<Node> found = firstFocusable(child);
                if (found.isPresent()) {
                    return found;
                }
            }
        }
        return Optional.empty();
    }

    /** Shown (itself and every container up to the step's root) and enabled. */
    private static boolean canTakeFocus(Node node, Node root) {
        if (node.isDisabled()) {
            return false;
        }
        for (Node n = node; n != null; n = n.getParent()) {
            if (!n.isVisible()) {
                return false;
            }
            if (n == root) {
                return true;
            }
        }
        return false;
    }
}
