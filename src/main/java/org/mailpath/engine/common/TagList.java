package org.mailpath.engine.common;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.mailpath.engine.finding.FindingTexts;
import org.mailpath.engine.finding.LocalText;

/**
 * A DNS tag-value list, the record syntax DKIM keys (RFC 6376 §3.2) and DMARC policies (RFC 7489 §6.4) share:
 * {@code name=value} pairs separated by {@code ;}, names case-insensitive, white space around both ignored.
 *
 * @param names      tag names (lower case) in the order they appear, each once
 * @param values     the first value of each tag, by lower-case name
 * @param lastValues the last value of each tag, by lower-case name: another than in {@code values} only for a
 *                   repeated tag, which some receivers read by its last value
 * @param problems   syntax problems in words (empty = well-formed)
 */
public record TagList(List<String> names, Map<String, String> values, Map<String, String> lastValues,
                      List<LocalText> problems) {

    private static final FindingTexts TEXTS = FindingTexts.of(TagList.class);
    private static final String REPEATED = "problem.repeated";

    /** {@code tag-name = ALPHA *ALNUMPUNC} (RFC 6376 §3.2). */
    private static final Pattern TAG_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_]*");

    public TagList {
        names = List.copyOf(names);
        values = Map.copyOf(values);
        lastValues = Map.copyOf(lastValues);
        problems = List.copyOf(problems);
    }

    public static TagList parse(String text) {
        List<LocalText> problems = new ArrayList<>();
        Map<String, String> values = new LinkedHashMap<>();
        Map<String, String> lastValues = new HashMap<>();
        for (String part : text.split(";")) {
            String pair = part.strip();
            if (pair.isEmpty()) {
                continue;    // a trailing ";" and empty entries are allowed
            }
            int eq = pair.indexOf('=');
            String name = eq < 0 ? pair : pair.substring(0, eq).strip();
            if (eq < 0 || !TAG_NAME.matcher(name).matches()) {
                problems.add(TEXTS.text("problem.notPair", pair));
                continue;
            }
            name = name.toLowerCase(Locale.ROOT);
            String value = pair.substring(eq + 1).strip();
            lastValues.put(name, value);
            if (values.putIfAbsent(name, value) != null) {
                problems.add(TEXTS.text(REPEATED, name));
            }
        }
        return new TagList(List.copyOf(values.keySet()), values, lastValues, problems);
    }

    public Optional<String> value(String name) {
        return Optional.ofNullable(values.get(name));
    }

    /**
     * The tag that {@code problem}, one of {@link #problems}, says appears more than once; empty for any other
     * problem (a record type that words a repeated tag its own way replaces that problem).
     */
    public static Optional<String> repeatedTag(LocalText problem) {
        return problem.key().equals(REPEATED) && !problem.args().isEmpty()
                ? Optional.of(String.valueOf(problem.args().getFirst())) : Optional.empty();
    }

    /** The name of the first tag, if any (both DKIM and DMARC require {@code v} there). */
    public Optional<String> firstName() {
        return names.isEmpty() ? Optional.empty() : Optional.of(names.getFirst());
    }
}
