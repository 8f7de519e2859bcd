package org.mailpath.ui.report;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.function.Function;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.Region;
import javafx.scene.text.Font;
import org.mailpath.ui.common.CellWidths;
import org.mailpath.ui.common.TableRoom;

/**
 * Fits the key columns of the Report step's messages table (first seen, recipient, result, cause) into the table's
 * visible width; the Message ID column after them takes what is left and scrolls sideways. At 1024 px the Result
 * column, as wide as the log's longest result, pushed the Cause column out of sight until the user scrolled.
 * <p>
 * Each text column wants the width of the longest of its shown texts; the include boxes' column is as wide as its
 * title. When the three text columns do not fit, the results keep theirs (a few short texts, whole as far as the room
 * allows) and the recipients and causes share the rest evenly, a column that wants less than half giving the rest to
 * the other, none under its title's width. A text cut so is drawn with the ellipsis and shown whole in the cell's
 * tooltip ({@link org.mailpath.ui.common.TippedCell}). Measured in the drawn cells' and headers' fonts ({@link CellWidths}), so the
 * Swedish texts and the theme get their own widths; fitted again when the room, the texts or the sorting change,
 * and not otherwise, so a column the user has dragged keeps its width until then.
 */
final class MessageColumns {

    /** How many of a column's longest texts (by characters) are measured: the widest is among them in practice. */
    private static final int MEASURED = 40;

    private final TableView<MessageChoice> table;
    private final TableColumn<MessageChoice, ?> include;
    private final TableColumn<MessageChoice, String> time;
    private final TableColumn<MessageChoice, String> recipient;
    private final TableColumn<MessageChoice, String> result;
    private final TableColumn<MessageChoice, String> cause;
    private boolean textsChanged = true;
    private Wanted wanted;
    private Font measuredIn;
    private Fit fitted;
    /*
     * The nodes fit() measures, looked up once and again only when the skin has replaced them (fit runs after every
     * layout pass: a lookup of every cell, five headers and the scroll bars each time was most of its work).
     */
    private TableCell<?, ?> cell;
    private final Map<TableColumn<?, ?>, Node> headers = new HashMap<>();
    private final TableRoom room;

    MessageColumns(TableView<MessageChoice> table, TableColumn<MessageChoice, ?> include,
                   TableColumn<MessageChoice, String> time, TableColumn<MessageChoice, String> recipient,
                   TableColumn<MessageChoice, String> result, TableColumn<MessageChoice, String> cause) {
        this.table = table;
        this.room = new TableRoom(table);
        this.include = include;
        this.time = time;
        this.recipient = recipient;
        this.result = result;
        this.cause = cause;
    }

    /** The messages shown changed: measured again at the next layout. */
    void textsChanged() {
        textsChanged = true;
        table.requestLayout();
    }

    /** The widths the texts want, in a drawn cell's font and padding. */
    private record Wanted(double time, double recipient, double result, double cause) {
    }

    /** What the widths were last fitted to. */
    private record Fit(double room, Wanted wanted, double includeLeast, double recipientLeast, double resultLeast,
                       double causeLeast) {
    }

    /** Called after the table's own layout; sets the key columns' widths when what they are fitted to changed. */
    void fit() {
        // a text cell (the include boxes' cells have their own padding), in the font and padding of every text cell
        Optional<TableCell<?, ?>> cell = textCell();
        if (cell.isEmpty()) {
            return;
        }
        // measured again in the font the cells end with: a cell drawn before the theme's style is applied has another
        if (textsChanged || wanted == null || !cell.get().getFont().equals(measuredIn)) {
            measuredIn = cell.get().getFont();
            List<MessageChoice> shown = table.getItems();
            wanted = new Wanted(want(cell.get(), shown, MessageChoice::time),
                    want(cell.get(), shown, MessageChoice::recipient),
                    want(cell.get(), shown, MessageChoice::verdictText), want(cell.get(), shown, MessageChoice::cause));
            textsChanged = false;
        }
        Optional<Double> recipientLeast = least(recipient);
        Optional<Double> resultLeast = least(result);
        Optional<Double> causeLeast = least(cause);
        Optional<Double> timeLeast = least(time);
        Optional<Double> includeLeast = least(include);
        if (recipientLeast.isEmpty() || resultLeast.isEmpty() || causeLeast.isEmpty() || timeLeast.isEmpty()
                || includeLeast.isEmpty()) {
            return;
        }
        Fit fit = new Fit(Math.floor(room.columns()), wanted, includeLeast.get(),
                recipientLeast.get(), resultLeast.get(), causeLeast.get());
        if (fit.equals(fitted)) {
            return;
        }
        fitted = fit;
        double timeWidth = Math.max(timeLeast.get(), wanted.time());
        double room = fit.room() - Math.ceil(fit.includeLeast()) - Math.ceil(timeWidth);
        double resultWidth = Math.max(fit.resultLeast(), wanted.result());
        double recipientWidth = Math.max(fit.recipientLeast(), wanted.recipient());
        double causeWidth = Math.max(fit.causeLeast(), wanted.cause());
        if (recipientWidth + resultWidth + causeWidth > room) {
            // the results whole while the other two keep their titles' width; they share what is left
            resultWidth = Math.max(fit.resultLeast(),
                    Math.min(resultWidth, room - fit.recipientLeast() - fit.causeLeast()));
            double rest = room - resultWidth;
            double half = Math.floor(rest / 2);
            if (recipientWidth > half && causeWidth > half) {
                recipientWidth = half;
            } else if (recipientWidth > half) {
                recipientWidth = rest - causeWidth;
            }
            recipientWidth = Math.max(fit.recipientLeast(), recipientWidth);
            causeWidth = Math.max(fit.causeLeast(), Math.floor(rest - recipientWidth));
        }
        set(include, fit.includeLeast(), fit.includeLeast());
        set(time, timeLeast.get(), timeWidth);
        set(recipient, fit.recipientLeast(), recipientWidth);
        set(result, fit.resultLeast(), resultWidth);
        set(cause, fit.causeLeast(), causeWidth);
    }

