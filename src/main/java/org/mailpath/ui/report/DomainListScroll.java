package org.mailpath.ui.report;

import java.util.Objects;
import java.util.function.Predicate;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;
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
            once(list.sceneProperty(), Objects::nonNull, () -> reveal(list, index));
            return;
        }
        Runnable[] afterLayout = new Runnable[1];
        afterLayout[0] = () -> {
            scene.removePostLayoutPulseListener(afterLayout[0]);
            if (list.getScene() == scene && list.lookup(".virtual-flow") instanceof VirtualFlow<?> flow
                    && flow.getHeight() > 0) {
                flow.scrollTo(index);
            } else if (list.getScene() != null) {
                // laid out but not shown (another step in front): when it is given a height
                once(list.heightProperty(), h -> h.doubleValue() > 0, () -> reveal(list, index));
            }
        };
        scene.addPostLayoutPulseListener(afterLayout[0]);
        javafx.application.Platform.requestNextPulse();
    }

    /** Runs {@code action} once, the first time {@code value} changes to one that passes {@code test}. */
    private static <T> void once(ObservableValue<T> value, Predicate<? super T> test, Runnable action) {
        value.addListener(new ChangeListener<T>() {
            @Override
            public void changed(ObservableValue<? extends T> o, T was, T now) {
                if (test.test(now)) {
                    value.removeListener(this);
                    action.run();
                }
            }
        });
    }
}
