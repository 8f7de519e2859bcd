package org.mailpath.report.pdf;

import java.io.IOException;
import org.mailpath.engine.finding.Finding;
import org.mailpath.engine.report.DomainFindings;
import org.mailpath.engine.report.ReportModel;
import org.mailpath.report.ReportWording;

/** The chapter on our own side: each sending domain's records to publish and findings, then the other findings. */
final class OwnSideChapter {

    private final ReportDrawing drawing;
    private final Headings headings;
    private final FindingCards findings;

    OwnSideChapter(ReportDrawing drawing, Headings headings, FindingCards findings) {
        this.drawing = drawing;
        this.headings = headings;
        this.findings = findings;
    }

    void draw() throws IOException {
        PdfCanvas c = drawing.c();
        ReportStyles s = drawing.styles();
        ReportModel model = drawing.model();
        ReportWording words = drawing.words();
        headings.chapter(words.get("heading.ownSide"), true);
        drawing.text(s.body(), words.get("intro.ownSide"));
        c.moveDown(4);
        for (DomainFindings d : model.ownSide().domains()) {
            headings.section(d.domain(), d.domain(), false);
            if (!d.recordsToPublish().isEmpty()) {
                headings.subsection(words.get("heading.publish"));
                drawing.text(s.body(), words.get("intro.publish"));
                c.moveDown(3);
                findings.monoBox(d.recordsToPublish(), c.left(), c.width());
                c.moveDown(6);
            }
            headings.subsection(words.get("heading.findings"));
            for (Finding f : d.findings()) {
                findings.finding(f);
            }
        }
        if (!model.ownSide().otherFindings().isEmpty()) {
            headings.section(words.get("heading.otherFindings"), words.get("heading.otherFindings"), false);
            for (Finding f : model.ownSide().otherFindings()) {
                findings.finding(f);
            }
        }
    }
}
