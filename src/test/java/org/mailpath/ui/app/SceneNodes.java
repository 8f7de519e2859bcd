package org.mailpath.ui.app;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.Parent;

/** Walking a window's nodes as the tests that look for cut or silent controls do. */
final class SceneNodes {

    private SceneNodes() {
    }

    /** {@code node} and every node under it. */
    static List<Node> all(Node node) {
        return all(node, new ArrayList<>());
    }

    private static List<Node> all(Node node, List<Node> found) {
        found.add(node);
        if (node instanceof Parent p) {
            p.getChildrenUnmodifiable().forEach(child -> all(child, found));
        }
        return found;
    }

    /** In a scene, and neither it nor a parent hidden. */
    static boolean shown(Node n) {
        for (Node p = n; p != null; p = p.getParent()) {
            if (!p.isVisible()) {
                return false;
            }
        }
        return n.getScene() != null;
    }

    /** The text with each run of white space one space: a wrapped text and its one line compare equal. */
    static String squash(String s) {
        return s.replaceAll("\\s+", " ").strip();
    }
}
