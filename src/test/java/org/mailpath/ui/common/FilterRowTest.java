package org.mailpath.ui.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import javafx.scene.layout.Region;
import org.junit.jupiter.api.Test;

/** How a {@link FilterRow} shares a line between its search field and filters, with regions of known widths. */
class FilterRowTest {

    private static final double GAP = 8;
    private static final double HEIGHT = 34;

    private final Region search = field();
    private final Region first = region(170);
    private final Region second = region(140);
    private final Region button = region(34);
    private final FilterRow row = new FilterRow(search, GAP, first, second, button);

    /** The filters' widths and gaps: what the row needs besides the field. */
    private static final double FILTERS = GAP + 170 + GAP + 140 + GAP + 34;

    @Test
    void aFieldShortOfAFewPixelsGivesThemAndTheLastButtonStaysOnItsLine() {
        double room = FilterRow.SEARCH_MIN_WIDTH - 10 + FILTERS;
        lay(room);
        assertEquals(search.getLayoutY(), button.getLayoutY(), "the button on the search field's line");
        assertEquals(FilterRow.SEARCH_MIN_WIDTH - 10, search.getWidth(), 0.5);
        assertEquals(room, button.getLayoutX() + button.getWidth(), 0.5, "the line ends at the row's end");
        assertEquals(HEIGHT, row.prefHeight(room), 0.5, "one line high");
    }

    @Test
    void theFieldIsSqueezedNoFurtherThanItsPromptAndAWord() {
        double room = FilterRow.SEARCH_SQUEEZED_WIDTH - 1 + FILTERS;
        lay(room);
        assertTrue(button.getLayoutY() > search.getLayoutY(), "the button goes to the next line");
        // a second line is taken anyway: the field keeps its room for a few words
        assertTrue(search.getWidth() >= FilterRow.SEARCH_MIN_WIDTH, "field " + search.getWidth());
        assertEquals(2 * HEIGHT + GAP, row.prefHeight(room), 0.5, "two lines high");
    }

    @Test
    void withRoomToSpareTheFieldTakesIt() {
        double room = 300 + FILTERS;
        lay(room);
        assertEquals(search.getLayoutY(), button.getLayoutY());
        assertEquals(300, search.getWidth(), 0.5);
    }

    private void lay(double width) {
        row.resize(width, row.prefHeight(width));
        row.layout();
    }

    /** As a text field: a preferred width, and less when given less. */
    private static Region field() {
        Region r = new Region();
        r.setPrefSize(200, HEIGHT);
        r.setMinSize(0, HEIGHT);
        r.setMaxSize(Double.MAX_VALUE, HEIGHT);
        return r;
    }

    private static Region region(double width) {
        Region r = new Region();
        r.setPrefSize(width, HEIGHT);
        r.setMinSize(Region.USE_PREF_SIZE, Region.USE_PREF_SIZE);
        r.setMaxSize(Double.MAX_VALUE, HEIGHT);
        return r;
    }
}
