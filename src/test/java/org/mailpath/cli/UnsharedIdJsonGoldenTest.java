package org.mailpath.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mailpath.engine.log.LogFixtures.INTERNAL_MESSAGE_ID;
import static org.mailpath.engine.log.LogFixtures.MESSAGE_ID_HEADER;
import static org.mailpath.engine.log.LogFixtures.RELAY_ADDRESS;
import static org.mailpath.engine.log.LogFixtures.RETRY_COUNT;
import static org.mailpath.engine.log.LogFixtures.SENDER;
import static org.mailpath.engine.log.LogFixtures.TLS_CIPHER;
import static org.mailpath.engine.log.LogFixtures.USER_ID;
import static org.mailpath.engine.log.LogFixtures.row;
import static org.mailpath.engine.log.LogFixtures.with;

import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mailpath.engine.analysis.EmailLogAnalyzer;
import org.mailpath.engine.analysis.LogAnalysis;
import org.mailpath.engine.analysis.UnsharedIdGuess;
import org.mailpath.engine.common.Cancellation;
import org.mailpath.engine.common.ProgressListener;
import org.mailpath.engine.log.EmailLogReader;
import org.mailpath.engine.log.LogFixtures;
import org.mailpath.engine.log.LogLimits;
import org.mailpath.engine.status.StatusKnowledgeBase;

/**
 * The whole {@code analyze} JSON of several logs analysed together that share no ID (one without the Message ID Header
 * column, one without the Internal Message ID column, sometimes a third with both) must stay exactly as recorded in
 * src/test/resources/log/unshared-id.golden.txt: one SHA-256 per generated case, file order and reading (whole, or
 * each file in two parts). The cases are made from a fixed seed and hold what the join of such logs has to tell
 * apart: a message's R in one file and its outcome in the other (a guessed join), the R row in both, several messages
 * to one recipient in one minute (left apart: maybe counted twice), received-only chains, messages whose Internal
 * Message ID a file with both columns has, internal hand-offs, deferrals and events days apart. It pins the output of
 * the joins' code as it was when recorded, so a change meant to keep it (less work, same result) can be checked on
 * many more inputs than the hand-written tests. After an intended change, regenerate with {@code mvn test
 * -Dtest=UnsharedIdJsonGoldenTest -Dmailpath.updateGolden=true} and say why in the commit; a failing case's JSON is
 * written to target/unshared-id-json/ to look at.
 */
class UnsharedIdJsonGoldenTest {

    private static final int CASES = 40;
    private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("M/d/yyyy H:mm");
    private static final LocalDateTime START = LocalDateTime.of(2009, 3, 6, 13, 0);

    @TempDir
    Path dir;

    @Test
    void jsonOfLogsSharingNoIdMatchesGolden() throws Exception {
        Path golden = Path.of(System.getProperty("mailpath.projectDir", "."))
                .resolve("src/test/resources/log/unshared-id.golden.txt");
        StringBuilder actual = new StringBuilder();
        Map<UnsharedIdGuess, Integer> guesses = new EnumMap<>(UnsharedIdGuess.class);
        int warned = 0;
        for (int c = 0; c < CASES; c++) {
            Path caseDir = Files.createDirectories(dir.resolve("case" + c));
            List<Path> files = generate(new Random(1000 + c), caseDir);
            for (List<Path> order : orders(files)) {
                for (boolean halves : new boolean[] {false, true}) {
                    LogAnalysis a = analyzer(halves).analyze(order, ProgressListener.NONE, Cancellation.none());
                    String json = json(a);
                    String name = "case" + c + " " + String.join(" ", order.stream()
                            .map(p -> p.getFileName().toString().replace(".csv", "")).toList())
                            + (halves ? " halves" : " whole");
                    actual.append(name).append(' ').append(sha256(json)).append('\n');
                    keepForLooking(name, json);
                    a.chains().forEach(m -> a.unsharedIdGuess(m).ifPresent(g -> guesses.merge(g, 1, Integer::sum)));
                    warned += (int) a.problems().stream().filter(p -> p.messageText()
                            .filter(t -> t.key().startsWith("unsharedIds.")).isPresent()).count();
                }
            }
        }
        // the cases hold what they are made for: guessed joins, messages left apart, and the files' warnings on both
        assertTrue(guesses.getOrDefault(UnsharedIdGuess.JOINED, 0) > 50, "joined: " + guesses);
        assertTrue(guesses.getOrDefault(UnsharedIdGuess.LEFT_APART, 0) > 50, "left apart: " + guesses);
        assertTrue(warned > 50, "warnings: " + warned);
        if (Boolean.getBoolean("mailpath.updateGolden")) {
            Files.writeString(golden, actual, StandardCharsets.UTF_8);
        }
        assertEquals(Files.readString(golden, StandardCharsets.UTF_8), actual.toString(),
                "JSON differs from " + golden + " (the cases' JSON are in target/unshared-id-json/)");
    }

    /** Whole files, or each file read in two parts (however small), as logs too large for one part are. */
    private static EmailLogAnalyzer analyzer(boolean halves) {
        return halves ? new EmailLogAnalyzer(StatusKnowledgeBase.standard(), new EmailLogReader(LogLimits.DEFAULT, 0))
                : new EmailLogAnalyzer();
    }

