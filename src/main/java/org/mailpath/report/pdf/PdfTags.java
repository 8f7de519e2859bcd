package org.mailpath.report.pdf;

import java.io.IOException;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentCatalog;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.COSObjectable;
import org.apache.pdfbox.pdmodel.common.PDNumberTreeNode;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDMarkInfo;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDMarkedContentReference;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDObjectReference;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDParentTreeValue;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureElement;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureNode;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureTreeRoot;
import org.apache.pdfbox.pdmodel.documentinterchange.taggedpdf.StandardStructureTypes;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotation;
import org.mailpath.report.ReportFormat;

/**
 * The report's logical structure (a tagged PDF, PDF 32000-1 14.7 and 14.8): headings, paragraphs and tables in
 * reading order under one Document element, each piece of drawn text a marked-content sequence with an MCID that
 * the parent tree leads back to its element, so that a screen reader reads headings and order, not a page of
 * loose glyphs. What only decorates (rules, boxes, bars, page header and footer, a table heading repeated on a
 * page it goes on to) is marked as an artifact.
 *
 * <p>A report that lists more messages in full than {@link ReportFormat#DEFAULT_LIST_LIMIT} is written untagged: its
 * structure tree (an element per paragraph and table cell, each an indirect object until the document is saved)
 * would hold several times the heap the untagged report needs (10,000 messages failed in 256 MB, where the untagged
 * report fits; 120,000 failed in 2 GB, where 512 MB suffices untagged). The HTML report serves a screen reader at
 * any size.
 */
final class PdfTags {

    /** Elements text may be marked into directly; text drawn under any other gets a P of its own. */
    private static final Set<String> LEAVES = Set.of(StandardStructureTypes.P, StandardStructureTypes.H1,
            StandardStructureTypes.H2, StandardStructureTypes.H3, StandardStructureTypes.TD,
            StandardStructureTypes.TH, StandardStructureTypes.TOCI, StandardStructureTypes.Figure);

    /** Whether anything is tagged; when not, no element is made (the document's stands in) and no text is marked. */
    private final boolean tagged;
    private final PDStructureTreeRoot root = new PDStructureTreeRoot();
    private final PDStructureElement document;
    private final List<PDStructureElement> open = new ArrayList<>();
    /** Per page (by its dictionary), the element of each MCID in order: the page's entry in the parent tree. */
    private final Map<COSDictionary, List<PDStructureElement>> marks = new LinkedHashMap<>();
    private final Map<COSDictionary, PDPage> pages = new IdentityHashMap<>();
    /** Link elements and their annotations, each given a parent tree key of its own at the end. */
    private final List<PDStructureElement> links = new ArrayList<>();
    private final List<PDAnnotation> annotations = new ArrayList<>();
    private int artifacts;
    /** Marked-content sequences begun and not ended: one begun inside another is part of it. */
    private int contents;

    PdfTags(boolean tagged) {
        this.tagged = tagged;
        document = new PDStructureElement(StandardStructureTypes.DOCUMENT, root);
        root.appendKid(document);
        open.add(document);
    }

    /** Whether this report is tagged (and so claims PDF/UA-1 in its metadata). */
    boolean tagged() {
        return tagged;
    }

    /** Tags for a report that lists {@code listedMessages} in full: none above the default list limit. */
    static PdfTags forListing(long listedMessages) {
        return new PdfTags(listedMessages <= ReportFormat.DEFAULT_LIST_LIMIT);
    }

    /** A new element of {@code type} as the last child of the current one, made current until {@link #close}. */
    PDStructureElement open(String type) {
        PDStructureElement e = child(type);
        open.add(e);
        return e;
    }

    /** A new element of {@code type} as the last child of the current one (not made current). */
    PDStructureElement child(String type) {
        if (!tagged) {
            // nothing to join it to: the document element stands in, so a large untagged report makes no element
            // per paragraph and cell only to drop it
            return document;
        }
        PDStructureElement e = new PDStructureElement(type, current());
        current().appendKid(e);
        return e;
    }

    /** Makes {@code e} (made before) current again until {@link #close}: a table cell going on, the contents. */
    void enter(PDStructureElement e) {
        open.add(e);
    }

    void close() {
        open.removeLast();
    }

    /** Whether the current element holds text itself (a heading, a paragraph, a cell), not only elements. */
    boolean atLeaf() {
        return inArtifact() || LEAVES.contains(current().getStructureType());
    }

    PDStructureElement current() {
        return open.getLast();
    }

