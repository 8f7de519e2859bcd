package org.mailpath.engine.analysis;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Generates a realistic 1,000,000-row Email Log (about 2.4 rows per message) in target/ and compares a bare
 * Commons CSV pass with {@code analyze}, each in a child JVM with -Xms256m -Xmx256m (the java of this JVM; the
 * same fixed heap for both, so neither run is timed while G1 is still sizing it), in rounds of one child of each
 * ({@code -Dmailpath.benchmark.rounds}, 3). Prints rows/s, wall time, peak heap, CPU, and the ratio per round; then,
 * after the last round, Commons CSV alone over the two halves on two threads, the reader alone, and the reader with
 * the least any chain storage must do ({@link ChainFloor}), to show where the time goes. Run:
 * {@code mvn -Pbenchmark test -Dtest=LogAnalysisBenchmark}.
 */
@Tag("benchmark")
class LogAnalysisBenchmark {

    static final int ROWS = Integer.getInteger("mailpath.benchmark.rows", 1_000_000);
    /** Runs per child JVM; the best one counts. */
    private static final int RUNS_PER_CHILD = 3;
    /** Rounds of one bare and one analyze child JVM each. */
    static final int ROUNDS = Integer.getInteger("mailpath.benchmark.rounds", 3);
    private static final String[] DOMAINS = {"contoso.example", "fabrikam.example", "gmail.com", "outlook.com",
        "yahoo.com", "northwind.example", "adatum.example", "tailspin.example", "woodgrove.example", "litware.example"};
    private static final String[] NAMES = {"alice", "bob", "carol", "dave", "erin", "frank", "grace", "heidi",
        "ivan", "judy", "mallory", "niaj", "olivia", "peggy", "rupert", "sybil", "trent", "victor", "walter"};

    @Test
    void analyzeVersusBareParse() throws Exception {
        Path file = Path.of(System.getProperty("mailpath.projectDir", ".")).resolve("target/benchmark/email-log-"
                + ROWS + ".csv");
        long t0 = System.nanoTime();
        long rows = generate(file);
        System.out.printf("Generated %,d rows, %,d MB in %s (%d ms)%n", rows, Files.size(file) >> 20, file,
                (System.nanoTime() - t0) / 1_000_000);
        // Rounds of a bare child then an analyze child, side by side: this machine's speed drifts by a third between
        // minutes, so a ratio is only fair between runs made close together.
        List<String> bare = new ArrayList<>();
        List<String> analyze = new ArrayList<>();
        List<Double> ratios = new ArrayList<>();
        for (int round = 1; round <= ROUNDS; round++) {
            List<String> b = child("bare", file);
            List<String> a = child("analyze", file);
            Assertions.assertFalse(a.isEmpty(), "the analyze run in -Xmx256m produced no result");
            ratios.add((double) best(a) / best(b));
            bare.addAll(b);
            analyze.addAll(a);
        }
        // Where the time goes, next to the last round: the parse alone in two halves (what no analysis in halves can
        // beat), the reader alone (rows interpreted, no chains) and the reader with the least chain storage (what no
        // way of keeping chains can beat on this reader).
        List<String> halves = child("halves", file);
        List<String> read = child("read", file);
        List<String> floor = child("floor", file);
        long lastBareMs = best(bare.subList(bare.size() - RUNS_PER_CHILD, bare.size()));
        long bareMs = best(bare);
        long analyzeMs = best(analyze);
        System.out.println();
        System.out.println("| run | rows | best wall (ms) | rows/s | peak heap (MB) | CPU of that run (ms) |");
        System.out.println("|---|---|---|---|---|---|");
        print("bare Commons CSV pass", bare);
        print("mailpath analyze", analyze);
        print("Commons CSV alone over the two halves, two threads", halves);
        print("the reader alone (two halves, rows interpreted, no chains)", read);
        print("the reader and the least chain storage (ChainFloor: no texts, judging or joining)", floor);
        System.out.printf("after the last round, to its bare pass: Commons CSV in two halves %.2f, the reader alone"
                + " %.2f, the reader and the least chain storage %.2f%n", (double) best(halves) / lastBareMs,
                (double) best(read) / lastBareMs, (double) best(floor) / lastBareMs);
        List<Double> sorted = ratios.stream().sorted().toList();
        System.out.printf("analyze / bare per round (best of %d each): %s; median %.2f (goal <= 1.2)%n", RUNS_PER_CHILD,
                ratios.stream().map(r -> String.format("%.2f", r)).toList(), sorted.get(sorted.size() / 2));
        System.out.printf("analyze / bare = %.2f (best of all rounds each; goal <= 1.2); both with -Xmx256m on %d"
                + " cores%n", (double) analyzeMs / bareMs, Runtime.getRuntime().availableProcessors());
    }

