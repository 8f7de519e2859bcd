package org.mailpath.engine.smtp;

import java.time.Instant;

/**
 * One line of a probe transcript: what the client sent, what the server answered, or a note of the probe itself
 * (connect, TLS handshake). Server text is kept as data: control characters are escaped and the line is
 * length-capped before it gets here.
 */
public record TranscriptLine(Instant time, Direction direction, String text) {

    /** Who wrote the line. */
    public enum Direction {
        CLIENT("C"), SERVER("S"), NOTE("*");

        private final String mark;

        Direction(String mark) {
            this.mark = mark;
        }

        public String mark() {
            return mark;
        }
    }

    public TranscriptLine {
        text = text == null ? "" : text;
    }

    /** {@code 2026-11-23T15:47:32.123Z S: 220 mx.example.com ESMTP} */
    @Override
    public String toString() {
        return time + " " + direction.mark() + ": " + text;
    }
}
