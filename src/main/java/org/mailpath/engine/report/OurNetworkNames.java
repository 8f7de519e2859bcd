package org.mailpath.engine.report;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.mailpath.engine.finding.Finding;

/**
 * This computer's network as the findings' texts name it, put out of a redacted report: a report sent outside the
 * company must not carry our network's addresses ({@link ReportBuilder}'s part for the mail team already leaves out
 * the evidence of a check our network kept from being made). Three names: the DNS resolver asked
 * ({@code ;; acme.example SOA @10.255.255.53:53 -> ERROR …}), the address and port the SMTP probe connected from
 * ({@code *: connected from 10.1.2.3 port 48082}) and the name it gave in EHLO or HELO ({@code C: EHLO
 * pc42.corp.acme.example}), which a server's greeting may repeat. Each is found where the findings name it and
 * replaced by words that say what stood there ({@code ourNetwork.*}), wherever the report's findings have it: what
 * happened (the lookup failed, the server answered) stays.
 */
final class OurNetworkNames {

    /** A DNS answer's first evidence line ({@code DnsAnswer#evidence}): the resolver that answered, after '@'. */
    private static final Pattern RESOLVER = Pattern.compile("^;; \\S+ \\S+ @(\\S+) -> ");
    /** The SMTP probe's note of its own end of the connection ({@code SmtpSession}). */
    private static final Pattern CONNECTED_FROM = Pattern.compile("\\*: connected from (\\S+) port (\\d+)");
    /** The name the probe gave ({@code SmtpSession#hello}). */
    private static final Pattern HELLO = Pattern.compile("C: (?:EHLO|HELO) (\\S+)");

    /** A server's line of the probe's transcript ({@code TranscriptLine}): its time, then "S: " and the reply. */
    private static final Pattern SERVER_LINE = Pattern.compile("^(\\S+ S: )(.*)$", Pattern.DOTALL);

    private record Replacement(Pattern pattern, String words) {
    }

    private final List<Replacement> replacements;
    private final List<Replacement> inReplies;

    private OurNetworkNames(List<Replacement> replacements, List<Replacement> inReplies) {
        this.replacements = List.copyOf(replacements);
        this.inReplies = List.copyOf(inReplies);
    }

    static OurNetworkNames none() {
        return new OurNetworkNames(List.of(), List.of());
    }

    /**
     * The names found in the findings: the resolver in those of our own domains' checks (made through it alone) and
     * of checks our network kept from being made (its failures), the probe's address and name in every one.
     */
    static OurNetworkNames of(Collection<Finding> ownChecks, Collection<Finding> all, ReportTexts texts) {
        Set<String> resolvers = new LinkedHashSet<>();
        Set<String> addresses = new LinkedHashSet<>();
        Set<String> names = new LinkedHashSet<>();
        ownChecks.forEach(f -> f.evidence().forEach(line -> found(RESOLVER, line, resolvers)));
        for (Finding f : all) {
            for (String line : f.evidence()) {
                if (ReportFindings.notChecked(f)) {
                    found(RESOLVER, line, resolvers);
                }
                found(CONNECTED_FROM, line, addresses);
                found(HELLO, line, names);
            }
        }
        List<Replacement> out = new ArrayList<>();
        List<Replacement> inReplies = new ArrayList<>();
        String resolver = texts.get("ourNetwork.resolver");
        String address = texts.get("ourNetwork.address");
        String name = texts.get("ourNetwork.hostName");
        // the longest first: one name before a shorter one inside it
        longestFirst(resolvers).forEach(s -> out.add(new Replacement(Pattern.compile(Pattern.quote(s)), resolver)));
        longestFirst(addresses).forEach(a -> out.add(new Replacement(Pattern.compile("(?<=connected from )"
                + Pattern.quote(a) + " port \\d+"), address)));
        longestFirst(names).forEach(n -> out.add(new Replacement(Pattern.compile("(?i)(?<=C: (?:EHLO|HELO) )"
                + Pattern.quote(n) + "(?![\\w-])"), name)));
        // a server's reply may greet us by both ("250-mx.example Hello pc42.corp.acme.example [10.1.2.3]"); only its
        // replies: elsewhere the same address may be the server's own (a test server on this computer)
        longestFirst(addresses).forEach(a -> inReplies.add(bounded(a, address)));
        longestFirst(names).forEach(n -> inReplies.add(bounded(n, name)));
        return new OurNetworkNames(out, inReplies);
    }

    private static void found(Pattern p, String line, Set<String> into) {
        Matcher m = p.matcher(line);
        if (m.find()) {
            into.add(m.group(1));
        }
    }

    private static Stream<String> longestFirst(Set<String> names) {
        return names.stream().sorted(Comparator.comparingInt(String::length).reversed());
    }

    /** {@code text} standing on its own: not a part of a longer name or address (10.0.0.1 in 10.0.0.12). */
    private static Replacement bounded(String text, String words) {
        return new Replacement(Pattern.compile("(?i)(?<![\\w.:-])" + Pattern.quote(text)
                + "(?![\\w:-]|\\.\\w)"), words);
    }

    /** {@code text} with each of our network's names replaced. */
    String text(String text) {
        String out = replaced(text, replacements);
        if (inReplies.isEmpty()) {
            return out;
        }
        Matcher reply = SERVER_LINE.matcher(out);
        return reply.matches() ? reply.group(1) + replaced(reply.group(2), inReplies) : out;
    }

    private static String replaced(String text, List<Replacement> replacements) {
        String out = text;
        for (Replacement r : replacements) {
            out = r.pattern().matcher(out).replaceAll(Matcher.quoteReplacement(r.words()));
        }
        return out;
    }

    List<String> texts(List<String> texts) {
        return replacements.isEmpty() ? texts : texts.stream().map(this::text).toList();
    }
}
