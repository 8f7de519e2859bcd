package org.mailpath.ui.events;

import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.mailpath.engine.analysis.MessageChain;
import org.mailpath.engine.report.ReportOptions;
import org.mailpath.engine.status.Category;

/** The message table's search and filters as they stand: which rows they show. */
record MessageFilter(String needle, VerdictFilter verdict, String domain, Set<Category> causes) {

    private static final Pattern WHOLE_ID_OR_ADDRESS =
            Pattern.compile("[^\\s@<>]+@[^\\s@<>.]+(\\.[^\\s@<>.]+)+");

    /**
     * The filter of the step's fields, where null counts as no filter (a combo box may clear its value). The search
     * becomes the needle, its angle brackets taken off and in lower case; an empty needle, domain or set of causes
     * filters nothing.
     */
    static MessageFilter of(String search, VerdictFilter verdict, String domain, Set<Category> causes) {
        // a Message ID Header pasted as written in mail headers, <id@host>, matches the log's (which may omit them)
        return new MessageFilter(search == null ? "" : ReportOptions.messageIdKey(search),
                verdict == null ? VerdictFilter.ALL : verdict, domain == null ? "" : domain,
                causes.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(causes)));
    }

    /** Whether the table shows {@code row}. */
    boolean test(MessageRow row) {
        return verdict.test(row.chain())
                && (domain.isEmpty() || domain.equals(row.chain().recipientDomain()))
                && (causes.isEmpty() || row.chain().category().filter(causes::contains).isPresent())
                && (needle.isEmpty() || holdsSearch(row));
    }

    /**
     * Whether none is shown and the search is a whole Message ID Header or address ({@link #looksWhole}) that no row
     * of the log holds, whatever the other filters.
     *
     * @param shown the rows this filter shows of {@code all}
     */
    boolean searchInNoRow(List<MessageRow> shown, List<MessageRow> all) {
        // with the search the only filter, none shown is already none holding it: the log is not searched again
        return shown.isEmpty() && !all.isEmpty() && looksWhole(needle)
                && (searchOnly() || all.stream().noneMatch(this::holdsSearch));
    }

    /** No verdict, domain or cause is chosen: only the search hides rows. */
    private boolean searchOnly() {
        return verdict == VerdictFilter.ALL && domain.isEmpty() && causes.isEmpty();
    }

    /**
     * Whether the search text (its angle brackets taken off) is a whole Message ID Header or email address rather
     * than a part of one: something@a.b.
     */
    static boolean looksWhole(String needle) {
        return WHOLE_ID_OR_ADDRESS.matcher(needle).matches();
    }

    /** Whether the row's addresses, IDs, reply, cause or result hold the search. */
    boolean holdsSearch(MessageRow row) {
        MessageChain c = row.chain();
        return contains(c.recipient(), needle) || contains(c.sender(), needle) || contains(c.messageIdHeader(), needle)
                || contains(c.internalMessageId(), needle) || contains(c.status(), needle)
                || contains(row.cause(), needle) || contains(row.verdict(), needle);
    }

    private static boolean contains(String haystack, String needle) {
        return haystack != null && haystack.toLowerCase(Locale.ROOT).contains(needle);
    }
}
