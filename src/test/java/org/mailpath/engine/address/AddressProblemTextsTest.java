package org.mailpath.engine.address;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.mailpath.engine.finding.LocalText;
import org.mailpath.engine.finding.TextBundles;

/** The words of {@link MailboxSyntax#problem}: English as the command line and JSON always had it, and Swedish. */
class AddressProblemTextsTest {

    private static final Locale SWEDISH = Locale.forLanguageTag("sv");

    /** One address for every text, with the English the checker wrote before its texts came from a bundle. */
    private static final List<Map.Entry<String, String>> ENGLISH = List.of(
            Map.entry("",
                    "the address is empty"),
            Map.entry(" a@example.com",
                    "the address has spaces around it"),
            Map.entry("plainaddress",
                    "the address has no @"),
            Map.entry("@example.com",
                    "the part before the @ is empty"),
            Map.entry("user@",
                    "the domain after the @ is empty"),
            Map.entry("a".repeat(65) + "@example.com",
                    "the part before the @ is 65 characters long (at most 64 allowed)"),
            Map.entry("\u00f6".repeat(40) + "@example.com",
                    "the part before the @ has 40 characters but is 80 bytes long in UTF-8 (at most 64 bytes allowed;"
                    + " \u00f6 and other characters outside ASCII take two or more)"),
            Map.entry("\"a\"b\"@example.com",
                    "the quoted part before the @ contains a bad character"),
            Map.entry("a..b@example.com",
                    "the part before the @ has a dot at its start or end, or two dots in a row"),
            Map.entry("jane doe@example.com",
                    "the part before the @ contains a space"),
            Map.entry("a\u0007b@example.com",
                    "the part before the @ contains a control character (U+0007)"),
            Map.entry("a(b)@example.com",
                    "the part before the @ contains the character '('"),
            Map.entry("a@b\u200Bank.example",
                    "the domain contains an invisible character (U+200B), which IDNA2008 does not allow; the "
                    + "address only looks like one at bank.example"),
            Map.entry("user@a\u3002\u3002b.example",
                    "the domain 'a。。b.example' separates its labels with U+3002, not the full stop (.): in an email"
                    + " address only the full stop U+002E separates the labels of a domain"),
            Map.entry("user@b\u2488com.example",
                    "the domain 'b\u2488com.example' is not a valid internationalized domain name"),
            Map.entry("user@раypal.com",
                    "the label 'раypal' of the domain 'раypal.com' mixes letters of different scripts (such as Latin"
                    + " and Cyrillic), so the domain may imitate another one; its real name is xn--ypal-43d9g.com"),
            Map.entry("user@contoso.example.",
                    "the domain 'contoso.example.' ends with a dot (a mail domain is written without it)"),
            Map.entry("a@" + ("b".repeat(63) + ".").repeat(4) + "com",
                    "the domain is empty or longer than 253 characters"),
            Map.entry("a@localhost",
                    "the domain 'localhost' has no dot (not a full internet domain)"),
            Map.entry("a@example..com",
                    "the domain 'example..com' has an empty label (two dots in a row or a leading dot)"),
            Map.entry("a@" + "c".repeat(64) + ".com",
                    "a label of the domain is longer than 63 characters"),
            Map.entry("a@-example.com",
                    "a label of the domain '-example.com' starts or ends with a hyphen"),
            Map.entry("a@exa_mple.com",
                    "the domain 'exa_mple.com' contains the character '_'"),
            Map.entry("a@example.c om",
                    "the domain 'example.c om' contains a space"),
            Map.entry("a@123.456",
                    "the domain '123.456' ends in a number (an IP address must be written in brackets)"),
            Map.entry("a@[1.2.3",
                    "the address literal after the @ is not closed with ]"),
            Map.entry("a@[IPv6:zz]",
                    "the IPv6 address literal is not valid"),
            Map.entry("a@[300.1.1.1]",
                    "the IPv4 address literal is not valid"),
            Map.entry("a@[1.2.3]",
                    "the IPv4 address literal is not valid"),
            Map.entry("a".repeat(58) + "a@" + "b".repeat(63) + "." + "b".repeat(63) + "." + "b".repeat(63) + ".com",
                    "the address is 255 characters long (at most 254 allowed)"),
            Map.entry("\u00f6".repeat(30) + "@" + "b".repeat(63) + "." + "b".repeat(63) + "." + "b".repeat(63) + ".com",
                    "the address has 226 characters but is 256 bytes long in UTF-8 (at most 254 bytes allowed;"
                    + " \u00f6 and other characters outside ASCII take two or more)"),
            Map.entry("user@xn--zz.example",
                    "the domain 'xn--zz.example' has the label 'xn--zz', which is not a valid internationalized "
                    + "name (its Punycode does not decode to one)"),
            Map.entry("user@\u0301x.example",
                    "a label of the domain '\u0301x.example' starts with a combining mark"),
            Map.entry("user@\u2603.example",
                    "the domain '☃.example' contains '☃' (U+2603), which internationalized domain names do not "
                    + "allow (only letters, digits, combining marks and hyphens)"),
            Map.entry("u@xn--qgb5cxe4z.example",
                    "a label of the domain 'xn--qgb5cxe4z.example' mixes Arabic-Indic digits (U+0660–0669) with "
                    + "Extended Arabic-Indic digits (U+06F0–06F9), which internationalized names do not allow"),
            Map.entry("u@xn--paella-cla.example",
                    "the domain 'xn--paella-cla.example' has '·' (U+00B7) where internationalized names do not "
                    + "allow it (only between two l's)"),
            Map.entry("u@xn--ab-63b.example",
                    "the domain 'xn--ab-63b.example' has '͵' (U+0375) where internationalized names do not allow "
                    + "it (only before a Greek letter)"),
            Map.entry("u@xn--ab-vod.example",
                    "the domain 'xn--ab-vod.example' has '׳' (U+05F3) where internationalized names do not allow "
                    + "it (only after a Hebrew letter)"),
            Map.entry("u@xn--ab-3n4a.example",
                    "the domain 'xn--ab-3n4a.example' has '・' (U+30FB) where internationalized names do not "
                    + "allow it (only in a label with Hiragana, Katakana or Han characters)"),
            Map.entry("u@xn--ab-m1t.example",
                    "the domain 'xn--ab-m1t.example' has '\u200D' (U+200D) where internationalized names do not "
                    + "allow it (only after a virama)"),
            Map.entry("u@xn--abcd-176a.example",
                    "the domain 'xn--abcd-176a.example' has '\u200C' (U+200C) where internationalized names do "
                    + "not allow it (only after a virama or between joining letters)"),
            Map.entry("u@xn--a-ymcl5hc.example",
                    "the domain 'xn--a-ymcl5hc.example' mixes right-to-left and left-to-right text in a way "
                    + "internationalized names do not allow (the label 'مثالa' breaks the Bidi rule of RFC 5893)"),
            Map.entry("u@3com.xn--mgbh0fb",
                    "the domain '3com.xn--mgbh0fb' mixes right-to-left and left-to-right text in a way "
                    + "internationalized names do not allow (the label '3com' breaks the Bidi rule of RFC 5893)"));

