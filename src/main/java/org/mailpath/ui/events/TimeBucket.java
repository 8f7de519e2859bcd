package org.mailpath.ui.events;

import java.time.Instant;

/** Events of one hour (or day, for long logs): deliveries, transient and permanent failures. */
public record TimeBucket(Instant start, String label, long delivered, long deferred, long bounced) {
}
