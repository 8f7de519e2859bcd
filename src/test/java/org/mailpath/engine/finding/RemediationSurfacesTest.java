package org.mailpath.engine.finding;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The same finding texts serve the command line, its JSON and the app: a remediation that names a command-line
 * option either names the app's way too, or has the app's words beside it ({@code KEY.appRemediation}), which the
 * app shows; the command line keeps its own.
 */
class RemediationSurfacesTest {

    private static final Pattern OPTION = Pattern.compile("(?<![\\w-])--[a-z][a-z-]+");
    /**
     * Said only of a --ip that is no address or a special-purpose one: the app asks for no sending IP, so only the
     * command line shows them.
     */
    private static final java.util.Set<String> COMMAND_LINE_ONLY = java.util.Set.of("DNSBL_NOT_CHECKED.remediation",
            "DNSBL_NOT_CHECKED.special.remediation", "PTR_NOT_CHECKED.notIp.remediation",
            "SPF_RESULT.notAnAddress.remediation");
    private static final Path ENGINE = Path.of("src/main/resources/org/mailpath/engine");

    @Test
    void aRemediationNamingAnOptionSaysHowTheAppDoesIt() throws IOException {
        for (Path file : bundles()) {
            Properties p = load(file);
            boolean swedish = file.getFileName().toString().endsWith("_sv.properties");
            for (String key : p.stringPropertyNames()) {
                String text = p.getProperty(key);
                // naming the app's way beside the option ("--resolver on the command line, Resolver settings in the app") is
                // not enough: the app then shows the command line's option to a reader who has none
                if (key.endsWith(".remediation") && !COMMAND_LINE_ONLY.contains(key) && OPTION.matcher(text).find()) {
                    String app = key.replaceFirst("\\.remediation$", ".appRemediation");
                    assertTrue(p.containsKey(app), file + ": " + key + " names an option: " + text);
                }
                // a message is the same on every surface (only a remediation has app words): the advice to give an
                // option belongs in the remediation (SPF_MACRO_NEEDS_IP said "give --ip" in its message, which the
                // app showed as it was)
                if (key.endsWith(".message")) {
                    assertTrue(!OPTION.matcher(text).find(), file + ": " + key + " names an option in a message,"
                            + " which the app shows as it is: " + text);
                }
                if (key.endsWith(".appRemediation") && OPTION.matcher(text).find()) {
                    assertTrue(text.contains(swedish ? "kommandoraden" : "command line"),
                            file + ": " + key + " names an option as if the app had it: " + text);
                }
            }
        }
    }

    @Test
    void theResolverAdviceNamesOnlyTheResolverSettingsInTheApp() {
        String bundle = "org.mailpath.engine.dnsbl.findings";
        Finding cli = new Finding("DNSBL_ZONE_UNUSABLE", Severity.WARNING, "zen.spamhaus.org",
                new LocalText(bundle, "DNSBL_ZONE_UNUSABLE.notListed.message", List.of("zen.spamhaus.org", "NXDOMAIN")),
                List.of(), new LocalText(bundle, "DNSBL_ZONE_UNUSABLE.remediation", List.of("zen.spamhaus.org")),
                Actor.LOCAL_NETWORK);
        assertTrue(cli.remediation().contains("--resolver"), cli.remediation());
        Finding app = cli.forApp();
        assertTrue(app.remediation().contains("(Resolver settings)") && !app.remediation().contains("--"),
                app.remediation());
        assertTrue(app.remediation(Locale.of("sv")).contains("(Resolverinställningar)")
                && !app.remediation(Locale.of("sv")).contains("--"), app.remediation(Locale.of("sv")));
    }

    @Test
    void theAppShowsItsWordsAndTheCommandLineItsOwn() {
        String bundle = "org.mailpath.engine.dkim.findings";
        Finding cli = new Finding("DKIM_NO_SELECTOR", Severity.INFO, "example.com",
                new LocalText(bundle, "DKIM_NO_SELECTOR.message", List.of()), List.of(),
                new LocalText(bundle, "DKIM_NO_SELECTOR.remediation", List.of()), Actor.SENDER_ADMIN);
        assertTrue(cli.remediation().contains("--dkim-selector"), cli.remediation());
        Finding app = cli.forApp();
        assertTrue(app.remediation().contains("DKIM step"), app.remediation());
        assertTrue(app.remediation(Locale.of("sv")).contains("DKIM-steget"), app.remediation(Locale.of("sv")));
        assertEquals(cli.code(), app.code());
        assertEquals(cli.actor(), app.actor());
        // a finding without app words is the same finding
        Finding plain = new Finding("X", Severity.INFO, "s", "m", List.of(), "Do it.", Actor.SENDER_ADMIN);
        assertEquals(plain, plain.forApp());
    }

    private static List<Path> bundles() throws IOException {
        try (Stream<Path> files = Files.walk(ENGINE)) {
            // the DNS checks and the SMTP probe (with MTA-STS), which the app's DNS step runs
            List<Path> found = files.filter(f -> f.getFileName().toString().matches("findings(_sv)?\\.properties"))
                    .toList();
            for (String surface : List.of("smtp", "mtasts", "dnsbl", "dns")) {
                assertTrue(found.stream().anyMatch(f -> f.getParent().getFileName().toString().equals(surface)),
                        surface + "'s texts are looked at");
            }
            return found;
        }
    }

    private static Properties load(Path file) throws IOException {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(r);
        }
        return p;
    }
}
