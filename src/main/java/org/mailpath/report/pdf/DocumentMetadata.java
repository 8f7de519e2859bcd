package org.mailpath.report.pdf;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.TimeZone;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentCatalog;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.common.PDMetadata;
import org.apache.pdfbox.pdmodel.interactive.viewerpreferences.PDViewerPreferences;
import org.mailpath.engine.report.TitleBlock;
import org.mailpath.report.VisibleText;

/** The report's document metadata: its information, language, viewer preferences and XMP. */
final class DocumentMetadata {

    /** The document's author, in its information and its XMP metadata. */
    static final String AUTHOR = "MailPath";

    private DocumentMetadata() {
    }

    /** The metadata of the document {@code d} draws, from its model's title block and language. */
    static void write(ReportDrawing d) {
        PDDocument doc = d.c().doc;
        PDDocumentInformation info = doc.getDocumentInformation();
        TitleBlock t = d.model().title();
        // shown by viewers and file managers as they are: bidi and invisible characters escaped as on the pages
        String shownTitle = VisibleText.of(t.title());
        String subject = VisibleText.of(d.words().format("pdf.subject", t.fileName()));
        String tool = "MailPath " + t.version();
        info.setTitle(shownTitle);
        info.setSubject(subject);
        info.setProducer(XmpMetadata.producer(tool));
        info.setCreator(tool);
        // whoever ran it is not known; the report is MailPath's words about a log, signed so in the footer
        info.setAuthor(AUTHOR);
        Calendar created = new GregorianCalendar(TimeZone.getTimeZone("UTC"));
        created.setTimeInMillis(t.generatedAt().toEpochMilli());
        info.setCreationDate(created);
        info.setModificationDate(created);
        PDDocumentCatalog catalog = doc.getDocumentCatalog();
        // a screen reader picks its voice by it, and a viewer its hyphenation and quotes (PDF 32000-1, 14.9.2)
        String language = d.model().language().toLanguageTag();
        catalog.setLanguage(language);
        // the title bar shows the report's title rather than a file name such as "report (3).pdf"
        PDViewerPreferences preferences = new PDViewerPreferences(new COSDictionary());
        preferences.setDisplayDocTitle(true);
        catalog.setViewerPreferences(preferences);
        // the same in XMP, where PDF/UA-1 reads the title (7.1); only a tagged report claims PDF/UA
        PDMetadata xmp = new PDMetadata(doc);
        try {
            xmp.importXMPMetadata(new XmpMetadata(shownTitle, subject, language, tool, t.generatedAt(),
                    d.c().tags.tagged()).bytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        catalog.setMetadata(xmp);
    }
}
