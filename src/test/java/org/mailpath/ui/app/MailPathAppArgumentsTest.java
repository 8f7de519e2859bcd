package org.mailpath.ui.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The app's own arguments: every path given ("Open with" on several files, a drag onto the icon) is read. */
class MailPathAppArgumentsTest {

    @Test
    void everyArgumentThatIsNoOptionIsALogToRead() {
        assertEquals(List.of(Path.of("week1.csv"), Path.of("/tmp/week 2.csv")),
                MailPathApp.fileArguments(List.of("--verbose", "week1.csv", " ", "/tmp/week 2.csv")));
        assertEquals(List.of(), MailPathApp.fileArguments(List.of()));
    }
}
