package org.mailpath.engine.log;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mailpath.engine.log.LogFixtures.q;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.mailpath.testing.SourcedEntries;

/**
 * Column names and values of real Salesforce Email Logs as public pages show them ({@code real-email-log-lines.txt}),
 * read the way a user's file is read: a small CSV built from the recorded names and values goes through
 * {@link EmailLogReader}. No public page holds a whole file, so each CSV is put together from the recorded pieces;
 * nothing in it is made up except where a test says so (the reply column's name, which no source gives).
 */
class RealEmailLogLinesTest {

    private static final String DATA = "real-email-log-lines.txt";
    private static final String REFERENCE = "https://help.salesforce.com/s/articleView?id=sales.email_logs_format.htm"
            + "&language=en_US&type=5";
    private static final String TLS_KB = "https://help.salesforce.com/s/articleView?id=000383894&language=de&type=1";
    /** The reader's words when it falls back to the documented column order: never for a header a source shows. */
    private static final String POSITIONAL = "documented order";

    @TempDir
    Path dir;

    enum Kind { LABEL, VALUE, REPLY }

    /** One entry of the data file; {@code column} is empty for a reply whose column the source does not name. */
    record Entry(Kind kind, Optional<LogColumn> column, String text, String source, int line) {
    }

    static List<Entry> entries() throws IOException {
        return SourcedEntries.read(RealEmailLogLinesTest.class, DATA, "KIND | COLUMN | text").stream()
                .map(e -> new Entry(Kind.valueOf(e.first()), e.second().equals("-") ? Optional.empty()
                        : Optional.of(LogColumn.valueOf(e.second())), e.text(), e.source(), e.line()))
                .toList();
    }

    /** The first text one source gives for each column, among its entries of {@code kind}. */
    private static Map<LogColumn, String> byColumn(Kind kind, String source) throws IOException {
        Map<LogColumn, String> texts = new EnumMap<>(LogColumn.class);
        entries().stream().filter(e -> e.kind() == kind && e.source().equals(source))
                .forEach(e -> texts.putIfAbsent(e.column().orElseThrow(), e.text()));
        return texts;
    }

    /** The names one source gives, by column (its first name for a column). */
    private static Map<LogColumn, String> labels(String source) throws IOException {
        return byColumn(Kind.LABEL, source);
    }

    /** The Email Log Reference's example value of each column A–L (its first one). */
    private static Map<LogColumn, String> referenceExample() throws IOException {
        return byColumn(Kind.VALUE, REFERENCE);
    }

    /** One row of the Reference's example values for each of {@code values}, written in {@code column}. */
    private static List<Map<LogColumn, String>> referenceExampleWith(LogColumn column, List<String> values)
            throws IOException {
        List<Map<LogColumn, String>> rows = new ArrayList<>();
        for (String value : values) {
            Map<LogColumn, String> row = referenceExample();
            row.put(column, value);
            rows.add(row);
        }
        return rows;
    }

    /** A CSV file: a header of the given names, then one row per value map, cells in the header's order. */
    private Path csv(String name, Map<LogColumn, String> header, List<Map<LogColumn, String>> rows) {
        StringBuilder sb = new StringBuilder(header.values().stream().map(LogFixtures::q)
                .collect(Collectors.joining(","))).append("\r\n");
        for (Map<LogColumn, String> row : rows) {
            sb.append(header.keySet().stream().map(c -> q(row.getOrDefault(c, ""))).collect(Collectors.joining(",")))
                    .append("\r\n");
        }
        return LogFixtures.write(dir, name, sb.toString());
    }

    private static void assertReadByName(LogFixtures.Result r) {
        assertFalse(r.summary().mapping().positional(), r.summary().mapping().toString());
        assertFalse(r.hasProblem(POSITIONAL), r.summary().problems().toString());
        assertEquals(0, r.summary().rejectedRows(), r.summary().problems().toString());
    }

