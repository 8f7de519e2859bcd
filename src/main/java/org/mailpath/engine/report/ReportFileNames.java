package org.mailpath.engine.report;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.mailpath.engine.analysis.AnalysedFile;
import org.mailpath.engine.analysis.LogAnalysis;
import org.mailpath.engine.common.FileNames;
import org.mailpath.engine.log.LogSource;

/**
 * The names a report gives the files analysed: without the folders before them, which name the user (a report
 * leaves the company), but with as many as tell two files of the same name, or two logs of one zip, apart.
 */
final class ReportFileNames {

    private ReportFileNames() {
    }

    /** The analysed file's name without its folders (which name the user), redacted like any text. */
    static String fileName(LogAnalysis analysis, Redactor r) {
        return r.text(withoutEntryFolders(withoutFolders(analysis.file()), List.of()));
    }

    /**
     * The names of the files analysed, by index (each as {@link #fileName}); where another file has the same name,
     * its label, with only as many folders as tell the two apart. Each name is made from all of them (for a zip's
     * logs, from all its entries): the report takes a file's name from this list, made once.
     */
    static List<String> fileNames(LogAnalysis analysis, Redactor r) {
        // each file's name, or where another file has the same name its label (with the folders that tell the two
        // apart); a zip's log with only the entry's folders that tell it from the zip's other logs, each zip's
        // entries labelled once: per file, naming a zip of 2,000 logs took minutes
        List<String> named = analysis.files().stream().map(ReportFileNames::named).toList();
        Map<String, Map<String, String>> byZip = new HashMap<>();
        return named.stream().map(n -> r.text(withoutEntryFolders(n, named, byZip))).toList();
    }

    /** {@code f}'s label where it tells {@code f} from a file of the same name, else its name without folders. */
    private static String named(AnalysedFile f) {
        return f.label().equals(f.file()) ? withoutFolders(f.file()) : f.label();
    }

    /** {@code file} without the folders before its name, or for a zip's log, before the zip's name. */
    static String withoutFolders(String file) {
        int member = file.indexOf(LogSource.MEMBER_SEPARATOR);
        String outer = member >= 0 ? file.substring(0, member) : file;
        int slash = Math.max(outer.lastIndexOf('/'), outer.lastIndexOf('\\'));
        return slash >= 0 ? file.substring(slash + 1) : file;
    }

    /**
     * {@code file}, and for a zip's log ("month.zip!jan/EmailLog.csv") the entry with only the folders that tell it
     * from the zip's other logs among {@code names}: a zip made of files given by their path
     * ({@code zip abs.zip /home/jdoe/exports/*.csv}) holds that path, which names the user ({@link
     * FileNames#entryLabelsOf}). A report leaves the company; the user's own screen shows the whole entry.
     */
    static String withoutEntryFolders(String file, List<String> names) {
        return withoutEntryFolders(file, names, new HashMap<>());
    }

    /** The same, each zip's labels kept in {@code byZip} (by the zip's name) for the other files asked. */
    private static String withoutEntryFolders(String file, List<String> names,
                                              Map<String, Map<String, String>> byZip) {
        int member = file.indexOf(LogSource.MEMBER_SEPARATOR);
        if (member < 0) {
            return file;
        }
        String zip = file.substring(0, member + 1);
        String entry = file.substring(member + 1);
        String label = byZip.computeIfAbsent(zip, z -> {
            List<String> entries = names.stream().filter(n -> n.startsWith(z)).map(n -> n.substring(z.length()))
                    .distinct().toList();
            List<String> labels = FileNames.entryLabelsOf(entries);
            Map<String, String> of = new HashMap<>();
            for (int i = 0; i < entries.size(); i++) {
                of.put(entries.get(i), labels.get(i));
            }
            return of;
        }).get(entry);
        // a file not among names (the one-file and error paths pass none): labelled among its zip's as if alone
        return zip + (label != null ? label : FileNames.entryLabelsOf(List.of(entry)).getFirst());
    }
}