    /**
     * The logs of one case: "a" without the Message ID Header column, "b" without the Internal Message ID column,
     * and in about a third of the cases "c" with both. Each message is put into them by one of several shapes.
     */
    private static List<Path> generate(Random random, Path caseDir) {
        List<String> a = new ArrayList<>();
        List<String> b = new ArrayList<>();
        List<String> c = new ArrayList<>();
        boolean withC = random.nextInt(3) == 0;
        int recipients = 1 + random.nextInt(4);
        int messages = 6 + random.nextInt(20);
        for (int m = 0; m < messages; m++) {
            String msg = "m" + m;
            String rcpt = "r" + random.nextInt(recipients) + (random.nextInt(6) == 0 ? "@Corp.example" : "@corp.example");
            String sender = random.nextInt(5) == 0 ? "other@acme.example" : "user@acme.example";
            String user = random.nextInt(6) == 0 ? "005000000000002" : "005000000000001";
            int minute = random.nextInt(8);
            int later = minute + random.nextInt(3);
            if (random.nextInt(12) == 0) {
                later += 50 * 60; // past 48 hours: no one message
            }
            Ev r = new Ev(minute, "R", rcpt, msg, sender, user, "");
            Ev outcome = switch (random.nextInt(5)) {
                case 0 -> new Ev(later, "P", rcpt, msg, sender, user, "550 5.1.1 User unknown");
                case 1 -> new Ev(later, "T", rcpt, msg, sender, user, "451 4.7.1 try later");
                default -> new Ev(later, "D", rcpt, msg, sender, user, "250 OK");
            };
            switch (random.nextInt(withC ? 10 : 8)) {
                case 0, 1 -> { // the guess: R without the header, outcome without the Internal Message ID
                    a.add(r.row());
                    b.add(outcome.row());
                }
                case 2 -> { // the other way round
                    b.add(r.row());
                    a.add(outcome.row());
                }
                case 3 -> { // the R row in both, the outcome in either
                    a.add(r.row());
                    b.add(r.row());
                    (random.nextBoolean() ? a : b).add(outcome.row());
                }
                case 4 -> (random.nextBoolean() ? a : b).add(r.row()); // received only
                case 5 -> { // all in one file
                    List<String> f = random.nextBoolean() ? a : b;
                    f.add(r.row());
                    f.add(outcome.row());
                }
                case 6 -> { // deferred, then the outcome, across both; the T a minute after the R
                    a.add(r.row());
                    b.add(new Ev(minute + 1, "T", rcpt, msg, sender, user, "451 4.7.1 try later").row());
                    b.add(with(outcome.row(), RETRY_COUNT, "1"));
                }
                case 7 -> { // an internal hand-off: a D to a private relay, then an R under a new Internal Message ID
                    a.add(r.row());
                    a.add(with(with(new Ev(minute, "D", rcpt, msg, sender, user, "250 OK").row(), TLS_CIPHER, "None"),
                            RELAY_ADDRESS, "10.1.2.3"));
                    String again = with(new Ev(minute + 1, "R", rcpt, msg, sender, user, "").row(),
                            INTERNAL_MESSAGE_ID, "16/A4-" + msg + "b");
                    b.add(again);
                    b.add(with(outcome.row(), INTERNAL_MESSAGE_ID, "16/A4-" + msg + "b"));
                }
                default -> { // its ID is in the file with both: R there, outcome in a or b
                    c.add(r.row());
                    (random.nextBoolean() ? a : b).add(outcome.row());
                    if (random.nextBoolean()) {
                        a.add(r.row());
                    }
                    switch (random.nextInt(3)) {
                        // the ID in two chains with a header there, or in one whose rows differ in Sender: a's
                        // chain of it is not joined by the ID, and never by a guess either
                        case 0 -> c.add(with(outcome.row(), MESSAGE_ID_HEADER, msg + "x@sfdc.example"));
                        case 1 -> c.add(with(new Ev(later, "T", rcpt, msg, "third@acme.example", user,
                                "451 4.7.1 try later").row(), RETRY_COUNT, "1"));
                        default -> {
                        }
                    }
                }
            }
        }
        List<Path> files = new ArrayList<>();
        files.add(LogFixtures.writeWithout(caseDir, "a.csv", List.of(MESSAGE_ID_HEADER), a.toArray(String[]::new)));
        files.add(LogFixtures.writeWithout(caseDir, "b.csv", List.of(INTERNAL_MESSAGE_ID), b.toArray(String[]::new)));
        if (withC) {
            files.add(LogFixtures.writeWithout(caseDir, "c.csv", List.of(), c.toArray(String[]::new)));
        }
        return files;
    }

    /** One row: {@code minute} minutes after the start. */
    private record Ev(int minute, String event, String recipient, String msg, String sender, String user,
                      String status) {

        String row() {
            String line = LogFixtures.row(START.plusMinutes(minute).format(MINUTES), event, recipient, msg, status,
                    event.equals("R") ? "" : LogFixtures.TLS);
            return with(with(line, SENDER, sender), USER_ID, user);
        }
    }

    /** Every order of the files. */
    private static List<List<Path>> orders(List<Path> files) {
        if (files.size() <= 1) {
            return List.of(files);
        }
        List<List<Path>> all = new ArrayList<>();
        for (int i = 0; i < files.size(); i++) {
            List<Path> rest = new ArrayList<>(files);
            Path first = rest.remove(i);
            for (List<Path> o : orders(rest)) {
                List<Path> order = new ArrayList<>(List.of(first));
                order.addAll(o);
                all.add(order);
            }
        }
        return all;
    }

    private static String json(LogAnalysis a) throws Exception {
        StringWriter w = new StringWriter();
        AnalysisJson.write(a, w);
        return w.toString().replace("\r\n", "\n");
    }

    private static String sha256(String s) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
    }

    private static void keepForLooking(String name, String json) throws Exception {
        Path out = Path.of(System.getProperty("mailpath.projectDir", ".")).resolve("target/unshared-id-json");
        Files.createDirectories(out);
        Files.writeString(out.resolve(name.replace(' ', '-') + ".json"), json, StandardCharsets.UTF_8);
    }
}
