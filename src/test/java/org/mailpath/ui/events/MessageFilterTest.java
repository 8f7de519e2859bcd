package org.mailpath.ui.events;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class MessageFilterTest {

    @Test
    void wholeIdsAndAddressesAreToldFromPartsOfThem() {
        assertTrue(MessageFilter.looksWhole("ann@contoso.example"));
        assertTrue(MessageFilter.looksWhole("21749386.1060.javamail.sfdc@synthetic-sample.example"));
        assertFalse(MessageFilter.looksWhole("ann@"));
        assertFalse(MessageFilter.looksWhole("@contoso.example"));
        assertFalse(MessageFilter.looksWhole("ann@contoso"));
        assertFalse(MessageFilter.looksWhole("user unknown"));
        assertFalse(MessageFilter.looksWhole(""));
    }
}
