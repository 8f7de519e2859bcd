package org.mailpath.engine.finding;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * One result of a check. {@code code} is a stable id listed in docs/findings.md (scripts rely on it);
 * {@code subject} is the domain, host or IP it is about; {@code evidence} holds the raw facts it rests on
 * (DNS records in zone-file text with the server asked, rcode and time; SMTP transcript lines).
 * {@code message} and {@code remediation} are English (command line, JSON); where they come from a resource bundle,
 * {@code messageText} and {@code remediationText} give them in the user's language too (their
 * {@link Localizable#toString()} is {@code message} and {@code remediation}). A report's copy of a finding has
 * them in the report's language.
 */
public record Finding(String code, Severity severity, String subject, String message,
                      List<String> evidence, String remediation, Actor actor,
                      Optional<Localizable> messageText, Optional<Localizable> remediationText) {

    public Finding {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(severity, "severity");
        subject = subject == null ? "" : subject;
        message = message == null ? "" : message;
        evidence = evidence == null ? List.of() : List.copyOf(evidence);
        remediation = remediation == null ? "" : remediation;
        actor = actor == null ? Actor.NOBODY : actor;
        messageText = messageText == null ? Optional.empty() : messageText;
        remediationText = remediationText == null ? Optional.empty() : remediationText;
    }

    /** A finding worded in English only (texts from the wire or composed elsewhere). */
    public Finding(String code, Severity severity, String subject, String message,
                   List<String> evidence, String remediation, Actor actor) {
        this(code, severity, subject, message, evidence, remediation, actor, Optional.empty(), Optional.empty());
    }

    /** A finding worded from a resource bundle (or in words that can be shown in the user's language). */
    public Finding(String code, Severity severity, String subject, Localizable message,
                   List<String> evidence, Localizable remediation, Actor actor) {
        this(code, severity, subject, message.toString(), evidence, remediation.toString(), actor,
                Optional.of(message), Optional.of(remediation));
    }

    /** A finding worded from a resource bundle that asks nothing of anyone. */
    public Finding(String code, Severity severity, String subject, Localizable message,
                   List<String> evidence, Actor actor) {
        this(code, severity, subject, message.toString(), evidence, "", actor, Optional.of(message),
                Optional.empty());
    }

    /** The message in {@code locale} where it has a translation, else in English. */
    public String message(Locale locale) {
        return messageText.map(t -> t.in(locale)).orElse(message);
    }

    /** The remediation in {@code locale} where it has a translation, else in English. */
    public String remediation(Locale locale) {
        return remediationText.map(t -> t.in(locale)).orElse(remediation);
    }

    public Finding withSeverity(Severity newSeverity) {
        return new Finding(code, newSeverity, subject, message, evidence, remediation, actor, messageText,
                remediationText);
    }

    public Finding withEvidence(List<String> newEvidence) {
        return new Finding(code, severity, subject, message, newEvidence, remediation, actor, messageText,
                remediationText);
    }

    public Finding withMessage(Localizable newMessage) {
        return new Finding(code, severity, subject, newMessage.toString(), evidence, remediation, actor,
                Optional.of(newMessage), remediationText);
    }

    public Finding withRemediation(Localizable newRemediation, Actor newActor) {
        return new Finding(code, severity, subject, message, evidence, newRemediation.toString(), newActor,
                messageText, Optional.of(newRemediation));
    }

    /** Another remediation in English only (advice composed elsewhere, such as the status knowledge base). */
    public Finding withRemediation(String newRemediation, Actor newActor) {
        return new Finding(code, severity, subject, message, evidence, newRemediation, newActor, messageText,
                Optional.empty());
    }
}
