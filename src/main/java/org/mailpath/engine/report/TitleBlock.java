package org.mailpath.engine.report;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What was analysed and when: {@code rows} are the data rows of the file (rejected ones included),
 * {@code messagesInFile} all message chains, {@code messagesIncluded} those in this report; {@code scope}
 * describes the filters in words (empty when everything is included). Times are UTC.
 */
public record TitleBlock(String title, String fileName, Optional<Instant> periodStart, Optional<Instant> periodEnd,
                         long rows, long rejectedRows, long messagesInFile, long messagesIncluded,
                         Instant generatedAt, String version, boolean redacted, List<String> scope) {

    public TitleBlock {
        scope = List.copyOf(scope);
    }
}
