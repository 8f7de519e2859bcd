package org.mailpath.ui.dnscheck;

import java.util.Optional;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.mailpath.engine.smtp.ProbeTarget;

/** One row of the live check table: a check of a domain (DNS or SMTP), its state and a one-line summary. */
public final class CheckRow {

    private final String domain;
    private final RowTopic topic;
    private final String label;
    private final ReadOnlyObjectWrapper<CheckState> state = new ReadOnlyObjectWrapper<>(CheckState.PENDING);
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper("");

    CheckRow(String domain, RowTopic topic, String label) {
        this.domain = domain;
        this.topic = topic;
        this.label = label;
    }

    public String domain() {
        return domain;
    }

    public RowTopic topic() {
        return topic;
    }

    /** The address this row probes, when it is a mail server's row. */
    public Optional<ProbeTarget> target() {
        return topic instanceof RowTopic.MailServer m ? Optional.of(m.target()) : Optional.empty();
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
