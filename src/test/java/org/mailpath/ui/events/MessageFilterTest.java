package org.mailpath.ui.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.AbstractList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.mailpath.engine.status.Category;
import org.mailpath.ui.common.Messages;
import org.mailpath.ui.common.SyncTaskRunner;
import org.mailpath.ui.common.WizardSession;
import org.mailpath.ui.testing.FakeDialogs;
import org.mailpath.ui.testing.TestAnalyses;

class MessageFilterTest {

    @Test
    void wholeIdsAndAddressesAreToldFromPartsOfThem() {
        assertTrue(MessageFilter.looksWhole("ann@contoso.example"));
        assertTrue(MessageFilter.looksWhole("21749386.1060.javamail.sfdc@synthetic-sample.example"));
        assertFalse(MessageFilter.looksWhole("ann@"));
        assertFalse(MessageFilter.looksWhole("@contoso.example"));
        assertFalse(MessageFilter.looksWhole("ann@contoso"));
        assertFalse(MessageFilter.looksWhole("user unknown"));
        assertFalse(MessageFilter.looksWhole(""));
    }

    /**
     * The review: a search that left the table empty searched every row of the log a second time to tell whether a
     * whole address or Message ID Header is in none. With the search the only filter, no row shown already says that:
     * the rows are not read again, and the answer is the second pass's. With another filter set, a row may hold the
     * search and be hidden by that filter, so there the rows are still searched.
     */
    @Test
    void anEmptyTableWithTheSearchTheOnlyFilterIsNotSearchedAgain() {
        List<MessageRow> rows = rowsOf();
        for (String search : List.of("nobody@nowhere.example", "<1234.5678.JavaMail.sfdc@example.org>",
                "nowhere.example", "info2@kund.se", "<INFO2@kund.se>", "kund", "")) {
            MessageFilter filter = MessageFilter.of(search, VerdictFilter.ALL, "", Set.of());
            List<MessageRow> shown = rows.stream().filter(filter::test).toList();
            CountingRows all = new CountingRows(rows);
            assertEquals(secondPass(filter, shown, rows), filter.searchInNoRow(shown, all), search);
            assertEquals(0, all.reads, search);
        }
        MessageFilter absent = MessageFilter.of("nobody@nowhere.example", null, null, Set.of());
        assertTrue(absent.searchInNoRow(List.of(), new CountingRows(rows)), "null is no filter");

        // the same searches with another filter set: these still read the rows, and say what they said
        MessageRow deferred = rows.stream().filter(r -> r.chain().recipient().equals("info2@kund.se")).findFirst()
                .orElseThrow();
        Category cause = deferred.chain().category().orElseThrow();
        List<MessageFilter> others = List.of(
                MessageFilter.of("info2@kund.se", VerdictFilter.RECEIVED_ONLY, "", Set.of()),
                MessageFilter.of("info2@kund.se", VerdictFilter.ALL, "acme.com", Set.of()),
                MessageFilter.of("user1@contoso.com", VerdictFilter.ALL, "", Set.of(cause)),
                MessageFilter.of("nobody@nowhere.example", VerdictFilter.BOUNCED, "", Set.of()),
                MessageFilter.of("nobody@nowhere.example", VerdictFilter.ALL, "kund.se", Set.of(cause)));
        List<Boolean> said = List.of(false, false, false, true, true);
        for (int i = 0; i < others.size(); i++) {
            MessageFilter filter = others.get(i);
            List<MessageRow> shown = rows.stream().filter(filter::test).toList();
            assertTrue(shown.isEmpty(), filter.toString());
            CountingRows all = new CountingRows(rows);
            assertEquals(said.get(i), filter.searchInNoRow(shown, all), filter.toString());
            assertEquals(secondPass(filter, shown, rows), said.get(i), filter.toString());
            assertTrue(all.reads > 0, filter.toString());
        }

        // a log without messages: none to read
        CountingRows none = new CountingRows(List.of());
        assertFalse(MessageFilter.of("nobody@nowhere.example", VerdictFilter.ALL, "", Set.of())
                .searchInNoRow(List.of(), none));
        assertEquals(0, none.reads);
    }

    /** The rule as it was, with its second pass over every row. */
    private static boolean secondPass(MessageFilter filter, List<MessageRow> shown, List<MessageRow> all) {
        return shown.isEmpty() && !all.isEmpty() && MessageFilter.looksWhole(filter.needle())
                && all.stream().noneMatch(filter::holdsSearch);
    }

    /** The rows of a day's log, as the step makes them. */
    private static List<MessageRow> rowsOf() {
        WizardSession session = new WizardSession();
        session.setAnalysis(TestAnalyses.day());
        EventsViewModel model = new EventsViewModel(session, new SyncTaskRunner(), new FakeDialogs(),
                Messages.forLocale(Locale.ENGLISH));
        assertEquals(60, model.visibleRows().size());
        return List.copyOf(model.visibleRows());
    }

    /** A log's rows that counts each row read: a pass over them reads every one. */
    private static final class CountingRows extends AbstractList<MessageRow> {
        private final List<MessageRow> rows;
        private int reads;

        CountingRows(List<MessageRow> rows) {
            this.rows = rows;
        }

        @Override
        public MessageRow get(int index) {
            reads++;
            return rows.get(index);
        }

        @Override
        public int size() {
            return rows.size();
        }
    }
}
