package org.mailpath.ui.report;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import javafx.beans.Observable;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.mailpath.engine.analysis.DomainSummary;
import org.mailpath.engine.analysis.LogAnalysis;
import org.mailpath.engine.analysis.MessageChain;
import org.mailpath.ui.common.Messages;
import org.mailpath.ui.common.WizardSession;

/** The recipient domains a report may cover: those ticked, the default ticks, whom it is for, and the scope hint. */
final class DomainScope {

    private final WizardSession session;
    private final Messages messages;

    private final ObservableList<DomainChoice> domains = FXCollections.observableArrayList(
            d -> new Observable[] {d.includedProperty()});
    private final BooleanBinding anyLeftOut;
    private final BooleanBinding anyChosen;
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper copyNoteText = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper hint = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper keepOnlyText = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper usualDomainsText = new ReadOnlyStringWrapper("");
    /** The domain highlighted in the step's domain list (not necessarily ticked); {@code null} when none is. */
    private final ObjectProperty<DomainChoice> highlighted = new SimpleObjectProperty<>(this, "highlightedDomain");

    /** The domains ticked for a new log when no message is selected in Events: the failing ones, or all if none fail. */
    private Set<String> usualDomains = Set.of();
    /** False until the user ticks or unticks a domain, by a box or a button: till then the domains follow the default. */
    private boolean chosenByUser;
    /** The domain the default narrowed the report to, that of the message selected in Events; empty when it did not. */
    private String narrowedTo = "";
    /** The domain the hint's "Only …" keeps; empty when there is nothing to offer. */
    private String keepOnlyOffer = "";

    DomainScope(WizardSession session, Messages messages) {
        this.session = session;
        this.messages = messages;
        // a bulk button that would change nothing is off: None with no domain ticked did nothing, silently
        anyLeftOut = Bindings.createBooleanBinding(() -> domains.stream().anyMatch(d -> !d.included()), domains);
        anyChosen = Bindings.createBooleanBinding(() -> domains.stream().anyMatch(DomainChoice::included), domains);
        highlighted.addListener(o -> describe());
        addressees(0);
    }

    ObservableList<DomainChoice> domains() {
        return domains;
    }

    /** Some domain is not ticked: the domains' All would tick one. */
    BooleanBinding anyLeftOut() {
        return anyLeftOut;
    }

    /** Some domain is ticked: the domains' None would untick one. */
    BooleanBinding anyChosen() {
        return anyChosen;
    }

