package org.mailpath.engine.domain;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every finding code the sender-domain checks emit is documented (fragment or merged docs/findings.md). */
class AuthFindingCodesDocumentedTest {

    private static final Pattern CODE = Pattern.compile("\"((?:SPF|DMARC|DKIM|PTR|DNSBL|DNS)_[A-Z0-9_]+)\"");

    @Test
    void everyCodeIsInTheDocs() throws IOException {
        Set<String> codes = new TreeSet<>();
        codes.add("DNS_TIMEOUT"); // emitted through DnsFindingCodes.DNS_TIMEOUT
        for (String pkg : List.of("spf", "dmarc", "dkim", "ptr", "dnsbl", "domain")) {
            try (Stream<Path> files = Files.walk(Path.of("src/main/java/org/mailpath/engine", pkg))) {
                for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                    Matcher m = CODE.matcher(Files.readString(file));
                    while (m.find()) {
                        codes.add(m.group(1));
                    }
                }
            }
        }
        assertTrue(codes.size() > 40, codes.toString());
        StringBuilder docs = new StringBuilder();
        for (Path doc : List.of(Path.of("docs/findings/auth.md"), Path.of("docs/findings.md"))) {
            if (Files.exists(doc)) {
                docs.append(Files.readString(doc));
            }
        }
        List<String> missing = codes.stream().filter(c -> !docs.toString().contains("`" + c + "`")).toList();
        assertTrue(missing.isEmpty(), "undocumented codes: " + missing);
    }
}
