package org.mailpath.engine.mtasts;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.mailpath.engine.finding.LocalText;

/**
 * The "v=…; name=value; …" syntax that the MTA-STS (RFC 8461 §3.1) and TLS-RPT (RFC 8460 §3) TXT records share:
 * fields separated by {@code *WSP ";" *WSP}, an optional final {@code ;}, extension names of 1–32 letters, digits,
 * {@code _ - .} and values of printable ASCII without {@code = ;} or space.
 */
final class TxtFields {

    private static final Pattern EXT_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.\\-]{0,31}");
    private static final Pattern EXT_VALUE = Pattern.compile("[\\x21-\\x3a\\x3c\\x3e-\\x7e]+");

    /** A {@code name=value} field, in record order. */
    record Field(String name, String value) {
    }

    /** The fields after the version, and what is wrong with the syntax. */
    record Split(List<Field> fields, List<LocalText> problems) {
        Split {
            fields = List.copyOf(fields);
            problems = List.copyOf(problems);
        }
    }

    private TxtFields() {
    }

    /** {@code text} must start with exactly {@code version} as its first field. */
    static Split split(String text, String version) {
        List<String> parts = new ArrayList<>(List.of(text.split(";", -1)));
        List<Field> fields = new ArrayList<>();
        List<LocalText> problems = new ArrayList<>();
        String first = strip(parts.removeFirst());
        if (!first.equals(version)) {
            problems.add(problem("txt.version", version, first));
        }
        if (!parts.isEmpty() && strip(parts.getLast()).isEmpty()) {
            parts.removeLast(); // a final ';' is allowed
        }
        for (String part : parts) {
            String field = strip(part);
            int eq = field.indexOf('=');
            if (field.isEmpty()) {
                problems.add(problem("txt.emptyField"));
            } else if (eq < 0) {
                problems.add(problem("txt.notNameValue", field));
            } else {
                fields.add(new Field(field.substring(0, eq), field.substring(eq + 1)));
            }
        }
        return new Split(fields, problems);
    }

    /** What is wrong with a field this record type does not define (it is allowed, and ignored, if well formed). */
    static List<LocalText> extensionProblems(Field f) {
        List<LocalText> problems = new ArrayList<>();
        if (!EXT_NAME.matcher(f.name()).matches()) {
            problems.add(problem("txt.fieldName", f.name()));
        } else if (!EXT_VALUE.matcher(f.value()).matches()) {
            problems.add(problem("txt.fieldValue", f.name()));
        }
        return problems;
    }

    /**
     * A syntax problem of a record or policy file, {@code problem.<key>} of this package's texts: our words, shown in
     * the user's language; the record's text in {@code args} as it is.
     */
    static LocalText problem(String key, Object... args) {
        return MtaStsCheck.TEXTS.text("problem." + key, args);
    }

    /** Without the spaces and tabs (WSP) at either end. */
    static String strip(String s) {
        int start = 0;
        int end = s.length();
        while (start < end && (s.charAt(start) == ' ' || s.charAt(start) == '\t')) {
            start++;
        }
        while (end > start && (s.charAt(end - 1) == ' ' || s.charAt(end - 1) == '\t')) {
            end--;
        }
        return s.substring(start, end);
    }
}
