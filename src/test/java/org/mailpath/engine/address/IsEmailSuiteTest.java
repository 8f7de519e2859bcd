package org.mailpath.engine.address;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.mailpath.engine.common.TabbedResource;

/**
 * Dominic Sayers' is_email test suite (every address of its tests.xml) against {@link MailboxSyntax}: the data file
 * {@code is_email-tests.tsv} says where it comes from, how is_email's categories map to RFC 5321 mailboxes, and
 * why MailPath differs where it does.
 */
class IsEmailSuiteTest {

    private static final String DATA = "/org/mailpath/engine/address/is_email-tests.tsv";
    private static final Set<String> VALID_CATEGORIES = Set.of("ISEMAIL_VALID_CATEGORY", "ISEMAIL_DNSWARN",
            "ISEMAIL_RFC5321");
    private static final Set<String> INVALID_CATEGORIES = Set.of("ISEMAIL_CFWS", "ISEMAIL_DEPREC", "ISEMAIL_RFC5322",
            "ISEMAIL_ERR");
    private static final char SYMBOL_FOR_NULL = '\u2400';
    private static final char SYMBOL_FOR_DELETE = '\u2421';

    /** One test of the suite; {@code address} with its control characters restored. */
    record Case(int id, String category, String diagnosis, boolean rfc5321Valid, boolean mailPathDiffers,
            String address) {

        @Override
        public String toString() {
            return "#" + id + " " + diagnosis;
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void mailboxSyntaxJudgesTheSuitesAddressesAsRfc5321Does(Case c) {
        boolean mailPathValid = MailboxSyntax.problem(c.address()).isEmpty();
        boolean expected = c.mailPathDiffers() != c.rfc5321Valid();
        assertEquals(expected, mailPathValid, () -> c + " <" + c.address() + ">: "
                + MailboxSyntax.problem(c.address()).map(Object::toString).orElse("accepted"));
    }

    @Test
    void theDataFileHoldsTheWholeSuiteMappedByCategory() {
        List<Case> cases = cases();
        assertEquals(164, cases.size());
        assertEquals(164, cases.stream().mapToInt(Case::id).distinct().count());
        for (Case c : cases) {
            assertTrue(VALID_CATEGORIES.contains(c.category()) || INVALID_CATEGORIES.contains(c.category()),
                    c.toString());
            assertEquals(VALID_CATEGORIES.contains(c.category()), c.rfc5321Valid(), c.toString());
        }
        // the only differences are four addresses that RFC 5321's grammar allows and MailPath reports
        assertEquals(Map.of(5, "test@io", 166, "test@org", 23, "test@iana.123", 24, "test@255.255.255.255"),
                cases.stream().filter(Case::mailPathDiffers).collect(
                        Collectors.toMap(Case::id, Case::address)));
        assertEquals("\"\\\u007F\"@iana.org", cases.stream().filter(c -> c.id() == 125).findFirst().orElseThrow()
                .address(), "a raw DEL");
        assertEquals("\r\n test@iana.org", cases.stream().filter(c -> c.id() == 88).findFirst().orElseThrow()
                .address(), "CR LF as tests.xml writes them");
    }

    static List<Case> cases() {
        List<Case> cases = new ArrayList<>();
        for (String[] f : TabbedResource.rows(DATA, 6)) {
            String bracketed = f[5];
            if (!bracketed.startsWith("<") || !bracketed.endsWith(">")) {
                throw new IllegalStateException("bad line in " + DATA + ": " + String.join("\t", f));
            }
            cases.add(new Case(Integer.parseInt(f[0]), f[1], f[2], verdict(f[3], "valid", "invalid"),
                    verdict(f[4], "differs", "agrees"),
                    controlsRestored(bracketed.substring(1, bracketed.length() - 1))));
        }
        return cases;
    }

    private static boolean verdict(String field, String yes, String no) {
        if (!field.equals(yes) && !field.equals(no)) {
            throw new IllegalStateException("expected " + yes + " or " + no + ", not " + field);
        }
        return field.equals(yes);
    }

    /** tests.xml's note 1: U+2400 + n stands for the control character n; U+2421 (␡) for DEL. */
    private static String controlsRestored(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            if (c >= SYMBOL_FOR_NULL && c < SYMBOL_FOR_NULL + 0x20) {
                out.append((char) (c - SYMBOL_FOR_NULL));
            } else if (c == SYMBOL_FOR_DELETE) {
                out.append('\u007F');
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
