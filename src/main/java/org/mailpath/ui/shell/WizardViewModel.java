package org.mailpath.ui.shell;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.beans.Observable;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.mailpath.ui.common.WizardStep;

/**
 * Navigation of the wizard: which step is on screen, which ones can be reached, and the Back/Next/Cancel commands.
 * A step is reachable when every step before it is complete, so finished steps stay one click away and a
 * new log (which makes the later steps incomplete) locks them again. A step is checked off only when it was visited
 * and its work was done ({@link WizardStep#doneProperty()}); one visited whose work was stopped part way, what finished
 * kept, as partly done ({@link WizardStep#partlyDoneProperty()}); one gone past without either shows as skipped.
 */
public final class WizardViewModel {

    private final List<WizardStep> steps;
    private final ReadOnlyIntegerWrapper current = new ReadOnlyIntegerWrapper(this, "current", 0);
    private final List<ReadOnlyObjectWrapper<StepStatus>> statuses = new ArrayList<>();
    /** The steps shown so far; a jump past a step does not make it visited. */
    private final BitSet visited = new BitSet();
    /** The steps that say on the last step what the report lacks of their work: skipped or partly done. */
    private final ObservableList<Integer> fallenShort = FXCollections.observableArrayList();
    private final ObservableList<Integer> shortView = FXCollections.unmodifiableObservableList(fallenShort);
    private final BooleanBinding canBack;
    private final BooleanBinding canNext;
    private final BooleanBinding canCancel;
    private final BooleanBinding nextLocked;
    private final StringBinding reportNotice;

    public WizardViewModel(List<WizardStep> steps) {
        this(steps, new SimpleObjectProperty<>());
    }

    /**
     * As {@link #WizardViewModel(List)}, with {@code newLog} changing whenever a new log is read (the session's
     * analysis): the steps visited for the log before count as not visited for it. Before, a step bar ticked the
     * Report step of a log nothing was reported of, as it had been visited for the one before.
     */
    public WizardViewModel(List<WizardStep> steps, ObservableValue<?> newLog) {
        if (steps.isEmpty()) {
            throw new IllegalArgumentException("a wizard needs steps");
        }
        this.steps = List.copyOf(steps);
        List<ObservableValue<?>> deps = new ArrayList<>();
        deps.add(current);
        for (WizardStep step : this.steps) {
            statuses.add(new ReadOnlyObjectWrapper<>(StepStatus.LOCKED));
            deps.add(step.completeProperty());
            deps.add(step.busyProperty());
            deps.add(step.doneProperty());
            deps.add(step.partlyDoneProperty());
            deps.add(step.mostlyNotCheckedProperty());
        }
        ObservableValue<?>[] dependencies = deps.toArray(ObservableValue[]::new);
        canBack = Bindings.createBooleanBinding(() -> current.get() > 0, dependencies);
        canNext = Bindings.createBooleanBinding(
                () -> !currentStep().busyProperty().get() && canGoTo(current.get() + 1), dependencies);
        canCancel = Bindings.createBooleanBinding(() -> currentStep().busyProperty().get(), dependencies);
        nextLocked = Bindings.createBooleanBinding(() -> current.get() < steps.size() - 1
                && !currentStep().busyProperty().get() && !canGoTo(current.get() + 1), dependencies);
        for (ObservableValue<?> dep : dependencies) {
            dep.addListener(o -> refreshStatuses());
        }
        List<Observable> noticeDependencies = new ArrayList<>(List.of(current, fallenShort));
        this.steps.forEach(step -> noticeDependencies.add(step.reportNoticeProperty()));
        reportNotice = Bindings.createStringBinding(this::reportNoticeText,
                noticeDependencies.toArray(Observable[]::new));
        visited.set(0);
        newLog.addListener((o, was, now) -> forgetVisits());
        refreshStatuses();
        currentStep().entered();
    }

    /** A new log: only the step shown (Import, as a rule) counts as visited for it. */
    private void forgetVisits() {
        visited.clear();
        visited.set(current.get());
        refreshStatuses();
    }

    public int stepCount() {
        return steps.size();
    }

    public ReadOnlyIntegerProperty currentProperty() {
        return current.getReadOnlyProperty();
    }

