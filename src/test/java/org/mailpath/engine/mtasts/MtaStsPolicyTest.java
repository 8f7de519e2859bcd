package org.mailpath.engine.mtasts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.mailpath.engine.finding.LocalText;

class MtaStsPolicyTest {

    @Test
    void validPolicyWithCrlfAndExtensions() {
        MtaStsPolicy.Parsed p = MtaStsPolicy.parse("version: STSv1\r\nmode: enforce\r\nmx: mail.example.com\r\n"
                + "mx: *.example.net\r\nmax_age: 604800\r\nx_extension: anything goes\r\n");
        assertEquals(List.of(), p.problems());
        MtaStsPolicy policy = p.policy().orElseThrow();
        assertEquals("enforce", policy.mode());
        assertEquals(List.of("mail.example.com", "*.example.net"), policy.mx());
        assertEquals(604800, policy.maxAge());
    }

    @Test
    void lfLinesWithoutSpaceAfterTheColonAndNoFinalNewline() {
        MtaStsPolicy policy = MtaStsPolicy.parse("version:STSv1\nmode:testing\nmx:mx.example.com\nmax_age:0")
                .policy().orElseThrow();
        assertEquals("testing", policy.mode());
        assertEquals(0, policy.maxAge());
    }

    @Test
    void aMaxAgeOfExactlyTheLimitIsAccepted() {
        MtaStsPolicy.Parsed p = MtaStsPolicy.parse("version: STSv1\nmode: none\nmax_age: 31557600\n");
        assertEquals(List.of(), p.problems());
        assertEquals(MtaStsPolicy.MAX_AGE_LIMIT, p.policy().orElseThrow().maxAge());
    }

    @Test
    void modeNoneNeedsNoMx() {
        MtaStsPolicy.Parsed p = MtaStsPolicy.parse("version: STSv1\nmode: none\nmax_age: 86400\n");
        assertEquals(List.of(), p.problems());
        assertEquals(new MtaStsPolicy("none", List.of(), 86400), p.policy().orElseThrow());
    }

    @Test
    void everyErrorIsNamedAndTheWholePolicyIsDiscarded() {
        MtaStsPolicy.Parsed p = MtaStsPolicy.parse("""
                version: STSv2
                mode: Enforce
                mode: enforce
                max_age: 31557601
                mx: bad_host.example.com
                no colon here
                 mx: indented.example.com
                """);
        assertTrue(p.policy().isEmpty());
        String all = english(p.problems());
        for (String expected : List.of("version must be STSv1", "mode must be enforce, testing or none",
                "max_age must be a number of seconds from 0 to 31,557,600",
                "\"bad_host.example.com\" is not an mx pattern", "line 6 (\"no colon here\") is not \"key: value\"",
                "line 7: \" mx\" is not a valid key")) {
            assertTrue(all.contains(expected), expected + " in " + all);
        }
    }

    @Test
    void ofARepeatedFieldOnlyTheFirstCounts() {
        // RFC 8461 §3.2: "If any non-repeated field ... is duplicated, all entries except for the first SHALL be
        // ignored" - the later ones are not errors, not even when their value is bad
        MtaStsPolicy.Parsed p = MtaStsPolicy.parse("version: STSv1\r\nmode: enforce\r\nmode: testing\r\n"
                + "mx: a.example.com\r\nmax_age: 1\r\nmax_age: x\r\nversion: STSv2\r\nmx: b.example.com\r\n");
        assertTrue(p.problems().isEmpty(), english(p.problems()));
        MtaStsPolicy policy = p.policy().orElseThrow();
        assertEquals("enforce", policy.mode());
        assertEquals(1, policy.maxAge());
        assertEquals(List.of("a.example.com", "b.example.com"), policy.mx());
        // the first entry is judged: a bad first mode stays an error though a good one follows
        assertTrue(MtaStsPolicy.parse("version: STSv1\nmode: Enforce\nmode: enforce\nmx: a.example.com\n"
                + "max_age: 1\n").policy().isEmpty());
    }

    @Test
    void missingFieldsAndUpperCaseKeys() {
        MtaStsPolicy.Parsed p = MtaStsPolicy.parse("Version: STSv1\nmode: enforce\n");
        String all = english(p.problems());
        assertTrue(all.contains("\"Version\" must be written in lower case"), all);
        assertTrue(all.contains("the version line (\"version: STSv1\") is missing"), all);
        assertTrue(all.contains("the max_age line is missing"), all);
        assertTrue(all.contains("no mx line: in mode enforce"), all);
        assertTrue(MtaStsPolicy.parse("").policy().isEmpty());
    }

    /** The problems in English, one a line. */
    private static String english(List<LocalText> problems) {
        return String.join("\n", problems.stream().map(LocalText::toString).toList());
    }

    @ParameterizedTest
    @CsvSource({
            "mail.example.com, mail.example.com, true",
            "mail.example.com, MAIL.Example.COM., true",
            "mail.example.com, mail2.example.com, false",
            "*.example.com, mail.example.com, true",
            "*.example.com, MX1.EXAMPLE.COM., true",
            "*.example.com, example.com, false",
            "*.example.com, a.b.example.com, false",
            "*.example.com, mailexample.com, false",
            "*.example.com, mail.example.com.evil.test, false"})
    void mxPatternsMatchAsRfc8461Section41Says(String pattern, String host, boolean matches) {
        assertEquals(matches, MtaStsPolicy.matches(pattern, host));
    }

    @Test
    void matchingNamesTheFirstPatternThatMatches() {
        MtaStsPolicy policy = new MtaStsPolicy("enforce", List.of("mx.example.com", "*.example.com"), 60);
        assertEquals("*.example.com", policy.matching("mx2.example.com").orElseThrow());
        assertFalse(policy.matching("example.com").isPresent());
    }
}
