package org.mailpath.engine.dmarc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DmarcParserTest {

    @Test
    void defaults() {
        DmarcParser.Parsed parsed = DmarcParser.parse("v=DMARC1; p=reject");
        assertTrue(parsed.problems().isEmpty());
        DmarcRecord r = parsed.record();
        assertEquals("reject", r.subdomainPolicy());
        assertEquals(Optional.empty(), r.nonExistentPolicy());
        assertEquals(100, r.pct());
        assertEquals("r", r.adkim());
        assertEquals("r", r.aspf());
        assertEquals("0", r.fo());
        assertEquals(86400, r.ri());
        assertTrue(r.describe().contains("sp=reject (default)"));
    }

    @Test
    void everyTag() {
        DmarcRecord r = DmarcParser.parse("v=DMARC1 ; p=quarantine; sp=none; np=reject; pct=25; adkim=s; aspf=s; "
                + "rua=mailto:a@example.com,mailto:b@rep.example.net!10m; ruf=mailto:f@example.com; fo=1:d; ri=3600;")
                .record();
        assertEquals("none", r.subdomainPolicy());
        assertEquals(Optional.of("reject"), r.nonExistentPolicy());
        assertEquals(25, r.pct());
        assertEquals("s", r.adkim());
        assertEquals(2, r.rua().size());
        assertEquals("rep.example.net", r.rua().get(1).domain());
        assertEquals("1:d", r.fo());
        assertEquals(3600, r.ri());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "v=DMARC1; p=bogus|p=bogus is not none, quarantine or reject",
        "v=DMARC1; p=none; pct=150|pct=150 is not a number from 0 to 100: receivers read pct=100 (RFC 7489 §6.3;"
            + " RFC 9989 has no pct); OpenDMARC (Postfix and Sendmail milters, Exim) rejects the whole record and"
            + " applies no DMARC",
        "v=DMARC1; p=none; pct=abc|pct=abc is not a number from 0 to 100: receivers read pct=100 (RFC 7489 §6.3;"
            + " RFC 9989 has no pct); OpenDMARC (Postfix and Sendmail milters, Exim) reads pct=0",
        "p=none; v=DMARC1|the record must begin with \"v=DMARC1\"",
        "v=DMARC1; rua=mailto:x@example.com|the tag p= is missing: RFC 7489 requires it; RFC 9989 (DMARCbis) does"
            + " not, and reads a record without it as p=none, but only when rua= has a valid address (RFC 9989 §4.7,"
            + " §4.10.1)",
        "v=DMARC1; p=none; adkim=x|adkim=x is not r or s: receivers read adkim=r, the default (RFC 7489 §6.3,"
            + " RFC 9989 §4.8); OpenDMARC (Postfix and Sendmail milters, Exim) rejects the whole record and applies"
            + " no DMARC",
        "v=DMARC1; p=none; np=x|np=x is not none, quarantine or reject (receivers that follow RFC 9989 then act as"
            + " if the record said p=none; RFC 7489 has no np)",
        "v=DMARC1; p=none; p=reject|tag p= is repeated: receivers may discard the record (RFC 6376 §3.2, RFC 7489"
            + " §6.3); this check reads the first, p=none, OpenDMARC (Postfix and Sendmail milters, Exim) the last,"
            + " p=reject",
        "v=DMARC1; p=none; fo=2|fo=2 is not a colon-separated list of 0, 1, d, s: receivers read fo=0 (RFC 7489"
            + " §6.3, RFC 9989 §4.8); OpenDMARC (Postfix and Sendmail milters, Exim) rejects the whole record and"
            + " applies no DMARC",
        "v=DMARC1; p=none; ri=1h|ri=1h is not a 32-bit unsigned number: receivers read ri=86400 (RFC 7489 §6.3;"
            + " RFC 9989 has no ri); OpenDMARC (Postfix and Sendmail milters, Exim) rejects the whole record and"
            + " applies no DMARC",
        "v=DMARC1; p=none; ri=4294967296|ri=4294967296 is not a 32-bit unsigned number: receivers read ri=86400"
            + " (RFC 7489 §6.3; RFC 9989 has no ri)",
        "v=DMARC1; p=none; junk|\"junk\" is not a tag=value pair",
        "v=DMARC1; p=none; t=yes|t=yes is not y or n: receivers that follow RFC 9989 read t=n, the default, so the"
            + " record is not in test mode (RFC 9989 §4.7, §4.8; RFC 7489 has no t)",
        "v=DMARC1; p=none; psd=yes|psd=yes is not y, n or u: receivers that follow RFC 9989 read psd=u, the default,"
            + " in their DNS tree walk (RFC 9989 §4.7, §4.8; RFC 7489 has no psd)",
    })
    void eachProblemIsNamedAndItsTagFallsBackToTheDefault(String text, String problem) {
        DmarcParser.Parsed parsed = DmarcParser.parse(text);
        assertEquals(List.of(problem), parsed.problems(), text);
        DmarcRecord r = parsed.record();
        assertEquals("none", r.policy(), text);
        assertEquals(100, r.pct(), text);
        assertEquals("r", r.adkim(), text);
        assertEquals("0", r.fo(), text);
        assertEquals(86400, r.ri(), text);
    }

    @Test
    void foAllowsWhiteSpaceAroundItsColonsAndAnyCase() {
        // RFC 7489 §6.4: dmarc-fo = "fo" *WSP "=" *WSP ( "0" / "1" / "d" / "s" ) *(*WSP ":" *WSP ( "0" / "1" / "d" /
        // "s" )), quoted strings case-insensitive (RFC 5234 §2.3)
        for (String fo : List.of("0 : 1", "1:D:S", "d\t:\ts", "S")) {
            DmarcParser.Parsed parsed = DmarcParser.parse("v=DMARC1; p=reject; fo=" + fo);
            assertEquals(List.of(), parsed.problems(), fo);
            assertEquals(fo, parsed.record().fo(), fo);
        }
        assertTrue(DmarcParser.parse("v=DMARC1; p=reject; fo=1:x").problems().getFirst()
                .startsWith("fo=1:x is not a colon-separated list of 0, 1, d, s: receivers read fo=0 "));
        assertTrue(DmarcParser.parse("v=DMARC1; p=reject; fo=1:").problems().getFirst()
                .startsWith("fo=1: is not a colon-separated list of 0, 1, d, s: receivers read fo=0"));
    }

    @Test
    void riIsAThirtyTwoBitUnsignedNumberOfSeconds() {
        DmarcParser.Parsed largest = DmarcParser.parse("v=DMARC1; p=none; ri=4294967295");
        assertEquals(List.of(), largest.problems());
        assertEquals(4294967295L, largest.record().ri());
    }

    @Test
    void pctIsAnyWholeNumberFromZeroToAHundred() {
        assertEquals(0, DmarcParser.parse("v=DMARC1; p=reject; pct=0").record().pct());
        DmarcParser.Parsed hundred = DmarcParser.parse("v=DMARC1; p=reject; pct=100");
        assertEquals(List.of(), hundred.problems());
        assertEquals(100, hundred.record().pct());
    }

    @Test
    void aBadAlignmentModeGivesWayToRelaxedAndLeavesThePolicyAsWritten() {
        // RFC 7489 §6.3: "Syntax errors in the remainder of the record SHOULD be discarded in favor of default values
        // (if any) or ignored outright"; RFC 9989 §4.8 the same with MUST
        DmarcParser.Parsed parsed = DmarcParser.parse("v=DMARC1; p=reject; adkim=strict; aspf=x");
        assertEquals(2, parsed.problems().size(), parsed.problems().toString());
        assertEquals(DmarcParser.PolicyReading.AS_WRITTEN, parsed.reading());
        assertEquals("reject", parsed.record().policy());
        assertEquals("r", parsed.record().adkim());
        assertEquals("r", parsed.record().aspf());
        assertTrue(parsed.onlyDefaulted());
        assertTrue(parsed.readAlikeDespiteProblems());
        assertTrue(parsed.record().describe().contains("adkim=r (written: strict)"), parsed.record().describe()
                .toString());
        // what OpenDMARC does instead (opendmarc_policy_parse_dmarc): any leading part of "strict" is s, of
        // "relaxed" r, anything else fails the record
        assertTrue(parsed.problems().getFirst().endsWith("reads adkim=s"), parsed.problems().getFirst());
        assertTrue(parsed.problems().get(1).endsWith("rejects the whole record and applies no DMARC"),
                parsed.problems().get(1));
        assertEquals(List.of("aspf=Relax is not r (relaxed) or s (strict): receivers read aspf=r, the default "
                + "(RFC 7489 §6.3, RFC 9989 §4.8)"), DmarcParser.parse("v=DMARC1; p=reject; aspf=Relax").problems());
        // a bad p stays an error of the record
        DmarcParser.Parsed withBadP = DmarcParser.parse("v=DMARC1; p=rejct; adkim=strict; rua=mailto:d@example.com");
        assertFalse(withBadP.onlyDefaulted());
        assertFalse(withBadP.readAlikeDespiteProblems());
    }

    @Test
    void aBadPctFoOrRiGivesWayToItsDefaultAndLeavesThePolicyAsWritten() {
        // RFC 7489 §6.3: "Syntax errors in the remainder of the record SHOULD be discarded in favor of default values
        // (if any) or ignored outright" (RFC 9989 §4.8: MUST; RFC 9989 has no pct and ri: unknown tags, ignored)
        DmarcParser.Parsed parsed = DmarcParser.parse("v=DMARC1; p=reject; pct=150; fo=x; ri=1d");
        assertEquals(3, parsed.problems().size(), parsed.problems().toString());
        assertEquals(DmarcParser.PolicyReading.AS_WRITTEN, parsed.reading());
        assertEquals("reject", parsed.record().policy());
        assertEquals(100, parsed.record().pct());
        assertEquals("0", parsed.record().fo());
        assertEquals(86400, parsed.record().ri());
        assertTrue(parsed.onlyDefaulted());
        assertTrue(parsed.readAlikeDespiteProblems());
        assertTrue(parsed.record().describe().contains("pct=100 (written: 150)"), parsed.record().describe()
                .toString());
        // beside a bad p it is still an error of the record
        DmarcParser.Parsed withBadP = DmarcParser.parse("v=DMARC1; p=rejct; pct=abc; rua=mailto:d@example.com");
        assertFalse(withBadP.onlyDefaulted());
        assertFalse(withBadP.readAlikeDespiteProblems());
    }

    @Test
    void aBadPctSaysWhatOpenDmarcReads() {
        assertTrue(DmarcParser.parse("v=DMARC1; p=reject; pct=50%").problems().getFirst()
                .endsWith("OpenDMARC (Postfix and Sendmail milters, Exim) reads pct=50"));
        // OpenDMARC reads 100 too: nothing to add
        assertEquals(List.of("pct=100% is not a number from 0 to 100: receivers read pct=100 (RFC 7489 §6.3; RFC 9989"
                + " has no pct)"),
                DmarcParser.parse("v=DMARC1; p=reject; pct=100%").problems());
    }

    @Test
    void aBadFoSaysWhatOpenDmarcReads() {
        // opendmarc_policy_parse_dmarc: the first character of each ":" item; an empty item or another character
        // fails the record; a last empty item after a final ":" ends the list
        assertTrue(DmarcParser.parse("v=DMARC1; p=reject; fo=1:").problems().getFirst()
                .endsWith("(RFC 7489 §6.3, RFC 9989 §4.8); OpenDMARC (Postfix and Sendmail milters, Exim) reads fo=1"));
        assertTrue(DmarcParser.parse("v=DMARC1; p=reject; fo=1x:D").problems().getFirst().endsWith("reads fo=1:d"));
        assertTrue(DmarcParser.parse("v=DMARC1; p=reject; fo=1::d").problems().getFirst()
                .endsWith("rejects the whole record and applies no DMARC"));
        assertTrue(DmarcParser.parse("v=DMARC1; p=reject; fo=:1").problems().getFirst()
                .endsWith("rejects the whole record and applies no DMARC"));
        assertEquals(List.of("fo=0x is not a colon-separated list of 0, 1, d, s: receivers read fo=0 (RFC 7489 §6.3,"
                + " RFC 9989 §4.8)"),
                DmarcParser.parse("v=DMARC1; p=reject; fo=0x").problems());
    }

    @Test
    void aRepeatedTagMayVoidTheRecordAndStaysAnError() {
        // RFC 6376 §3.2 (tag-value syntax of RFC 7489 §6.3 and RFC 9989): "if a tag name does occur more than once,
        // the entire tag-list is invalid"; OpenDMARC keeps the last p, fails the record on a second rua
        DmarcParser.Parsed p = DmarcParser.parse("v=DMARC1; p=reject; P = none");
        assertFalse(p.onlyDefaulted());
        assertFalse(p.readAlikeDespiteProblems());
        assertEquals("reject", p.record().policy());
        assertTrue(p.problems().getFirst().endsWith("this check reads the first, p=reject, OpenDMARC (Postfix and"
                + " Sendmail milters, Exim) the last, p=none"), p.problems().getFirst());
        assertTrue(DmarcParser.parse("v=DMARC1; p=reject; p=reject").problems().getFirst()
                .endsWith("receivers may discard the record (RFC 6376 §3.2, RFC 7489 §6.3); this check reads the "
                        + "first, p=reject"));
        assertTrue(DmarcParser.parse("v=DMARC1; p=reject; np=none; np=reject").problems().getFirst()
                .endsWith("this check reads the first, np=none"), "OpenDMARC knows no np");
        assertTrue(DmarcParser.parse("v=DMARC1; p=reject; rua=mailto:a@example.com; rua=mailto:b@example.com")
                .problems().getFirst().endsWith("OpenDMARC (Postfix and Sendmail milters, Exim) rejects it and applies"
                        + " no DMARC"));
    }

    @Test
    void aMissingPIsReadAlikeByBothRfcsOnlyWithAValidRua() {
        // RFC 7489 §6.6.3 step 6 and RFC 9989 §4.7/§4.10.1: p=none with a valid rua URI, no DMARC without one
        DmarcParser.Parsed withRua = DmarcParser.parse("v=DMARC1; rua=mailto:d@example.com; adkim=x");
        assertTrue(withRua.policyMissing());
        assertEquals(DmarcParser.PolicyReading.AS_NONE, withRua.reading());
        assertTrue(withRua.readAlikeDespiteProblems());
        assertFalse(withRua.onlyDefaulted());
        assertEquals(List.of("the tag p= is missing"), withRua.policyFaults().stream().map(Object::toString).toList());
        DmarcParser.Parsed without = DmarcParser.parse("v=DMARC1; ruf=mailto:d@example.com");
        assertEquals(DmarcParser.PolicyReading.IGNORED, without.reading());
        assertFalse(without.readAlikeDespiteProblems());
        DmarcParser.Parsed badSpToo = DmarcParser.parse("v=DMARC1; sp=x; rua=mailto:d@example.com");
        assertEquals(DmarcParser.PolicyReading.AS_NONE, badSpToo.reading());
        assertFalse(badSpToo.readAlikeDespiteProblems());
    }

    @Test
    void recordSelection() {
        assertTrue(DmarcParser.isDmarcRecord("v=DMARC1; p=none"));
        assertTrue(DmarcParser.isDmarcRecord("v = DMARC1"));
        assertFalse(DmarcParser.isDmarcRecord("v=spf1 -all"));
        assertFalse(DmarcParser.isDmarcRecord("v=DMARC10; p=none"));
        // RFC 7489 §6.4: DMARC1 is case-sensitive, the tag name v is an ABNF quoted string (any case)
        assertFalse(DmarcParser.isDmarcRecord("v=dmarc1; p=none"));
        assertFalse(DmarcParser.isDmarcRecord("v=Dmarc1; p=none"));
        assertTrue(DmarcParser.isDmarcRecord("V=DMARC1; p=none"));
        assertTrue(DmarcParser.isDmarcRecord("v=DMARC1"));
        assertFalse(DmarcParser.isDmarcRecord("p=none; v=DMARC1"));
    }

    @Test
    void textMeantAsDmarcSaysWhyItIsDiscarded() {
        assertTrue(DmarcParser.whyNotDmarc("v=dmarc1; p=reject").orElseThrow().contains("case-sensitive"));
        assertTrue(DmarcParser.whyNotDmarc("p=reject; v=DMARC1").orElseThrow().contains("not its first tag"));
        assertEquals(Optional.empty(), DmarcParser.whyNotDmarc("v=DMARC1; p=reject"));
        assertEquals(Optional.empty(), DmarcParser.whyNotDmarc("v=spf1 -all"));
        assertEquals(Optional.empty(), DmarcParser.whyNotDmarc("google-site-verification=abc"));
    }

    @Test
    void reportAddressesReceiversCannotUseAreNotSyntaxProblems() {
        DmarcParser.Parsed parsed = DmarcParser.parse("v=DMARC1; p=reject; rua=d@example.com,https://x.example/r,"
                + "mailto:nobody, mailto:ok@example.com!10m; ruf=ftp:x");
        assertEquals(List.of(), parsed.problems());
        // their words: DmarcCheckTest.everyUnusableReportAddressIsNamedWithWhy
        assertEquals(4, parsed.reportUriTexts().size(), parsed.reportUriTexts().toString());
        assertEquals(List.of("example.com"), parsed.record().rua().stream().map(DmarcRecord.ReportUri::domain)
                .toList());
        assertEquals(DmarcParser.PolicyReading.AS_WRITTEN, parsed.reading());
    }

    @Test
    void anUnreadablePolicyIsReadAsNoneWithAValidRuaAndNotAtAllWithout() {
        // RFC 7489 §6.6.3 step 6
        DmarcParser.Parsed sp = DmarcParser.parse("v=DMARC1; p=reject; sp=bogus; rua=mailto:d@example.com");
        assertEquals(DmarcParser.PolicyReading.AS_NONE, sp.reading());
        assertEquals("none", sp.record().policy());
        assertEquals("none", sp.record().subdomainPolicy());
        assertTrue(sp.record().describe().containsAll(List.of("p=none (written: reject)", "sp=none (written: bogus)")),
                sp.record().describe().toString());
        assertEquals(List.of("sp=bogus is not none, quarantine or reject"),
                sp.policyFaults().stream().map(Object::toString).toList());
        assertEquals(DmarcParser.PolicyReading.AS_NONE,
                DmarcParser.parse("v=DMARC1; p=rejct; rua=https://r.example/").reading(), "any valid URI counts");
        assertEquals(DmarcParser.PolicyReading.IGNORED,
                DmarcParser.parse("v=DMARC1; p=reject; sp=bogus; rua=d@example.com").reading());
        assertEquals(DmarcParser.PolicyReading.IGNORED, DmarcParser.parse("v=DMARC1").reading());
        // np is RFC 9989's: to RFC 7489 an unknown tag, so the policy stands (the problem is still named)
        DmarcParser.Parsed np = DmarcParser.parse("v=DMARC1; p=reject; np=bogus");
        assertEquals(DmarcParser.PolicyReading.AS_WRITTEN, np.reading());
        assertEquals(List.of("np=bogus is not none, quarantine or reject (receivers that follow RFC 9989 then act as "
                + "if the record said p=none; RFC 7489 has no np)"),
                np.problems().stream().map(Object::toString).toList());
        assertEquals(List.of(), np.policyFaults());
        assertEquals(Optional.empty(), np.record().nonExistentPolicy());
        assertEquals(Optional.of("quarantine"),
                DmarcParser.parse("v=DMARC1; p=reject; np=Quarantine").record().nonExistentPolicy());
    }

    @Test
    void testMode() {
        assertTrue(DmarcParser.parse("v=DMARC1; p=reject; t=y").record().testMode());
        assertTrue(DmarcParser.parse("v=DMARC1; p=reject; t=Y").record().testMode());
        assertFalse(DmarcParser.parse("v=DMARC1; p=reject; t=n").record().testMode());
        assertFalse(DmarcParser.parse("v=DMARC1; p=reject").record().testMode());
    }

    @Test
    void aBadTOrPsdGivesWayToItsDefaultAndLeavesThePolicyAsWritten() {
        // RFC 9989 (draft-ietf-dmarc-dmarcbis-41) §4.8: dmarc-yorn = "y" / "n" (t), dmarc-psd = "y" / "n" / "u"
        // (psd), and "Syntax errors in the remainder of the record MUST be discarded in favor of default values (if
        // any)": t=n ("The default", §4.7), psd=u ("default is \"u\"", §4.7). RFC 7489 has neither tag
        for (String written : List.of("t=yes", "t=no", "t=1", "t=", "psd=yes", "psd=x", "t=y:n")) {
            DmarcParser.Parsed parsed = DmarcParser.parse("v=DMARC1; p=reject; " + written);
            assertEquals(1, parsed.problems().size(), written + ": " + parsed.problems());
            assertTrue(parsed.problems().getFirst().startsWith(written + " is not "), parsed.problems().getFirst());
            assertEquals(DmarcParser.PolicyReading.AS_WRITTEN, parsed.reading(), written);
            assertEquals("reject", parsed.record().policy(), written);
            assertFalse(parsed.record().testMode(), written);
            assertTrue(parsed.onlyDefaulted(), written);
            assertTrue(parsed.readAlikeDespiteProblems(), written);
        }
        // ABNF quoted strings are case-insensitive (RFC 5234 §2.3), white space around the value is not part of it
        for (String valid : List.of("t=y", "t=Y", "t=n", "t=N", "t = y ", "psd=y", "psd=N", "psd=u", "psd=U")) {
            assertEquals(List.of(), DmarcParser.parse("v=DMARC1; p=reject; " + valid).problems(), valid);
        }
        assertTrue(DmarcParser.parse("v=DMARC1; p=reject; t = y ").record().testMode());
        // beside an unreadable p it is still an error of the record
        DmarcParser.Parsed withBadP = DmarcParser.parse("v=DMARC1; p=rejct; t=yes; rua=mailto:d@example.com");
        assertFalse(withBadP.readAlikeDespiteProblems());
        assertEquals(2, withBadP.problems().size(), withBadP.problems().toString());
    }

    @Test
    void everyTagOfRfc9989IsReadAndUnknownTagsAreIgnored() {
        // RFC 9989 §4.7 Table 2: adkim, aspf, fo, np, p, psd, rua, ruf, sp, t, v; "Only tags defined in that registry
        // are to be processed; unknown tags MUST be ignored" (§4.7, §4.8; RFC 7489 §6.3 alike)
        DmarcParser.Parsed all = DmarcParser.parse("v=DMARC1; p=reject; sp=quarantine; np=none; adkim=s; aspf=s; "
                + "rua=mailto:a@example.com; ruf=mailto:f@example.com; fo=1:d; t=y; psd=n");
        assertEquals(List.of(), all.problems());
        assertEquals(List.of(), all.reportUriTexts());
        DmarcRecord r = all.record();
        assertEquals(List.of("reject", "quarantine", "none", "s", "s", "1:d"), List.of(r.policy(),
                r.subdomainPolicy(), r.nonExistentPolicy().orElseThrow(), r.adkim(), r.aspf(), r.fo()));
        assertTrue(r.testMode());
        assertEquals("n", r.tags().get("psd"));
        // unknown and historic tags (RFC 9989 §9.3: pct, rf, ri "historic") stand as written, without a problem
        DmarcParser.Parsed unknown = DmarcParser.parse("v=DMARC1; p=reject; rf=afrf; ri=3600; foo=bar; "
                + "future = a:b!c; x_y=1");
        assertEquals(List.of(), unknown.problems());
        assertEquals(DmarcParser.PolicyReading.AS_WRITTEN, unknown.reading());
        assertEquals("reject", unknown.record().policy());
        assertEquals("bar", unknown.record().tags().get("foo"));
    }

    @Test
    void anObsoleteSizeSuffixLeavesTheReportAddressUsable() {
        // RFC 9989 §4.8: obs-dmarc-uri = dmarc-uri obs-dmarc-report-size, "reporters should ignore the
        // obs-dmarc-report-size if it is found"; Appendix C.4: the maximum report size "has been removed". Reports still
        // go to the address: draft-ietf-dmarc-aggregate-reporting-30, "Report Delivery", ignores only malformed URIs,
        // and RFC 7489 receivers (§6.2) skip it only for a report larger than the size
        DmarcParser.Parsed parsed = DmarcParser.parse("v=DMARC1; p=reject; rua=mailto:a@example.com!10m, "
                + "mailto:b@rep.example.net!0G; ruf=mailto:f@example.com!512k");
        assertEquals(List.of(), parsed.problems());
        assertEquals(List.of(), parsed.reportUriTexts());
        assertEquals(List.of("example.com", "rep.example.net"), parsed.record().rua().stream()
                .map(DmarcRecord.ReportUri::domain).toList());
        assertEquals(List.of("example.com"), parsed.record().ruf().stream().map(DmarcRecord.ReportUri::domain)
                .toList());
    }

    @Test
    void aVersionWithoutItsSemicolonIsExplained() {
        assertEquals(Optional.of("\"v=DMARC1\" is followed by \"p=reject\" without the \";\" that separates tags"),
                DmarcParser.whyNotDmarc("v=DMARC1 p=reject"));
        assertEquals(Optional.of("\"v=DMARC1\" is followed by \"p=reject rua=mailto:d@example.com\" without the "
                + "\";\" that separates tags"), DmarcParser.whyNotDmarc("v=DMARC1, p=reject rua=mailto:d@example.com"));
        assertEquals(Optional.of("\"v=DMARC1\" is followed by \"p=none\" without the \";\" that separates tags"),
                DmarcParser.whyNotDmarc("v=DMARC1\tp=none; rua=mailto:d@example.com"));
        assertEquals(Optional.empty(), DmarcParser.whyNotDmarc("v=DMARC10; p=none"));
        assertEquals(Optional.empty(), DmarcParser.whyNotDmarc("v=DMARC1 ; p=none"));
    }
}
