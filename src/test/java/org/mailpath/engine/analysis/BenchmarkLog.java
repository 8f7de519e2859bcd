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

/**
 * A realistic generated Email Log (about 2.4 rows per message, the columns and replies of real logs) for the
 * benchmarks: {@link LogAnalysisBenchmark} and the report's memory benchmark.
 */
public final class BenchmarkLog {

    private static final String[] DOMAINS = {"contoso.example", "fabrikam.example", "gmail.com", "outlook.com",
        "yahoo.com", "northwind.example", "adatum.example", "tailspin.example", "woodgrove.example", "litware.example"};
    private static final String[] NAMES = {"alice", "bob", "carol", "dave", "erin", "frank", "grace", "heidi",
        "ivan", "judy", "mallory", "niaj", "olivia", "peggy", "rupert", "sybil", "trent", "victor", "walter"};

    private BenchmarkLog() {
    }

    /** Writes a log of {@code rows} rows unless a file with that many rows is already there. */
    public static long generate(Path file, int rows) throws IOException {
        if (Files.exists(file) && Files.size(file) > (long) rows * 200) {
            return rows;
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
            while (written < rows) {
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
