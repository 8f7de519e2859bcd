package org.mailpath.ui.common;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.UnknownHostException;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.mailpath.engine.dns.UnknownResolverHostException;
import org.mailpath.testing.TestLogFile;

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

    /** The log named is the one this process writes, and only when it writes one (a folder may not be writable). */
    @Test
    void aBugNamesTheLogFileThisProcessWritesOrNone() {
        IllegalStateException bug = new IllegalStateException("x");
        Messages en = Messages.forLocale(Locale.ENGLISH);
        Messages sv = Messages.forLocale(Locale.forLanguageTag("sv"));
        try (var log = TestLogFile.on(Path.of("/home/ann/.local/state/mailpath/mailpath0-2.log"))) {
            assertEquals("an error inside MailPath (the details are in MailPath’s log,"
                    + " /home/ann/.local/state/mailpath/mailpath0-2.log).", FailureWords.reason(bug, en));
            assertEquals("ett fel i MailPath (detaljerna finns i MailPaths logg,"
                    + " /home/ann/.local/state/mailpath/mailpath0-2.log).", FailureWords.reason(bug, sv));
        }
        assertEquals("an error inside MailPath.", FailureWords.reason(bug, en));
        assertEquals("ett fel i MailPath.", FailureWords.reason(bug, sv));
    }
}
