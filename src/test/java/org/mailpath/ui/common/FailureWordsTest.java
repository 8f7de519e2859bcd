package org.mailpath.ui.common;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.UnknownHostException;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.mailpath.engine.dns.UnknownResolverHostException;

class FailureWordsTest {

    private static final UnknownResolverHostException UNKNOWN = new UnknownResolverHostException(
            "nonexistent.invalid", new UnknownHostException("nonexistent.invalid"));

    /**
     * The review: "Kontrollerna kunde inte köras: unknown resolver host: nonexistent.invalid", the engine's English
     * shown as is. The app's own words, in its language, say which resolver, where it is set, and what to do.
     */
    @Test
    void anUnknownResolverHostIsWordedInTheAppsLanguageWithWhatToDo() {
        assertEquals("the resolver nonexistent.invalid in the resolver settings is a host name this computer cannot"
                + " look up. Correct it in the resolver settings, or leave them empty to use this computer’s"
                + " resolvers.", FailureWords.reason(UNKNOWN, Messages.forLocale(Locale.ENGLISH)));
        assertEquals("resolvern nonexistent.invalid i resolverinställningarna är ett värdnamn som den här datorn inte"
                + " kan slå upp. Rätta den i resolverinställningarna, eller lämna dem tomma för att använda datorns"
                + " egna resolvrar.", FailureWords.reason(new IllegalStateException(UNKNOWN),
                        Messages.forLocale(Locale.forLanguageTag("sv"))), "found as the cause too");
    }
}
