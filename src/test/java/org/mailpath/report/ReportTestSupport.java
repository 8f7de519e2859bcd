package org.mailpath.report;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.mailpath.engine.report.ReportModel;

/** Renders models for tests and keeps a copy under target/report-samples to look at. */
public final class ReportTestSupport {

    private ReportTestSupport() {
    }

    public static byte[] render(ReportFormat format, ReportModel model, String name) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ReportRenderers.forFormat(format).render(model, out);
        Path dir = Path.of(System.getProperty("mailpath.projectDir", "."), "target", "report-samples");
        Files.createDirectories(dir);
        Files.write(dir.resolve(name + "." + format.extension()), out.toByteArray());
        return out.toByteArray();
    }
}
