package org.mailpath.engine.mtasts;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.mailpath.engine.dns.DnsNames;
import org.mailpath.engine.finding.LocalText;

/**
 * An MTA-STS policy file (RFC 8461 §3.2): {@code key: value} lines ended by LF or CRLF; {@code version: STSv1},
 * {@code mode}, {@code max_age} once each, {@code mx} once or more (may be absent in mode none); keys and values
 * case-sensitive; unknown keys ignored, and of a repeated field other than mx every entry but the first.
 *
 * @param mode   enforce, testing or none
 * @param mx     the mx patterns in file order: host names, or {@code *.} and a domain (RFC 8461 §4.1)
 * @param maxAge seconds senders may cache the policy (0 to {@value #MAX_AGE_LIMIT})
 */
public record MtaStsPolicy(String mode, List<String> mx, long maxAge) {

    /** Largest max_age (RFC 8461 §3.2: about one year). */
    public static final long MAX_AGE_LIMIT = 31_557_600L;

    private static final Set<String> MODES = Set.of("enforce", "testing", "none");
    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.\\-]{0,31}");
    private static final Pattern MX = Pattern.compile(
            "(\\*\\.)?[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?(\\.[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+");
    private static final Pattern DIGITS = Pattern.compile("[0-9]{1,10}");

    public MtaStsPolicy {
        mx = List.copyOf(mx);
    }

    /**
     * A parsed file: the policy when it has no syntax error (senders discard one that has), and the errors, in words
     * that can be shown in the user's language ({@link LocalText#toString()}: English).
     */
    public record Parsed(Optional<MtaStsPolicy> policy, List<LocalText> problems) {
        public Parsed {
            problems = List.copyOf(problems);
        }
    }

    public static Parsed parse(String body) {
        List<LocalText> problems = new ArrayList<>();
        Optional<String> version = Optional.empty();
        Optional<String> mode = Optional.empty();
        Optional<Long> maxAge = Optional.empty();
        List<String> mx = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        String[] lines = body.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].endsWith("\r") ? lines[i].substring(0, lines[i].length() - 1) : lines[i];
            LocalText where = TxtFields.problem("policy.line", i + 1);
            if (TxtFields.strip(line).isEmpty()) {
                continue; // blank lines are common (a final newline) and harmless
            }
            int colon = line.indexOf(':');
            if (colon < 0) {
                problems.add(TxtFields.problem("policy.notKeyValue", where, clip(line)));
                continue;
            }
            String key = line.substring(0, colon);
            String value = TxtFields.strip(line.substring(colon + 1));
            if (!KEY.matcher(key).matches()) {
                problems.add(TxtFields.problem("policy.badKey", where, clip(key)));
                continue;
            }
            if (!key.equals("mx") && !seen.add(key)) {
                continue; // RFC 8461 §3.2: of a repeated field other than mx, all but the first SHALL be ignored
            }
            switch (key) {
                case "version" -> {
                    version = Optional.of(value);
                    if (!value.equals("STSv1")) {
                        problems.add(TxtFields.problem("policy.version", where, clip(value)));
                    }
                }
                case "mode" -> {
                    mode = Optional.of(value);
                    if (!MODES.contains(value)) {
                        problems.add(TxtFields.problem("policy.mode", where, clip(value)));
                    }
                }
                case "max_age" -> {
                    // RFC 8461 §3.2: "plain-text non-negative integer seconds, maximum value of 31557600". Above
                    // it the policy is invalid, not capped: senders that check it discard the policy
                    // (postfix-mta-sts-resolver resolver.py "if not 0 <= max_age <= 31557600: return
                    // STSFetchResult.FETCH_ERROR"; mailauth lib/mta-sts.js invalid_sts_max_age); none found caps it
                    if (DIGITS.matcher(value).matches() && Long.parseLong(value) <= MAX_AGE_LIMIT) {
                        maxAge = Optional.of(Long.parseLong(value));
                    } else {
                        problems.add(TxtFields.problem("policy.maxAge", where, MAX_AGE_LIMIT, clip(value)));
                        maxAge = Optional.of(-1L);
                    }
                }
                case "mx" -> {
                    if (MX.matcher(value).matches()) {
                        mx.add(value);
                    } else {
                        problems.add(TxtFields.problem("policy.mx", where, clip(value)));
                    }
                }
                default -> {
                    if (Set.of("version", "mode", "max_age", "mx").contains(key.toLowerCase(Locale.ROOT))) {
                        problems.add(TxtFields.problem("policy.case", where, key));
                    }
                    // other keys are extensions: ignored (RFC 8461 §3.2)
                }
            }
        }
        if (version.isEmpty()) {
            problems.add(TxtFields.problem("policy.versionMissing"));
        }
        if (mode.isEmpty()) {
            problems.add(TxtFields.problem("policy.modeMissing"));
        }
        if (maxAge.isEmpty()) {
            problems.add(TxtFields.problem("policy.maxAgeMissing"));
        }
        if (mx.isEmpty() && mode.filter(m -> !m.equals("none")).isPresent() && MODES.contains(mode.get())) {
            problems.add(TxtFields.problem("policy.mxMissing", mode.get()));
        }
        if (!problems.isEmpty()) {
            return new Parsed(Optional.empty(), problems);
        }
        return new Parsed(Optional.of(new MtaStsPolicy(mode.get(), mx, maxAge.get())), problems);
    }

    /** The first of the mx patterns that {@code host} matches. */
    public Optional<String> matching(String host) {
        return mx.stream().filter(p -> matches(p, host)).findFirst();
    }

    /**
     * RFC 8461 §4.1: a pattern is a host name, or {@code *.} and a domain, which stands for exactly one more label
     * at the left ({@code *.example.com} matches {@code mx1.example.com}, not {@code example.com} nor
     * {@code a.b.example.com}). Case and a final dot do not matter.
     */
    public static boolean matches(String pattern, String host) {
        String p = bare(pattern);
        String h = bare(host);
        if (p.startsWith("*.")) {
            String suffix = p.substring(1);
            if (!h.endsWith(suffix)) {
                return false;
            }
            String label = h.substring(0, h.length() - suffix.length());
            return !label.isEmpty() && !label.contains(".");
        }
        return p.equals(h);
    }

    private static String bare(String name) {
        return DnsNames.relative(name.toLowerCase(Locale.ROOT));
    }

    private static String clip(String s) {
        return s.length() <= 80 ? s : s.substring(0, 80) + "…";
    }
}
