package org.mailpath.engine.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.mailpath.engine.finding.Actor;
import org.mailpath.engine.status.Category;

/**
 * A Salesforce user ID that a reply quotes gives way, in a redacted report, to words in the report's language: a
 * Swedish report said "[user ID removed]" in English.
 */
class RedactedUserIdTest {

    private static final String USER_ID = "0055g00000ABCDE";

    private static String reply(Locale language) {
        ReportFixture f = new ReportFixture("log.csv");
        f.message("<m1@host.example>", "john.doe@contoso.example").userId(USER_ID).received()
                .permanentFailure("mx.contoso.example", "192.0.2.1", "550 5.7.1 Refused: sender " + USER_ID)
                .bounced(Category.CONTENT_POLICY, Actor.RECIPIENT_MAIL_TEAM, "", "");
        ReportModel model = new ReportBuilder(f.analysis(), ReportOptions.defaults()
                .withGeneratedAt(SampleReportData.GENERATED).withRedaction(true).withLanguage(language))
                .rawRows(f.rawRows()).build();
        MessageEntry m = ReportFixture.messageTo(model, "j***@contoso.example");
        return m.events().getLast().status();
    }

    @Test
    void aSwedishReportSaysItInSwedish() {
        assertEquals("550 5.7.1 Refused: sender [användar-ID borttaget]", reply(Locale.of("sv")));
    }

    @Test
    void anEnglishReportSaysWhatItSaid() {
        assertEquals("550 5.7.1 Refused: sender [user ID removed]", reply(Locale.ENGLISH));
    }

    @Test
    void aRedactorMadeWithoutTextsSaysItInEnglish() {
        Redactor r = Redactor.of(List.of("john.doe@contoso.example"), List.of(USER_ID), List.of());
        assertEquals("sent by [user ID removed]", r.text("sent by " + USER_ID));
    }
}
