package org.mailpath.ui.report;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;

/** A recipient domain the user can include in the report or leave out. */
public final class DomainChoice {

    private final String domain;
    private final String counts;
    private final BooleanProperty included = new SimpleBooleanProperty(this, "included");

    DomainChoice(String domain, String counts, boolean included) {
        this.domain = domain;
        this.counts = counts;
        this.included.set(included);
    }

    public String domain() {
        return domain;
    }

    public String counts() {
        return counts;
    }

    public BooleanProperty includedProperty() {
        return included;
    }

    public boolean included() {
        return included.get();
    }
}
