package org.mailpath.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LauncherTest {

    private static final Map<String, String> DISPLAY = Map.of("DISPLAY", ":0");

    @TempDir
    Path dir;

    @Test
    void theSystemsProxySettingsAreUsedUnlessTheUserSaidOtherwise() {
        java.util.Properties unset = new java.util.Properties();
        Launcher.useSystemProxiesUnlessSet(unset);
        assertEquals("true", unset.getProperty("java.net.useSystemProxies"));
        java.util.Properties set = new java.util.Properties();
        set.setProperty("java.net.useSystemProxies", "false");
        Launcher.useSystemProxiesUnlessSet(set);
        assertEquals("false", set.getProperty("java.net.useSystemProxies"));
    }

    @Test
    void commandsAndOptionsRunTheCommandLine() {
        assertTrue(Launcher.isCommandLine(new String[] {"check", "example.com"}));
        assertTrue(Launcher.isCommandLine(new String[] {"--version"}));
        assertFalse(Launcher.isCommandLine(new String[] {}));
        assertFalse(Launcher.isCommandLine(new String[] {"log.csv"}));
    }

    @Test
    void aMistypedCommandIsSaidInOneLineInsteadOfOpeningTheWindow() {
        assertEquals(Optional.of("mailpath: 'chek' is not a command or a file. Commands: analyze, check, probe; see"
                + " mailpath --help."), Launcher.refusal(new String[] {"chek", "example.com"}, DISPLAY));
        assertTrue(Launcher.refusal(new String[] {"CHECK", "example.com"}, DISPLAY).orElseThrow()
                .contains("(did you mean 'check'?)"));
        assertTrue(Launcher.refusal(new String[] {"\u001b[2Jx"}, DISPLAY).orElseThrow()
                .startsWith("mailpath: '[U+001B][2Jx' is not"), "no escape sequence reaches the terminal");
    }

    @Test
    void aFileOrALogNameOpensTheWindowEvenIfMissing() throws Exception {
        Path noExtension = Files.createFile(dir.resolve("emaillog"));
        assertEquals(Optional.empty(), Launcher.refusal(new String[] {noExtension.toString()}, DISPLAY));
        assertEquals(Optional.empty(), Launcher.refusal(new String[] {"missing.csv"}, DISPLAY),
                "the app says the file is missing");
        assertEquals(Optional.empty(), Launcher.refusal(new String[] {}, DISPLAY));
    }

    @Test
    void withoutADisplayTheWindowIsNotTried() {
        if (System.getProperty("os.name").startsWith("Linux")) {
            assertTrue(Launcher.refusal(new String[] {}, Map.of()).orElseThrow()
                    .startsWith("mailpath: the window needs a graphical display"));
            assertEquals(Optional.empty(), Launcher.refusal(new String[] {}, Map.of("WAYLAND_DISPLAY", "wayland-0")));
        }
    }
}