    /** From here to {@link #endArtifact} every drawing is an artifact, text too (a repeated table heading). */
    void beginArtifact() {
        artifacts++;
    }

    void endArtifact() {
        artifacts--;
    }

    boolean inArtifact() {
        return artifacts > 0;
    }

    /**
     * Begins the marked content of a piece of text on {@code page}: an artifact's, or a new MCID of the current
     * element (of a P of its own when that one holds no text itself). {@link #endContent} ends it. Begun inside
     * another, it is part of that one: a table cell's lines on a page are one sequence (a long report has hundreds
     * of thousands of lines, each sequence an entry in the parent tree).
     */
    void beginContent(PDPage page, PDPageContentStream stream) throws IOException {
        if (contents++ > 0 || !tagged) {
            return;
        }
        if (inArtifact()) {
            stream.beginMarkedContent(COSName.ARTIFACT);
            return;
        }
        PDStructureElement element = current();
        if (!LEAVES.contains(element.getStructureType())) {
            element = child(StandardStructureTypes.P);
        }
        List<PDStructureElement> onPage = marks.computeIfAbsent(page.getCOSObject(), p -> new ArrayList<>());
        pages.putIfAbsent(page.getCOSObject(), page);
        int mcid = onPage.size();
        onPage.add(element);
        stream.beginMarkedContent(COSName.getPDFName(element.getStructureType()), mcid);
        PDPage own = element.getPage();
        if (own == null) {
            element.setPage(page);
            element.appendKid(mcid);
        } else if (own.getCOSObject() == page.getCOSObject()) {
            element.appendKid(mcid);
        } else {
            // an element going on to another page: its MCID there names that page
            PDMarkedContentReference ref = new PDMarkedContentReference();
            ref.setPage(page);
            ref.setMCID(mcid);
            element.appendKid(ref);
        }
    }

    void endContent(PDPageContentStream stream) throws IOException {
        if (--contents > 0 || !tagged) {
            return;
        }
        stream.endMarkedContent();
    }

    /**
     * A Link element, in the current one, for a clickable area (a contents entry, a URL), so that a screen reader
     * offers it where it is read (PDF 32000-1, 14.8.4.4.2): it refers to the annotation, which refers back through
     * the parent tree.
     */
    void link(PDPage page, PDAnnotation annotation) {
        if (inArtifact() || !tagged) {
            return;
        }
        PDStructureElement link = child(StandardStructureTypes.LINK);
        link.setPage(page);
        PDObjectReference ref = new PDObjectReference();
        ref.setReferencedObject(annotation);
        link.appendKid(ref);
        links.add(link);
        annotations.add(annotation);
    }

    /** Draws decoration (a rule, a box, a bar) as an artifact: not read out, not in the structure. */
    static void artifact(PDPageContentStream stream, Drawing drawing) throws IOException {
        stream.beginMarkedContent(COSName.ARTIFACT);
        drawing.draw();
        stream.endMarkedContent();
    }

    /** Something drawn that may fail as content streams do. */
    @FunctionalInterface
    interface Drawing {
        void draw() throws IOException;
    }

    /**
     * Puts the structure on the document: the tree root with its parent tree (each page's StructParents key to the
     * elements of its MCIDs) and MarkInfo Marked, which tells readers the document is tagged.
     */
    void finish(PDDocument doc) {
        if (!tagged) {
            return;
        }
        Map<Integer, COSObjectable> numbers = new LinkedHashMap<>();
        int key = 0;
        for (Map.Entry<COSDictionary, List<PDStructureElement>> e : marks.entrySet()) {
            COSArray elements = new COSArray();
            for (PDStructureNode element : e.getValue()) {
                elements.add(element);
            }
            pages.get(e.getKey()).setStructParents(key);
            numbers.put(key++, new PDParentTreeValue(elements));
        }
        for (int i = 0; i < links.size(); i++) {
            annotations.get(i).setStructParent(key);
            numbers.put(key++, new PDParentTreeValue(links.get(i).getCOSObject()));
        }
        PDNumberTreeNode parentTree = new PDNumberTreeNode(PDParentTreeValue.class);
        parentTree.setNumbers(numbers);
        root.setParentTree(parentTree);
        root.setParentTreeNextKey(key);
        PDDocumentCatalog catalog = doc.getDocumentCatalog();
        catalog.setStructureTreeRoot(root);
        PDMarkInfo markInfo = new PDMarkInfo();
        markInfo.setMarked(true);
        catalog.setMarkInfo(markInfo);
    }
}
