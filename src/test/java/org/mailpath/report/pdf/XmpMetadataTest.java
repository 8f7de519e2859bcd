package org.mailpath.report.pdf;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.time.Instant;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

/** The XMP packet is well-formed XML whatever a title holds, and says what it was given. */
class XmpMetadataTest {

    private static final String DC = "http://purl.org/dc/elements/1.1/";

    @Test
    void markupAndCharactersXmlCannotHoldInATitleLeaveTheXmlWellFormed() throws Exception {
        String title = "Report <b>&amp; \"quotes\" ]]> \uFFFE end";
        Document d = parse(new XmpMetadata(title, "Subject", "sv", "MailPath 1", Instant.EPOCH, true).bytes());
        assertEquals("Report <b>&amp; \"quotes\" ]]> [U+FFFE] end",
                d.getElementsByTagNameNS(DC, "title").item(0).getTextContent());
        assertEquals("sv", d.getElementsByTagNameNS(DC, "language").item(0).getTextContent());
        assertEquals("1", d.getElementsByTagNameNS("http://www.aiim.org/pdfua/ns/id/", "part").item(0)
                .getTextContent());
    }

    @Test
    void anUntaggedDocumentClaimsNoPdfUa() throws Exception {
        Document d = parse(new XmpMetadata("T", "S", "en", "MailPath 1", Instant.EPOCH, false).bytes());
        assertEquals(0, d.getElementsByTagNameNS("http://www.aiim.org/pdfua/ns/id/", "part").getLength());
        assertEquals("T", d.getElementsByTagNameNS(DC, "title").item(0).getTextContent());
    }

    private static Document parse(byte[] xmp) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        return f.newDocumentBuilder().parse(new ByteArrayInputStream(xmp));
    }
}
