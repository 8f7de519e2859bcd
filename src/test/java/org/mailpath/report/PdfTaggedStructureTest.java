package org.mailpath.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSInteger;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSObject;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentCatalog;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureTreeRoot;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotation;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.junit.jupiter.api.Test;
import org.mailpath.engine.report.ReportModel;
import org.mailpath.engine.report.SampleReportData;

/**
 * The PDF is tagged (PDF 32000-1, 14.7-14.8): a screen reader gets headings, paragraphs and tables in reading order.
 * Every piece of drawn text is marked content, either of a structure element (found again through the parent
 * tree) or an artifact (page furniture, a table heading repeated on the page it goes on to).
 */
class PdfTaggedStructureTest {

    private final SampleReportData data = SampleReportData.create();

    /** A glyph as read from a page's content, with the MCID of the marked content it is in (-1: an artifact). */
    private record Glyph(String text, int mcid, float y) {
    }

    /** Reads every page's glyphs with the marked content around them; a glyph outside any fails the test. */
    private static final class MarkedText extends PDFTextStripper {
        final Map<Integer, List<Glyph>> pages = new LinkedHashMap<>();
        final Map<Integer, Set<Integer>> mcids = new HashMap<>();
        private final Deque<Integer> open = new ArrayDeque<>();

        MarkedText() {
            setSuppressDuplicateOverlappingText(false);
        }

        @Override
        public void beginMarkedContentSequence(COSName tag, COSDictionary properties) {
            int mcid = properties == null ? -1 : properties.getInt(COSName.MCID, -1);
            if (mcid < 0) {
                assertEquals(COSName.ARTIFACT, tag, "marked content without an MCID is an artifact");
            } else {
                assertTrue(open.isEmpty(), "MCID content is not nested");
                assertTrue(mcids.computeIfAbsent(getCurrentPageNo(), p -> new HashSet<>()).add(mcid),
                        "an MCID is used once on its page");
            }
            open.push(mcid);
        }

        @Override
        public void endMarkedContentSequence() {
            open.pop();
        }

        @Override
        protected void processTextPosition(TextPosition text) {
            assertFalse(open.isEmpty(), "text outside marked content on page " + getCurrentPageNo() + ": "
                    + text.getUnicode());
            pages.computeIfAbsent(getCurrentPageNo(), p -> new ArrayList<>())
                    .add(new Glyph(text.getUnicode(), open.peek(), text.getY()));
            super.processTextPosition(text);
        }
    }

    /** A structure element's type and, in order, the page index and MCID of each of its marked contents. */
    private record Element(String type, List<int[]> marks, List<Element> kids) {
        String text(Map<Integer, Map<Integer, String>> texts) {
            StringBuilder b = new StringBuilder();
            for (int[] m : marks) {
                b.append(texts.getOrDefault(m[0], Map.of()).getOrDefault(m[1], ""));
            }
            for (Element k : kids) {
                b.append(k.text(texts));
            }
            return b.toString();
        }

        void all(List<Element> out) {
            out.add(this);
            kids.forEach(k -> k.all(out));
        }
    }

