package org.mailpath.engine.log;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * What of a zip is said not to be read ({@link ZipLeftOut#notRead}): every entry not read but a folder that holds
 * others. Found with sets and the sorted order of the names, it says what searching the lists for each name said.
 */
class ZipNotReadTest {

    /** The definition, searched name by name (quadratic: as it was). */
    private static List<String> searched(List<String> entries, List<String> chosen) {
        return entries.stream().filter(n -> !chosen.contains(n))
                .filter(n -> !n.endsWith("/") || entries.stream().noneMatch(o -> !o.equals(n) && o.startsWith(n)))
                .toList();
    }

    @Test
    void foldersThatHoldSomethingAreNotSaidEmptyOnesAre() {
        List<String> entries = List.of("logs/", "logs/a.csv", "logs-old/", "empty/", "logs/b.csv", "notes.txt",
                "logs0/", "logs0/x", "__MACOSX/", "__MACOSX/logs/._a.csv");
        assertEquals(List.of("logs-old/", "empty/", "notes.txt", "logs0/x", "__MACOSX/logs/._a.csv"),
                ZipLeftOut.notRead(entries, List.of("logs/a.csv", "logs/b.csv")));
    }

    @Test
    void saysWhatSearchingEachNameSaid() {
        Random random = new Random(40);
        String[] parts = {"a", "b", "/", "-", "0", ".csv"};
        for (int round = 0; round < 2000; round++) {
            List<String> entries = new ArrayList<>();
            int n = 1 + random.nextInt(12);
            for (int i = 0; i < n; i++) {
                StringBuilder name = new StringBuilder();
                int length = 1 + random.nextInt(4);
                for (int k = 0; k < length; k++) {
                    name.append(parts[random.nextInt(parts.length)]);
                }
                entries.add(name.toString());
            }
            List<String> chosen = entries.stream().filter(e -> random.nextInt(3) == 0).toList();
            assertEquals(searched(entries, chosen), ZipLeftOut.notRead(entries, chosen), entries + " " + chosen);
        }
    }
}
