package org.mailpath.ui.dnscheck;

import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.mailpath.engine.check.CheckKind;

/** One row of the live check table: a check of a domain, its state and a one-line summary. */
public final class CheckRow {

    private final String domain;
    private final CheckKind kind;
    private final String label;
    private final ReadOnlyObjectWrapper<CheckState> state = new ReadOnlyObjectWrapper<>(CheckState.PENDING);
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper("");

    CheckRow(String domain, CheckKind kind, String label) {
        this.domain = domain;
        this.kind = kind;
        this.label = label;
    }

    public String domain() {
        return domain;
    }

    public CheckKind kind() {
        return kind;
    }

    public String label() {
        return label;
    }

    public ReadOnlyObjectProperty<CheckState> stateProperty() {
        return state.getReadOnlyProperty();
    }

    public CheckState state() {
        return state.get();
    }

    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    void set(CheckState value, String text) {
        state.set(value);
        summary.set(text);
    }
}
