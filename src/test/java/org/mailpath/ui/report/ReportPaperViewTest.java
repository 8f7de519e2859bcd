package org.mailpath.ui.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mailpath.report.Paper;
import org.mailpath.ui.common.WizardSession;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The Report step's choice of paper for the PDF on screen: labelled, bound both ways, reached by its mnemonic. */
@ExtendWith(ApplicationExtension.class)
class ReportPaperViewTest {

    private final WizardSession session = new WizardSession();
    private ReportViewModel model;

    @Start
    void start(Stage stage) {
        model = ReportStepFixture.showDay(stage, session);
    }

    @Test
    void thePaperIsChosenBesideTheLanguageAndBoundBothWays(FxRobot robot) {
        @SuppressWarnings("unchecked")
        ChoiceBox<Paper> paper = robot.lookup("#report-paper").queryAs(ChoiceBox.class);
        // in the fixed bar with the other options that shape the export, always there for the PDF button
        assertTrue(robot.lookup("#report-actions #report-paper").tryQuery().isPresent());
        assertTrue(paper.isVisible());
        assertFalse(paper.isDisabled(), "offered while the PDF can be exported");
        assertTrue(robot.lookup("#report-export-pdf").queryButton().isVisible());
        assertEquals(List.of(Paper.A4, Paper.LETTER), paper.getItems());
        assertEquals(List.of("A4", "US Letter"),
                paper.getItems().stream().map(p -> paper.getConverter().toString(p)).toList());
        assertSame(model.paperProperty().get(), paper.getValue());

        robot.interact(() -> model.paperProperty().set(Paper.LETTER));
        assertEquals(Paper.LETTER, paper.getValue());
        robot.interact(() -> paper.setValue(Paper.A4));
        assertEquals(Paper.A4, model.paperProperty().get());

        // labelled for a screen reader, its help the tooltip's sentence with the sizes
        Label label = robot.lookup(n -> n instanceof Label l && l.getLabelFor() == paper).queryAs(Label.class);
        assertEquals("P_aper for PDF", label.getText());
        assertTrue(label.isMnemonicParsing());
        assertEquals(paper.getTooltip().getText(), paper.getAccessibleHelp());
        assertTrue(paper.getAccessibleHelp().contains("210 × 297 mm"), paper.getAccessibleHelp());
    }

    @Test
    void altAMovesTheFocusToThePaper(FxRobot robot) {
        ChoiceBox<?> paper = robot.lookup("#report-paper").queryAs(ChoiceBox.class);
        robot.press(KeyCode.ALT).type(KeyCode.A).release(KeyCode.ALT);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(paper.isFocused(), "Alt+A focuses the paper choice");
    }
}
