package org.mailpath.report.pdf;

import java.io.IOException;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.PageMode;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureElement;
import org.apache.pdfbox.pdmodel.documentinterchange.taggedpdf.StandardStructureTypes;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionGoTo;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.destination.PDPageXYZDestination;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDDocumentOutline;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDOutlineItem;
import org.mailpath.engine.report.ReportModel;
import org.mailpath.report.ReportWording;
import org.mailpath.report.VisibleText;

/** The report's table of contents and bookmarks: where each chapter and section landed, drawn at the end. */
final class Contents {

    private static final int TOC_DOMAINS = 12;

    private record Anchor(String label, PDPage page, float y, int level, boolean inToc) {
    }

    private final ReportDrawing d;
    private final PdfCanvas c;
    private final List<Anchor> anchors = new ArrayList<>();
    private float tocTop;
    private PDPage tocPage;
    private PDStructureElement tocHeading;
    private PDStructureElement tocList;

    Contents(ReportDrawing d) {
        this.d = d;
        this.c = d.c();
    }

    /**
     * Notes a heading where the canvas now is: {@code label} of {@code level} (0 a chapter, 1 a section) in the
     * bookmarks, and in the contents when {@code inToc}.
     */
    void mark(String label, int level, boolean inToc) {
        anchors.add(new Anchor(label, c.page(), c.y(), level, inToc));
    }

    /** Summary, the mail-team chapter with its domains (capped), our side, the appendix. */
    private int tocEntries() {
        ReportModel model = d.model();
        // the domains headed each, and the one table of those none of whose messages is listed
        int domains = model.recipientDomains().size() < 2 ? model.recipientDomains().size()
                : ReportWording.domainsListed(model).size() + (ReportWording.domainsNotListed(model).isEmpty()
                        ? 0 : 1);
        int n = 1 + (domains == 0 ? 0 : 1) + (domains > 1 ? Math.min(domains, TOC_DOMAINS) : 0)
                + (domains > TOC_DOMAINS ? 1 : 0);
        return n + (model.ownSide().isEmpty() ? 0 : 1) + (AppendixChapter.present(model) ? 1 : 0);
    }

    /** Leaves room for the contents; they are drawn at the end, when page numbers are known. */
    void placeholder() throws IOException {
        ReportStyles s = d.styles();
        float h = s.h3().leading() + 4 + tocEntries() * s.body().leading();
        c.ensure(h);
        tocPage = c.page();
        tocTop = c.y();
        // in reading order here, where they are drawn; filled when the contents are drawn, at the end
        tocHeading = c.tags.child(StandardStructureTypes.H2);
        tocList = c.tags.child(StandardStructureTypes.TOC);
        c.moveDown(h + 14);
    }

    /** The contents, in the room {@link #placeholder} left, with each entry's page number and a link to it. */
    void draw() throws IOException {
        PDDocument doc = c.doc;
        ReportStyles s = d.styles();
        try (PDPageContentStream cs = new PDPageContentStream(doc, tocPage,
                PDPageContentStream.AppendMode.APPEND, true, true)) {
            // PDPage objects are fresh wrappers on every iteration: key by the underlying dictionary.
            Map<Object, Integer> numbers = new IdentityHashMap<>();
            int n = 0;
            for (PDPage p : doc.getPages()) {
                numbers.put(p.getCOSObject(), ++n);
            }
            float y = tocTop;
            c.tags.enter(tocHeading);
            c.text(tocPage, cs, c.left(), y - s.h3().size(), s.h3().color(Rgb.ACCENT),
                    d.words().get("heading.contents"));
            c.tags.close();
            c.tags.enter(tocList);
            y -= s.h3().leading() + 4;
            int domains = 0;
            for (Anchor a : anchors) {
                if (!a.inToc()) {
                    continue;
                }
                if (a.level() == 1 && ++domains > TOC_DOMAINS) {
                    if (domains == TOC_DOMAINS + 1) {
                        // the rest stay out of the contents, which must fit its page: this line leads to them
                        entry(cs, y, a, s.body().color(Rgb.MUTED), d.words().format("toc.more",
                                anchors.stream().filter(x -> x.inToc() && x.level() == 1).count() - TOC_DOMAINS),
                                numbers);
                        y -= s.body().leading();
                    }
                    continue;
                }
                entry(cs, y, a, a.level() == 0 ? s.bodyBold() : s.body(), a.label(), numbers);
                y -= s.body().leading();
            }
            c.tags.close();
        }
    }

    /** One line of the contents at {@code y}: {@code label}, dots, the page of {@code a}, and a link to it. */
    private void entry(PDPageContentStream cs, float y, Anchor a, TextStyle font, String label,
                       Map<Object, Integer> numbers) throws IOException {
        TextStyle body = d.styles().body();
        float indent = a.level() * 14;
        String number = String.valueOf(numbers.get(a.page().getCOSObject()));
        float numberWidth = c.width(body, number);
        List<String> fit = c.wrap(body, label, c.width() - indent - 40);
        String shown = fit.size() > 1 ? fit.getFirst() + " …" : label;
        c.tags.open(StandardStructureTypes.TOCI);
        float labelWidth = c.text(tocPage, cs, c.left() + indent, y - body.size(), font, shown);
        dots(cs, c.left() + indent + labelWidth + 4, c.right() - numberWidth - 4, y - body.size());
        c.text(tocPage, cs, c.right() - numberWidth, y - body.size(), body.color(Rgb.MUTED), number);
        PDActionGoTo go = new PDActionGoTo();
        go.setDestination(destination(a));
        // what a screen reader says of the link (PDF/UA-1, 7.18.5): the entry's whole label
        c.link(tocPage, new PDRectangle(c.left() + indent, y - body.leading() + 1,
                c.width() - indent, body.leading()), go, VisibleText.of(label));
        c.tags.close();
    }

    private void dots(PDPageContentStream cs, float from, float to, float baseline) throws IOException {
        if (to - from < 8) {
            return;
        }
        PdfTags.artifact(cs, () -> {
            cs.setStrokingColor(Rgb.RULE.r(), Rgb.RULE.g(), Rgb.RULE.b());
            cs.setLineWidth(0.6f);
            cs.setLineDashPattern(new float[] {0.6f, 2.4f}, 0);
            cs.moveTo(from, baseline + 1);
            cs.lineTo(to, baseline + 1);
            cs.stroke();
            cs.setLineDashPattern(new float[] {}, 0);
        });
    }

    private PDPageXYZDestination destination(Anchor a) {
        PDPageXYZDestination dest = new PDPageXYZDestination();
        dest.setPage(a.page());
        dest.setLeft((int) c.left());
        dest.setTop((int) (a.y() + 14));
        return dest;
    }

    /** The bookmarks: each chapter, its sections under it. */
    void outline() {
        PDDocumentOutline outline = new PDDocumentOutline();
        PDOutlineItem parent = null;
        for (Anchor a : anchors) {
            PDOutlineItem item = new PDOutlineItem();
            // drawn by the viewer, not by us: what the pages show as [U+202E] must not reorder the bookmarks
            item.setTitle(VisibleText.of(a.label()));
            item.setDestination(destination(a));
            if (a.level() == 0 || parent == null) {
                outline.addLast(item);
                parent = item;
            } else {
                parent.addLast(item);
            }
        }
        c.doc.getDocumentCatalog().setDocumentOutline(outline);
        c.doc.getDocumentCatalog().setPageMode(PageMode.USE_OUTLINES);
    }
}
