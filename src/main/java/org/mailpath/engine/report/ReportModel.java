package org.mailpath.engine.report;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Everything a report says, already filtered and (if asked) redacted, so every renderer shows the same content
 * and none of them has to think about privacy. Built by {@link ReportBuilder}. Its words (conclusion, causes,
 * findings, explanations) are already in {@code language}, which the renderers write their own words in too: one
 * MailPath has texts in ({@link ReportTexts#language()}), whatever language was asked for.
 * {@code addressedToMailTeam}: the report is for one recipient domain's mail team (its messages all go to that one
 * domain, however they were chosen), so that its summary and conclusion speak to that team as its title, its note and
 * the part for it do ("your mail servers", their words for what to do); a report on several domains speaks to our
 * admin and of the teams ({@link ReportBuilder}).
 */
public record ReportModel(TitleBlock title, String conclusion, Summary summary,
                          List<RecipientDomainSection> recipientDomains, OwnSideSection ownSide, Appendix appendix,
                          Locale language, boolean addressedToMailTeam) {

    public ReportModel {
        recipientDomains = List.copyOf(recipientDomains);
        language = ReportTexts.of(Objects.requireNonNull(language, "language")).language();
    }

    /** The phrases of the report's language. */
    public ReportTexts texts() {
        return ReportTexts.of(language);
    }

    /** Number of messages in the report (after the domain / message filters) that it lists. */
    public long listedMessages() {
        return recipientDomains.stream().mapToLong(d -> d.messages().size()).sum();
    }

    /**
     * The messages of the report that it counts but does not list ({@link ReportBuilder#listLimit}): 0 unless a
     * limit left some out.
     */
    public long unlistedMessages() {
        return Math.max(0, title.messagesIncluded() - listedMessages());
    }
}
