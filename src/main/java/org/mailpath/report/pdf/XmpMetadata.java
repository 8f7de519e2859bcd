package org.mailpath.report.pdf;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.mailpath.report.VisibleText;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * The document's XMP metadata packet (ISO 16684-1, PDF 32000-1 14.3.2): what its information dictionary says, in the
 * form PDF/UA-1 (ISO 14289-1, 7.1) reads, with dc:title for the title a viewer shows. A tagged report also claims
 * PDF/UA-1 (pdfuaid:part 1); the untagged large one must not, and says only what it is.
 * Built as a DOM and written by the JDK's serializer, which escapes what it holds (not XML pieced together from
 * strings), rather than with PDFBox's xmpbox: a dozen fixed properties need no further runtime dependency.
 *
 * @param title     the document's title, as its information dictionary has it
 * @param subject   its subject (dc:description)
 * @param language  its language tag, as the catalog's Lang
 * @param tool      what made it (xmp:CreatorTool; pdf:Producer adds PDFBox)
 * @param created   when it was made (xmp:CreateDate, ModifyDate, MetadataDate)
 * @param universal whether it claims PDF/UA-1
 */
record XmpMetadata(String title, String subject, String language, String tool, Instant created,
                   boolean universal) {

    private static final String RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";
    private static final String DC = "http://purl.org/dc/elements/1.1/";
    private static final String XMP = "http://ns.adobe.com/xap/1.0/";
    private static final String PDF = "http://ns.adobe.com/pdf/1.3/";
    private static final String PDFUAID = "http://www.aiim.org/pdfua/ns/id/";

    /** The PDF's Producer, in the information dictionary and the packet alike (PDF/A and PDF/UA want them equal). */
    static String producer(String tool) {
        return tool + " (Apache PDFBox)";
    }

    /** The packet, UTF-8, for the catalog's Metadata stream. */
    byte[] bytes() {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            Document d = factory.newDocumentBuilder().newDocument();
            d.appendChild(d.createProcessingInstruction("xpacket", "begin=\"\uFEFF\" id=\"W5M0MpCehiHzreSzNTczkc9d\""));
            Element meta = d.createElementNS("adobe:ns:meta/", "x:xmpmeta");
            d.appendChild(meta);
            Element rdf = child(meta, RDF, "rdf:RDF", "");
            String date = created.truncatedTo(ChronoUnit.SECONDS).toString();

            Element dc = description(rdf, "dc", DC);
            child(dc, DC, "dc:format", "application/pdf");
            alt(child(dc, DC, "dc:title", ""), title);
            alt(child(dc, DC, "dc:description", ""), subject);
            child(child(child(dc, DC, "dc:creator", ""), RDF, "rdf:Seq", ""), RDF, "rdf:li",
                    DocumentMetadata.AUTHOR);
            child(child(child(dc, DC, "dc:language", ""), RDF, "rdf:Bag", ""), RDF, "rdf:li", language);

            Element xmp = description(rdf, "xmp", XMP);
            child(xmp, XMP, "xmp:CreatorTool", tool);
            child(xmp, XMP, "xmp:CreateDate", date);
            child(xmp, XMP, "xmp:ModifyDate", date);
            child(xmp, XMP, "xmp:MetadataDate", date);

            child(description(rdf, "pdf", PDF), PDF, "pdf:Producer", producer(tool));
            if (universal) {
                child(description(rdf, "pdfuaid", PDFUAID), PDFUAID, "pdfuaid:part", "1");
            }
            d.appendChild(d.createProcessingInstruction("xpacket", "end=\"w\""));

            Transformer out = TransformerFactory.newDefaultInstance().newTransformer();
            out.setOutputProperty(OutputKeys.OMIT_XML_DECLARATION, "yes");
            out.setOutputProperty(OutputKeys.ENCODING, StandardCharsets.UTF_8.name());
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            out.transform(new DOMSource(d), new StreamResult(bytes));
            return bytes.toByteArray();
        } catch (ParserConfigurationException | TransformerException e) {
            // the JDK's own XML support, configured as it always is: not something a report's text can cause
            throw new IllegalStateException("XMP metadata could not be written", e);
        }
    }

    /** An rdf:Description of the document declaring {@code prefix} for the properties it holds. */
    private static Element description(Element rdf, String prefix, String namespace) {
        Element e = child(rdf, RDF, "rdf:Description", "");
        e.setAttributeNS(RDF, "rdf:about", "");
        e.setAttributeNS(XMLConstants.XMLNS_ATTRIBUTE_NS_URI, "xmlns:" + prefix, namespace);
        return e;
    }

    /** A language alternative with its one default entry. */
    private static void alt(Element property, String text) {
        Element li = child(child(property, RDF, "rdf:Alt", ""), RDF, "rdf:li", text);
        li.setAttributeNS(XMLConstants.XML_NS_URI, "xml:lang", "x-default");
    }

    private static Element child(Element parent, String namespace, String name, String text) {
        Element e = parent.getOwnerDocument().createElementNS(namespace, name);
        if (!text.isEmpty()) {
            e.setTextContent(xmlText(text));
        }
        parent.appendChild(e);
        return e;
    }

    /**
     * {@code s} with what XML 1.0 cannot hold even escaped (a noncharacter such as U+FFFE; controls and lone
     * surrogates are made visible before) shown as its escape, as the pages show it.
     */
    private static String xmlText(String s) {
        StringBuilder b = new StringBuilder(s.length());
        s.codePoints().forEach(cp -> {
            if (xmlChar(cp)) {
                b.appendCodePoint(cp);
            } else {
                b.append(VisibleText.escape(cp));
            }
        });
        return b.toString();
    }

    /** The Char production of XML 1.0 (5th edition), 2.2. */
    private static boolean xmlChar(int cp) {
        return cp == 0x9 || cp == 0xA || cp == 0xD || cp >= 0x20 && cp <= 0xD7FF || cp >= 0xE000 && cp <= 0xFFFD
                || cp >= 0x10000 && cp <= 0x10FFFF;
    }
}
