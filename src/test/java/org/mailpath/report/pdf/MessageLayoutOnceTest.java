package org.mailpath.report.pdf;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.mailpath.engine.report.MessageEntry;
import org.mailpath.engine.report.RecipientDomainSection;
import org.mailpath.engine.report.ReportBuilder;
import org.mailpath.engine.report.ReportModel;
import org.mailpath.engine.report.ReportOptions;
import org.mailpath.engine.report.SampleReportData;

/**
 * Each listed message is wrapped into its rows once, in the order the report draws them: the first domain's first
 * message, measured for the mail teams' chapter heading's keep, was wrapped again to be drawn.
 */
class MessageLayoutOnceTest {

    private final SampleReportData data = SampleReportData.create();

    @Test
    void everyMessageOfSeveralDomainsIsLaidOutOnce() throws IOException {
        ReportModel model = data.model(false);
        assertEquals(listed(model), laidOut(model));
    }

    @Test
    void everyMessageOfAReportForOneMailTeamIsLaidOutOnce() throws IOException {
        // one domain: no domain heading, and the chapter on the summary's last page keeps the first message with it
        ReportModel model = new ReportBuilder(data.analysis(), ReportOptions.defaults()
                .withGeneratedAt(SampleReportData.GENERATED).withDomains(Set.of("contoso.example"))
                .withLanguage(Locale.forLanguageTag("sv"))).checks(data.checks()).rawRows(data.rawRows()).build();
        assertEquals(1, model.recipientDomains().size());
        assertEquals(listed(model), laidOut(model));
    }

    /** The model's listed messages, in the order the report lists them, each by its recipient and internal ID. */
    private static List<String> listed(ReportModel model) {
        List<String> all = new ArrayList<>();
        for (RecipientDomainSection s : model.recipientDomains()) {
            s.messages().forEach(m -> all.add(name(m)));
        }
        return all;
    }

    /** The messages the PDF renderer wrapped into rows, in the order it did, once per time. */
    private static List<String> laidOut(ReportModel model) throws IOException {
        List<String> laidOut = new ArrayList<>();
        new PdfReportRenderer(TestFonts.CACHE, m -> laidOut.add(name(m)))
                .render(model, OutputStream.nullOutputStream());
        return laidOut;
    }

    private static String name(MessageEntry m) {
        return m.recipient() + " " + m.internalMessageId();
    }
}
