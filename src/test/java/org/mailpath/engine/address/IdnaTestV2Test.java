package org.mailpath.engine.address;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.mailpath.engine.common.TabbedResource;

/**
 * The lines of Unicode's IdnaTestV2.txt where UTS #46 and IDNA2008 agree, against {@link MailboxSyntax} (so
 * {@link IdnLabel}, {@link IdnContext}, {@link BidiRule} and {@link Punycode}): {@code IdnaTestV2-idna2008.tsv}
 * says which lines and why.
 */
class IdnaTestV2Test {

    private static final String DATA = "/org/mailpath/engine/address/IdnaTestV2-idna2008.tsv";
    private static final Pattern ESCAPE = Pattern.compile("\\\\u([0-9A-Fa-f]{4})|\\\\x\\{([0-9A-Fa-f]+)\\}");

    /** One line: {@code source} with IdnaTestV2's escapes decoded. */
    record Case(int line, boolean valid, boolean mailPathDiffers, String errors, String source) {

        @Override
        public String toString() {
            return "line " + line + " " + (valid ? "valid" : errors);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void mailboxSyntaxJudgesTheDomainAsIdna2008Does(Case c) {
        String address = "u@" + c.source() + ".example";
        boolean mailPathValid = MailboxSyntax.problem(address).isEmpty();
        assertEquals(c.valid() != c.mailPathDiffers(), mailPathValid, () -> c + " <" + address + ">: "
                + MailboxSyntax.problem(address).map(Object::toString).orElse("accepted"));
    }

    @Test
    void theDataFileHoldsTheChosenLines() {
        List<Case> cases = cases();
        assertEquals(2298, cases.size());
        assertEquals(157, cases.stream().filter(Case::valid).count());
        assertEquals("a\u094D\u200Cb", cases.stream().filter(c -> c.line() == 150).findFirst().orElseThrow().source(),
                "ZWNJ after a virama");
        // the only difference: IdnContext's lenient reading of Joining_Type (see the data file)
        assertEquals(List.of(516, 519), cases.stream().filter(Case::mailPathDiffers).map(Case::line).toList());
        assertEquals("a\u00DFb", unescaped("a\\u00DFb"));
        assertEquals("a\uD83D\uDCA9", unescaped("a\\x{1F4A9}"));
    }

    static List<Case> cases() {
        List<Case> cases = new ArrayList<>();
        for (String[] f : TabbedResource.rows(DATA, 5)) {
            if (!(f[1].equals("valid") || f[1].equals("invalid"))
                    || !(f[2].equals("agrees") || f[2].equals("differs"))) {
                throw new IllegalStateException("bad line in " + DATA + ": " + String.join("\t", f));
            }
            cases.add(new Case(Integer.parseInt(f[0]), f[1].equals("valid"), f[2].equals("differs"), f[3],
                    unescaped(f[4])));
        }
        return cases;
    }

    /** IdnaTestV2.txt's escapes: \\uXXXX and \\x{XXXXX}. */
    static String unescaped(String s) {
        Matcher m = ESCAPE.matcher(s);
        StringBuilder out = new StringBuilder(s.length());
        while (m.find()) {
            String hex = m.group(1) != null ? m.group(1) : m.group(2);
            m.appendReplacement(out, Matcher.quoteReplacement(Character.toString(Integer.parseInt(hex, 16))));
        }
        return m.appendTail(out).toString();
    }
}
