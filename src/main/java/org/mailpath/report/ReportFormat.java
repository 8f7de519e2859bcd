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