    public int current() {
        return current.get();
    }

    public ReadOnlyObjectProperty<StepStatus> statusProperty(int index) {
        return statuses.get(index).getReadOnlyProperty();
    }

    /**
     * The steps now {@link StepStatus#SKIPPED} or {@link StepStatus#PARTLY_DONE}, in order: the report lacks some or all
     * of their work, and the last step says what ({@link WizardStep#reportNoticeProperty()}).
     */
    public ObservableList<Integer> stepsFallenShort() {
        return shortView;
    }

    /**
     * On the last step (the report), what it lacks for each step before it that was skipped or stopped part way, in
     * the step's own words, one after another; empty on every other step and when nothing fell short.
     */
    public StringBinding reportNoticeProperty() {
        return reportNotice;
    }

    private String reportNoticeText() {
        StringBuilder text = new StringBuilder();
        if (current.get() == steps.size() - 1) {
            for (int i : fallenShort) {
                String said = steps.get(i).reportNoticeProperty().get();
                if (!said.isEmpty()) {
                    text.append(text.isEmpty() ? "" : " ").append(said);
                }
            }
        }
        return text.toString();
    }

    public BooleanBinding canBackProperty() {
        return canBack;
    }

    public BooleanBinding canNextProperty() {
        return canNext;
    }

    public BooleanBinding canCancelProperty() {
        return canCancel;
    }

    /**
     * True when Next is disabled because a step before the next one is not complete (no log yet), not because the
     * current step is busy: then the window says why.
     */
    public BooleanBinding nextLockedProperty() {
        return nextLocked;
    }

    /** A step can be shown when it exists and every step before it is complete (earlier steps always). */
    public boolean canGoTo(int index) {
        if (index < 0 || index >= steps.size()) {
            return false;
        }
        if (index <= current.get()) {
            return true;
        }
        for (int i = 0; i < index; i++) {
            if (!steps.get(i).completeProperty().get()) {
                return false;
            }
        }
        return true;
    }

    public void next() {
        goTo(current.get() + 1);
    }

    public void back() {
        goTo(current.get() - 1);
    }

    /** Shows step {@code index} if reachable; leaving a step stops its running work. */
    public boolean goTo(int index) {
        if (index == current.get() || !canGoTo(index)) {
            return false;
        }
        currentStep().cancelWork();
        visited.set(index);
        current.set(index);
        currentStep().entered();
        return true;
    }

    /** The Cancel command: stops what the current step is doing. */
    public void cancel() {
        currentStep().cancelWork();
    }

    /** The window is closing: stop every step's work. */
    public void shutdown() {
        steps.forEach(WizardStep::cancelWork);
    }

    private WizardStep currentStep() {
        return steps.get(current.get());
    }

    private void refreshStatuses() {
        List<Integer> nowShort = new ArrayList<>();
        for (int i = 0; i < steps.size(); i++) {
            WizardStep step = steps.get(i);
            StepStatus status;
            if (i == current.get()) {
                status = StepStatus.CURRENT;
            } else if (!canGoTo(i)) {
                status = StepStatus.LOCKED;
            } else if (visited.get(i) && step.completeProperty().get() && step.doneProperty().get()) {
                // run to the end, but most of it could not be made here: not the tick of work that found things out
                status = step.mostlyNotCheckedProperty().get() ? StepStatus.NOT_CHECKED : StepStatus.DONE;
            } else if (visited.get(i) && step.completeProperty().get() && step.partlyDoneProperty().get()) {
                // stopped part way: the report holds what finished, so it was not skipped, nor done
                status = StepStatus.PARTLY_DONE;
            } else if (i < Math.max(visited.length() - 1, current.get())) {
                // gone past, never opened or left before its work was done (Events straight to Report)
                status = StepStatus.SKIPPED;
            } else {
                status = StepStatus.AVAILABLE;
            }
            statuses.get(i).set(status);
            if (status == StepStatus.SKIPPED || status == StepStatus.PARTLY_DONE) {
                nowShort.add(i);
            }
        }
        if (!fallenShort.equals(nowShort)) {
            fallenShort.setAll(nowShort);
        }
    }
}
