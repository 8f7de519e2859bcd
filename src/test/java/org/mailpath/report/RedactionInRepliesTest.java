package org.mailpath.report;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.mailpath.engine.finding.Actor;
import org.mailpath.engine.report.ReportBuilder;
import org.mailpath.engine.report.ReportFixture;
import org.mailpath.engine.report.ReportModel;
import org.mailpath.engine.report.ReportOptions;
import org.mailpath.engine.report.SampleReportData;
import org.mailpath.engine.status.Category;

/**
 * Names inside longer tokens of a reply ({@code user=john.doe}, {@code <JOHN.DOE@…>;}) and short local parts
 * ({@code bo}) stayed readable in redacted reports; every format is rendered from the same redacted model, and each
 * is checked as a reader would see it.
 */
class RedactionInRepliesTest {

    private static final String JOHN_REPLY = "550 5.1.1 user=john.doe unknown; see <JOHN.DOE@CONTOSO.EXAMPLE>, "
            + "id=john.doe&x=1, john.doe's mailbox, user=john.doe@contoso.example;";
    private static final String BO_REPLY = "550 5.1.1 <bo@contoso.example>: Recipient address rejected: user=bo; "
            + "RCPT: <bo>, forwarding to Bo@Contoso.Example.";

    private static ReportModel redacted() {
        ReportFixture f = new ReportFixture("log.csv");
        f.message("<m1@host.example>", "john.doe@contoso.example").received()
                .permanentFailure("mx.contoso.example", "192.0.2.1", JOHN_REPLY)
                .bounced(Category.RECIPIENT, Actor.SENDER_ADMIN, "", "");
        f.message("<m2@host.example>", "bo@contoso.example").received()
                .permanentFailure("mx.contoso.example", "192.0.2.1", BO_REPLY)
                .bounced(Category.RECIPIENT, Actor.SENDER_ADMIN, "", "");
        return new ReportBuilder(f.analysis(), ReportOptions.defaults().withGeneratedAt(SampleReportData.GENERATED)
                .withRedaction(true)).rawRows(f.rawRows()).build();
    }

    /** The audit's replies: names of letters only after mailbox words, a person's name, a sender's display name. */
    private static ReportModel redactedNames() {
        ReportFixture f = new ReportFixture("log.csv");
        f.message("<m1@host.example>", "Jsmith@corp.example").received()
                .permanentFailure("mx.corp.example", "192.0.2.1",
                        "550 5.1.1 RCPT TO:<JSMITH@CORP.EXAMPLE> user unknown; mailbox jsmith does not exist")
                .bounced(Category.RECIPIENT, Actor.SENDER_ADMIN, "", "");
        f.message("<m2@host.example>", "anna@corp.example").sender("Mary Jones <mary.jones@acme.example>")
                .received()
                .permanentFailure("mx.corp.example", "192.0.2.1",
                        "550 5.1.1 The email account anna (Anna Berg) does not exist")
                .bounced(Category.RECIPIENT, Actor.SENDER_ADMIN, "", "");
        f.message("<m3@host.example>", "sven@corp.example").received()
                .permanentFailure("mx.corp.example", "192.0.2.1", "550 5.1.1 <sven@corp.example>... No such user (sven)")
                .bounced(Category.RECIPIENT, Actor.SENDER_ADMIN, "", "");
        return new ReportBuilder(f.analysis(), ReportOptions.defaults().withGeneratedAt(SampleReportData.GENERATED)
                .withRedaction(true)).rawRows(f.rawRows()).build();
    }

    /** What a reader sees, without white space (the PDF wraps lines anywhere) and in lower case. */
    private static String seen(ReportFormat format, ReportModel model) throws IOException {
        byte[] out = ReportTestSupport.render(format, model, "redacted-replies");
        String text = switch (format) {
            case PDF -> {
                try (PDDocument doc = Loader.loadPDF(out)) {
                    yield new PDFTextStripper().getText(doc);
                }
            }
            case HTML -> new String(out, StandardCharsets.UTF_8).replaceAll("<[^>]*>", "").replace("&lt;", "<")
                    .replace("&gt;", ">").replace("&#39;", "'").replace("&quot;", "\"").replace("&amp;", "&");
            default -> new String(out, StandardCharsets.UTF_8);
        };
        return text.replaceAll("\\s+", "").toLowerCase(Locale.ROOT);
    }

    @Test
    void everyFormatHidesNamesInsideLongerTokensAndShortNamesOfMailboxes() throws IOException {
        ReportModel model = redacted();
        for (ReportFormat format : List.of(ReportFormat.PDF, ReportFormat.HTML, ReportFormat.JSON, ReportFormat.TEXT)) {
            String seen = seen(format, model);
            assertFalse(seen.contains("john.doe") || seen.contains("john"), format + ": " + seen);
            assertFalse(seen.contains("bo@") || seen.contains("user=bo") || seen.contains("<bo>"),
                    format + ": " + seen);
            for (String masked : List.of("user=j***unknown", "<j***@contoso.example>", "id=j***&x=1",
                    "j***'smailbox", "user=j***@contoso.example;", "<b***@contoso.example>", "user=b***;",
                    "rcpt:<b***>", "forwardingtob***@contoso.example.")) {
                assertTrue(seen.contains(masked), format + " shows " + masked + ": " + seen);
            }
            // the Message ID Headers stay, by design
            assertTrue(seen.contains("m1@host.example") && seen.contains("m2@host.example"), format.name());
        }
    }

    @Test
    void everyFormatHidesNamesAfterMailboxWordsAndPeoplesNames() throws IOException {
        ReportModel model = redactedNames();
        for (ReportFormat format : List.of(ReportFormat.PDF, ReportFormat.HTML, ReportFormat.JSON, ReportFormat.TEXT)) {
            String seen = seen(format, model);
            // white space is gone from what is seen: "Mary Jones" is "maryjones" ("mary" alone is in "summary")
            for (String name : List.of("jsmith", "sven", "anna", "berg", "maryjones", "mary.jones")) {
                assertFalse(seen.contains(name), format + " shows " + name + ": " + seen);
            }
            for (String masked : List.of("mailboxj***doesnotexist", "accounta***(a***)doesnotexist",
                    "nosuchuser(s***)", "m***<m***@acme.example>")) {
                assertTrue(seen.contains(masked), format + " shows " + masked + ": " + seen);
            }
        }
    }
}