    @Test
    void everyEntryHasItsSourceAndIsThereOnce() throws IOException {
        List<Entry> entries = entries();
        assertTrue(entries.size() >= 50, "only " + entries.size() + " entries");
        Set<String> seen = new HashSet<>();
        for (Entry e : entries) {
            assertTrue(e.source().startsWith("https://"), "line " + e.line() + " has no source page");
            assertTrue(seen.add(e.source() + " " + e.kind() + " " + e.column() + " " + e.text()),
                    "line " + e.line() + " repeats an entry of its source");
            assertEquals(e.kind() == Kind.REPLY, e.column().isEmpty(), "line " + e.line());
        }
    }

    static Stream<Arguments> realColumnNames() throws IOException {
        return entries().stream().filter(e -> e.kind() == Kind.LABEL)
                .map(e -> Arguments.of(e.line(), e.text(), e.column().orElseThrow()));
    }

    @ParameterizedTest(name = "line {0}: {1}")
    @MethodSource("realColumnNames")
    void eachRealColumnNameIsKnownByItself(int line, String name, LogColumn column) {
        assertEquals(0, ColumnMapping.fromHeader(new String[] {name}).indexOf(column), name);
    }

    static Stream<Arguments> dateColumnNames() throws IOException {
        return entries().stream().filter(e -> e.kind() == Kind.LABEL && e.column().orElseThrow() == LogColumn.DATE)
                .map(e -> Arguments.of(e.text()));
    }

