package org.mailpath.ui.report;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import org.mailpath.engine.report.MessageKey;
import org.mailpath.ui.common.Messages;

/** The messages of a log and which go into the report: those in scope, those the search shows, those included. */
final class MessageSelection {

    private final Messages messages;

    private final ObservableList<MessageChoice> all = FXCollections.observableArrayList();
    /** The messages of the chosen domains (and only failing ones, if asked): what the report may contain. */
    private final FilteredList<MessageChoice> inScope = new FilteredList<>(all, m -> false);
    /** Those in scope that match the search: the table, and what All / None / Only failing act on. */
    private final FilteredList<MessageChoice> shown = new FilteredList<>(inScope);
    private final StringProperty search = new SimpleStringProperty(this, "search", "");
    private final ReadOnlyIntegerWrapper includedCount = new ReadOnlyIntegerWrapper(0);
    private final ReadOnlyStringWrapper countText = new ReadOnlyStringWrapper("");
    /** Whether an included message is one the note holds ({@link MailTeamNote#holds}: not received only). */
    private final ReadOnlyBooleanWrapper notable = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper canIncludeAllShown = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper canIncludeNoneShown = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper canIncludeOnlyFailingShown = new ReadOnlyBooleanWrapper(false);

    MessageSelection(Messages messages) {
        this.messages = messages;
    }

    /** Every message of the log listed, in the order of the report. */
    ObservableList<MessageChoice> all() {
        return all;
    }

    /** The messages in scope that match the search, in the order of the report. */
    ObservableList<MessageChoice> shown() {
        return shown;
    }

    /** Narrows {@link #shown()}; never changes what is in the report. */
    StringProperty searchProperty() {
        return search;
    }

    /** Messages in the report: in scope and included. */
    ReadOnlyIntegerProperty includedCountProperty() {
        return includedCount.getReadOnlyProperty();
    }

    /** "12 of 340 messages included", and how many the search shows. */
    ReadOnlyStringProperty countTextProperty() {
        return countText.getReadOnlyProperty();
    }

    /** Whether some message included is one the note holds. */
    ReadOnlyBooleanProperty notableProperty() {
        return notable.getReadOnlyProperty();
    }

    ReadOnlyBooleanProperty canIncludeAllShownProperty() {
        return canIncludeAllShown.getReadOnlyProperty();
    }

    ReadOnlyBooleanProperty canIncludeNoneShownProperty() {
        return canIncludeNoneShown.getReadOnlyProperty();
    }

    ReadOnlyBooleanProperty canIncludeOnlyFailingShownProperty() {
        return canIncludeOnlyFailingShown.getReadOnlyProperty();
    }

    Optional<MessageChoice> find(MessageKey key) {
        return all.stream().filter(m -> m.key().equals(key)).findFirst();
    }

    /** A new log: no messages until its rows are made, and no search. */
    void clear() {
        all.clear();
        search.set("");
    }

    /** The log's rows, made: filtered once, as they arrive, by the scope already set. */
    void list(List<MessageChoice> rows) {
        all.setAll(rows);
    }

    /** The messages of {@code domains} are in scope, only the failing ones when {@code failingOnly}. */
    void scope(Set<String> domains, boolean failingOnly) {
        inScope.setPredicate(m -> domains.contains(m.domain()) && (!failingOnly || m.failing()));
    }

    /** The search changed: only what is shown, never what is in the report. */
    void refilter() {
        shown.setPredicate(MessageSearch.of(search.get()));
        count();
    }

    // The choices below change many messages at once: the step quiets its listeners meanwhile, then counts once. A
    // message's choice is kept while the scope changes around it.

    /** Includes ({@code true}) or leaves out every message shown. */
    void includeShown(boolean on) {
        shown.forEach(m -> m.includedProperty().set(on));
    }

    /** Includes the bounced and deferred messages shown and leaves out the others shown. */
    void includeOnlyFailingShown() {
        shown.forEach(m -> m.includedProperty().set(m.failing()));
    }

    /** Includes {@code only} alone, and searches for its Message ID Header (else its recipient) so it is in view. */
    void includeOnly(MessageChoice only) {
        all.forEach(m -> m.includedProperty().set(m == only));
        search.set(only.messageIdHeader().isEmpty() ? only.recipient() : only.messageIdHeader());
    }

    /** Whether every message in scope is included. */
    boolean allInScopeIncluded() {
        return includedCount.get() == inScope.size();
    }

    /**
     * The keys of the messages in scope that are included: taken here, made a set by the supplier, on the worker (a
     * set of a hundred thousand keys is worth keeping off the UI thread).
     */
    Supplier<Set<MessageKey>> includedKeys() {
        MessageKey[] keys = new MessageKey[includedCount.get()];
        int n = 0;
        for (MessageChoice m : inScope) {
            if (m.included()) {
                keys[n++] = m.key();
            }
        }
        return () -> new HashSet<>(Arrays.asList(keys));
    }

    /** Counts the messages included and says so; whether All, None and Only failing would change a choice shown. */
    void count() {
        int included = 0;
        boolean anyNotable = false;
        for (MessageChoice m : inScope) {
            if (m.included()) {
                included++;
                anyNotable |= MailTeamNote.holds(m.verdict());
            }
        }
        includedCount.set(included);
        notable.set(anyNotable);
        boolean anyIncluded = false;
        boolean anyLeftOut = false;
        boolean anyNotAsFailing = false;
        for (MessageChoice m : shown) {
            anyIncluded |= m.included();
            anyLeftOut |= !m.included();
            anyNotAsFailing |= m.included() != m.failing();
            if (anyIncluded && anyLeftOut && anyNotAsFailing) {
                break;
            }
        }
        canIncludeAllShown.set(anyLeftOut);
        canIncludeNoneShown.set(anyIncluded);
        canIncludeOnlyFailingShown.set(anyNotAsFailing);
        String count = messages.format("report.messages.count", included, inScope.size());
        boolean searching = search.get() != null && !search.get().isBlank();
        countText.set(searching ? count + " · " + messages.format("report.messages.shown", shown.size()) : count);
    }
}
