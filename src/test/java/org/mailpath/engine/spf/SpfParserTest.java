package org.mailpath.engine.spf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SpfParserTest {

    @Test
    void parsesEveryMechanismAndModifier() throws SpfSyntaxException {
        SpfRecord r = SpfParser.parse("v=spf1 +a -mx:mail.example.com/24//64 ~ptr ?exists:%{i}.x.example.com "
                + "ip4:192.0.2.0/24 ip6:2001:db8::/32 include:_spf.example.net redirect=_spf.example.com "
                + "exp=explain.example.com foo=bar  -all");
        assertEquals(11, r.terms().size());
        SpfMechanism mx = r.mechanisms().get(1);
        assertEquals(SpfQualifier.FAIL, mx.qualifier());
        assertEquals("mail.example.com", mx.domainSpec());
        assertEquals(24, mx.cidr4());
        assertEquals(64, mx.cidr6());
        assertEquals(24, r.mechanisms().get(4).cidr4());
        assertEquals(32, r.mechanisms().get(5).cidr6());
        assertEquals("_spf.example.com", r.redirect().orElseThrow().value());
        assertEquals(SpfQualifier.FAIL, r.all().orElseThrow().qualifier());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "v=spf1|''",
        "v=spf1 -all|-ALL /32 //128",
        "V=SPF1 ~all|~ALL /32 //128",
        "v=spf1 a/24 mx//64 a:x.example.com/16//48|+A /24 //128, +MX /32 //64, +A x.example.com /16 //48",
        // §7.1: a domain-spec may hold any visible character but '%'; the cidr suffix is the trailing /digits
        "v=spf1 a:foo:bar/baz.example.com mx:a/b.example.com/24|+A foo:bar/baz.example.com /32 //128, "
                + "+MX a/b.example.com /24 //128",
    })
    void validRecordsParseIntoTheirMechanisms(String text, String mechanisms) throws SpfSyntaxException {
        SpfRecord r = SpfParser.parse(text);
        assertEquals(text, r.text());
        assertEquals(mechanisms, String.join(", ", r.mechanisms().stream().map(m -> m.qualifier().symbol()
                + m.type().name() + (m.domainSpec().isEmpty() ? "" : " " + m.domainSpec()) + " /" + m.cidr4()
                + " //" + m.cidr6()).toList()));
        assertEquals(r.mechanisms(), r.terms(), "no modifiers");
    }

    @Test
    void anIpv4MappedIp6NetworkStaysIpv6() throws SpfSyntaxException {
        // "::FFFF:1.2.3.4" is valid ip6-network syntax (§5.6); Java reads it as IPv4, but it must not match IPv4
        SpfMechanism ip6 = SpfParser.parse("v=spf1 ip6:::FFFF:1.2.3.4/120 -all").mechanisms().getFirst();
        assertEquals(SpfMechanism.Type.IP6, ip6.type());
        assertEquals(16, ip6.network().orElseThrow().getAddress().length);
        assertEquals(120, ip6.cidr6());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "v=spf1 include -all|include",
        "v=spf1 include:example -all|include:example",
        "v=spf1 ip4:192.0.2.300 -all|ip4:192.0.2.300",
        "v=spf1 ip4:192.0.2.0/33 -all|ip4:192.0.2.0/33",
        "v=spf1 ip6:192.0.2.1 -all|ip6:192.0.2.1",
        "v=spf1 ip4:2001:db8::1 -all|ip4:2001:db8::1",
        "v=spf1 a/33 -all|a/33",
        "v=spf1 mx//129 -all|mx//129",
        "v=spf1 a/24/64 -all|a/24/64",
        "v=spf1 a:foo.example.com/ -all|a:foo.example.com/",
        "v=spf1 all:x -all|all:x",
        "v=spf1 foo:bar.example.com -all|foo:bar.example.com",
        "v=spf1 redirect=a.example.com redirect=b.example.com|redirect=b.example.com",
        "v=spf1 exists:%{q}.example.com -all|exists:%{q}.example.com",
        "v=spf1 include:%{c}.example.com -all|include:%{c}.example.com",
        "v=spf1 1bad=x|1bad=x",
        "v=spf1 -all.|-all.",
        "v=spf1 include:a..example.com -all|include:a..example.com",
        "v=spf1 -all foo=%{z}|foo=%{z}",
        "v=spf1 foo=bar% -all|foo=bar%",
        "v=spf1 exp=%{z}.example.com -all|exp=%{z}.example.com",
    })
    void syntaxErrorsNameTheTerm(String text, String term) {
        SpfSyntaxException e = assertThrows(SpfSyntaxException.class, () -> SpfParser.parse(text));
        assertEquals(term, e.term());
    }

    @Test
    void recordSelectionNeedsExactVersion() {
        assertTrue(SpfParser.isSpfRecord("v=spf1 -all"));
        assertTrue(SpfParser.isSpfRecord("v=spf1"));
        assertFalse(SpfParser.isSpfRecord("v=spf10 -all"));
        assertFalse(SpfParser.isSpfRecord(" v=spf1 -all"));
        assertFalse(SpfParser.isSpfRecord("spf2.0/pra -all"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "' v=spf1 -all'|it begins with white space, and \"v=spf1\" must be its very first characters",
        "'\"v=spf1 -all\"'|it begins with a quotation mark that is part of the text",
        "'v=spf1\t-all'|\"v=spf1\" is followed by a TAB, but only a space may end the version",
        "v=spf1-all|there is no space between \"v=spf1\" and \"-all\"",
        "V=SPF1~all mx|there is no space between \"v=spf1\" and \"~all\"",
        "v=spf10 -all|its version is \"v=spf10\", not \"v=spf1\"",
        "v=spf1.0 -all|its version is \"v=spf1.0\", not \"v=spf1\"",
    })
    void lookAlikesSayWhyTheyAreNoRecord(String text, String why) {
        assertTrue(SpfParser.whyNotSpfText(text).orElseThrow().toString().startsWith(why),
                SpfParser.whyNotSpfText(text).toString());
    }

    @Test
    void aClippedQuoteSaysHowMuchIsLeftInTheReadersLanguage() {
        String word = "x".repeat(200);
        var why = SpfParser.whyNotSpfText("v=spf1" + word + " -all").orElseThrow();
        assertTrue(why.in(java.util.Locale.ENGLISH).contains("more characters)"), why.in(java.util.Locale.ENGLISH));
        String swedish = why.in(java.util.Locale.forLanguageTag("sv"));
        assertTrue(swedish.contains("tecken till)") && !swedish.contains("more characters"), swedish);
    }

    @ParameterizedTest
    @ValueSource(strings = {"v=spf1 -all", "v=spf1", "V=SPF1 mx", "google-site-verification=abc",
        "spf2.0/pra -all", "v=DMARC1; p=none", "x v=spf1 -all"})
    void recordsAndUnrelatedTextAreNoLookAlikes(String text) {
        assertTrue(SpfParser.whyNotSpfText(text).isEmpty(), text);
    }

    @Test
    void aTermWithoutAQualifierSymbolHasNoneAndPasses() throws SpfSyntaxException {
        assertEquals(Optional.of(SpfQualifier.SOFTFAIL), SpfQualifier.of('~'));
        assertEquals(Optional.empty(), SpfQualifier.of('m'));
        assertEquals(SpfQualifier.PASS, SpfParser.parse("v=spf1 mx -all").mechanisms().getFirst().qualifier());
    }
}