    /** The step's title: the report for the recipient's mail team, or with several domains chosen, the teams'. */
    ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }

    /** The Copy note button's words, for one mail team or several, as {@link #titleProperty()}. */
    ReadOnlyStringProperty copyNoteTextProperty() {
        return copyNoteText.getReadOnlyProperty();
    }

    /** The hint above the preview ({@link #describe(Set)}); empty when there is nothing to say. */
    ReadOnlyStringProperty hintProperty() {
        return hint.getReadOnlyProperty();
    }

    /** The words of the hint's button that keeps one domain ("Only kund.se"); empty when it is not offered. */
    ReadOnlyStringProperty keepOnlyTextProperty() {
        return keepOnlyText.getReadOnlyProperty();
    }

    /** The words of the hint's button that undoes the narrowing to one domain; empty when it is not offered. */
    ReadOnlyStringProperty usualDomainsTextProperty() {
        return usualDomainsText.getReadOnlyProperty();
    }

    ObjectProperty<DomainChoice> highlightedProperty() {
        return highlighted;
    }

    /** The domains ticked. */
    Set<String> chosen() {
        return domains.stream().filter(DomainChoice::included).map(DomainChoice::domain).collect(Collectors.toSet());
    }

    boolean noneChosen() {
        return domains.stream().noneMatch(DomainChoice::included);
    }

    /** Whether the user ticked or unticked a domain since the log was listed; till then they follow the default. */
    boolean chosenByUser() {
        return chosenByUser;
    }

    /** The user ticked or unticked a domain in the list: the domains no longer follow the default. */
    void userChose() {
        chosenByUser = true;
    }

    /** The domain the hint's "Only …" keeps, when it offers one. */
    Optional<String> keepOnlyOffer() {
        return keepOnlyOffer.isEmpty() ? Optional.empty() : Optional.of(keepOnlyOffer);
    }

    // The ticks below change many domains at once: the step quiets its listeners meanwhile, then updates the scope once.

    /** A new log: its domains, the most failing first, with the default ones ticked. */
    void list(LogAnalysis analysis) {
        List<DomainSummary> sorted = analysis.domains().stream()
                .sorted(Comparator.comparingLong((DomainSummary d) -> d.bounced() + d.deferred()).reversed()
                        .thenComparing(DomainSummary::domain))
                .toList();
        boolean anyFailing = sorted.stream().anyMatch(d -> d.bounced() + d.deferred() > 0);
        usualDomains = sorted.stream().filter(d -> !anyFailing || d.bounced() + d.deferred() > 0)
                .map(DomainSummary::domain).collect(Collectors.toUnmodifiableSet());
        chosenByUser = false;
        domains.setAll(sorted.stream().map(d -> new DomainChoice(d.domain(),
                messages.format("report.domain.counts", d.messages(), d.bounced(), d.deferred()), false)).toList());
        tickDefault();
    }

    /** Ticks the default domains ({@link #defaultDomains()}). */
    void tickDefault() {
        Set<String> chosen = defaultDomains();
        domains.forEach(d -> d.includedProperty().set(chosen.contains(d.domain())));
        // said only where the selection made a difference: not in a log of one domain, nor when it is the one failing
        narrowedTo = chosen.equals(usualDomains) ? "" : selectedDomain().orElse("");
    }

    /** The user's choice: every domain ticked ({@code true}) or none. */
    void tickAll(boolean on) {
        chosenByUser = true;
        domains.forEach(d -> d.includedProperty().set(on));
    }

    /** The user's choice: {@code domain} alone ticked. */
    void tickOnly(String domain) {
        chosenByUser = true;
        domains.forEach(d -> d.includedProperty().set(d.domain().equals(domain)));
    }

    /** The user's choice: the failing (or all) domains ticked, as for a log when no message is selected in Events. */
    void tickUsual() {
        chosenByUser = true;
        domains.forEach(d -> d.includedProperty().set(usualDomains.contains(d.domain())));
    }

    /**
     * Whom the report and its note are for: one mail team, or with several recipient domains chosen, several. Called
     * with the scope's count of chosen domains, made anyway, not by counting the domains again on every toggle.
     */
    void addressees(int chosenDomains) {
        // with none ticked yet the report is for nobody in particular: not "the recipient's" one team of a log of many
        boolean several = chosenDomains > 1 || chosenDomains == 0 && domains.size() > 1;
        title.set(messages.get(several ? "report.title.domains" : "report.title"));
        copyNoteText.set(messages.get(several ? "report.copyNote.domains" : "report.copyNote"));
    }

    void describe() {
        describe(chosen());
    }

    /**
     * The hint above the preview. A report for one recipient's mail team should name that domain only (the command
     * line says so after writing one of several domains); the step says it before the export, with the one-click way
     * to keep one domain: that of the message selected in Events, else the one highlighted in the list if ticked, else
     * the first ticked (the list puts the most failing first).
     */
    void describe(Set<String> chosen) {
        if (!narrowedTo.isEmpty() && !chosenByUser) {
            hint.set(messages.format("report.domains.hint.fromEvents", narrowedTo));
            usualDomainsText.set(messages.format(usualDomains.size() < domains.size()
                    ? "report.domains.hint.usual.failing" : "report.domains.hint.usual.all", usualDomains.size()));
            keepOnlyOffer = "";
        } else if (chosen.size() > 1) {
            hint.set(messages.format("report.domains.hint.several", chosen.size()));
            usualDomainsText.set("");
            DomainChoice highlightedNow = highlighted.get();
            keepOnlyOffer = selectedDomain()
                    .or(() -> Optional.ofNullable(highlightedNow).filter(DomainChoice::included).map(DomainChoice::domain))
                    .or(() -> domains.stream().filter(DomainChoice::included).map(DomainChoice::domain).findFirst())
                    .orElse("");
        } else {
            hint.set("");
            usualDomainsText.set("");
            keepOnlyOffer = "";
        }
        keepOnlyText.set(keepOnlyOffer.isEmpty() ? "" : messages.format("report.domains.hint.keepOnly", keepOnlyOffer));
    }

    /**
     * The domains a report starts with. With a message selected in Events, its domain alone: the admin is most likely
     * answering that recipient's mail team, and a report that names other organisations' addresses, Message IDs and
     * replies must not reach it by default (the hint says so and offers the others back). Otherwise the failing
     * domains, or all when none fail.
     */
    private Set<String> defaultDomains() {
        return selectedDomain().map(Set::of).orElse(usualDomains);
    }

    /** The recipient domain of the message selected in Events, when it is one of the log's. */
    private Optional<String> selectedDomain() {
        return session.selectedMessage().map(MessageChain::recipientDomain)
                .filter(d -> domains.stream().anyMatch(c -> c.domain().equals(d)));
    }
}
