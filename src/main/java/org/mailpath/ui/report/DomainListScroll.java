package org.mailpath.ui.report;

import javafx.beans.value.ChangeListener;
import javafx.scene.Scene;
import javafx.scene.control.ListView;
import javafx.scene.control.skin.VirtualFlow;

/**
 * Shows a domain of the Report step's list, scrolling as little as it takes: not at all when the domain is wholly in
 * view, so a list whose ticked domain is among its first rows opens at its top. {@link ListView#scrollTo(int)} puts the
 * domain at the top instead, and on arrival, before the list's first layout (its rows' heights still guessed), it left
 * the list scrolled by part of a row: the first domain shown was cut off at the top.
 */
final class DomainListScroll {

    private DomainListScroll() {
    }

    /** Brings row {@code index} of {@code list} wholly into view, now if the list has been laid out, else once it is. */
    static void reveal(ListView<?> list, int index) {
        if (index < 0) {
            return;
        }
        if (list.lookup(".virtual-flow") instanceof VirtualFlow<?> flow && flow.getHeight() > 0 && !list.isNeedsLayout()) {
            // VirtualFlow.scrollTo(int): "the cell in the given index will be fully visible", moved by the least
            flow.scrollTo(index);
            return;
        }
        Scene scene = list.getScene();
        if (scene == null) {
            list.sceneProperty().addListener(new ChangeListener<>() {
                @Override
                public void changed(javafx.beans.value.ObservableValue<? extends Scene> o, Scene was, Scene now) {
                    if (now != null) {
                        list.sceneProperty().removeListener(this);
                        reveal(list, index);
                    }
                }
            });
            return;
        }
        Runnable[] once = new Runnable[1];
        once[0] = () -> {
            scene.removePostLayoutPulseListener(once[0]);
            if (list.getScene() == scene && list.lookup(".virtual-flow") instanceof VirtualFlow<?> flow
                    && flow.getHeight() > 0) {
                flow.scrollTo(index);
            } else if (list.getScene() != null) {
                // laid out but not shown (another step in front): when it is given a height
                list.heightProperty().addListener(new ChangeListener<>() {
                    @Override
                    public void changed(javafx.beans.value.ObservableValue<? extends Number> o, Number was,
                                        Number now) {
                        if (now.doubleValue() > 0) {
                            list.heightProperty().removeListener(this);
                            reveal(list, index);
                        }
                    }
                });
            }
        };
        scene.addPostLayoutPulseListener(once[0]);
        javafx.application.Platform.requestNextPulse();
    }
}