    private static void print(String label, List<String> results) {
        String[] f = bestLine(results).split(" ");
        long rows = Long.parseLong(f[3]);
        long ms = Long.parseLong(f[4]);
        long peak = Long.parseLong(f[5]);
        String cpu = java.util.Arrays.stream(f).filter(x -> x.startsWith("cpuMillis=")).findFirst()
                .map(x -> x.substring("cpuMillis=".length())).orElse("?");
        System.out.printf("| %s | %,d | %,d | %,d | %d | %s |%n", label, rows, ms, rows * 1000 / Math.max(1, ms),
                peak >> 20, cpu);
    }

    private static long best(List<String> results) {
        return Long.parseLong(bestLine(results).split(" ")[4]);
    }

    private static String bestLine(List<String> results) {
        return results.stream().min((a, b) -> Long.compare(Long.parseLong(a.split(" ")[4]),
                Long.parseLong(b.split(" ")[4]))).orElseThrow();
    }

    private static List<String> child(String mode, Path file) throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> cmd = List.of(java, "-Xms256m", "-Xmx256m", "-XX:+UseG1GC", "-cp", System.getProperty("java.class.path"),
                BenchmarkChild.class.getName(), mode, file.toString(), String.valueOf(RUNS_PER_CHILD));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        List<String> results = new ArrayList<>();
        try (var out = p.inputReader()) {
            String line;
            while ((line = out.readLine()) != null) {
                System.out.println("  [" + mode + "] " + line);
                if (line.startsWith("RESULT ")) {
                    results.add(line);
                }
            }
        }
        int exit = p.waitFor();
        Assertions.assertEquals(0, exit, mode + " child JVM failed (out of memory with -Xmx256m?)");
        return results;
    }

    /** Writes the log unless a file with that many rows is already there. */
    static long generate(Path file) throws IOException {
        if (Files.exists(file) && Files.size(file) > (long) ROWS * 200) {
            return ROWS;
        }
        Files.createDirectories(file.getParent());
        Random random = new Random(42);
        LocalDateTime time = LocalDateTime.of(2026, 11, 10, 0, 0);
        long written = 0;
        int message = 0;
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write("\"Date\",\"Internal Message ID\",\"Mail Event\",\"Recipient\",\"Sender\",\"Remote Host\","
                    + "\"Bytes Transferred\",\"User ID\",\"Message ID Header\",\"Retry Count\",\"Seconds in Queue\","
                    + "\"Delivery Stage\",\"Relay Address\",\"Relay Host\",\"Delivery Status\",\"TLS_Cipher\","
                    + "\"TLS_Verified\"\r\n");
            while (written < ROWS) {
                message++;
                if (random.nextInt(4) == 0) {
                    time = time.plusSeconds(1);
                }
                String domain = DOMAINS[random.nextInt(DOMAINS.length)];
                String recipient = NAMES[random.nextInt(NAMES.length)] + "." + message % 9973 + "@" + domain;
                String internal = String.format("16/A4-%05d-%08X", message % 100000, 0x88E21E84L + message);
                String header = (21749386 + message) + "." + (106091224027705044L + message * 7L)
                        + ".JavaMail.sfdc@na" + (message % 40) + "-app" + (message % 8) + "-2-sjl.ops.sfdc.net";
                String sender = message % 3 == 0 ? "support@acme.example" : "user=acme.example__0a1b@x1y2.bnc.salesforce.com";
                String user = "0055g00000" + String.format("%05d", message % 50) + "AAA";
                // Each domain has two MX hosts with fixed addresses, as in real logs.
                int domainIndex = java.util.Arrays.asList(DOMAINS).indexOf(domain);
                int mx = message % 2;
                String relayHost = "mx" + mx + "." + domain;
                String relayIp = "192.0." + (2 + domainIndex) + "." + (10 + mx);
                int kind = random.nextInt(100);
                List<String[]> ev = new ArrayList<>();
                ev.add(new String[] {"R", "0", "", "", ""});
                if (kind < 60) {
                    ev.add(new String[] {"D", "2", "250 2.0.0 OK " + (1763000000L + message) + " d9443c01a7336-"
                            + Integer.toHexString(message * 31) + "si" + message + " - gsmtp", "", "TLSv1.3:TLS_AES_256_GCM_SHA384"});
                } else if (kind < 75) {
                    ev.add(new String[] {"D", "1", "250 2.0.0 Ok: queued internally", "", "None"});
                    ev.add(new String[] {"D", "3", "250 2.6.0 <" + header + "> [InternalId=" + (message * 13L)
                            + "] Queued mail for delivery", "", "TLSv1.2:ECDHE-RSA-AES256-GCM-SHA384"});
                } else if (kind < 85) {
                    ev.add(new String[] {"T", "1", "451 4.7.1 <" + recipient + ">: Recipient address rejected: Greylisted, please try again later", "during RCPT TO", ""});
                    ev.add(new String[] {"D", "300", "250 2.0.0 Ok: queued as " + Integer.toHexString(message), "", "TLSv1.3:TLS_AES_128_GCM_SHA256"});
                } else if (kind < 93) {
                    ev.add(new String[] {"P", "2", "550 5.1.1 <" + recipient + ">: Recipient address rejected: User unknown in virtual mailbox table", "during RCPT TO", ""});
                } else if (kind < 98) {
                    for (int k = 0; k < 3; k++) {
                        ev.add(new String[] {"T", String.valueOf(300 * (1 << k)), "421 4.4.0 [internal] no mail servers for this domain could be reached at this time", "while not connected", ""});
                    }
                    ev.add(new String[] {"P", "86400", "554 5.4.7 [internal] exceeded max time without delivery", "while not connected", ""});
                } else {
                    ev.add(new String[] {"T", "5", "421 4.7.0 [TSS04] Messages from 198.51.100.200 temporarily deferred due to unexpected volume or user complaints - 4.16.55.1; see https://postmaster.yahooinc.com/error-codes", "reading BANNER", ""});
                }
                int retry = 0;
                for (String[] e : ev) {
                    LocalDateTime t = time.plusSeconds(Long.parseLong(e[1]));
                    boolean d = e[0].equals("D");
                    StringBuilder sb = new StringBuilder(400);
                    sb.append('"').append(t.getMonthValue()).append('/').append(t.getDayOfMonth()).append('/')
                            .append(t.getYear()).append(' ').append(t.getHour()).append(':')
                            .append(String.format("%02d:%02d", t.getMinute(), t.getSecond())).append("\",");
                    field(sb, internal).append(',');
                    field(sb, e[0]).append(',');
                    field(sb, recipient).append(',');
                    field(sb, sender).append(',');
                    field(sb, "10.0.0." + (message % 4 + 1)).append(',');
                    field(sb, String.valueOf(8000 + message % 40000)).append(',');
                    field(sb, user).append(',');
                    field(sb, header).append(',');
                    field(sb, String.valueOf(retry)).append(',');
                    field(sb, e[1]).append(',');
                    field(sb, e[3]).append(',');
                    field(sb, e[0].equals("R") ? "" : relayIp).append(',');
                    field(sb, e[0].equals("R") ? "" : relayHost).append(',');
                    field(sb, e[2]).append(',');
                    field(sb, d ? e[4] : "").append(',');
                    field(sb, d && !e[4].equals("None") ? "Verified" : "").append("\r\n");
                    w.write(sb.toString());
                    written++;
                    if (e[0].equals("T")) {
                        retry++;
                    }
                }
            }
        }
        return written;
    }

    private static StringBuilder field(StringBuilder sb, String value) {
        return sb.append('"').append(value.replace("\"", "\"\"")).append('"');
    }
}
