package org.mailpath.cli;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.mailpath.engine.dnsbl.DnsblZone;

/**
 * The one finding (JSON) a refusing resolver's failures make, "N DNS questions (names) failed at the resolver
 * asked": the blocklists' questions, refused by the same resolver, are among those it counts, names and shows.
 */
final class RefusedQuestions {

    private static final Pattern PROBLEMS_FOUND = Pattern.compile("\\d+ problems? found");
    private static final Pattern SAID = Pattern.compile("^(\\d+) DNS questions \\((.*?)\\) failed at the resolver");
    /** An evidence line's question: ";; NAME TYPE @server -> OUTCOME at TIME". */
    private static final Pattern QUESTION = Pattern.compile("^;; (\\S+ \\S+) @");

    private RefusedQuestions() {
    }

    /**
     * The text output of a run through a refusing resolver blames no domain: its lookup failure is no WARNING or
     * ERROR, and nothing found about a domain makes no "N problems found".
     */
    static void assertNothingBlamed(String text) {
        assertFalse(text.contains("WARNING DNS_LOOKUP_FAILED"), text);
        assertFalse(text.contains("ERROR   DNS_LOOKUP_FAILED"), text);
        assertFalse(PROBLEMS_FOUND.matcher(text).find(), text);
    }

    /** How many questions the finding says failed. */
    static int count(JsonNode finding) {
        Matcher m = said(finding);
        return Integer.parseInt(m.group(1));
    }

    /** Every default list's test point is a question the finding names, shows and counts. */
    static void assertCountsEveryList(JsonNode finding) {
        Matcher m = said(finding);
        List<String> names = List.of(m.group(2).split(", "));
        Set<String> questions = new HashSet<>();
        finding.get("evidence").forEach(e -> {
            Matcher q = QUESTION.matcher(e.asText());
            if (q.find()) {
                questions.add(q.group(1));
            }
        });
        for (DnsblZone zone : DnsblZone.defaults()) {
            assertTrue(names.contains(zone.zone()), zone.zone() + " in " + finding);
            assertTrue(questions.contains("2.0.0.127." + zone.zone() + " A"), zone.zone() + " in " + finding);
        }
        assertTrue(Integer.parseInt(m.group(1)) >= questions.size(), finding.toString());
    }

    private static Matcher said(JsonNode finding) {
        Matcher m = SAID.matcher(finding.get("message").asText());
        assertTrue(m.find(), finding.toString());
        return m;
    }
}
