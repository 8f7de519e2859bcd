package org.mailpath.engine.spf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.common.net.InetAddresses;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** The examples of RFC 7208 §7.4. */
class SpfMacrosTest {

    private static final SpfMacroContext V4 = new SpfMacroContext("strong-bad@email.example.com",
            Optional.of(InetAddresses.forString("192.0.2.3")), "mx.example.org");
    private static final SpfMacroContext V6 = new SpfMacroContext("strong-bad@email.example.com",
            Optional.of(InetAddresses.forString("2001:db8::cb01")), "mx.example.org");

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "%{s}|strong-bad@email.example.com",
        "%{o}|email.example.com",
        "%{d}|email.example.com",
        "%{d4}|email.example.com",
        "%{d3}|email.example.com",
        "%{d2}|example.com",
        "%{d1}|com",
        "%{dr}|com.example.email",
        "%{d2r}|example.email",
        "%{l}|strong-bad",
        "%{l-}|strong.bad",
        "%{lr}|strong-bad",
        "%{lr-}|bad.strong",
        "%{l1r-}|strong",
        "%{ir}.%{v}._spf.%{d2}|3.2.0.192.in-addr._spf.example.com",
        "%{lr-}.lp._spf.%{d2}|bad.strong.lp._spf.example.com",
        "%{lr-}.lp.%{ir}.%{v}._spf.%{d2}|bad.strong.lp.3.2.0.192.in-addr._spf.example.com",
        "%{ir}.%{v}.%{l1r-}.lp._spf.%{d2}|3.2.0.192.in-addr.strong.lp._spf.example.com",
        "%{d2}.trusted-domains.example.net|example.com.trusted-domains.example.net",
        "%{h}|mx.example.org",
        "%{S}|strong-bad%40email.example.com",
        "a%%b%_c%-d|a%b c%20d",
    })
    void rfcExamplesIpv4(String macro, String expected) throws SpfSyntaxException {
        assertEquals(expected, SpfMacros.expand(macro, "email.example.com", V4, false).orElseThrow());
    }

    @Test
    void pIsTheValidatedNameTheEvaluatorGivesElseUnknown() throws SpfSyntaxException {
        assertEquals("unknown.x", SpfMacros.expand("%{p}.x", "email.example.com", V4, false).orElseThrow());
        SpfMacroContext named = V4.withValidatedName(Optional.of("mx.example.org"));
        assertEquals("org.example.mx", SpfMacros.expand("%{pr}", "email.example.com", named, false).orElseThrow());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "%{p}.example.com|true",
        "%{P2r}|true",
        "x.%{d}.%{p1}|true",
        "%%{p}|false",
        "%{d}.example.com|false",
        "p.example.com|false",
    })
    void onlyAPMacroNeedsTheValidatedName(String spec, boolean uses) {
        assertEquals(uses, SpfMacros.usesValidatedName(spec));
    }

    @Test
    void rfcExampleIpv6() throws SpfSyntaxException {
        assertEquals("1.0.b.c.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.8.b.d.0.1.0.0.2.ip6._spf.example.com",
                SpfMacros.expand("%{ir}.%{v}._spf.%{d2}", "email.example.com", V6, false).orElseThrow());
    }

    @Test
    void macrosNeedingTheIpAreNotExpandedWithoutOne() throws SpfSyntaxException {
        var noIp = new SpfMacroContext("a@example.com", Optional.empty(), "example.com");
        assertTrue(SpfMacros.expand("%{i}._spf.example.com", "example.com", noIp, false).isEmpty());
        assertEquals("example.com._spf.example.com",
                SpfMacros.expand("%{d}._spf.example.com", "example.com", noIp, false).orElseThrow());
    }

    @Test
    void longExpansionsAreShortenedFromTheLeft() throws SpfSyntaxException {
        String local = "a".repeat(60) + "." + "b".repeat(60) + "." + "c".repeat(60) + "." + "d".repeat(60);
        var ctx = new SpfMacroContext(local + "@example.com", Optional.empty(), "example.com");
        String out = SpfMacros.expandDomain("%{l}.%{d}", "example.com", ctx).orElseThrow();
        assertTrue(out.length() <= 253, out);
        assertTrue(out.endsWith(".example.com"));
        assertTrue(out.startsWith("b"), out);
    }

    @ParameterizedTest
    @CsvSource({"%{x}", "%{d0}", "%{d", "%", "%a", "%{c}", "%{d2r#}"})
    void badMacrosAreSyntaxErrors(String macro) {
        assertThrows(SpfSyntaxException.class, () -> SpfMacros.validate(macro, false));
    }

    @Test
    void explanationOnlyMacrosAreAllowedInExp() throws SpfSyntaxException {
        assertEquals("192.0.2.3 unknown", SpfMacros.expand("%{c} %{r}", "example.com", V4, true).orElseThrow());
    }
}
