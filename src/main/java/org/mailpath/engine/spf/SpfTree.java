package org.mailpath.engine.spf;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import org.mailpath.engine.domain.DnsText;

/**
 * The records one evaluation reads, each line indented by how deep in includes and redirects it was read, and the
 * path of domains (includes and redirects) down to the record being evaluated.
 */
final class SpfTree {

    private static final int LINES_CAP = 200;
    /** Characters of one record in the tree (the top record is whole in its answer's evidence). */
    private static final int LINE_LIMIT = 1000;

    private final Deque<String> path = new ArrayDeque<>();
    private final List<String> lines = new ArrayList<>();

    /** How many records are being evaluated, one inside the other. */
    int depth() {
        return path.size();
    }

    boolean onPath(String domain) {
        return path.contains(domain);
    }

    /** The domains being evaluated, the outermost first. */
    List<String> pathFromTop() {
        return path.reversed().stream().toList();
    }

    /** The domain whose record the path starts at; empty before it starts. */
    Optional<String> outermost() {
        return path.isEmpty() ? Optional.empty() : Optional.of(path.getLast());
    }

    void enter(String domain) {
        path.push(domain);
    }

    void leave() {
        path.pop();
    }

    /** A line at the current depth, clipped; none past the cap. */
    void add(String line) {
        if (lines.size() < LINES_CAP) {
            lines.add("  ".repeat(Math.min(path.size(), 10)) + DnsText.clip(line, LINE_LIMIT));
        }
    }

    /** The lines of the top record's answer, whole and unindented. */
    void addAnswer(List<String> evidence) {
        lines.addAll(evidence);
    }

    List<String> lines() {
        return List.copyOf(lines);
    }
}