    @Test
    void englishIsWordForWordWhatItWas() {
        List<String> wrong = new ArrayList<>();
        for (Map.Entry<String, String> c : ENGLISH) {
            String said = MailboxSyntax.problemOrLookAlike(c.getKey()).map(LocalText::toString).orElse("<valid>");
            if (!said.equals(c.getValue())) {
                wrong.add(c.getKey() + ": " + said);
            }
            assertEquals(said, MailboxSyntax.problemOrLookAlike(c.getKey()).orElseThrow().in(LocalText.ENGLISH));
        }
        assertEquals(List.of(), wrong);
    }

    @Test
    void theEnglishCasesUseEveryTextOfTheBundle() {
        Set<String> used = new TreeSet<>();
        ENGLISH.forEach(c -> MailboxSyntax.problemOrLookAlike(c.getKey()).ifPresent(t -> collectKeys(t, used)));
        Set<String> all = new TreeSet<>(TextBundles.load("org.mailpath.engine.address.problems", LocalText.ENGLISH)
                .keySet());
        assertEquals(all, used);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "jane doe@example.com | delen före @ innehåller ett mellanslag",
        "a@example.c om       | domänen ”example.c om” innehåller ett mellanslag",
        "a(b)@example.com     | delen före @ innehåller tecknet ”(”",
        "a@localhost          | domänen ”localhost” saknar punkt (ingen fullständig internetdomän)",
        "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa@example.com"
            + " | delen före @ är 66 tecken lång (högst 64 tillåts)",
        "user@☃.example       | domänen ”☃.example” innehåller ”☃” (U+2603), som internationaliserade domännamn"
            + " inte tillåter (bara bokstäver, siffror, kombinerande tecken och bindestreck)",
        "u@xn--paella-cla.example | domänen ”xn--paella-cla.example” har ”·” (U+00B7) där internationaliserade namn"
            + " inte tillåter det (bara mellan två l)",
        "u@xn--a-ymcl5hc.example | domänen ”xn--a-ymcl5hc.example” blandar text som skrivs från höger till vänster"
            + " med text som skrivs från vänster till höger på ett sätt som internationaliserade namn inte"
            + " tillåter (etiketten ”مثالa” bryter mot Bidi-regeln i RFC 5893)",
        "a@[1.2.3             | IP-adressen inom hakparenteser efter @ avslutas inte med ]",
    })
    void swedishIsOneSentenceInSwedish(String address, String swedish) {
        assertEquals(swedish, MailboxSyntax.problem(address).orElseThrow().in(SWEDISH));
    }

    @Test
    void swedishLengthsAndInvisibleCharacters() {
        String label = "b".repeat(63);
        String address = "a".repeat(59) + "@" + label + "." + label + "." + label + ".com";
        assertEquals("adressen är 255 tecken lång (högst 254 tillåts)",
                MailboxSyntax.problem(address).orElseThrow().in(SWEDISH));
        assertEquals("delen före @ har 40 tecken men är 80 byte lång i UTF-8 (högst 64 byte tillåts; ö och andra"
                + " tecken utanför ASCII tar två byte eller fler)",
                MailboxSyntax.problem("ö".repeat(40) + "@example.com").orElseThrow().in(SWEDISH));
        assertEquals("adressen har 226 tecken men är 256 byte lång i UTF-8 (högst 254 byte tillåts; ö och andra"
                + " tecken utanför ASCII tar två byte eller fler)",
                MailboxSyntax.problem("ö".repeat(30) + "@" + label + "." + label + "." + label + ".com")
                        .orElseThrow().in(SWEDISH));
        assertEquals("domänen innehåller ett osynligt tecken (U+200B), som IDNA2008 inte tillåter; adressen ser bara"
                + " ut som en adress på bank.example",
                MailboxSyntax.problem("a@b\u200Bank.example").orElseThrow().in(SWEDISH));
    }

    private static void collectKeys(LocalText text, Set<String> keys) {
        keys.add(text.key());
        text.args().forEach(a -> {
            if (a instanceof LocalText t) {
                collectKeys(t, keys);
            }
        });
    }
}
