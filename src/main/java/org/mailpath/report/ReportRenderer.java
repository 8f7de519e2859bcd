package org.mailpath.report;

import java.io.IOException;
import java.io.OutputStream;
import org.mailpath.engine.report.ReportModel;

/** Turns a report model into one format. Renderers never close the stream they are given. */
public interface ReportRenderer {

    void render(ReportModel model, OutputStream out) throws IOException;
}
