package org.mailpath.ui.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.javafx.scene.input.DragboardHelper;
import com.sun.javafx.tk.TKClipboard;
import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import javafx.event.Event;
import javafx.scene.control.Label;
import javafx.scene.image.Image;
import javafx.scene.input.DataFormat;
import javafx.scene.input.DragEvent;
import javafx.scene.input.Dragboard;
import javafx.scene.input.TransferMode;
import javafx.util.Pair;
import org.junit.jupiter.api.Test;
import org.mailpath.ui.importing.ImportState;
import org.mailpath.ui.testing.TestEngines;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Drag and drop through the window's own event handlers: the drag events a platform delivers are fired at the
 * scene with a dragboard holding files. (Only the operating system's part of a drag cannot be simulated headless.)
 */
class DragAndDropTest extends RunningAppTest {

    @Test
    void aLogDraggedOverTheWindowIsAcceptedAndDroppingItImportsIt(FxRobot robot) throws Exception {
        Dragboard files = dragboardWith(TestEngines.sampleLog());
        DragEvent over = fire(DragEvent.DRAG_OVER, files);
        assertEquals(TransferMode.COPY, over.getAcceptedTransferMode());
        Label hint = robot.lookup(".drop-hint").queryAs(Label.class);
        assertTrue(hint.getParent().isVisible() && hint.getStyleClass().contains("accept"), hint.getText());

        robot.interact(() -> app.wizard().goTo(AppContext.IMPORT));
        DragEvent dropped = fire(DragEvent.DRAG_DROPPED, files);
        assertTrue(dropped.isDropCompleted());
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> app.importModel().stateProperty().get() == ImportState.DONE);
        assertTrue(app.session().analysis().orElseThrow().messages() > 0);
        assertFalse(hint.getParent().isVisible(), "the hint goes away after the drop");
    }

    @Test
    void aWrongKindIsRefusedWhileDraggingAndADropOfItDoesNothing(FxRobot robot) throws Exception {
        Dragboard picture = dragboardWith(Path.of("/home/u/holiday.png"));
        DragEvent over = fire(DragEvent.DRAG_OVER, picture);
        assertNull(over.getAcceptedTransferMode());
        Label hint = robot.lookup(".drop-hint").queryAs(Label.class);
        assertTrue(hint.getStyleClass().contains("refuse") && hint.getText().contains("holiday.png"), hint.getText());

        DragEvent dropped = fire(DragEvent.DRAG_DROPPED, picture);
        assertFalse(dropped.isDropCompleted());
        assertFalse(hint.getParent().isVisible());
        assertEquals(ImportState.EMPTY, app.importModel().stateProperty().get());
    }

    @Test
    void leavingTheWindowTakesTheHintAway(FxRobot robot) throws Exception {
        Dragboard files = dragboardWith(TestEngines.sampleLog());
        fire(DragEvent.DRAG_OVER, files);
        Label hint = robot.lookup(".drop-hint").queryAs(Label.class);
        assertTrue(hint.getParent().isVisible());
        fire(DragEvent.DRAG_EXITED, files);
        assertFalse(hint.getParent().isVisible());
    }

    /** Fires a drag event from another application (no gesture source) at the middle of the scene. */
    private DragEvent fire(javafx.event.EventType<DragEvent> type, Dragboard dragboard) throws Exception {
        var scene = app.scene();
        double x = scene.getWidth() / 2;
        double y = scene.getHeight() / 2;
        DragEvent event = new DragEvent(scene, scene, type, dragboard, x, y, x, y, TransferMode.COPY, null, null, null);
        WaitForAsyncUtils.asyncFx(() -> Event.fireEvent(scene, event)).get(5, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        return event;
    }

    private static Dragboard dragboardWith(Path... paths) throws Exception {
        List<File> files = java.util.Arrays.stream(paths).map(Path::toFile).toList();
        return WaitForAsyncUtils.asyncFx(() -> DragboardHelper.createDragboard(
                new FilesClipboard(Map.of(DataFormat.FILES, files)))).get(5, TimeUnit.SECONDS);
    }

    /** The platform side of a dragboard, holding what another application offers. */
    private record FilesClipboard(Map<DataFormat, Object> content) implements TKClipboard {
        @Override
        public Set<DataFormat> getContentTypes() {
            return content.keySet();
        }

        @Override
        @SafeVarargs
        public final boolean putContent(Pair<DataFormat, Object>... pairs) {
            return false;
        }

        @Override
        public Object getContent(DataFormat format) {
            return content.get(format);
        }

        @Override
        public boolean hasContent(DataFormat format) {
            return content.containsKey(format);
        }

        @Override
        public Set<TransferMode> getTransferModes() {
            return Set.of(TransferMode.COPY, TransferMode.MOVE);
        }

        @Override
        public void setDragView(Image image) {
        }

        @Override
        public void setDragViewOffsetX(double offsetX) {
        }

        @Override
        public void setDragViewOffsetY(double offsetY) {
        }

        @Override
        public Image getDragView() {
            return null;
        }

        @Override
        public double getDragViewOffsetX() {
            return 0;
        }

        @Override
        public double getDragViewOffsetY() {
            return 0;
        }
    }
}
