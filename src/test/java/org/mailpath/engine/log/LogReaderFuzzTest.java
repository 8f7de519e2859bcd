package org.mailpath.engine.log;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.mailpath.engine.analysis.EmailLogAnalyzer;
import org.mailpath.engine.analysis.LogAnalysis;
import org.mailpath.engine.analysis.MessageChain;
import org.mailpath.engine.analysis.UnusableLogException;
import org.mailpath.engine.common.Cancellation;
import org.mailpath.engine.common.ProgressListener;
import org.mailpath.engine.status.Diagnosis;
import org.mailpath.engine.status.SmtpReply;
import org.mailpath.engine.status.StatusKnowledgeBase;

/**
 * Coverage-guided fuzz tests (Jazzer). In a normal {@code mvn verify} they only replay their seeds from
 * src/test/resources/org/mailpath/engine/log/LogReaderFuzzTestInputs/&lt;method&gt;/ (regression mode). To fuzz one
 * test: {@code JAZZER_FUZZ=1 mvn -o test -Dtest='LogReaderFuzzTest#fuzzReader' -Djazzer.instrument='org.mailpath.**'}
 * — it runs for the {@code maxDuration} below (neither -Djazzer.max_duration nor JAZZER_MAX_DURATION overrides it
 * with jazzer-junit; change the annotation for longer runs) and prints libFuzzer's executions. A crash fails
 * the test and is saved as a new seed in that folder, so it becomes a regression test. Jazzer 0.26 instruments
 * Java 25 class files, so the fuzzing is coverage-guided (0.24 could not, and ran blind).
 */
class LogReaderFuzzTest {

    private static final LogLimits SMALL = new LogLimits(8L << 20, 200, 1L << 20, 1 << 16, 100);
    private static final StatusKnowledgeBase KB = StatusKnowledgeBase.standard();

    /** Any bytes as a log file: the analyzer either analyses them or says the file is unusable; nothing else. */
    @FuzzTest(maxDuration = "30s")
    void fuzzReader(byte[] content) throws IOException {
        Path file = Files.createTempFile("fuzz", ".csv");
        try {
            Files.write(file, content);
            LogAnalysis a = new EmailLogAnalyzer(KB, SMALL).analyze(file, ProgressListener.NONE, Cancellation.none());
            if (a.rows() < a.rejectedRows() || a.messages() == 0) {
                throw new IllegalStateException("inconsistent analysis: " + a.rows() + " rows, " + a.rejectedRows()
                        + " rejected, " + a.messages() + " messages");
            }
            for (MessageChain c : a.chains()) {
                if (c.events().isEmpty()) {
                    throw new IllegalStateException("chain without events");
                }
            }
        } catch (UnusableLogException e) {
            if (e.getMessage() == null || e.getMessage().isBlank() || e.getMessage().lines().count() != 1) {
                throw new IllegalStateException("unusable-file message must be one line: " + e.getMessage());
            }
        } catch (UncheckedIOException e) {
            throw new IllegalStateException("I/O exception leaked out of the reader", e);
        } finally {
            Files.deleteIfExists(file);
        }
    }

    /** Any reply text: parsing never throws and every reply gets a complete diagnosis. */
    @FuzzTest(maxDuration = "30s")
    void fuzzReplyParserAndKnowledgeBase(FuzzedDataProvider data) {
        String text = data.consumeRemainingAsString();
        SmtpReply reply = SmtpReply.parse(text);
        Diagnosis d = KB.diagnose(reply);
        KB.read(reply);
        if (d == null || d.category() == null || d.explanation().isBlank() || d.actor() == null || d.ruleId().isBlank()) {
            throw new IllegalStateException("incomplete diagnosis for " + text);
        }
        if (reply.basicCode().isPresent() && (reply.basicCode().getAsInt() < 200 || reply.basicCode().getAsInt() > 599)) {
            throw new IllegalStateException("basic code out of range: " + text);
        }
    }
}
