package org.mailpath.engine.address;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.mailpath.engine.finding.LocalText;

class MailboxSyntaxTest {

    @ParameterizedTest
    @ValueSource(strings = {"admin@acme.com", "first.last+tag@sub.example.co.uk", "o'brien@example.ie",
        "\"john doe\"@example.com", "user@[192.0.2.1]", "user@[IPv6:2001:db8::1]", "jörg@bücher.example",
        "x@xn--bcher-kva.example", "a@b-c.example", "user=acme.example__0a1b@x1y2.bnc.salesforce.com",
        "user@bücher.example", "user@XN--BCHER-KVA.example", "user@BÜCHER.example", "user@xn--4ca0bs.example",
        "user@xn--strae-oqa.example", "user@stra\u00dfe.example",
        "user@例え.テスト", "user@пример.рф"})
    void validMailboxes(String address) {
        assertEquals(Optional.empty(), MailboxSyntax.problem(address), address);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "plainaddress", "@example.com", "user@", "jane doe@example.com", "a..b@example.com",
        ".a@example.com", "a.@example.com", "a@example..com", "a@-example.com", "a@example-.com", "a@localhost",
        "a@exa_mple.com", "a@123.456", "a@[300.1.1.1]", "a@[1.2.3", " a@example.com", "a(b)@example.com",
        "a@example.c om"})
    void invalidMailboxes(String address) {
        assertTrue(MailboxSyntax.problem(address).isPresent(), address);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "user@contoso.example. | ends with a dot",
        "user@bücher.example. | ends with a dot",
        "user@xn--zz.example | label 'xn--zz', which is not a valid internationalized name",
        "user@xn--a.example | (U+0080), which internationalized domain names do not allow",
        "user@☃.example | contains '☃' (U+2603), which internationalized domain names do not allow",
        "user@xn--n3h.example | contains '☃' (U+2603)",
        "user@💩.example | contains '💩' (U+1F4A9)",
        "user@\u0301x.example | starts with a combining mark",
    })
    void invalidDomainsSayWhy(String address, String why) {
        String problem = english(address).orElseThrow(() -> new AssertionError(address + " accepted"));
        assertTrue(problem.contains(why), address + ": " + problem);
    }

    @org.junit.jupiter.api.Test
    void lengthLimits() {
        String local64 = "a".repeat(64);
        assertEquals(Optional.empty(), MailboxSyntax.problem(local64 + "@example.com"));
        assertTrue(english("a" + local64 + "@example.com").orElseThrow().contains("at most 64"));
        String label = "b".repeat(63);
        String longDomain = label + "." + label + "." + label + ".com"; // 195 chars
        String local58 = "a".repeat(58);
        assertEquals(Optional.empty(), MailboxSyntax.problem(local58 + "@" + longDomain)); // 254
        assertTrue(english(local58 + "a@" + longDomain).orElseThrow().contains("at most 254")); // 255
        assertTrue(english("a@" + "c".repeat(64) + ".com").orElseThrow().contains("63"));
        // RFC 5321 §4.5.3.1 counts octets, and RFC 6531's UTF-8 'ö' is two: 32 of them fill the 64, 33 are too many
        assertEquals(Optional.empty(), MailboxSyntax.problem("\u00f6".repeat(32) + "@example.com"));
        assertEquals("the part before the @ has 33 characters but is 66 bytes long in UTF-8 (at most 64 bytes allowed;"
                + " \u00f6 and other characters outside ASCII take two or more)",
                english("\u00f6".repeat(33) + "@example.com").orElseThrow());
        // the whole: 29 'ö' (58 octets) + '@' + 195 = 254 octets but 225 characters; one 'ö' more is 256
        String local29 = "\u00f6".repeat(29);
        assertEquals(Optional.empty(), MailboxSyntax.problem(local29 + "@" + longDomain));
        assertEquals("the address has 226 characters but is 256 bytes long in UTF-8 (at most 254 bytes allowed;"
                + " \u00f6 and other characters outside ASCII take two or more)",
                english(local29 + "\u00f6@" + longDomain).orElseThrow());
    }

    /** RFC 5892 Appendix A (contextual characters) and RFC 5893 (Bidi), on A-labels made with RFC 3492 Punycode. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "u@xn--collecci-ioa91d.example | ",                      // col·lecció: the middle dot between two l's
        "u@xn--paella-cla.example      | only between two l's",  // pa·ella
        "u@xn--wva3je.example          | ",                      // α͵β: keraia before a Greek letter
        "u@xn--ab-63b.example          | only before a Greek letter",
        "u@xn--4dbc5h.example          | ",                      // א׳ב: geresh after a Hebrew letter
        "u@xn--ab-vod.example          | only after a Hebrew letter",
        "u@xn--lckxb3k.example         | ",                      // カ・タ
        "u@xn--ab-3n4a.example         | Hiragana, Katakana or Han",
        "u@xn--qgb5cxee.example        | ",                      // Arabic-Indic digits alone
        "u@xn--qgb5cxe4z.example       | mixes Arabic-Indic digits",
        "u@xn--11b2ezcw70k.example     | ",                      // क्‍ष: ZWJ after a virama
        "u@xn--ab-m1t.example          | only after a virama",
        "u@xn--mgbn2ecje63gr19l.example| ",                      // می‌خواهم: ZWNJ between joining letters
        "u@xn--abcd-176a.example       | only after a virama or between joining letters",
        "u@xn--mgbh0fb.example         | ",                      // مثال.example
        "u@xn--1-zhcde.example         | ",                      // אבג1: a right-to-left label may end in a digit
        "u@xn--a-ymcl5hc.example       | breaks the Bidi rule",  // مثالa
        "u@xn--1-0hcde.example         | breaks the Bidi rule",  // 1אבג
        "u@xn--1-ymcl5hc2p.example     | breaks the Bidi rule",  // مثال1٢: European and Arabic digits
        "u@3com.xn--mgbh0fb            | breaks the Bidi rule",  // a label starting with a digit in a Bidi name
        "u@3com.example                | ",                      // the same label outside one
        "u@faß.de                      | ",                      // IDNA2008 keeps ß (xn--fa-hia)
    })
    void contextualCharactersAndTheBidiRule(String address, String why) {
        Optional<String> problem = english(address);
        if (why == null) {
            assertEquals(Optional.empty(), problem, address);
        } else {
            assertTrue(problem.orElseThrow(() -> new AssertionError(address + " accepted")).contains(why),
                    address + ": " + problem.get());
        }
    }

    @Test
    void invisibleCharactersThatIdna2003DropsMakeTheDomainInvalid() {
        for (String address : List.of("a@b\u200Bank.example", "a@bank\u00AD.example", "a@\uFEFFbank.example",
                "a@ba\u2060nk.example", "a@bank\uFE0F.example")) {
            Optional<String> problem = english(address);
            assertTrue(problem.orElseThrow(() -> new AssertionError(address + " accepted")).contains(
                    "invisible character") && problem.get().contains("bank.example"), problem.get());
        }
        assertEquals(Optional.empty(), MailboxSyntax.problem("a@bank.example"));
    }

    /**
     * RFC 5321 §4.1.2: quoted-pairSMTP = %d92 %d32-126, so a backslash quotes only a printable ASCII character
     * (RFC 6531 §3.3 adds UTF-8 to qtextSMTP, not to quoted pairs), and a backslash before the last '"' leaves the
     * quoted string unclosed.
     */
    @Test
    void aQuotedPairQuotesOnlyPrintableAsciiRfc5321Section412() {
        for (String valid : List.of("\"\\a\"@example.com", "\"\\\"\"@example.com", "\"\\\\\"@example.com",
                "\"a\\ b\"@example.com", "\"\"@example.com", "\"jörg\"@example.com")) {
            assertEquals(Optional.empty(), english(valid), valid);
        }
        for (String unclosed : List.of("\"\\\"@example.com", "\"test\\\"@example.com")) {
            assertEquals(Optional.of("the part before the @ contains the character '\"'"), english(unclosed),
                    unclosed);
        }
        for (char quoted : new char[] {'\u00A9', '\u0007', '\u007F', '\u0000', '\t'}) {
            String address = "\"test\\" + quoted + "\"@example.com";
            assertEquals(Optional.of("the quoted part before the @ contains a bad character"), english(address),
                    address);
        }
    }

    /**
     * RFC 5321 §4.1.3's IPv6-addr: eight groups, or six and an IPv4 address; "::" stands for at least two groups, so
     * at most six others (four with an IPv4 address) may stand beside it, and only one "::".
     */
    @ParameterizedTest
    @CsvSource({
        "1111:2222:3333:4444:5555:6666:7777:8888, true",
        "1111:2222:3333:4444:5555::8888, true",
        "::3333:4444:5555:6666:7777:8888, true",
        "::, true",
        "2001:DB8::1, true",
        "1111:2222:3333:4444:5555:6666:255.255.255.255, true",
        "1111:2222:3333:4444::255.255.255.255, true",
        "::ffff:192.0.2.1, true",
        "::192.0.2.1, true",
        "1111:2222:3333:4444:5555:6666:7777, false",
        "1111:2222:3333:4444:5555:6666:7777:8888:9999, false",
        "1111:2222:3333:4444:5555:6666:7777:888G, false",
        "1111:2222:3333:4444:5555:6666::8888, false",
        "1111:2222:3333:4444:5555:6666::7777:8888, false",
        ":3333:4444:5555:6666:7777:8888, false",
        "1111::4444:5555::8888, false",
        "1::2:, false",
        "12345::1, false",
        "1111:2222:3333:4444:5555:255.255.255.255, false",
        "1111:2222:3333:4444:5555:6666:7777:255.255.255.255, false",
        "1111:2222:3333:4444:5555:6666::255.255.255.255, false",
        "1111:2222:3333:4444:::255.255.255.255, false",
        ":255.255.255.255, false",
        "::256.1.1.1, false",
        "'', false",
    })
    void ipv6AddressLiteralsFollowRfc5321Section413(String ipv6, boolean valid) {
        assertEquals(valid, MailboxSyntax.isIpv6(ipv6), ipv6);
        assertEquals(valid ? Optional.empty() : Optional.of("the IPv6 address literal is not valid"),
                english("user@[IPv6:" + ipv6 + "]"), ipv6);
    }

    @Test
    void anIpv4AddressLiteralHasAsciiDigitsOnlyRfc5321Section413() {
        assertEquals(Optional.empty(), MailboxSyntax.problem("user@[192.0.2.1]"));
        assertEquals(Optional.of("the IPv4 address literal is not valid"),
                english("user@[\u0661\u0669\u0662.0.2.1]"), "Arabic-Indic digits are no Snum");
    }

    /**
     * RFC 5892's derived property of one code point in an A-label ("a" and the code point, Punycode-encoded), as the
     * idna package's idnadata.py (github.com/kjd/idna, Unicode 15.1.0) lists it: §2.3 Unstable (case folding or
     * NFKC changes it), §2.4 Default_Ignorable, §2.5 IgnorableBlocks, §2.9 OldHangulJamo are DISALLOWED; Cherokee
     * capitals, which case folding keeps, and the §2.6 exceptions ß and ς are PVALID.
     */
    @ParameterizedTest
    @CsvSource({
        "017F, false", "00AA, false", "FB01, false", "FF41, false", "02B0, false", "AB70, false", "01C6, false",
        "FF10, false", "115F, false", "3164, false", "17B4, false", "180B, false", "20D0, false",
        "1D165, false", "1100, false", "A960, false",
        "13A0, true", "0131, true", "00DF, true", "03C2, true", "00E9, true", "03B1, true", "4E00, true",
        "0316, true", "2D0F, true",
    })
    void codePointsInALabelsAsRfc5892DerivesThem(String hex, boolean pvalid) {
        String aLabel = "xn--" + Punycode.encode("a" + Character.toString(Integer.parseInt(hex, 16)));
        Optional<String> problem = english("u@" + aLabel + ".example");
        assertEquals(pvalid, problem.isEmpty(), hex + " " + problem);
        problem.ifPresent(p -> assertTrue(p.contains("(U+" + hex + "), which internationalized domain names do not "
                + "allow"), p));
    }

    /** RFC 5891 §4.2.3.1, on the U-label an A-label stands for: no hyphen at its ends, no "--" third and fourth. */
    @Test
    void aULabelKeepsTheHyphenRulesRfc5891Section4231() {
        assertEquals(Optional.of("a label of the domain 'xn----zmb.example' starts or ends with a hyphen"),
                english("u@xn----zmb.example"), "σ-"); // IdnaTestV2.txt 13.0.0 line 3183
        assertEquals(Optional.of("a label of the domain '-\u085A.example' starts or ends with a hyphen"),
                english("u@-\u085A.example")); // line 5962
        assertEquals(Optional.of("the domain 'xn--xn--a--gua.example' has the label 'xn--xn--a--gua', which is not "
                + "a valid internationalized name (its Punycode does not decode to one)"),
                english("u@xn--xn--a--gua.example"), "xn--a-ä"); // line 301
    }

    /**
     * RFC 5893 lets a right-to-left label end in a digit or a combining mark, where IDNA2003, which the JDK's
     * {@code IDN} implements, wants a right-to-left letter last (IdnaTestV2.txt 13.0.0 lines 115, 450, 2243).
     */
    @ParameterizedTest
    @ValueSource(strings = {"u@\u00E0.\u05D0\u0308.example", "u@\u05D0\u05C7.example",
        "u@ss\u09C1\u1DED.\u062085.example"})
    void labelsThatOnlyIdna2003RefusesAreValid(String address) {
        assertEquals(Optional.empty(), english(address), address);
    }

    /** IDNA2003 maps ⒈ to "1.", a label more than was written; IDNA2008 disallows it (IdnaTestV2.txt line 285). */
    @Test
    void aCharacterThatIdna2003MapsToADotMakesTheDomainInvalid() {
        assertEquals(Optional.of("the domain 'a\u2488com.example' is not a valid internationalized domain name"),
                english("u@a\u2488com.example"));
    }

    /** The problem as the command line and JSON say it. */
    private static Optional<String> english(String address) {
        return MailboxSyntax.problem(address).map(LocalText::toString);
    }

    @Test
    void viramasAreToldFromTheJdksNormalisationData() {
        assertTrue(IdnContext.isVirama(0x094D), "Devanagari virama");
        assertTrue(IdnContext.isVirama(0x17D2), "Khmer coeng");
        assertTrue(IdnContext.isVirama(0x11046), "Brahmi virama");
        assertFalse(IdnContext.isVirama(0x093C), "nukta, class 7");
        assertFalse(IdnContext.isVirama(0x0301), "acute, class 230");
        assertFalse(IdnContext.isVirama('a'));
    }

    @Test
    void onlyTheFullStopSeparatesTheLabelsOfAnAddress() {
        for (String dot : new String[] {"\uFF0E", "\u3002", "\uFF61"}) {
            String address = "user@bücher" + dot + "de";
            assertEquals("the domain 'bücher" + dot + "de' separates its labels with U+"
                    + MailboxSyntax.codePoint(dot.charAt(0)) + ", not the full stop (.): in an email address only the"
                    + " full stop U+002E separates the labels of a domain",
                    MailboxSyntax.problem(address).map(Object::toString).orElse("none"), address);
        }
        assertEquals(Optional.empty(), MailboxSyntax.problem("user@bücher.de"));
    }

    @Test
    void aLabelMixingScriptsIsNamedWithItsAsciiForm() {
        String expected = "the label 'раypal' of the domain '%s' mixes letters of different scripts (such as Latin and"
                + " Cyrillic), so the domain may imitate another one; its real name is xn--ypal-43d9g.com";
        assertEquals(expected.formatted("раypal.com"),
                MailboxSyntax.problemOrLookAlike("user@раypal.com").map(Object::toString).orElse("none"));
        assertEquals(expected.formatted("xn--ypal-43d9g.com"),
                MailboxSyntax.problemOrLookAlike("user@xn--ypal-43d9g.com").map(Object::toString).orElse("none"));
        assertEquals(Optional.empty(), MailboxSyntax.problem("user@раypal.com"), "a valid IDNA2008 name");
        for (String fine : new String[] {"user@例え.jp", "user@пример.рф", "user@paypal.com", "user@[192.0.2.1]"}) {
            assertEquals(Optional.empty(), MailboxSyntax.problemOrLookAlike(fine), fine);
        }
        assertEquals("the domain 'раypal.com.' ends with a dot (a mail domain is written without it)",
                MailboxSyntax.problemOrLookAlike("u@раypal.com.").map(Object::toString).orElse("none"), "a problem first");
    }

    /**
     * The scripts are those of the name as it is looked up, not as written: mathematical bold 𝐩 (script Common) is
     * looked up as the Latin p, so 𝐩а.com (with a Cyrillic а) mixes scripts though its written letters do not; and
     * the label named is the looked-up one, in lower case. Why the check converts first and does not ask
     * {@link MixedScripts#label} of the domain as written.
     */
    @Test
    void theScriptsJudgedAreThoseOfTheNameAsLookedUp() {
        assertTrue(MixedScripts.label("\uD835\uDC29\u0430.com").isEmpty(), "as written: Common and Cyrillic");
        assertTrue(MailboxSyntax.problemOrLookAlike("u@\uD835\uDC29\u0430.com").map(Object::toString).orElse("none")
                .startsWith("the label 'p\u0430' of the domain '\uD835\uDC29\u0430.com' mixes letters"));
        assertTrue(MailboxSyntax.problemOrLookAlike("u@РАypal.com").map(Object::toString).orElse("none")
                .startsWith("the label 'раypal' of the domain 'РАypal.com' mixes letters"));
    }
}
