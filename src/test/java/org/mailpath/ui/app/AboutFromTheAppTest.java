package org.mailpath.ui.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import javafx.scene.control.ChoiceBox;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** The app's About button opens the box, in the app's language, with that language selected. */
class AboutFromTheAppTest extends RunningAppTest {

    @Override
    protected Locale locale() {
        return Locale.forLanguageTag("sv");
    }

    @Test
    void theAboutButtonOpensTheBox(FxRobot robot) {
        robot.clickOn("#about");
        WaitForAsyncUtils.waitForFxEvents();
        ChoiceBox<?> choice = robot.lookup("#about-language").queryAs(ChoiceBox.class);
        assertEquals(Locale.forLanguageTag("sv"), choice.getValue());
        assertTrue(robot.lookup("Språk (från nästa start):").tryQuery().isPresent());
        robot.clickOn("Stäng");
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(robot.lookup("#about-language").tryQuery().isEmpty(), "closed");
    }
}
