package org.mailpath.ui.events;

import atlantafx.base.theme.Styles;
import java.util.List;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.SetChangeListener;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.control.ListCell;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.util.StringConverter;
import org.controlsfx.control.CheckComboBox;
import org.mailpath.engine.status.Category;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.mailpath.ui.common.FilterRow;
import org.mailpath.ui.common.IconButtons;
import org.mailpath.ui.common.Messages;

/** Above the message table: the search, the verdict, domain and cause filters, and the button that clears them. */
final class FilterBar {

    private final EventsViewModel model;
    private final Messages messages;
    private final FilterRow root;

    FilterBar(EventsViewModel model, Messages messages) {
        this.model = model;
        this.messages = messages;
        root = filters();
    }

    /** The search field with the filters beside it, on more lines when they do not fit. */
    FilterRow root() {
        return root;
    }

    private FilterRow filters() {
        TextField search = new TextField();
        search.setId("events-search");
        // a short prompt: the field is narrow beside the filters and a long one was cut without an ellipsis
        search.setPromptText(messages.get("events.search.prompt"));
        search.setTooltip(new Tooltip(messages.get("events.search.tooltip")));
        search.textProperty().bindBidirectional(model.searchProperty());
        search.setOnAction(e -> e.consume());

        // each filter as wide as its choice (see ChoiceWidth and FilterRow)
        ComboBox<VerdictFilter> verdict = ChoiceWidth.comboBox(FXCollections.observableArrayList(VerdictFilter.values()));
        verdict.setId("events-verdict-filter");
        verdict.valueProperty().bindBidirectional(model.verdictFilterProperty());
        verdict.setConverter(new StringConverter<>() {
            @Override
            public String toString(VerdictFilter f) {
                return f == null ? "" : messages.get("events.filter." + f.name());
            }

            @Override
            public VerdictFilter fromString(String s) {
                return VerdictFilter.ALL;
            }
        });

        ComboBox<String> domain = ChoiceWidth.comboBox(model.domainChoices());
        domain.setId("events-domain-filter");
        domain.valueProperty().bindBidirectional(model.domainFilterProperty());
        Function<String, String> domainText = d -> d == null || d.isEmpty() ? messages.get("events.filter.allDomains")
                : EventsViewModel.shownDomain(d);
        domain.setButtonCell(textCell(domainText));
        // The skin writes a value missing from the list through the converter, not the cell: a combo built before its
        // first log (the step is built ahead) kept that empty text once the log's list came, where "All domains" belongs.
        domain.setConverter(new StringConverter<>() {
            @Override
            public String toString(String d) {
                return domainText.apply(d);
            }

            @Override
            public String fromString(String s) {
                throw new UnsupportedOperationException("the domain filter is not edited as text");
            }
        });
        domain.setCellFactory(v -> textCell(domainText));

        CheckComboBox<Category> cause = causeFilter();
        // Enter on a closed filter chose nothing and pressed the step's Next: a filter is set, not a step left
        for (ComboBox<?> filter : List.of(verdict, domain)) {
            filter.addEventHandler(KeyEvent.KEY_PRESSED, e -> {
                if (e.getCode() == KeyCode.ENTER) {
                    e.consume();
                }
            });
        }

        Button clear = new Button(null, new FontIcon(Material2AL.CLEAR_ALL));
        clear.setId("events-clear-filters");
        clear.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT);
        IconButtons.named(clear, messages.get("events.filter.clear"));
        clear.setOnAction(e -> model.clearFilters());
        clear.disableProperty().bind(model.canClearFiltersProperty().not());

        FilterRow filters = new FilterRow(search, 8, verdict, domain, cause, clear);
        filters.setId("events-filters");
        return filters;
    }

    /**
     * The cause column's filter: a ControlsFX check list of the causes in this log. The choice itself lives in the
     * view-model's set; the two are kept equal both ways (the view-model clears it with "Clear filters").
     */
    private CheckComboBox<Category> causeFilter() {
        KeyboardCheckComboBox<Category> cause = ChoiceWidth.checkComboBox(model.causeChoices());
        cause.setId("events-cause-filter");
        cause.setShowCheckedCount(false);
        cause.titleProperty().bind(model.causeFilterTextProperty());
        // named with what it shows: it spoke as a nameless group
        cause.accessibleTextProperty().bind(Bindings.createStringBinding(
                () -> messages.format("events.filter.cause.spoken", model.causeFilterTextProperty().get()),
                model.causeFilterTextProperty()));
        // each cause in the open list said with its tick: a screen reader said its text alone
        cause.speakItemsAs((text, ticked) -> messages.format(
                ticked ? "events.filter.cause.item.ticked" : "events.filter.cause.item.notTicked", text));
        cause.setConverter(new StringConverter<>() {
            @Override
            public String toString(Category c) {
                return c == null ? "" : model.causeLabel(c);
            }

            @Override
            public Category fromString(String s) {
                throw new UnsupportedOperationException("the cause filter is not edited as text");
            }
        });
        boolean[] syncing = {false};
        cause.getCheckModel().getCheckedItems().addListener((ListChangeListener<Category>) c -> {
            if (!syncing[0]) {
                syncing[0] = true;
                List<Category> checked = List.copyOf(cause.getCheckModel().getCheckedItems());
                model.causeFilter().retainAll(checked);
                model.causeFilter().addAll(checked);
                syncing[0] = false;
            }
        });
        model.causeFilter().addListener((SetChangeListener<Category>) c -> {
            if (!syncing[0]) {
                syncing[0] = true;
                for (Category category : cause.getItems()) {
                    if (model.causeFilter().contains(category)) {
                        cause.getCheckModel().check(category);
                    } else {
                        cause.getCheckModel().clearCheck(category);
                    }
                }
                syncing[0] = false;
            }
        });
        return cause;
    }

    private static <T> ListCell<T> textCell(Function<T, String> text) {
        return new ListCell<>() {
            @Override
            protected void updateItem(T item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : text.apply(item));
            }
        };
    }
}
