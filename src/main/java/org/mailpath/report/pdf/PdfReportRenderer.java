package org.mailpath.report.pdf;

import java.io.IOException;
import java.io.OutputStream;
import java.util.function.Consumer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.mailpath.engine.report.MessageEntry;
import org.mailpath.engine.report.ReportModel;
import org.mailpath.report.Paper;
import org.mailpath.report.ReportRenderer;
import org.mailpath.report.ReportWording;

/**
 * The PDF report: A4 or Letter, embedded DejaVu fonts, a title block with the conclusion and a linked table of
 * contents, the summary with a bar chart, one part per recipient domain for its mail team, our own side, and the raw
 * rows.
 * The pages' content goes to a temporary file while the document is built ({@link SpillingStreamCache}), so that
 * what a big report holds in memory per page is a few small objects, not its content.
 * Text from logs and servers is only ever drawn as text: nothing in it is interpreted.
 */
public final class PdfReportRenderer implements ReportRenderer {

    /** Told of each message as it is wrapped into rows: a test's count that each is laid out once. */
    private final Consumer<MessageEntry> laidOut;
    private final Paper paper;
    private final PdfFontCache fonts;

    /** A report on {@code paper}, its fonts from {@code fonts} (the renderers' owner's, parsed once for all). */
    public PdfReportRenderer(Paper paper, PdfFontCache fonts) {
        this(paper, fonts, m -> { });
    }

    PdfReportRenderer(PdfFontCache fonts, Consumer<MessageEntry> laidOut) {
        this(Paper.A4, fonts, laidOut);
    }

    private PdfReportRenderer(Paper paper, PdfFontCache fonts, Consumer<MessageEntry> laidOut) {
        this.paper = paper;
        this.fonts = fonts;
        this.laidOut = laidOut;
    }

    @Override
    public void render(ReportModel model, OutputStream out) throws IOException {
        // the fonts are this document's until it is saved (the subsets are made then); the document's streams go to
        // a temporary file beyond a few MB: memory stays bounded for big reports
        try (PdfFontCache.Loan lent = fonts.lend(); SpillingStreamCache streams = new SpillingStreamCache();
             PDDocument doc = new PDDocument(() -> streams)) {
            draw(doc, lent.fonts, model);
            doc.save(out);
        }
    }

    /**
     * The report drawn into {@code doc}: its parts in order, then what needs the page count (the contents, the page
     * header and footer), the bookmarks, the metadata and the structure tree.
     */
    private void draw(PDDocument doc, ParsedFonts files, ReportModel model) throws IOException {
        ReportWording words = ReportWording.of(model);
        PdfFonts pdfFonts = new PdfFonts(doc, files);
        PdfCanvas c = new PdfCanvas(doc, pdfFonts, paper, PdfTags.forListing(model.listedMessages()));
        ReportDrawing drawing = new ReportDrawing(c, model, words, ReportStyles.of(pdfFonts));
        Contents contents = new Contents(drawing);
        Headings headings = new Headings(drawing, contents);
        FindingCards findings = new FindingCards(drawing);
        c.newPage();
        new PdfTitleBlock(drawing, headings, contents).draw();
        new SummaryChapter(drawing, headings).draw();
        if (!model.recipientDomains().isEmpty()) {
            new MailTeamChapter(drawing, headings, findings, laidOut).draw();
        }
        if (!model.ownSide().isEmpty()) {
            new OwnSideChapter(drawing, headings, findings).draw();
        }
        if (AppendixChapter.present(model)) {
            new AppendixChapter(drawing, headings).draw();
        }
        c.close();
        contents.draw();
        PageFurniture.draw(drawing);
        contents.outline();
        DocumentMetadata.write(drawing);
        c.tags.finish(doc);
    }
}
