package org.mailpath.ui.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.mailpath.engine.analysis.LogAnalysis;
import org.mailpath.ui.testing.ManualTaskRunner;
import org.mailpath.ui.testing.TestAnalyses;

/** The DNS and DKIM steps fill themselves from each log once, on a worker, and again after a cancelled search. */
class PrefillFromLogTest {

    private final ManualTaskRunner runner = new ManualTaskRunner();
    private final List<String> said = new ArrayList<>();
    private final PrefillFromLog<String> prefill = new PrefillFromLog<>(runner, "test-prefill", "finding the file",
            LogAnalysis::file);

    private void enter(Optional<LogAnalysis> log, boolean busy) {
        prefill.enter(log, busy, () -> said.add("forget"), found -> said.add("found " + found));
    }

    @Test
    void eachLogIsReadOnceOnAWorkerAfterTheStepForgotTheOneBefore() {
        LogAnalysis log = TestAnalyses.small();
        enter(Optional.of(log), false);
        assertEquals(List.of("forget"), said);
        assertTrue(prefill.findingProperty().get());
        runner.runAll();
        assertFalse(prefill.findingProperty().get());
        assertEquals(List.of("forget", "found " + log.file()), said);
        enter(Optional.of(log), false);
        assertEquals(0, runner.pendingCount(), "the same log is not read again");
        // an equal analysis is another opening of the log: read again, as the session takes it as a new log
        LogAnalysis again = TestAnalyses.small();
        enter(Optional.of(again), false);
        assertEquals(1, runner.pendingCount());
    }

    @Test
    void noLogOrABusyStepFillsNothing() {
        enter(Optional.empty(), false);
        enter(Optional.of(TestAnalyses.small()), true);
        assertEquals(List.of(), said);
        assertEquals(0, runner.pendingCount());
        assertFalse(prefill.findingProperty().get());
    }

    @Test
    void aCancelledSearchIsMadeAgainOnTheNextEntry() {
        LogAnalysis log = TestAnalyses.small();
        enter(Optional.of(log), false);
        prefill.cancel();
        assertFalse(prefill.findingProperty().get());
        runner.runAll();
        assertEquals(List.of("forget"), said, "a cancelled search hands nothing over");
        enter(Optional.of(log), false);
        runner.runAll();
        assertEquals(List.of("forget", "forget", "found " + log.file()), said);
    }

    @Test
    void aNewLogCancelsTheSearchInTheOneBefore() {
        LogAnalysis first = TestAnalyses.small();
        LogAnalysis second = TestAnalyses.day();
        enter(Optional.of(first), false);
        enter(Optional.of(second), false);
        assertTrue(prefill.findingProperty().get());
        runner.runAll();
        assertEquals(List.of("forget", "forget", "found " + second.file()), said);
    }

    @Test
    void aFailedSearchFillsNothingAndEnds() {
        PrefillFromLog<String> failing = new PrefillFromLog<>(runner, "test-prefill", "finding the file", log -> {
            throw new IllegalStateException("unreadable");
        });
        failing.enter(Optional.of(TestAnalyses.small()), false, () -> said.add("forget"),
                found -> said.add("found " + found));
        runner.runAll();
        assertFalse(failing.findingProperty().get());
        assertEquals(List.of("forget"), said);
    }
}