    /** A drawn cell of the result column; empty before a row is drawn. */
    private Optional<TableCell<?, ?>> textCell() {
        // a cell the flow keeps aside (hidden, its row hidden) may miss a new style's font: another is looked for
        if (cell == null || !shown(cell) || cell.getTableColumn() != result || !cell.isVisible()
                || cell.getTableRow() == null || !cell.getTableRow().isVisible()) {
            cell = CellWidths.aCell(table, result).orElse(null);
        }
        return Optional.ofNullable(cell);
    }

    /** Whether {@code node} is still in the table's scene: a node the skin dropped has no scene, nor new styles. */
    private boolean shown(Node node) {
        return node.getScene() != null && node.getScene() == table.getScene();
    }

    /** The header of {@code column}: found once, again when the skin has made a new one. */
    private Optional<Node> header(TableColumn<?, ?> column) {
        Node header = headers.get(column);
        if (header == null || !shown(header) || !column.getId().equals(header.getId())) {
            header = CellWidths.header(table, column).orElse(null);
            if (header == null) {
                headers.remove(column);
                return Optional.empty();
            }
            headers.put(column, header);
        }
        return Optional.of(header);
    }

    private static void set(TableColumn<?, ?> column, double least, double width) {
        column.setMinWidth(Math.ceil(least));
        column.setPrefWidth(Math.floor(width));
    }

    /** The width the longest of the shown messages' texts of a column need (its title's when there are none). */
    private static double want(TableCell<?, ?> cell, List<MessageChoice> shown, Function<MessageChoice, String> text) {
        // the longest by characters kept in a small heap: a search over a large log must not sort every message
        PriorityQueue<String> longest = new PriorityQueue<>(Comparator.comparingInt(String::length));
        for (MessageChoice m : shown) {
            String t = text.apply(m);
            if (longest.size() == MEASURED && t.length() < longest.peek().length()) {
                continue; // shorter than every one kept: it would be added and dropped again
            }
            if (longest.contains(t)) {
                continue;
            }
            longest.add(t);
            if (longest.size() > MEASURED) {
                longest.poll();
            }
        }
        return longest.isEmpty() ? 0 : CellWidths.cellWidth(cell, List.copyOf(longest));
    }

    /**
     * The width the column's title needs, with its sort arrow when the column is sorted; empty until the header is
     * drawn (the header carries the column's id).
     */
    private Optional<Double> least(TableColumn<?, ?> column) {
        Node header = column.getId() == null ? null : header(column).orElse(null);
        Label title = header == null ? null : CellWidths.title(header).orElse(null);
        if (title == null) {
            return Optional.empty();
        }
        double arrow = 0;
        if (table.getSortOrder().contains(column) && header.lookup(".arrow") instanceof Region a) {
            // the arrow sits in a container of its own beside the title
            arrow = a.getParent() instanceof Region box ? box.prefWidth(-1) : a.prefWidth(-1);
        }
        double padding = header instanceof Region r ? r.snappedLeftInset() + r.snappedRightInset() : 0;
        return Optional.of(Math.ceil(title.prefWidth(-1) + arrow + padding));
    }
}
