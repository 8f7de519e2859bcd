package org.mailpath.engine.address;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class AsciiNamesTest {

    @Test
    void anALabelIsFoundAtTheStartOfAnyLabelOfTheDomainInAnyCase() {
        assertTrue(AsciiNames.hasALabel("xn--bcher-kva.de", 0));
        assertTrue(AsciiNames.hasALabel("mail.XN--bcher-kva.de", 0));
        assertTrue(AsciiNames.hasALabel("user@xn--bcher-kva.de", 5), "the domain starts after the '@'");
        assertFalse(AsciiNames.hasALabel("axn--b.de", 0), "not at a label's start");
        assertFalse(AsciiNames.hasALabel("xn--a@example.com", 6), "in the local part only");
    }

    @Test
    void aDomainHasNoIdnWhenAllIsAsciiAndNoLabelOfItIsAnALabel() {
        assertTrue(AsciiNames.noIdn("user@example.com", 5));
        assertTrue(AsciiNames.noIdn("xn--a@example.com", 6), "an xn-- in the local part only");
        assertFalse(AsciiNames.noIdn("user@XN--bcher-kva.de", 5));
        assertFalse(AsciiNames.noIdn("user@bücher.de", 5));
        assertFalse(AsciiNames.noIdn("üser@example.com", 5), "any non-ASCII character of the text counts");
    }

    @Test
    void onlyLowerCaseAsciiWithoutANameToConvertIsPlain() {
        assertTrue(AsciiNames.plainAscii("example.com"));
        assertTrue(AsciiNames.plainAscii(""));
        assertFalse(AsciiNames.plainAscii("Example.com"));
        assertFalse(AsciiNames.plainAscii("example.com."));
        assertFalse(AsciiNames.plainAscii(" example.com"));
        assertFalse(AsciiNames.plainAscii("xn--bcher-kva.de"));
        assertFalse(AsciiNames.plainAscii("bücher.de"));
        assertTrue(AsciiNames.isAscii("a@b.c"));
        assertFalse(AsciiNames.isAscii("a@bü.c"));
    }
}
