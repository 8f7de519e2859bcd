package org.mailpath.engine.report;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What was analysed and when: {@code rows} are the data rows of the file (rejected ones included),
 * {@code messagesInFile} all message chains, {@code messagesIncluded} those in this report; {@code scope}
 * describes the filters in words (empty when everything is included). Times are UTC. {@code fileNames} names every
 * log analysed (several analysed together as one), {@code fileName} all of them joined by ", " (the file's name for
 * a single log). {@code joinedByGuess} and {@code maybeCountedTwice} count the report's messages whose rows in logs
 * sharing no ID column were joined by a guess or left apart ({@link MessageEntry#joinedByGuess},
 * {@link MessageEntry#maybeCountedTwice}): as the files' warnings do, for the messages in this report.
 * {@code withoutTlsColumn}: a log without the TLS_Cipher column (an older export) was analysed, whose
 * deliveries are told from Salesforce's internal hand-offs only by a private relay address (not set for one whose D
 * rows were all also in a log with the column, analysed with it). {@code deliveriesMaybeHandoffs}: of the report's
 * delivered messages, those such a log cannot tell from a hand-off (0 for a log with the column), as the conclusion
 * hedges them: the report's caveat where it describes its log is said for these only, and not at all without them.
 * {@code copiesOfOneMessage}: the report's messages, more than one, all have one Message ID Header, so they are
 * counted as the copies of one message to several recipients (the conclusion and the messages' line alike); decided
 * by ReportBuilder over every included message, listed or not. Added last, and kept out of the JSON, which has each
 * message's ID. {@code copiesLeftOut}: of the {@code rows}, those left out as exact copies of a row read before (logs
 * joined from exports, or requested for time windows, that overlap; {@link
 * org.mailpath.engine.analysis.AnalysedFile#copiesLeftOut}, all files together), said beside the rows as the rejected
 * ones are; added. {@code readDayFirst}: the names of the logs whose dates were read day first (d/M/yyyy, as a
 * spreadsheet re-saves them) and of which some row was kept ({@link org.mailpath.engine.analysis.ReadCaveats}), as
 * {@code fileNames} names them: the report's times rest on that reading; empty for the others. {@code
 * fileCountsWithheld}: the report is redacted and leaves some of the log's recipient domains out, so its texts give no
 * count of the whole log (the rows read, "of N in the file"): beside the report's own counts they would tell the mail
 * team it is sent to how much mail went to other organisations. The JSON keeps {@code rows} and {@code messagesInFile}
 * (scripts rely on what they mean), and the flag is kept out of it. {@code relayHosts}: the org's Email Relay the
 * analysis was told of (empty without the mode), {@code deliveriesViaRelay}: of the included delivered messages, those
 * handed to it, not to the recipient's servers (the conclusion says so). Added last, kept out of the JSON.
 */
public record TitleBlock(String title, String fileName, Optional<Instant> periodStart, Optional<Instant> periodEnd,
                         long rows, long rejectedRows, long messagesInFile, long messagesIncluded,
                         Instant generatedAt, String version, boolean redacted, List<String> scope,
                         List<String> fileNames, long joinedByGuess, long maybeCountedTwice,
                         boolean withoutTlsColumn, long deliveriesMaybeHandoffs, boolean copiesOfOneMessage,
                         long copiesLeftOut, List<String> readDayFirst, boolean fileCountsWithheld,
                         List<String> relayHosts, long deliveriesViaRelay) {

    public TitleBlock {
        scope = List.copyOf(scope);
        relayHosts = relayHosts == null ? List.of() : List.copyOf(relayHosts);
        fileNames = fileNames.isEmpty() ? List.of(fileName) : List.copyOf(fileNames);
        readDayFirst = readDayFirst == null ? List.of() : List.copyOf(readDayFirst);
    }

    /** The title block of a log analysed without the Email Relay mode. */
    public TitleBlock(String title, String fileName, Optional<Instant> periodStart, Optional<Instant> periodEnd,
                      long rows, long rejectedRows, long messagesInFile, long messagesIncluded,
                      Instant generatedAt, String version, boolean redacted, List<String> scope,
                      List<String> fileNames, long joinedByGuess, long maybeCountedTwice,
                      boolean withoutTlsColumn, long deliveriesMaybeHandoffs, boolean copiesOfOneMessage,
                      long copiesLeftOut, List<String> readDayFirst, boolean fileCountsWithheld) {
        this(title, fileName, periodStart, periodEnd, rows, rejectedRows, messagesInFile, messagesIncluded,
                generatedAt, version, redacted, scope, fileNames, joinedByGuess, maybeCountedTwice, withoutTlsColumn,
                deliveriesMaybeHandoffs, copiesOfOneMessage, copiesLeftOut, readDayFirst, fileCountsWithheld,
                List.of(), 0);
    }

    /** A title block that gives the counts of the whole log. */
    public TitleBlock(String title, String fileName, Optional<Instant> periodStart, Optional<Instant> periodEnd,
                      long rows, long rejectedRows, long messagesInFile, long messagesIncluded, Instant generatedAt,
                      String version, boolean redacted, List<String> scope, List<String> fileNames,
                      long joinedByGuess, long maybeCountedTwice, boolean withoutTlsColumn,
                      long deliveriesMaybeHandoffs, boolean copiesOfOneMessage, long copiesLeftOut,
                      List<String> readDayFirst) {
        this(title, fileName, periodStart, periodEnd, rows, rejectedRows, messagesInFile, messagesIncluded,
                generatedAt, version, redacted, scope, fileNames, joinedByGuess, maybeCountedTwice, withoutTlsColumn,
                deliveriesMaybeHandoffs, copiesOfOneMessage, copiesLeftOut, readDayFirst, false);
    }

    /** A title block of logs none of whose dates was read day first. */
    public TitleBlock(String title, String fileName, Optional<Instant> periodStart, Optional<Instant> periodEnd,
                      long rows, long rejectedRows, long messagesInFile, long messagesIncluded, Instant generatedAt,
                      String version, boolean redacted, List<String> scope, List<String> fileNames,
                      long joinedByGuess, long maybeCountedTwice, boolean withoutTlsColumn,
                      long deliveriesMaybeHandoffs, boolean copiesOfOneMessage, long copiesLeftOut) {
        this(title, fileName, periodStart, periodEnd, rows, rejectedRows, messagesInFile, messagesIncluded,
                generatedAt, version, redacted, scope, fileNames, joinedByGuess, maybeCountedTwice, withoutTlsColumn,
                deliveriesMaybeHandoffs, copiesOfOneMessage, copiesLeftOut, List.of());
    }

    /** A title block whose messages are not the copies of one message. */
    public TitleBlock(String title, String fileName, Optional<Instant> periodStart, Optional<Instant> periodEnd,
                      long rows, long rejectedRows, long messagesInFile, long messagesIncluded, Instant generatedAt,
                      String version, boolean redacted, List<String> scope, List<String> fileNames,
                      long joinedByGuess, long maybeCountedTwice, boolean withoutTlsColumn,
                      long deliveriesMaybeHandoffs) {
        this(title, fileName, periodStart, periodEnd, rows, rejectedRows, messagesInFile, messagesIncluded,
                generatedAt, version, redacted, scope, fileNames, joinedByGuess, maybeCountedTwice, withoutTlsColumn,
                deliveriesMaybeHandoffs, false, 0);
    }

    /** The title block of a report on a single log. */
    public TitleBlock(String title, String fileName, Optional<Instant> periodStart, Optional<Instant> periodEnd,
                      long rows, long rejectedRows, long messagesInFile, long messagesIncluded, Instant generatedAt,
                      String version, boolean redacted, List<String> scope) {
        this(title, fileName, periodStart, periodEnd, rows, rejectedRows, messagesInFile, messagesIncluded,
                generatedAt, version, redacted, scope, List.of(), 0, 0, false, 0, false, 0, List.of());
    }
}
