package org.mailpath.engine.mtasts;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.mailpath.engine.finding.LocalText;

/**
 * The {@code _mta-sts.<domain>} TXT record (RFC 8461 §3.1): {@code v=STSv1; id=<1–32 letters and digits>;} plus
 * extension fields. Senders treat a record with any syntax error as no policy at all. A repeated id is no syntax
 * error (§3.1's grammar allows any number of fields) and only tells senders when to fetch the policy again, so it
 * is not flagged; the first is judged, as §3.2 has senders do with a policy file's repeated fields.
 */
record StsTxtRecord(Optional<String> id, List<LocalText> problems) {

    static final String VERSION = "v=STSv1";
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9]{1,32}");

    StsTxtRecord {
        problems = List.copyOf(problems);
    }

    /** Senders look only at TXT records that begin with {@code v=STSv1} (case-sensitive); the others are ignored. */
    static boolean isStsRecord(String text) {
        return text.startsWith(VERSION);
    }

    static StsTxtRecord parse(String text) {
        TxtFields.Split split = TxtFields.split(text, VERSION);
        List<LocalText> problems = new ArrayList<>(split.problems());
        Optional<String> id = Optional.empty();
        for (TxtFields.Field f : split.fields()) {
            if (f.name().equals("id")) {
                if (id.isPresent()) {
                    continue; // the first is judged, as RFC 8461 §3.2 has it for a policy file's fields
                }
                if (!ID.matcher(f.value()).matches()) {
                    problems.add(TxtFields.problem("sts.idSyntax", f.value()));
                }
                id = Optional.of(f.value());
            } else {
                problems.addAll(TxtFields.extensionProblems(f));
            }
        }
        if (id.isEmpty()) {
            problems.add(TxtFields.problem("sts.idMissing"));
        }
        return new StsTxtRecord(id, problems);
    }
}
