package org.mailpath.report;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/** The formats a report can be written in, chosen by the output file's extension. */
public enum ReportFormat {
    PDF("pdf", "application/pdf"),
    HTML("html", "text/html"),
    JSON("json", "application/json"),
    TEXT("txt", "text/plain"),
    /** One row per message, for spreadsheets (added after the first four). */
    CSV("csv", "text/csv");

    /**
     * How many messages a report people read (PDF, HTML, text) lists in full unless told otherwise, the command line's
     * {@code --report-limit} and the app's alike: about 700 PDF pages. A big log listed whole runs to tens of
     * thousands of pages and gigabytes of memory.
     */
    public static final int DEFAULT_LIST_LIMIT = 2000;

    private final String extension;
    private final String mediaType;

    ReportFormat(String extension, String mediaType) {
        this.extension = extension;
        this.mediaType = mediaType;
    }

    public String extension() {
        return extension;
    }

    public String mediaType() {
        return mediaType;
    }

    /**
     * The list limit ({@code ReportBuilder#listLimit}) a report in this format is built with when {@code asked} is
     * wanted: that for the formats people read; 0 (every message) for JSON and CSV, which programs and spreadsheets
     * take whole.
     */
    public int listLimit(int asked) {
        return this == JSON || this == CSV ? 0 : asked;
    }

    /** The format for a file name ({@code .pdf}, {@code .html}/{@code .htm}, {@code .json}, {@code .txt}, {@code .csv}). */
    public static Optional<ReportFormat> forFile(Path file) {
        Path name = file.getFileName();
        if (name == null) {
            return Optional.empty();
        }
        String n = name.toString().toLowerCase(Locale.ROOT);
        int dot = n.lastIndexOf('.');
        String ext = dot < 0 ? "" : n.substring(dot + 1);
        if (ext.equals("htm")) {
            return Optional.of(HTML);
        }
        for (ReportFormat f : values()) {
            if (f.extension.equals(ext)) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }
}