    /**
     * The Email Log Reference's columns A–L under their documented names (column A under each name a source gives
     * it), one row of its example values for each Mail Event letter it lists.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("dateColumnNames")
    void theReferenceExampleIsReadByNameWithEveryEventLetter(String dateName) throws Exception {
        Map<LogColumn, String> header = new LinkedHashMap<>(labels(REFERENCE));
        header.put(LogColumn.DATE, dateName);
        List<String> letters = entries().stream()
                .filter(e -> e.kind() == Kind.VALUE && e.column().orElseThrow() == LogColumn.MAIL_EVENT)
                .map(Entry::text).distinct().toList();
        assertEquals(List.of("T", "R", "D", "P"), letters);
        LogFixtures.Result r = LogFixtures.read(csv("reference.csv", header,
                referenceExampleWith(LogColumn.MAIL_EVENT, letters)));
        assertReadByName(r);
        assertEquals(letters.stream().map(MailEvent::ofLetter).map(Optional::orElseThrow).toList(),
                r.rows().stream().map(LogRow::event).toList());
        LogRow row = r.rows().get(0);
        // "3/06/2009 13:37", GMT: month first, as in the rest of the Reference's examples
        assertEquals(Instant.parse("2009-03-06T13:37:00Z"), row.time());
        assertEquals("16/A4-20983-88E21E84", row.internalMessageId());
        assertEquals("admin@acme.com", row.recipient());
        assertEquals("user@acme.com", row.sender());
        assertEquals("10.0.0.1", row.remoteHost());
        assertEquals(11856, row.bytes());
        assertEquals("00540000000rSXT", row.userId());
        assertEquals("21749386.106091224027705044.JavaMail.sfdc@na2-app4-2-sjl.ops.sfdc.net", row.messageIdHeader());
        assertEquals(11, row.retryCount());
        assertEquals(300, row.secondsInQueue());
        assertEquals("during RCPT TO", row.deliveryStage());
    }

    static Stream<Arguments> japaneseDateNames() throws IOException {
        return dateColumnNames().filter(a -> ((String) a.get()[0]).chars().anyMatch(c -> c > 0x3000));
    }

    /**
     * A header of the Japanese names the two Japanese sources give (Internal Message ID among them, the only message
     * ID they name), in the documented order, with the Reference's example values: every row must be read by name.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("japaneseDateNames")
    void theJapaneseColumnNamesAreReadByName(String dateName) throws Exception {
        Map<LogColumn, String> japanese = new EnumMap<>(LogColumn.class);
        entries().stream().filter(e -> e.kind() == Kind.LABEL && e.text().chars().anyMatch(c -> c > 0x3000))
                .forEach(e -> japanese.putIfAbsent(e.column().orElseThrow(), e.text()));
        japanese.put(LogColumn.DATE, dateName);
        assertEquals(Set.of(LogColumn.DATE, LogColumn.INTERNAL_MESSAGE_ID, LogColumn.MAIL_EVENT, LogColumn.RECIPIENT,
                LogColumn.SENDER, LogColumn.USER_ID), japanese.keySet());
        LogFixtures.Result r = LogFixtures.read(csv("japanese.csv", new LinkedHashMap<>(japanese),
                List.of(referenceExample())));
        assertReadByName(r);
        assertEquals(1, r.rows().size(), r.summary().problems().toString());
        LogRow row = r.rows().get(0);
        assertEquals(Instant.parse("2009-03-06T13:37:00Z"), row.time());
        assertEquals(MailEvent.TRANSIENT_FAILURE, row.event());
        assertEquals("16/A4-20983-88E21E84", row.internalMessageId());
        assertEquals("admin@acme.com", row.recipient());
        assertEquals("user@acme.com", row.sender());
        assertEquals("00540000000rSXT", row.userId());
    }

    /**
     * The TLS columns at the end of the line, under the names KB 000383894 gives, with each value it shows: read as
     * written (":" is TLS-less delivery, "None" an internal hand-off; neither may be lost or cleaned up).
     */
    @Test
    void theTlsColumnsKeepEveryValueTheKnowledgeArticleShows() throws Exception {
        Map<LogColumn, String> header = new LinkedHashMap<>(labels(REFERENCE));
        header.putAll(labels(TLS_KB));
        List<String> ciphers = values(LogColumn.TLS_CIPHER);
        List<String> verified = values(LogColumn.TLS_VERIFIED);
        assertEquals(List.of("TLSv1.2:AES256-GCM-SHA384", ":", "None"), ciphers);
        List<Map<LogColumn, String>> rows = new ArrayList<>();
        for (String cipher : ciphers) {
            for (String v : verified) {
                Map<LogColumn, String> row = referenceExample();
                row.put(LogColumn.MAIL_EVENT, "D");
                row.put(LogColumn.TLS_CIPHER, cipher);
                row.put(LogColumn.TLS_VERIFIED, v);
                rows.add(row);
            }
        }
        LogFixtures.Result r = LogFixtures.read(csv("tls.csv", header, rows));
        assertReadByName(r);
        assertFalse(r.hasProblem("no TLS_Cipher column"), r.summary().problems().toString());
        assertEquals(rows.stream().map(m -> m.get(LogColumn.TLS_CIPHER) + "|" + m.get(LogColumn.TLS_VERIFIED)).toList(),
                r.rows().stream().map(x -> x.tlsCipher() + "|" + x.tlsVerified()).toList());
    }

    private static List<String> values(LogColumn column) throws IOException {
        return entries().stream().filter(e -> e.kind() == Kind.VALUE && e.column().orElseThrow() == column)
                .map(Entry::text).toList();
    }

    /**
     * The replies Salesforce articles say the email log shows, in the column MailPath reads them from. No source
     * names that column: "Delivery Status" here is MailPath's name for column O, not a recorded one.
     */
    @Test
    void theRepliesSalesforceSaysTheLogShowsAreReadWhole() throws Exception {
        Map<LogColumn, String> header = new LinkedHashMap<>(labels(REFERENCE));
        header.put(LogColumn.DELIVERY_STATUS, LogColumn.DELIVERY_STATUS.label());
        List<String> replies = entries().stream().filter(e -> e.kind() == Kind.REPLY).map(Entry::text).toList();
        assertEquals(4, replies.size());
        LogFixtures.Result r = LogFixtures.read(csv("replies.csv", header,
                referenceExampleWith(LogColumn.DELIVERY_STATUS, replies)));
        assertReadByName(r);
        assertEquals(replies, r.rows().stream().map(LogRow::deliveryStatus).toList());
    }
}
