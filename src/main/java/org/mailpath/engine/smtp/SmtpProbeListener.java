package org.mailpath.engine.smtp;

import java.time.Duration;
import java.util.List;

/** Live progress of a probe; called from worker threads (one per target), so implementations must be thread-safe. */
public interface SmtpProbeListener {

    SmtpProbeListener NONE = new SmtpProbeListener() { };

    /** The targets were resolved; probing starts. */
    default void targetsResolved(List<ProbeTarget> targets) {
    }

    default void targetStarted(ProbeTarget target) {
    }

    /** About once a second while waiting for the greeting: for a countdown ({@code limit - waited}). */
    default void waitingForBanner(ProbeTarget target, Duration waited, Duration limit) {
    }

    default void transcriptLine(ProbeTarget target, TranscriptLine line) {
    }

    default void targetFinished(TargetResult result) {
    }
}
