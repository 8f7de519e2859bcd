package org.mailpath.ui.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mailpath.ui.app.SceneNodes.all;
import static org.mailpath.ui.app.SceneNodes.shown;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.collections.ObservableList;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ComboBoxBase;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Control;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.IndexedCell;
import javafx.scene.control.Labeled;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.RadioButton;
import javafx.scene.control.ScrollBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Spinner;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.TitledPane;
import javafx.scene.control.skin.ComboBoxListViewSkin;
import javafx.scene.layout.BackgroundFill;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.stage.Window;
import org.controlsfx.control.CheckComboBox;
import org.junit.jupiter.api.Test;
import org.mailpath.ui.dnscheck.ChecksState;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The interaction states of the controls on every step, in the light and the dark theme, measured on the real
 * controls with the themes' and MailPath's style sheets applied (each state set as the pseudo-class its style sheet
 * reads, see {@link States}; focus given for real):
 * <ul>
 * <li>WCAG 2.2 SC 1.4.3 (https://www.w3.org/TR/WCAG22/#contrast-minimum): every text of a button, check box, text
 * field, table or list row and tab keeps 4.5:1 (3:1 if large) when hovered, pressed, focused or selected.</li>
 * <li>SC 1.4.11 (https://www.w3.org/TR/WCAG22/#non-text-contrast), as Understanding Non-text Contrast
 * (https://www.w3.org/WAI/WCAG22/Understanding/non-text-contrast.html) reads it: what identifies a check box or a text
 * field (its edge) has 3:1 against what is around it in every state, the check against the box; what shows a state
 * (a selected row among the others, the selected tab, the current and the done step, the keyboard focus) has 3:1
 * against the colours next to it. A hover effect itself need not contrast ("Hover states": the pointer shows the
 * hover) but must not take contrast from the rest, so every check also runs hovered.</li>
 * <li>Drop-downs (combo boxes, choice boxes, the Events step's CheckComboBox): the arrow ("Dropdown indicator") has
 * 3:1, which with their text makes a contrasting edge unnecessary ("Boundaries"); their focus; opened, the selected
 * item of the list and the item the keys are on in a menu. Table column headers' texts and sort arrow, the titled
 * pane's title, arrow and focus, a scroll bar's thumb against its track (CSS Scrollbars Level 1, scrollbar-color,
 * https://www.w3.org/TR/css-scrollbars-1/#scrollbar-color), a split pane divider's grabber.</li>
 * <li>A focus ring drawn outside a control is not cut off by the clip of what holds it (a split pane's side), nor
 * covered by a region painted after it, while the control itself is not (see {@link FocusRings}): of a scrolling view
 * (a scroll pane, a list's or a table's rows) the edges it is scrolled to the end of count, so every scroll pane, list
 * and table is measured at its start (as a step opens: first row, first column, top) and scrolled to its end (last
 * row, last column, bottom). SC 2.4.7 Focus Visible (https://www.w3.org/TR/WCAG22/#focus-visible) and, for the
 * indicator's contrast, SC 1.4.11 as Understanding Non-text Contrast's "Relationship with Focus Visible" reads it.</li>
 * <li>Besides what the steps open with, what a keyboard user also meets: the titled pane "Resolver settings" opened
 * (its fields and the timeout spinner: the spinner's edge, its arrows against their buttons, its focus), each other
 * tab of a tab pane shown (the Events step's domains table), the mail server test and its RCPT test opted into (the
 * RCPT address field enabled: an editable drop-down is a field typed into, so its edge has 3:1 as a text field's),
 * every table sorted up and down by its first column (the sort arrow) and the About box opened from the header (its
 * language choice and its buttons). Left out as SC 1.4.11 and SC 1.4.3 allow: disabled controls ("inactive user
 * interface components"), such as the DNS step's conversation tab before a mail server was talked to.</li>
 * </ul>
 */
class InteractionStatesTest extends RunningAppTest {

    private final List<String> problems = new ArrayList<>();
    private final Map<String, Integer> counted = new TreeMap<>();

    private static void waitUntil(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, condition);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void everyControlKeepsItsContrastInEveryStateInBothThemes(FxRobot robot) throws Exception {
        showSampleEvents(robot);
        robot.interact(() -> app.wizard().goTo(AppContext.CHECKS));
        waitUntil(() -> app.checksModel().canRunProperty().get());
        robot.interact(() -> app.checksModel().run());
        waitUntil(() -> app.checksModel().stateProperty().get() == ChecksState.DONE);
        // the mail server test and its RCPT test opted into after the run: the RCPT box shows, and its address field
        // is enabled (disabled, it would be an inactive component that SC 1.4.11 leaves out)
        robot.interact(() -> {
            app.checksModel().probeServersProperty().set(true);
            app.checksModel().rcptTestProperty().set(true);
        });
        inBothThemes(robot, theme -> {
            for (int step = 0; step < 5; step++) {
                int index = step;
                showStep(robot, index);
                robot.interact(() -> visitStep(theme + ", step " + (index + 1)));
            }
            about(robot, theme);
        });
        System.out.println("InteractionStatesTest: " + counted + ", " + problems.size() + " problems");
        problems.forEach(p -> System.out.println("  " + p));
        assertTrue(counted.getOrDefault("button", 0) > 40, "buttons: " + counted);
        assertTrue(counted.getOrDefault("check box", 0) >= 6, "check boxes: " + counted);
        assertTrue(counted.getOrDefault("text field", 0) >= 10, "text fields: " + counted);
        assertTrue(counted.getOrDefault("row", 0) >= 30, "rows: " + counted);
        assertTrue(counted.getOrDefault("tab", 0) >= 6, "tabs: " + counted);
        assertTrue(counted.getOrDefault("step", 0) >= 20, "steps: " + counted);
        assertTrue(counted.getOrDefault("drop-down", 0) >= 8, "drop-downs: " + counted);
        assertTrue(counted.getOrDefault("list item", 0) >= 10, "open list items: " + counted);
        assertTrue(counted.getOrDefault("menu item", 0) >= 4, "menu items: " + counted);
        assertTrue(counted.getOrDefault("table header", 0) >= 6, "table headers: " + counted);
        assertTrue(counted.getOrDefault("titled pane", 0) >= 2, "titled panes: " + counted);
        assertTrue(counted.getOrDefault("scroll bar", 0) >= 10, "scroll bars: " + counted);
        assertTrue(counted.getOrDefault("divider", 0) >= 8, "dividers: " + counted);
        assertTrue(counted.getOrDefault("sort arrow", 0) >= 8, "sort arrows: " + counted);
        assertTrue(counted.getOrDefault("spinner", 0) >= 2, "spinners: " + counted);
        assertTrue(counted.getOrDefault("editable drop-down", 0) >= 2, "the RCPT address: " + counted);
        assertEquals(2, counted.getOrDefault("About box", 0), "About boxes: " + counted);
        assertTrue(counted.getOrDefault("tab shown", 0) >= 2, "tabs shown in turn: " + counted);
        // 96 since the DNS step's findings became a virtualized list (stop 45): only the cards in sight have rings
        assertTrue(counted.getOrDefault("ring scrolled to the end", 0) >= 90, "rings scrolled to the end: " + counted);
        assertEquals("", String.join("\n", problems));
    }

    /**
     * A step as a keyboard user meets it: its controls, with every titled pane opened (the fields behind "Resolver
     * settings"), then each other tab of a tab pane shown in turn, then every scrolling view scrolled to its end (the
     * focus rings at its last row, its last column, its bottom). On the JavaFX thread.
     */
    private void visitStep(String where) {
        Parent root = app.scene().getRoot();
        for (Node n : all(root)) {
            if (n instanceof TitledPane p && shown(p) && !p.isExpanded()) {
                p.setAnimated(false);
                p.setExpanded(true);
            }
        }
        visit(root, where);
        for (Node n : all(root)) {
            if (n instanceof TabPane pane && shown(pane) && !inactive(pane)) {
                Tab chosen = pane.getSelectionModel().getSelectedItem();
                for (Tab tab : List.copyOf(pane.getTabs())) {
                    if (tab != chosen && !tab.isDisabled() && tab.getContent() instanceof Parent content) {
                        count("tab shown");
                        pane.getSelectionModel().select(tab);
                        visit(content, where + " tab \"" + tab.getText() + "\"");
                    }
                }
                pane.getSelectionModel().select(chosen);
            }
        }
        root.applyCss();
        root.layout();
        scrolledToTheEnd(root, where);
    }

    /** Every enabled control under {@code root} now shown, in each of its states; on the JavaFX thread. */
    private void visit(Parent root, String where) {
        root.applyCss();
        root.layout();
        for (Node n : all(root)) {
            if (!shown(n) || inactive(n) || n.getParent() instanceof ComboBoxBase) {
                continue;
            }
            String at = where + ": " + TextContrast.where(n);
            switch (n) {
                case CheckBox c -> checkBox(c, at);
                case ButtonBase b when !(b instanceof Hyperlink) && !(b instanceof RadioButton) -> button(b, at);
                case TextInputControl t when !(t.getParent() instanceof Spinner<?>) -> textInput(t, at);
                case Spinner<?> spinner -> spinner(spinner, at);
                case TabPane p -> tabs(p, at);
                case ComboBoxBase<?> c -> choice(c, at);
                case ChoiceBox<?> c -> choice(c, at);
                case TitledPane p -> titledPane(p, at);
                case ScrollBar s -> scrollBar(s, at);
                case SplitPane p -> dividers(p, at);
                default -> {
                }
            }
        }
        // the rows of each table and list, with the view not focused and then focused
        for (Node n : all(root)) {
            if (n instanceof Control view && (n instanceof javafx.scene.control.TableView<?>
                    || n instanceof javafx.scene.control.ListView<?>) && shown(n) && !inactive(n)
                    && !(n.getParent() instanceof ComboBoxBase)) {
                rows(view, where + ": " + TextContrast.where(view));
                if (view instanceof TableView<?> table) {
                    columnHeaders(table, where + ": " + TextContrast.where(view));
                }
            }
        }
    }

    private void count(String what) {
        counted.merge(what, 1, Integer::sum);
    }

    /** Styles applied again in every window: the main one and an open list or menu (a popup window of its own). */
    private void refresh() {
        for (Window w : Window.getWindows()) {
            if (w.getScene() != null) {
                w.getScene().getRoot().applyCss();
            }
        }
    }

    // ---- buttons and the wizard's steps

    private void button(ButtonBase b, String at) {
        boolean step = b.getStyleClass().contains("step-button");
        count(step ? "step" : "button");
        for (String state : List.of("", "hover", "armed")) {
            on(b, state);
            texts(b, at, state);
            if (step) {
                stepBadge(b, at, state);
            }
            off(b, state);
            if (b.isFocusTraversable()) {
                focus(b, at, state, List.of(b));
            }
        }
    }

    /** The current and the done step show it in their badge's colour, against the header behind the badge. */
    private void stepBadge(ButtonBase b, String at, String state) {
        if (!b.getStyleClass().contains("current") && !b.getStyleClass().contains("done")) {
            return;
        }
        Region badge = (Region) b.lookup(".step-badge");
        Color behind = TextContrast.behind(badge);
        Color fill = fills(badge, behind).getFirst();
        need(Wcag.contrast(fill, behind), at, state, "step badge " + Wcag.hex(fill) + " against " + Wcag.hex(behind));
    }

    // ---- check boxes

    private void checkBox(CheckBox c, String at) {
        checkBox(c, at, true);
    }

    private void checkBox(CheckBox c, String at, boolean focusable) {
        count("check box");
        Region box = (Region) c.lookup(".box");
        Region mark = (Region) c.lookup(".mark");
        for (String state : List.of("", "hover", "selected", "selected hover", "armed")) {
            on(c, state);
            texts(c, at, state);
            Color behind = TextContrast.behind(box);
            List<Color> boxFills = fills(box, behind);
            need(Wcag.contrast(boxFills.getFirst(), behind), at, state,
                    "box edge " + Wcag.hex(boxFills.getFirst()) + " against " + Wcag.hex(behind));
            if (state.contains("selected")) {
                Color inside = boxFills.getLast();
                Color check = fills(mark, inside).getFirst();
                need(Wcag.contrast(check, inside), at, state, "check " + Wcag.hex(check) + " on " + Wcag.hex(inside));
            }
            off(c, state);
            if (focusable) {
                focus(c, at, state, List.of(c, box));
            }
        }
    }

    // ---- text fields and areas

    private void textInput(TextInputControl t, String at) {
        count("text field");
        for (String state : List.of("", "hover")) {
            on(t, state);
            edge(t, at, state);
            texts(t, at, state);
            off(t, state);
            focus(t, at, state, List.of(t));
        }
    }

    /** The field's edge (its outer fill) against what is around it: what shows where to type. */
    private void edge(Region field, String at, String state) {
        Color behind = TextContrast.behind(field);
        Color edge = fills(field, behind).getFirst();
        need(Wcag.contrast(edge, behind), at, state, "edge " + Wcag.hex(edge) + " against " + Wcag.hex(behind));
    }

    // ---- table and list rows

    private void rows(Control view, String at) {
        count("table or list");
        List<IndexedCell<?>> rows = new ArrayList<>();
        for (Node n : all(view)) {
            if ((n instanceof TableRow<?> || n instanceof ListCell<?>) && shown(n) && !((IndexedCell<?>) n).isEmpty()
                    && !inactive(n)) {
                rows.add((IndexedCell<?>) n);
            }
        }
        Node before = view.getScene().getFocusOwner();
        for (boolean focused : List.of(false, true)) {
            if (focused) {
                view.requestFocus();
                refresh();
                if (!view.isFocused()) {
                    problems.add(at + ": did not take the focus");
                    continue;
                }
            }
            for (IndexedCell<?> row : rows) {
                count("row");
                row(row, at + " row " + row.getIndex(), focused ? "focused view" : "");
            }
        }
        if (before != null) {
            before.requestFocus();
        }
        refresh();
        focus(view, at, "", List.of(view));
    }

    /**
     * A row in each state; selected, something of it that the other rows do not have has 3:1 against their
     * background and against its own.
     */
    private void row(IndexedCell<?> row, String at, String view) {
        boolean selected = row.isSelected();
        States.set(row, "selected", false);
        refresh();
        Color behind = TextContrast.behind(row);
        List<Color> plain = fills(row, behind);
        Color others = plain.getLast();
        for (String state : List.of("", "hover", "selected", "selected hover")) {
            String named = (view + " " + state).strip();
            on(row, state);
            texts(row, at, named);
            if (state.contains("selected")) {
                List<Color> lit = TextContrast.bands(row, behind);
                Color own = fills(row, behind).getLast();
                double best = 0;
                for (Color band : lit) {
                    if (!plain.contains(band)) {
                        best = Math.max(best, Math.min(Wcag.contrast(band, others), Wcag.contrast(band, own)));
                    }
                }
                need(best, at, named, "selection shown against " + Wcag.hex(others) + " (other rows) and "
                        + Wcag.hex(own) + " (the row)");
            }
            off(row, state);
        }
        States.set(row, "selected", selected);
        refresh();
    }

    // ---- tabs

    private void tabs(TabPane pane, String at) {
        List<Region> headers = new ArrayList<>();
        for (Node n : pane.lookupAll(".tab")) {
            if (n instanceof Region r && n.getParent() != null && n.getParent().getStyleClass().contains("headers-region")
                    && shown(n) && !inactive(n)) {
                headers.add(r);
            }
        }
        Region selected = (Region) headers.stream()
                .filter(h -> h.getPseudoClassStates().stream().anyMatch(c -> c.getPseudoClassName().equals("selected")))
                .findFirst().orElseThrow();
        for (Region header : headers) {
            count("tab");
            for (String state : List.of("", "hover")) {
                on(header, state);
                texts(header, at + " tab", state);
                off(header, state);
            }
        }
        for (Region other : headers) {
            if (other == selected) {
                continue;
            }
            for (String state : List.of("", "hover")) {
                on(selected, state);
                Color behind = TextContrast.behind(selected);
                List<Color> plain = tabBands(other, TextContrast.behind(other));
                double best = 0;
                for (Color band : tabBands(selected, behind)) {
                    if (!plain.contains(band)) {
                        best = Math.max(best, Wcag.contrast(band, behind));
                    }
                }
                need(best, at + " selected tab", state, "selected tab shown against " + Wcag.hex(behind));
                off(selected, state);
            }
        }
        if (pane.isFocusTraversable()) {
            List<Region> parts = new ArrayList<>(List.of(pane, selected));
            parts.addAll(tabParts(selected));
            focus(pane, at, "", parts);
        }
    }

    /** A tab header's own bands and those of its container (the card of a floating tab), over {@code behind}. */
    private static List<Color> tabBands(Region tab, Color behind) {
        List<Color> bands = new ArrayList<>(TextContrast.bands(tab, behind));
        tabParts(tab).forEach(part -> bands.addAll(TextContrast.bands(part, behind)));
        return bands;
    }

    /** The regions a tab header is drawn with: its container and the container's focus indicator. */
    private static List<Region> tabParts(Region tab) {
        List<Region> parts = new ArrayList<>();
        for (String style : List.of(".tab-container", ".focus-indicator")) {
            if (tab.lookup(style) instanceof Region r) {
                parts.add(r);
            }
        }
        return parts;
    }

    // ---- drop-downs: combo boxes, choice boxes, the combo box a CheckComboBox is drawn with

    /**
     * Understanding's "Dropdown indicator": the arrow is what shows there is a list to open, so it has 3:1 against the
     * control's inside in every state; with its text and that arrow the control needs no contrasting edge
     * ("Boundaries"). Its texts in every state, its focus (a CheckComboBox takes the focus for its combo box), and,
     * opened, the items of its list.
     */
    private void choice(Control c, String at) {
        count("drop-down");
        Control focusable = c.getParent() instanceof CheckComboBox<?> owner ? owner : c;
        Region arrow = (Region) c.lookup(".arrow");
        boolean editable = c instanceof ComboBoxBase<?> combo && combo.isEditable();
        if (editable) {
            count("editable drop-down");
        }
        for (String state : List.of("", "hover", "showing")) {
            on(c, state);
            texts(c, at, state);
            if (editable) {
                // typed into as a text field is: its edge shows where ("Text input")
                edge(c, at, state);
            }
            Color inside = TextContrast.behind(arrow);
            Color fill = fills(arrow, inside).getFirst();
            need(Wcag.contrast(fill, inside), at, state, "arrow " + Wcag.hex(fill) + " on " + Wcag.hex(inside));
            off(c, state);
            if (!state.equals("showing")) {
                focus(focusable, at, state, List.of(c));
            }
        }
        switch (c) {
            case ComboBox<?> combo -> comboList(combo, at);
            case ChoiceBox<?> box -> choiceMenu(box, at);
            default -> {
            }
        }
    }

    /** The open list of a combo box: each item as a row, the check boxes of a CheckComboBox's items as check boxes. */
    private void comboList(ComboBox<?> combo, String at) {
        combo.show();
        try {
            if (!(combo.getSkin() instanceof ComboBoxListViewSkin<?> skin) || !(skin.getPopupContent() instanceof ListView<?> list)) {
                problems.add(at + ": no list to open");
                return;
            }
            list.applyCss();
            list.layout();
            for (Node n : all(list)) {
                if (n instanceof ListCell<?> cell && shown(cell) && !cell.isEmpty()) {
                    count("list item");
                    row(cell, at + " open list item " + cell.getIndex(), "open list");
                    if (cell.getGraphic() instanceof CheckBox box) {
                        checkBox(box, at + " open list item " + cell.getIndex(), false);
                    }
                }
            }
        } finally {
            combo.hide();
        }
    }

    /**
     * The open menu of a choice box: its items' texts, the check on the chosen one, and the item the arrow keys are
     * on (the menu item's focus) shown with 3:1 against the menu.
     */
    private void choiceMenu(ChoiceBox<?> box, String at) {
        box.show();
        try {
            ContextMenu menu = Window.getWindows().stream().filter(w -> w instanceof ContextMenu m && m.getOwnerNode() == box)
                    .map(ContextMenu.class::cast).findFirst().orElse(null);
            if (menu == null) {
                problems.add(at + ": no menu to open");
                return;
            }
            Parent content = menu.getScene().getRoot();
            content.applyCss();
            content.layout();
            for (Node n : all(content)) {
                if (n instanceof Region item && item.getStyleClass().contains("menu-item") && shown(item)) {
                    count("menu item");
                    String where = at + " menu item " + SceneNodes.squash(String.valueOf(item.lookup(".label") instanceof Labeled l ? l.getText() : ""));
                    // the menu opens with the chosen item under the keys: measured plain without that first
                    boolean keys = item.getPseudoClassStates().stream().anyMatch(c -> c.getPseudoClassName().equals("focused"));
                    States.set(item, "focused", false);
                    refresh();
                    Color behind = TextContrast.behind(item);
                    List<Color> plain = TextContrast.bands(item, behind);
                    for (String state : List.of("", "hover", "focused")) {
                        on(item, state);
                        texts(item, where, state);
                        if (item.lookup(".radio") instanceof Region check && check.isVisible()
                                && item.getPseudoClassStates().stream().anyMatch(c -> c.getPseudoClassName().equals("checked"))) {
                            Color inside = TextContrast.behind(check);
                            Color fill = fills(check, inside).getFirst();
                            need(Wcag.contrast(fill, inside), where, state, "check " + Wcag.hex(fill) + " on " + Wcag.hex(inside));
                        }
                        if (state.equals("focused")) {
                            double best = 0;
                            for (Color band : TextContrast.bands(item, behind)) {
                                if (!plain.contains(band)) {
                                    best = Math.max(best, Wcag.contrast(band, behind));
                                }
                            }
                            need(best, where, state, "item the keys are on shown against " + Wcag.hex(behind));
                        }
                        off(item, state);
                    }
                    States.set(item, "focused", keys);
                    refresh();
                }
            }
        } finally {
            box.hide();
        }
    }

    // ---- table column headers

    /**
     * The column headers' texts, plain and hovered, and the sort arrow of a sorted column (a graphic that shows the
     * order: 3:1 against the header).
     */
    private void columnHeaders(TableView<?> table, String at) {
        Region header = (Region) table.lookup(".column-header-background");
        if (header == null || !shown(header) || header.getHeight() == 0) {
            return;
        }
        count("table header");
        for (String state : List.of("", "hover")) {
            on(header, state);
            texts(header, at + " header", state);
            off(header, state);
        }
        sortArrows(table, header, at + " header");
    }

    /**
     * The sort arrow (a graphic that shows the order: 3:1 against its header), sorted up and down by the first
     * column that sorts, plain and hovered; the table's own order is put back after. A table whose items cannot be
     * sorted in place refuses the sort (TableView's default policy puts the order back): no arrow to measure.
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private void sortArrows(TableView<?> table, Region header, String at) {
        List<TableColumn> order = new ArrayList<>(table.getSortOrder());
        TableColumn column = table.getColumns().stream().filter(TableColumn::isSortable).findFirst().orElse(null);
        if (column == null) {
            return;
        }
        TableColumn.SortType type = column.getSortType();
        try {
            for (TableColumn.SortType way : TableColumn.SortType.values()) {
                column.setSortType(way);
                ((ObservableList) table.getSortOrder()).setAll(List.of(column));
                if (table.getSortOrder().isEmpty()) {
                    System.out.println("InteractionStatesTest: " + at + " refuses to sort");
                    return;
                }
                table.getScene().getRoot().applyCss();
                table.getScene().getRoot().layout();
                for (String state : List.of("", "hover")) {
                    on(header, state);
                    for (Node n : header.lookupAll(".arrow")) {
                        if (n instanceof Region arrow && shown(arrow) && arrow.getWidth() > 0) {
                            count("sort arrow");
                            Color inside = TextContrast.behind(arrow);
                            Color fill = fills(arrow, inside).getFirst();
                            need(Wcag.contrast(fill, inside), at, (state + " sorted " + way).strip(),
                                    "sort arrow " + Wcag.hex(fill) + " on " + Wcag.hex(inside));
                        }
                    }
                    off(header, state);
                }
            }
        } finally {
            column.setSortType(type);
            ((ObservableList) table.getSortOrder()).setAll(order);
        }
    }

    // ---- scroll bars, split pane dividers, titled panes

    /**
     * The thumb against the track, seen through the bar's own opacity: what shows where the view is scrolled and
     * what to drag (CSS Scrollbars Level 1, scrollbar-color: "authors should ensure the specified colors have enough
     * contrast between them", citing SC 1.4.11).
     */
    private void scrollBar(ScrollBar bar, String at) {
        Region thumb = (Region) bar.lookup(".thumb");
        Region track = (Region) bar.lookup(".track");
        if (thumb == null || track == null || !shown(thumb) || thumb.getWidth() == 0) {
            return;
        }
        count("scroll bar");
        for (String state : List.of("", "hover")) {
            on(bar, state);
            Color behind = TextContrast.behind(bar);
            Color under = fills(track, fills(bar, behind).getLast()).getLast();
            Color trackSeen = Wcag.mix(behind, under, bar.getOpacity());
            Color thumbSeen = Wcag.mix(behind, fills(thumb, under).getLast(), bar.getOpacity());
            need(Wcag.contrast(thumbSeen, trackSeen), at + " scroll bar", state,
                    "thumb " + Wcag.hex(thumbSeen) + " on track " + Wcag.hex(trackSeen));
            off(bar, state);
        }
    }

    /**
     * A divider is a control (it is dragged to share the room); its grabber is what shows it is there, so it has 3:1
     * against the divider's band and against what is around the divider, seen through the divider's opacity.
     */
    private void dividers(SplitPane pane, String at) {
        for (Node n : pane.getChildrenUnmodifiable()) {
            if (!(n instanceof Region divider) || !divider.getStyleClass().contains("split-pane-divider") || !shown(n)) {
                continue;
            }
            Region grabber = (Region) divider.lookup(pane.getOrientation() == Orientation.HORIZONTAL
                    ? ".horizontal-grabber" : ".vertical-grabber");
            count("divider");
            for (String state : List.of("", "hover")) {
                on(divider, state);
                Color behind = TextContrast.behind(divider);
                Color band = fills(divider, behind).getLast();
                Color bandSeen = Wcag.mix(behind, band, divider.getOpacity());
                Color grip = Wcag.mix(behind, fills(grabber, band).getLast(), divider.getOpacity());
                need(Math.min(Wcag.contrast(grip, bandSeen), Wcag.contrast(grip, behind)), at + " divider", state,
                        "grabber " + Wcag.hex(grip) + " on " + Wcag.hex(bandSeen) + " between " + Wcag.hex(behind));
                off(divider, state);
            }
        }
    }

    /** A titled pane's title: its texts, its arrow (what shows it opens and closes) against the title, its focus. */
    private void titledPane(TitledPane pane, String at) {
        count("titled pane");
        Region title = (Region) pane.lookup(".title");
        Region arrow = (Region) title.lookup(".arrow");
        boolean open = pane.isExpanded();
        for (boolean expanded : List.of(false, true)) {
            pane.setExpanded(expanded);
            pane.getScene().getRoot().layout();
            String named = at + (expanded ? " (open)" : " (closed)");
            for (String state : List.of("", "hover")) {
                on(title, state);
                texts(title, named + " title", state);
                Color inside = TextContrast.behind(arrow);
                Color fill = fills(arrow, inside).getFirst();
                need(Wcag.contrast(fill, inside), named + " title", state, "arrow " + Wcag.hex(fill) + " on " + Wcag.hex(inside));
                off(title, state);
                focus(pane, named, state, List.of(title));
            }
        }
        pane.setExpanded(open);
        pane.getScene().getRoot().layout();
    }

    // ---- spinners (the DNS step's timeout)

    /**
     * A spinner is typed into: its edge (the border it is drawn with) shows where, as a text field's does ("Text
     * input"); its arrows are what show it steps ("Dropdown indicator" by analogy: the graphic that says what the
     * control does), 3:1 against their buttons; its focus.
     */
    private void spinner(Spinner<?> spinner, String at) {
        count("spinner");
        for (String state : List.of("", "hover")) {
            on(spinner, state);
            texts(spinner, at, state);
            Color behind = TextContrast.behind(spinner);
            Color edge = spinner.getBorder() == null || spinner.getBorder().getStrokes().isEmpty()
                    ? fills(spinner, behind).getFirst()
                    : Wcag.over((Color) spinner.getBorder().getStrokes().getFirst().getTopStroke(), behind);
            need(Wcag.contrast(edge, behind), at, state, "edge " + Wcag.hex(edge) + " against " + Wcag.hex(behind));
            for (String part : List.of("increment", "decrement")) {
                Region button = (Region) spinner.lookup("." + part + "-arrow-button");
                Region arrow = (Region) spinner.lookup("." + part + "-arrow");
                on(button, state);
                Color inside = fills(button, TextContrast.behind(button)).getLast();
                Color fill = fills(arrow, inside).getFirst();
                need(Wcag.contrast(fill, inside), at, state, part + " arrow " + Wcag.hex(fill) + " on " + Wcag.hex(inside));
                off(button, state);
            }
            off(spinner, state);
            focus(spinner, at, state, List.of(spinner));
        }
    }

    // ---- focus rings at the far end of what scrolls

    /**
     * Every scroll pane, list and table under {@code root} scrolled to the end both ways (its last row, its last
     * column, its bottom), and the focus ring of each control in it then on screen measured: where a view is
     * scrolled to its start (as the steps open), {@link #focus} measured them already. Scrolled back after.
     */
    private void scrolledToTheEnd(Parent root, String where) {
        List<Control> views = new ArrayList<>();
        for (Node n : all(root)) {
            if ((n instanceof ScrollPane || n instanceof ListView<?> || n instanceof TableView<?>) && shown(n)
                    && !inactive(n) && !(n.getParent() instanceof ComboBoxBase) && !(n.getParent() instanceof TextInputControl)
                    && !n.getStyleClass().contains("text-area")) {
                views.add((Control) n);
            }
        }
        for (Control view : views) {
            scroll(view, true);
            String at = where + ": " + TextContrast.where(view) + " scrolled to the end";
            for (Node n : all(view)) {
                if (n == view || !(n instanceof Control c) || !shown(c) || inactive(c) || !c.isFocusTraversable()
                        && !(c instanceof CheckBox)) {
                    continue;
                }
                List<Region> parts = switch (c) {
                    case CheckBox box -> List.of(box, (Region) box.lookup(".box"));
                    case TitledPane pane -> List.of((Region) pane.lookup(".title"));
                    case ButtonBase b when !(b instanceof Hyperlink) -> List.of(b);
                    case TextInputControl t when !(t.getParent() instanceof ComboBoxBase) -> List.of(t);
                    case ComboBoxBase<?> box -> List.of(box);
                    case ChoiceBox<?> box -> List.of(box);
                    default -> List.of();
                };
                if (parts.isEmpty()) {
                    continue;
                }
                count("ring scrolled to the end");
                Node before = c.getScene().getFocusOwner();
                c.requestFocus();
                refresh();
                parts.forEach(part -> ringInsideClips(part, at + " " + TextContrast.where(c), "focused"));
                if (before != null) {
                    before.requestFocus();
                }
                refresh();
            }
            scroll(view, false);
        }
    }

    /** Scrolls a scroll pane, list or table to its end both ways, or back to its start; lays it out. */
    private static void scroll(Control view, boolean toTheEnd) {
        switch (view) {
            case ScrollPane pane -> {
                pane.setVvalue(toTheEnd ? pane.getVmax() : pane.getVmin());
                pane.setHvalue(toTheEnd ? pane.getHmax() : pane.getHmin());
            }
            case ListView<?> list -> list.scrollTo(toTheEnd ? list.getItems().size() - 1 : 0);
            case TableView<?> table -> table.scrollTo(toTheEnd ? table.getItems().size() - 1 : 0);
            default -> {
            }
        }
        view.getScene().getRoot().layout();
        // a list's or table's columns scroll with its own horizontal bar
        if (!(view instanceof ScrollPane) && view.lookup(".virtual-flow") instanceof Parent flow) {
            for (Node n : flow.getChildrenUnmodifiable()) {
                if (n instanceof ScrollBar bar && bar.getOrientation() == Orientation.HORIZONTAL) {
                    bar.setValue(toTheEnd ? bar.getMax() : bar.getMin());
                }
            }
        }
        view.applyCss();
        view.getScene().getRoot().layout();
        view.getScene().getRoot().layout();
    }

    // ---- the About box

    /**
     * The About box, opened from the header's button as a user does, measured as a step is (its language choice, its
     * buttons), then closed with its Close button.
     */
    private void about(FxRobot robot, String theme) throws Exception {
        Platform.runLater(() -> ((ButtonBase) app.scene().getRoot().lookup("#about")).fire());
        waitUntil(() -> dialog().isPresent());
        DialogPane pane = dialog().orElseThrow();
        count("About box");
        try {
            robot.interact(() -> visit(pane, theme + ", About box"));
        } finally {
            robot.interact(() -> pane.getButtonTypes().stream()
                    .filter(t -> t.getButtonData() == ButtonBar.ButtonData.CANCEL_CLOSE)
                    .map(t -> (ButtonBase) pane.lookupButton(t)).findFirst().orElseThrow().fire());
            waitUntil(() -> dialog().isEmpty());
        }
    }

    private static Optional<DialogPane> dialog() {
        return Window.getWindows().stream().filter(Window::isShowing).map(Window::getScene)
                .filter(s -> s != null && s.getRoot() instanceof DialogPane).map(s -> (DialogPane) s.getRoot())
                .findFirst();
    }

    // ---- what the checks share

    /** Puts {@code node} in each pseudo-class named in {@code state} (space-separated). */
    private void on(Node node, String state) {
        for (String s : state.split(" ")) {
            switch (s) {
                case "" -> {
                }
                case "hover" -> States.hover(node, true);
                default -> States.set(node, s, true);
            }
        }
        refresh();
    }

    /** Takes {@code node} out of the states of {@link #on} (back to the control's own). */
    private void off(Node node, String state) {
        for (String s : state.split(" ")) {
            switch (s) {
                case "" -> {
                }
                case "hover" -> States.hover(node, false);
                case "armed" -> States.set(node, s, node instanceof ButtonBase b && b.isArmed());
                case "selected" -> States.set(node, s, node instanceof IndexedCell<?> cell ? cell.isSelected()
                        : node instanceof CheckBox box && box.isSelected());
                case "showing" -> States.set(node, s, node instanceof ComboBoxBase<?> combo ? combo.isShowing()
                        : node instanceof ChoiceBox<?> choice && choice.isShowing());
                case "focused" -> States.set(node, s, false);
                default -> throw new IllegalArgumentException(s);
            }
        }
        refresh();
    }

    private void texts(Parent p, String at, String state) {
        for (TextContrast.Measure m : TextContrast.measure(p)) {
            if (m.fails()) {
                problems.add(at + " [" + (state.isEmpty() ? "plain" : state) + "] " + m);
            }
        }
    }

    private void need(double ratio, String at, String state, String what) {
        if (ratio < Wcag.LARGE_TEXT_OR_NON_TEXT) {
            problems.add(String.format(Locale.ROOT, "%s [%s] %s: %.2f:1, needs 3", at, state.isEmpty() ? "plain" : state,
                    what, ratio));
        }
    }

    /**
     * Focused in {@code state}, some band of one of {@code parts} looks different from unfocused in that state, and
     * has 3:1 against what is behind that part; the control's texts keep their contrast focused.
     */
    private void focus(Control control, String at, String state, List<Region> parts) {
        Node before = control.getScene().getFocusOwner();
        if (control.isFocused()) {
            // a dialog opens with the focus on a button: measured unfocused first, the focus parked on the root
            control.getScene().getRoot().requestFocus();
        }
        on(control, state);
        List<Color> behind = parts.stream().map(TextContrast::behind).toList();
        List<List<Color>> plain = new ArrayList<>();
        for (int i = 0; i < parts.size(); i++) {
            plain.add(TextContrast.bands(parts.get(i), behind.get(i)));
        }
        control.requestFocus();
        refresh();
        String named = (state + " focused").strip();
        if (!control.isFocused()) {
            problems.add(at + " [" + named + "] did not take the focus");
        } else {
            texts(control, at, named);
            double best = 0;
            for (int i = 0; i < parts.size(); i++) {
                List<Color> lit = TextContrast.bands(parts.get(i), behind.get(i));
                for (int j = 0; j < lit.size(); j++) {
                    if (j >= plain.get(i).size() || !lit.get(j).equals(plain.get(i).get(j))) {
                        best = Math.max(best, Wcag.contrast(lit.get(j), behind.get(i)));
                    }
                }
            }
            need(best, at, named, "focus shown");
            parts.forEach(part -> ringInsideClips(part, at, named));
        }
        if (before != null) {
            before.requestFocus();
        }
        off(control, state);
    }

    /** A focus ring drawn outside a part is seen whole (see {@link FocusRings}). */
    private void ringInsideClips(Region part, String at, String state) {
        FocusRings.cuts(part).forEach(cut -> problems.add(at + " [" + state + "] " + cut));
    }

    /** The colours of a region's background fills from the outside in, each painted over the ones before. */
    private static List<Color> fills(Region r, Color behind) {
        List<Color> found = new ArrayList<>();
        Color c = behind;
        for (BackgroundFill f : r.getBackground() == null ? List.<BackgroundFill>of() : r.getBackground().getFills()) {
            c = Wcag.over(f.getFill() instanceof Color colour ? colour : Color.TRANSPARENT, c);
            found.add(c);
        }
        return found.isEmpty() ? List.of(behind) : found;
    }

    /** Disabled (SC 1.4.11's inactive components), or in a header the control shows disabled. */
    private static boolean inactive(Node n) {
        for (Node p = n; p != null; p = p.getParent()) {
            if (p.isDisabled() || p.getPseudoClassStates().stream().anyMatch(c -> c.getPseudoClassName().equals("disabled"))) {
                return true;
            }
        }
        return false;
    }
}
