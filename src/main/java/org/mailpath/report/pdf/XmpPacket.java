package org.mailpath.report.pdf;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.mailpath.report.VisibleText;

/**
 * The document's XMP metadata (ISO 16684-1), written out by hand: PDFBox's own XMP library is a further dependency
 * for these few lines. It repeats the document information (title, author, subject, tools, date) with the language,
 * which the information dictionary has no field for; PDF 2.0 deprecates that dictionary in favour of this.
 */
record XmpPacket(String title, String author, String subject, String language, String producer, String creatorTool,
                 Instant created) {

    byte[] bytes() {
        String date = created.truncatedTo(ChronoUnit.SECONDS).toString();
        String xml = "<?xpacket begin=\"\uFEFF\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n"
                + "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">\n"
                + " <rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n"
                + "  <rdf:Description rdf:about=\"\"\n"
                + "    xmlns:dc=\"http://purl.org/dc/elements/1.1/\"\n"
                + "    xmlns:pdf=\"http://ns.adobe.com/pdf/1.3/\"\n"
                + "    xmlns:xmp=\"http://ns.adobe.com/xap/1.0/\">\n"
                + "   <dc:format>application/pdf</dc:format>\n"
                + "   <dc:title><rdf:Alt><rdf:li xml:lang=\"x-default\">" + xml(title)
                + "</rdf:li></rdf:Alt></dc:title>\n"
                + "   <dc:creator><rdf:Seq><rdf:li>" + xml(author) + "</rdf:li></rdf:Seq></dc:creator>\n"
                + "   <dc:description><rdf:Alt><rdf:li xml:lang=\"x-default\">" + xml(subject)
                + "</rdf:li></rdf:Alt></dc:description>\n"
                + "   <dc:language><rdf:Bag><rdf:li>" + xml(language) + "</rdf:li></rdf:Bag></dc:language>\n"
                + "   <pdf:Producer>" + xml(producer) + "</pdf:Producer>\n"
                + "   <xmp:CreatorTool>" + xml(creatorTool) + "</xmp:CreatorTool>\n"
                + "   <xmp:CreateDate>" + date + "</xmp:CreateDate>\n"
                + "   <xmp:ModifyDate>" + date + "</xmp:ModifyDate>\n"
                + "   <xmp:MetadataDate>" + date + "</xmp:MetadataDate>\n"
                + "  </rdf:Description>\n"
                + " </rdf:RDF>\n"
                + "</x:xmpmeta>\n"
                + "<?xpacket end=\"r\"?>";
        return xml.getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Text as XML character data: the title holds a log's file name and domains. Controls and lone surrogates are
     * escaped as on the pages ({@link VisibleText}), and U+FFFE and U+FFFF too, which XML 1.0 does not allow.
     */
    private static String xml(String text) {
        StringBuilder sb = new StringBuilder();
        VisibleText.of(text).codePoints().forEach(cp -> {
            switch (cp) {
                case '&' -> sb.append("&amp;");
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '"' -> sb.append("&quot;");
                case 0xFFFE, 0xFFFF -> sb.append(VisibleText.escape(cp));
                default -> sb.appendCodePoint(cp);
            }
        });
        return sb.toString();
    }
}
