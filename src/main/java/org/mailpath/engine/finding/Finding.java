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
 * <p>{@code remediation} is written to our own Salesforce admin, who reads MailPath. {@code mailTeamRemediation} is
 * the same advice as the recipient domain's mail team reads it in a report's part for them, where the texts have
 * such words ({@code KEY.mailTeamRemediation} beside {@code KEY.remediation}, or the status knowledge base's words
 * for that team): English, with {@code mailTeamRemediationText} in the user's language; empty where there are none.
 * A report's copy has there what its part for the mail team shows, in the report's language (the report builder
 * chooses it, else general words of the actor's side), and nothing in its part for our own side.
 * <p>{@code dnsNames} are the DNS names a finding of failed DNS questions is about, as data: the name asked
 * ({@code 2.0.0.127.zen.spamhaus.org}), or each blocklist zone of a finding for lists that failed alike. The checks
 * that group such failures or put them to a check (DnsFailuresOnce, ChecksNotMade) read them here, not from
 * {@code subject}, which is text for people: a report may redact or reword it. They are never shown (nor in the
 * JSON); empty where the finding was made without them ({@link #namesAbout()} then takes its subject).
 */
public record Finding(String code, Severity severity, String subject, String message,
                      List<String> evidence, String remediation, Actor actor,
                      Optional<Localizable> messageText, Optional<Localizable> remediationText,
                      String mailTeamRemediation, Optional<Localizable> mailTeamRemediationText,
                      List<String> dnsNames) {

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
        mailTeamRemediation = mailTeamRemediation == null ? "" : mailTeamRemediation;
        mailTeamRemediationText = mailTeamRemediationText == null ? Optional.empty() : mailTeamRemediationText;
        dnsNames = dnsNames == null ? List.of() : List.copyOf(dnsNames);
    }

    /** A finding without {@link #dnsNames} (as before they were kept). */
    public Finding(String code, Severity severity, String subject, String message,
                   List<String> evidence, String remediation, Actor actor,
                   Optional<Localizable> messageText, Optional<Localizable> remediationText,
                   String mailTeamRemediation, Optional<Localizable> mailTeamRemediationText) {
        this(code, severity, subject, message, evidence, remediation, actor, messageText, remediationText,
                mailTeamRemediation, mailTeamRemediationText, List.of());
    }

    /** A finding with texts of its own, without words for the recipient's mail team (as before there were any). */
    public Finding(String code, Severity severity, String subject, String message,
                   List<String> evidence, String remediation, Actor actor,
                   Optional<Localizable> messageText, Optional<Localizable> remediationText) {
        this(code, severity, subject, message, evidence, remediation, actor, messageText, remediationText,
                remediationText == null ? Optional.empty() : remediationText.flatMap(Localizable::forMailTeam));
    }

    private Finding(String code, Severity severity, String subject, String message,
                    List<String> evidence, String remediation, Actor actor,
                    Optional<Localizable> messageText, Optional<Localizable> remediationText,
                    Optional<Localizable> mailTeamRemediationText) {
        this(code, severity, subject, message, evidence, remediation, actor, messageText, remediationText,
                mailTeamRemediationText.map(Object::toString).orElse(""), mailTeamRemediationText);
    }

    /** A finding worded in English only (texts from the wire or composed elsewhere). */
    public Finding(String code, Severity severity, String subject, String message,
                   List<String> evidence, String remediation, Actor actor) {
        this(code, severity, subject, message, evidence, remediation, actor, Optional.empty(), Optional.empty());
    }

    /**
     * A finding worded from a resource bundle (or in words that can be shown in the user's language); the
     * remediation's words for the recipient's mail team come with it ({@link Localizable#forMailTeam()}).
     */
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

    /**
     * The remediation's words for the recipient's mail team in {@code locale} where they have a translation, else
     * in English; empty where there are none.
     */
    public Optional<String> mailTeamRemediation(Locale locale) {
        return mailTeamRemediationText.map(t -> t.in(locale))
                .or(() -> Optional.of(mailTeamRemediation).filter(t -> !t.isEmpty()));
    }

    public Finding withSeverity(Severity newSeverity) {
        return new Finding(code, newSeverity, subject, message, evidence, remediation, actor, messageText,
                remediationText, mailTeamRemediation, mailTeamRemediationText, dnsNames);
    }

    public Finding withEvidence(List<String> newEvidence) {
        return new Finding(code, severity, subject, message, newEvidence, remediation, actor, messageText,
                remediationText, mailTeamRemediation, mailTeamRemediationText, dnsNames);
    }

    /** The same finding for another actor to act on: its words, and those for the recipient's mail team, stay. */
    public Finding withActor(Actor newActor) {
        return new Finding(code, severity, subject, message, evidence, remediation, newActor, messageText,
                remediationText, mailTeamRemediation, mailTeamRemediationText, dnsNames);
    }

    public Finding withMessage(Localizable newMessage) {
        return new Finding(code, severity, subject, newMessage.toString(), evidence, remediation, actor,
                Optional.of(newMessage), remediationText, mailTeamRemediation, mailTeamRemediationText, dnsNames);
    }

    /** Another remediation, with its own words for the recipient's mail team where it has some. */
    public Finding withRemediation(Localizable newRemediation, Actor newActor) {
        Optional<Localizable> forMailTeam = newRemediation.forMailTeam();
        return new Finding(code, severity, subject, message, evidence, newRemediation.toString(), newActor,
                messageText, Optional.of(newRemediation), forMailTeam.map(Object::toString).orElse(""), forMailTeam,
                dnsNames);
    }

    /** Another remediation in English only (advice composed elsewhere, such as the status knowledge base). */
    public Finding withRemediation(String newRemediation, Actor newActor) {
        return new Finding(code, severity, subject, message, evidence, newRemediation, newActor, messageText,
                Optional.empty(), "", Optional.empty(), dnsNames);
    }

    /**
     * The same finding with {@code words} for the recipient's mail team (where another remediation took the place
     * of one that had such words, and has none of its own).
     */
    public Finding withMailTeamRemediation(Localizable words) {
        return new Finding(code, severity, subject, message, evidence, remediation, actor, messageText,
                remediationText, words.toString(), Optional.of(words), dnsNames);
    }

    /**
     * The finding as the desktop app shows it (and its reports carry it): a remediation that names a command-line
     * option in the app's words where the texts have them ({@link Localizable#inApp()}); the code, the actor and
     * the words for the recipient's mail team stay. The command line and its JSON keep {@link #remediation}.
     */
    public Finding forApp() {
        return remediationText.flatMap(Localizable::inApp)
                .map(words -> new Finding(code, severity, subject, message, evidence, words.toString(), actor,
                        messageText, Optional.of(words), mailTeamRemediation, mailTeamRemediationText, dnsNames))
                .orElse(this);
    }

    /**
     * A report's copy: {@code shown} is what the report's part for the recipient's mail team says as this finding's
     * fix, already in the report's language (empty in our own side's part).
     */
    public Finding withMailTeamRemediationShown(String shown) {
        return new Finding(code, severity, subject, message, evidence, remediation, actor, messageText,
                remediationText, shown, Optional.empty(), dnsNames);
    }

    /** The same finding about {@code names} ({@link #dnsNames}): where it is made from DNS questions. */
    public Finding withDnsNames(List<String> names) {
        return new Finding(code, severity, subject, message, evidence, remediation, actor, messageText,
                remediationText, mailTeamRemediation, mailTeamRemediationText, names);
    }

    /**
     * The names this finding is about: its {@link #dnsNames}, else its subject alone (the domain, host or IP it is
     * about, taken whole: never split, for it is worded for people); empty when it has neither.
     */
    public List<String> namesAbout() {
        if (!dnsNames.isEmpty() || subject.isEmpty()) {
            return dnsNames;
        }
        return List.of(subject);
    }
}
