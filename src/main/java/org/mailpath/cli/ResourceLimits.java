package org.mailpath.cli;

/**
 * The words for work that needs more than Java was given: a report or a log too big for the heap (an {@link
 * OutOfMemoryError}), or input nested too deep for the stack. One line on stderr, no class name, and the way out that
 * applies: a smaller report (--domain) or a larger heap, named with the limit in force now.
 */
final class ResourceLimits {

    private static final long MB = 1024 * 1024;

    private ResourceLimits() {
    }

    /**
     * {@code "not enough memory for WHAT (Java may use at most 128 MB here): use --domain to restrict it to one
     * recipient domain, or run with a larger heap (java -Xmx1g -jar mailpath.jar …, or that -Xmx in
     * JAVA_TOOL_OPTIONS for the installed mailpath)"}; without {@code domainHelps} from "run with" on only.
     */
    static String memoryLine(String what, boolean domainHelps) {
        return memoryLine(what, domainHelps, Runtime.getRuntime().maxMemory());
    }

    /**
     * Whether --domain would make a report too big for the heap smaller: not when it is already one domain's
     * ({@code domains} given once), nor a few messages' (--message-id given).
     */
    static boolean domainHelps(int domains, boolean messageIds) {
        return domains != 1 && !messageIds;
    }

    static String memoryLine(String what, boolean domainHelps, long maxHeap) {
        String heap = "a larger heap (java " + largerHeap(maxHeap) + " -jar mailpath.jar …, or that -Xmx in"
                + " JAVA_TOOL_OPTIONS for the installed mailpath)";
        return "not enough memory for " + what + " (Java may use at most " + maxHeap / MB + " MB here): "
                + (domainHelps ? "use --domain to restrict it to one recipient domain, or run with " : "run with ")
                + heap;
    }

    /** The option for twice the heap in force, at least 1 GB, in whole GB from there ({@code -Xmx1g}, {@code -Xmx4g}). */
    static String largerHeap(long maxHeap) {
        long gb = Math.max(1, (2 * maxHeap + 1024 * MB - 1) / (1024 * MB));
        return "-Xmx" + gb + "g";
    }

    /** Input nested too deep for Java's stack: no report option helps, a larger stack may. */
    static String stackLine() {
        return "internal error: the work went deeper than Java's stack allows; run with a larger stack"
                + " (java -Xss16m -jar mailpath.jar …) and report the file that caused it";
    }
}
