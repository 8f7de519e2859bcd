package org.mailpath.ui.report;

import java.text.DecimalFormatSymbols;
import java.util.Optional;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.mailpath.report.ReportFormat;
import org.mailpath.ui.common.Messages;

/** How many messages the PDF, HTML and text reports list in full: as typed, in force, and why a number is refused. */
final class ListLimit {

    private final Messages messages;
    /** Told after the number in force changed: the report lists another number of messages. */
    private final Runnable changed;

    /**
     * The number in force, as the command line's {@code --report-limit} (0: every message). A big log listed whole
     * made a 42,864-page PDF of 126 MB.
     */
    private final ReadOnlyIntegerWrapper limit = new ReadOnlyIntegerWrapper(this, "listLimit",
            ReportFormat.DEFAULT_LIST_LIMIT);
    /** The list limit as typed; {@link #limit} follows it while it is a number of messages. */
    private final StringProperty text = new SimpleStringProperty(this, "listLimitText",
            String.valueOf(ReportFormat.DEFAULT_LIST_LIMIT));
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper("");

    ListLimit(Messages messages, Runnable changed) {
        this.messages = messages;
        this.changed = changed;
        text.addListener(o -> typed());
    }

    /** The list limit as typed. */
    StringProperty textProperty() {
        return text;
    }

    /** The list limit in force (0: every message), {@link ReportFormat#DEFAULT_LIST_LIMIT} at first. */
    ReadOnlyIntegerProperty limitProperty() {
        return limit.getReadOnlyProperty();
    }

    /** Why the list limit typed is not used; empty when it is. */
    ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    int limit() {
        return limit.get();
    }

    /** The list limit typed: a whole number of 0 or more is used, anything else said and the exports kept off. */
    private void typed() {
        Optional<Integer> typed = messageCount(text.get());
        problem.set(typed.isPresent() ? "" : messages.get("report.listLimit.problem"));
        if (typed.isPresent() && typed.get() != limit.get()) {
            limit.set(typed.get());
            changed.run();
        }
    }

    /**
     * A number of messages as the admin may type it: digits, grouped or not ("2 000", "2,000" in English, "2 000"
     * with a no-break space in Swedish); empty for anything else, a negative number or one too large.
     */
    private Optional<Integer> messageCount(String typed) {
        if (typed == null) {
            return Optional.empty();
        }
        char grouping = DecimalFormatSymbols.getInstance(messages.locale()).getGroupingSeparator();
        String digits = typed.replace(grouping, ' ').replaceAll("[\\s\u00a0\u202f]", "");
        if (digits.isEmpty() || digits.length() > 9 || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return Optional.empty();
        }
        return Optional.of(Integer.parseInt(digits));
    }
}
