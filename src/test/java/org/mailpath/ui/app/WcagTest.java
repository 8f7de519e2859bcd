package org.mailpath.ui.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import javafx.scene.paint.Color;
import org.junit.jupiter.api.Test;

/** The WCAG 2.2 arithmetic the contrast tests rely on, against values worked out by hand from its definitions. */
class WcagTest {

    @Test
    void blackOnWhiteIs21AndAColourWithItselfIs1() {
        assertEquals(21.0, Wcag.contrast(Color.BLACK, Color.WHITE), 1e-9);
        assertEquals(1.0, Wcag.contrast(Color.web("#57606a"), Color.web("#57606a")), 1e-9);
    }

    @Test
    void grey767676OnWhiteJustPassesAnd777777JustFails() {
        // 0x76/255 = 0.46275 -> ((0.46275 + 0.055) / 1.055)^2.4 = 0.18116; 1.05 / 0.23116 = 4.542
        assertEquals(4.542, Wcag.contrast(Color.web("#767676"), Color.WHITE), 0.001);
        // 0x77/255 = 0.46667 -> 0.18447; 1.05 / 0.23447 = 4.478
        assertEquals(4.478, Wcag.contrast(Color.web("#777777"), Color.WHITE), 0.001);
        assertEquals(Wcag.contrast(Color.WHITE, Color.web("#767676")), Wcag.contrast(Color.web("#767676"), Color.WHITE));
    }

    @Test
    void largeScaleIs18PointOr14PointBold() {
        assertTrue(Wcag.largeScale(24, false));      // 18 pt = 24 px
        assertFalse(Wcag.largeScale(23.9, false));
        assertTrue(Wcag.largeScale(18.67, true));    // 14 pt = 18.67 px
        assertFalse(Wcag.largeScale(18.5, true));
        assertEquals(4.5, Wcag.needed(14, true));
        assertEquals(3.0, Wcag.needed(24, false));
    }

    @Test
    void halfTransparentBlackOverWhiteIsMidGrey() {
        assertEquals(Color.color(0.5, 0.5, 0.5), Wcag.over(Color.color(0, 0, 0, 0.5), Color.WHITE));
    }
}
