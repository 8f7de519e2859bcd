package org.mailpath.ui.dnscheck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.mailpath.ui.common.Messages;

/** The counts of mail server addresses read right with one address, where a plural noun would not. */
class MailServerCountTextsTest {

    private static final Messages EN = Messages.forLocale(Locale.ENGLISH);
    private static final Messages SV = Messages.forLocale(Locale.of("sv"));

    @Test
    void aStoppedRunWithOneAddressSaysItInTheSingular() {
        assertTrue(EN.format("wizard.step.dnscheck.stopped.servers", 9L, 21L, 1L, 1L)
                .contains(" and 1 of the 1 mail server address found tested; "));
        assertTrue(SV.format("wizard.step.dnscheck.failed.servers", 9L, 21L, 0L, 1L)
                .contains(" och 0 av den 1 adress till en e-postserver som hittades testad; "));
        assertTrue(EN.format("wizard.step.dnscheck.stopped.servers", 9L, 21L, 1L, 2L)
                .contains(" and the tests of 1 of the 2 mail server addresses found; "));
    }

    @Test
    void theSwedishProgressAndSummaryNeedNoNumberOnTheNoun() {
        assertEquals("8 av 8 kontroller klara; e-postservrarnas adresser: 1 av 1 testade",
                SV.format("dns.progress.servers", 8L, 8L, 1L, 1L));
        assertTrue(SV.format("dns.summary.servers", 1L, 1L, 0L, 0L)
                .startsWith("E-postservrarnas adresser: 1 av 1 testade, inga fel"));
    }
}
