package org.mailpath.ui.app;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import javafx.css.PseudoClass;
import javafx.scene.Node;

/**
 * Puts a node in an interaction state for its style sheet alone: the pseudo-class the state's property would set
 * ({@code hover}, {@code armed}, {@code selected}), without a mouse or a change to the model behind the control.
 * {@link Node#pseudoClassStateChanged} is protected; the tests reach it by reflection.
 */
final class States {

    private static final Method CHANGED;

    static {
        try {
            CHANGED = Node.class.getDeclaredMethod("pseudoClassStateChanged", PseudoClass.class, boolean.class);
            CHANGED.setAccessible(true);
        } catch (NoSuchMethodException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private States() {
    }

    /** Sets or clears {@code :name} on {@code node}; call on the JavaFX thread. */
    static void set(Node node, String name, boolean on) {
        try {
            CHANGED.invoke(node, PseudoClass.getPseudoClass(name), on);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The pointer over {@code node}: it, every node under it and every node it is in are hovered, as the scene does. */
    static void hover(Node node, boolean on) {
        SceneNodes.all(node).forEach(n -> set(n, "hover", on || n.isHover()));
        for (Node p = node.getParent(); p != null; p = p.getParent()) {
            set(p, "hover", on || p.isHover());
        }
    }
}
