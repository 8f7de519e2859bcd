package org.mailpath.engine.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.mailpath.engine.finding.FindingTexts;
import org.mailpath.engine.finding.LocalText;

class DnsTextTest {

    @Test
    void shortTextStaysWholeAndLongTextSaysHowMuchIsLeftOut() {
        assertEquals("v=spf1 -all", DnsText.clip("v=spf1 -all", 20));
        assertEquals("v=spf… (6 more characters)", DnsText.clip("v=spf1 -all", 5));
    }

    @Test
    void aCutNeverSplitsASurrogatePair() {
        String text = "abcd\uD83D\uDE00efgh"; // an emoji at index 4-5
        assertEquals("abcd… (6 more characters)", DnsText.clip(text, 5));
        assertEquals("abcd\uD83D\uDE00… (4 more characters)", DnsText.clip(text, 6));
    }

    @Test
    void listsShowTheirFirstTenItemsThenHowManyMore() {
        List<String> items = java.util.stream.IntStream.rangeClosed(1, 12).mapToObj(i -> "ns" + i).toList();
        assertEquals("ns1, ns2, ns3, ns4, ns5, ns6, ns7, ns8, ns9, ns10, and 2 more",
                DnsText.joinText(items, ", ").toString());
    }

    @Test
    void ourWordsInAListAreShownInTheReadersLanguageAndClippedThere() {
        FindingTexts texts = FindingTexts.of(DnsText.class);
        String data = "x".repeat(DnsText.QUOTE_LIMIT + 10);
        // English and Swedish of different lengths, each clipped on its own
        List<LocalText> words = List.of(texts.text("phrase.unprintableByte", "195", 8),
                texts.text("phrase.clipped", data, 3));
        List<String> english = words.stream().map(LocalText::toString).toList();
        assertEquals(DnsText.joinText(english, "; ").toString(), DnsText.joinText(words, "; ").toString());
        assertEquals("byten \\195 på position 8; " + "x".repeat(DnsText.QUOTE_LIMIT) + "… (27 tecken till)",
                DnsText.joinText(words, "; ").in(Locale.of("sv")));
        assertEquals("the byte \\195 at position 8; " + "x".repeat(DnsText.QUOTE_LIMIT) + "… (31 more characters)",
                DnsText.joinText(words, "; ").toString());
    }
}
