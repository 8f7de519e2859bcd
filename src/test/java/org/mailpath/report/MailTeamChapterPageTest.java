package org.mailpath.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.mailpath.engine.report.ReportBuilder;
import org.mailpath.engine.report.ReportFixture;
import org.mailpath.engine.report.ReportModel;
import org.mailpath.engine.report.ReportOptions;
import org.mailpath.engine.report.RecipientDomainSection;
import org.mailpath.engine.status.SmtpReply;
import org.mailpath.engine.status.StatusKnowledgeBase;

/**
 * The part for the mail team of a report on one domain follows the summary on its last page: its heading (three lines
 * for a long domain name in Swedish), its intro, the domain's counts and its first message stay on one page. Measured
 * as one line, the heading and the intro were left alone at a page's foot with the counts and the message on the next.
 */
class MailTeamChapterPageTest {

    private static final StatusKnowledgeBase KB = StatusKnowledgeBase.standard();
    private static final String DOMAIN = "customer-07-very-long-subsidiary-name-example.example";

    /** Replies of different causes: each one more adds a row to the summary's causes table, moving where it ends. */
    private static final List<String> REPLIES = List.of(
            "550 5.1.1 <x@" + DOMAIN + ">: Recipient address rejected: User unknown in virtual mailbox table",
            "451 4.7.1 Greylisted, please try again later",
            "552 5.2.2 <x@" + DOMAIN + ">: Mailbox full",
            "451 4.7.4 [internal] STARTTLS required but not advertised",
            "554 5.7.1 Service unavailable; Client host [192.0.2.9] blocked using zen.spamhaus.org",
            "552 5.3.4 Message size exceeds fixed limit",
            "550 5.7.509 Access denied, sending domain ACME.EXAMPLE does not pass DMARC verification and has a DMARC"
                    + " policy of reject.",
            "421 4.7.0 Try again later, closing connection. (EHLO) too many connections",
            "550 5.4.1 Recipient address rejected: Access denied.",
            "554 5.6.0 Message content rejected",
            "550 5.7.26 This mail has been blocked because the sender is unauthenticated.",
            "553 5.1.3 The recipient address is not a valid RFC 5321 address");

    @Test
    void theHeadingIntroCountsAndFirstMessageOfTheTeamsPartShareAPageWhereverTheSummaryEnds() throws IOException {
        List<String> split = new ArrayList<>();
        for (Locale language : List.of(Locale.forLanguageTag("sv"), Locale.ENGLISH)) {
            for (int causes = 1; causes <= REPLIES.size(); causes++) {
                for (int delivered : List.of(0, 3)) {
                    ReportModel model = model(causes, delivered, language);
                    ReportWording words = ReportWording.of(model);
                    RecipientDomainSection section = model.recipientDomains().getFirst();
                    List<String> pages = pages(model);
                    // the contents on page 1 name the heading too: the chapter's is the last
                    int heading = lastPageOf(pages, words.mailTeamHeading(model).substring(0, 20));
                    int intro = pageOf(pages, words.mailTeamIntro(model).substring(0, 40));
                    int counts = pageOf(pages, words.domainCounts(section));
                    int first = pageOf(pages, section.messages().getFirst().messageIdHeader());
                    if (heading != counts || intro != counts || first != counts) {
                        split.add(language + " " + causes + " causes, " + delivered + " delivered: heading p" + heading
                                + ", intro p" + intro + ", counts p" + counts + ", first message p" + first);
                    }
                }
            }
        }
        assertEquals(List.of(), split);
    }

    /** The last page (1-based) whose text holds {@code text}, spaces and line breaks aside. */
    private static int lastPageOf(List<String> pages, String text) {
        String wanted = PdfReportRendererTest.squeeze(text);
        for (int p = pages.size() - 1; p >= 0; p--) {
            if (PdfReportRendererTest.squeeze(pages.get(p)).contains(wanted)) {
                return p + 1;
            }
        }
        throw new AssertionError("not in the PDF: " + text);
    }

    /** The first page (1-based) whose text holds {@code text}, spaces and line breaks aside. */
    private static int pageOf(List<String> pages, String text) {
        String wanted = PdfReportRendererTest.squeeze(text);
        for (int p = 0; p < pages.size(); p++) {
            if (PdfReportRendererTest.squeeze(pages.get(p)).contains(wanted)) {
                return p + 1;
            }
        }
        throw new AssertionError("not in the PDF: " + text);
    }

    private static List<String> pages(ReportModel model) throws IOException {
        List<String> pages = new ArrayList<>();
        try (PDDocument doc = Loader.loadPDF(ReportTestSupport.render(ReportFormat.PDF, model, "team"))) {
            for (int p = 1; p <= doc.getNumberOfPages(); p++) {
                PDFTextStripper stripper = new PDFTextStripper();
                stripper.setStartPage(p);
                stripper.setEndPage(p);
                pages.add(stripper.getText(doc));
            }
        }
        assertTrue(pages.size() > 2, "a summary and a part for the team");
        return pages;
    }

    /** A report for {@code DOMAIN}'s team: one bounce of each of the first {@code causes} replies, then deliveries. */
    private static ReportModel model(int causes, int delivered, Locale language) {
        ReportFixture f = new ReportFixture("team.csv");
        for (int i = 0; i < causes; i++) {
            String reply = REPLIES.get(i);
            f.message("<b" + i + "@host.example>", "user" + i + "@" + DOMAIN).received()
                    .permanentFailure("mx1." + DOMAIN, "192.0.2.12", reply).bounced(KB.diagnose(SmtpReply.parse(reply)));
        }
        for (int i = 0; i < delivered; i++) {
            f.message("<d" + i + "@host.example>", "ok" + i + "@" + DOMAIN).received()
                    .delivery("mx1." + DOMAIN, "192.0.2.12", "250 2.0.0 Ok: queued", "TLS_AES_256_GCM_SHA384")
                    .delivered();
        }
        return new ReportBuilder(f.analysis(), ReportOptions.defaults().withDomains(Set.of(DOMAIN))
                .withLanguage(language)).rawRows(f.rawRows()).build();
    }
}
