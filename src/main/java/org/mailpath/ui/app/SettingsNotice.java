package org.mailpath.ui.app;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.mailpath.ui.common.Messages;
import org.mailpath.ui.common.SettingsProblem;

/**
 * What the window says about the settings file: what was reset and where the file as it was is kept, or that changes
 * cannot be saved. Said once a session, in a line the user can close, not in a dialog at each change: the terminal
 * alone said it before, and a user who never saw it lost every setting.
 */
public final class SettingsNotice {

    private final Messages messages;
    private final ReadOnlyStringWrapper text = new ReadOnlyStringWrapper(this, "text", "");
    private final List<String> shown = new ArrayList<>();
    private boolean toldNotSaved;

    public SettingsNotice(Messages messages) {
        this.messages = messages;
    }

    /** The notice, one problem a line; empty when there is nothing to say. */
    public ReadOnlyStringProperty textProperty() {
        return text.getReadOnlyProperty();
    }

    /** Adds what {@code problem} means for the user; a failed save only the first time in a session. */
    public void tell(SettingsProblem problem) {
        if (problem instanceof SettingsProblem.NotSaved) {
            if (toldNotSaved) {
                return;
            }
            toldNotSaved = true;
        }
        shown.add(describe(problem));
        text.set(String.join("\n", shown));
    }

    /** The user closed the notice. */
    public void dismiss() {
        shown.clear();
        text.set("");
    }

    String describe(SettingsProblem problem) {
        return switch (problem) {
            case SettingsProblem.LinesSkipped p -> {
                String lines = p.lines().stream()
                        .map(l -> messages.format("app.settings.notice.line", l.line(), l.key()))
                        .collect(Collectors.joining(", "));
                yield p.backup().map(b -> messages.format("app.settings.notice.skipped", p.file(), lines, b))
                        .orElseGet(() -> messages.format("app.settings.notice.skipped.noCopy", p.file(), lines));
            }
            case SettingsProblem.TooLarge p -> p.backup()
                    .map(b -> messages.format("app.settings.notice.tooLarge", p.file(), p.bytes(), b))
                    .orElseGet(() -> messages.format("app.settings.notice.tooLarge.noCopy", p.file(), p.bytes()));
            case SettingsProblem.Unreadable p -> p.backup()
                    .map(b -> messages.format("app.settings.notice.unreadable", p.file(), p.reason().in(messages.locale()), b))
                    .orElseGet(() -> messages.format("app.settings.notice.unreadable.noCopy", p.file(),
                            p.reason().in(messages.locale())));
            case SettingsProblem.NotSaved p -> messages.format("app.settings.notice.notSaved", p.file(),
                    p.reason().in(messages.locale()));
        };
    }
}