    @Test
    void theReportIsTaggedWithEveryTextInItsStructureOrAnArtifact() throws IOException {
        ReportModel model = data.model(false);
        byte[] pdf = ReportTestSupport.render(ReportFormat.PDF, model, "tagged");
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            PDDocumentCatalog catalog = doc.getDocumentCatalog();
            assertTrue(catalog.getMarkInfo().isMarked(), "MarkInfo Marked true");
            PDStructureTreeRoot root = catalog.getStructureTreeRoot();
            assertNotNull(root);

            MarkedText marked = new MarkedText();
            String pageText = marked.getText(doc);
            Map<COSDictionary, Integer> pageIndex = new HashMap<>();
            for (int i = 0; i < doc.getNumberOfPages(); i++) {
                pageIndex.put(doc.getPage(i).getCOSObject(), i + 1);
            }

            // the structure: one Document element, read in page order
            COSBase k = root.getCOSObject().getDictionaryObject(COSName.K);
            COSDictionary document = (COSDictionary) (k instanceof COSArray a ? a.getObject(0) : k);
            assertEquals("Document", document.getNameAsString(COSName.S));
            Element tree = element(document, 0, pageIndex);
            List<Element> all = new ArrayList<>();
            tree.all(all);
            List<String> types = all.stream().map(Element::type).toList();
            for (String type : List.of("H1", "H2", "H3", "P", "Table", "TR", "TH", "TD", "TOC", "TOCI", "Figure")) {
                assertTrue(types.contains(type), type + " in " + new HashSet<>(types));
            }
            List<int[]> order = new ArrayList<>();
            collectMarks(tree, order);
            for (int i = 1; i < order.size(); i++) {
                assertTrue(order.get(i)[0] >= order.get(i - 1)[0], "structure in page order at mark " + i);
            }

            // every MCID on a page is in the structure, found through the page's StructParents in the parent tree
            Set<String> inTree = new HashSet<>();
            order.forEach(m -> inTree.add(m[0] + ":" + m[1]));
            COSDictionary parentTree = root.getCOSObject().getCOSDictionary(COSName.PARENT_TREE);
            Map<Integer, COSBase> parents = numbers(parentTree);
            int marks = 0;
            for (Map.Entry<Integer, Set<Integer>> page : marked.mcids.entrySet()) {
                PDPage p = doc.getPage(page.getKey() - 1);
                COSArray parentsOfPage = (COSArray) parents.get(p.getStructParents());
                assertNotNull(parentsOfPage, "page " + page.getKey() + " in the parent tree");
                for (int mcid : page.getValue()) {
                    assertTrue(inTree.contains(page.getKey() + ":" + mcid), "MCID " + mcid + " on page "
                            + page.getKey() + " in the structure");
                    COSDictionary parent = (COSDictionary) parentsOfPage.getObject(mcid);
                    assertTrue(holds(parent, mcid, p.getCOSObject()), "the parent tree leads MCID " + mcid
                            + " on page " + page.getKey() + " to its element");
                    marks++;
                }
            }
            assertEquals(inTree.size(), marks, "the structure names no marked content the pages lack");
            // each link (the contents' entries) is a Link element, found through the annotation's StructParent
            int links = 0;
            for (PDPage p : doc.getPages()) {
                for (PDAnnotation annotation : p.getAnnotations()) {
                    COSDictionary link = (COSDictionary) parents.get(annotation.getStructParent());
                    assertEquals("Link", link.getNameAsString(COSName.S));
                    COSDictionary objr = (COSDictionary) kids(link).getFirst();
                    assertEquals(annotation.getCOSObject(), objr.getCOSDictionary(COSName.OBJ));
                    links++;
                }
            }
            assertTrue(links > 0);

            // the text: each glyph in one element's content or an artifact; the artifacts only the page furniture
            // and table headings repeated on a page a table goes on to
            Map<Integer, Map<Integer, String>> texts = new HashMap<>();
            int tagged = 0;
            for (Map.Entry<Integer, List<Glyph>> page : marked.pages.entrySet()) {
                StringBuilder body = new StringBuilder();
                for (Glyph g : page.getValue()) {
                    if (g.mcid() >= 0) {
                        texts.computeIfAbsent(page.getKey(), x -> new HashMap<>()).merge(g.mcid(), g.text(),
                                String::concat);
                        tagged += g.text().length();
                    } else if (g.y() > 70 && g.y() < doc.getPage(0).getMediaBox().getHeight() - 70) {
                        body.append(g.text());
                    }
                }
                String repeated = body.toString().replace(" ", "");
                assertTrue(repeated.isEmpty() || headingRows(tree, texts).stream().anyMatch(repeated::startsWith),
                        "artifact text on page " + page.getKey() + " is a repeated table heading: " + repeated);
            }
            assertTrue(tagged > 0);
            String structureText = tree.text(texts).replace(" ", "");
            assertTrue(structureText.startsWith(strip(words(model).capitals(words(model).get("kicker")))
                    + strip(model.title().title())), structureText.substring(0, 80));
            assertTrue(pageText.replaceAll("\\s", "").contains(strip(model.conclusion())));
            assertTrue(structureText.contains(strip(model.conclusion())), "the conclusion is in the structure");

            // the chart is a figure read as its counts
            Element figure = all.stream().filter(e -> e.type().equals("Figure")).findFirst().orElseThrow();
            assertFalse(figure.marks().isEmpty());
            COSDictionary figureDict = find(document, "Figure");
            assertTrue(figureDict.getString(COSName.ALT).contains(":"), figureDict.getString(COSName.ALT));
        }
    }

    private static ReportWording words(ReportModel model) {
        return ReportWording.of(model);
    }

    private static String strip(String s) {
        return s.replaceAll("\\s", "");
    }

    /** The texts of the tables' heading rows (TR of TH), without spaces. */
    private static List<String> headingRows(Element e, Map<Integer, Map<Integer, String>> texts) {
        List<Element> all = new ArrayList<>();
        e.all(all);
        return all.stream().filter(r -> r.type().equals("TR") && !r.kids().isEmpty()
                && r.kids().getFirst().type().equals("TH")).map(r -> r.text(texts).replace(" ", ""))
                .filter(t -> !t.isEmpty()).toList();
    }

    private static COSDictionary find(COSDictionary element, String type) {
        if (type.equals(element.getNameAsString(COSName.S))) {
            return element;
        }
        for (COSBase kid : kids(element)) {
            if (kid instanceof COSDictionary d && d.containsKey(COSName.S)) {
                COSDictionary found = find(d, type);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    private static List<COSBase> kids(COSDictionary element) {
        COSBase k = element.getDictionaryObject(COSName.K);
        List<COSBase> kids = new ArrayList<>();
        if (k instanceof COSArray a) {
            for (int i = 0; i < a.size(); i++) {
                kids.add(a.getObject(i));
            }
        } else if (k != null) {
            kids.add(k instanceof COSObject o ? o.getObject() : k);
        }
        return kids;
    }

    private static Element element(COSDictionary e, int inheritedPage, Map<COSDictionary, Integer> pageIndex) {
        COSDictionary pg = e.getCOSDictionary(COSName.PG);
        int page = pg == null ? inheritedPage : pageIndex.get(pg);
        List<int[]> marks = new ArrayList<>();
        List<Element> kids = new ArrayList<>();
        for (COSBase kid : kids(e)) {
            if (kid instanceof COSInteger mcid) {
                marks.add(new int[] {page, mcid.intValue()});
            } else if (kid instanceof COSDictionary d && COSName.MCR.equals(d.getCOSName(COSName.TYPE))) {
                COSDictionary mpg = d.getCOSDictionary(COSName.PG);
                marks.add(new int[] {mpg == null ? page : pageIndex.get(mpg), d.getInt(COSName.MCID)});
            } else if (kid instanceof COSDictionary d && d.containsKey(COSName.S)) {
                kids.add(element(d, page, pageIndex));
            }
        }
        return new Element(e.getNameAsString(COSName.S), marks, kids);
    }

    /** Marks in reading order: an element's own before its kids' (the renderer never mixes the two). */
    private static void collectMarks(Element e, List<int[]> out) {
        out.addAll(e.marks());
        e.kids().forEach(k -> collectMarks(k, out));
    }

    private static Map<Integer, COSBase> numbers(COSDictionary node) {
        Map<Integer, COSBase> out = new HashMap<>();
        COSArray nums = node.getCOSArray(COSName.NUMS);
        if (nums != null) {
            for (int i = 0; i + 1 < nums.size(); i += 2) {
                out.put(((COSInteger) nums.getObject(i)).intValue(), nums.getObject(i + 1));
            }
        }
        COSArray kids = node.getCOSArray(COSName.KIDS);
        if (kids != null) {
            for (int i = 0; i < kids.size(); i++) {
                out.putAll(numbers((COSDictionary) kids.getObject(i)));
            }
        }
        return out;
    }

    /** Whether {@code element} holds MCID {@code mcid} of {@code page} among its kids. */
    private static boolean holds(COSDictionary element, int mcid, COSDictionary page) {
        COSDictionary own = element.getCOSDictionary(COSName.PG);
        for (COSBase kid : kids(element)) {
            if (kid instanceof COSInteger i && i.intValue() == mcid && own == page) {
                return true;
            }
            if (kid instanceof COSDictionary d && COSName.MCR.equals(d.getCOSName(COSName.TYPE))
                    && d.getInt(COSName.MCID) == mcid
                    && (d.getCOSDictionary(COSName.PG) == null ? own : d.getCOSDictionary(COSName.PG)) == page) {
                return true;
            }
        }
        return false;
    }
}
