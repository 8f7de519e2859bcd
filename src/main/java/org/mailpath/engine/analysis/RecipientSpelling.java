package org.mailpath.engine.analysis;

import org.mailpath.engine.log.MailEvent;

/** Which of two parts' spellings of a chain's recipient the chain keeps when the parts, of other files, are joined. */
final class RecipientSpelling {

    private RecipientSpelling() {
    }

    /**
     * Whether the joined chain's recipient as written is to be {@code later}'s (a chain of other files, whose events
     * are {@code theirs}) rather than {@code chain}'s (whose events are {@code own}), the two writing it otherwise:
     * when the files of {@code later}'s rows have every column a chain keeps once (Internal Message ID, Sender,
     * User ID) that {@code chain}'s have, and more. Between files a row is compared on the columns both have
     * ({@link ChainEvents#sameRow}) by its hash of those columns ({@link RowOthers#of}) with the ones the other file
     * lacks left out, which can be made only for a row with the chain's values (0), or whose own file lacks them: so
     * the chain's values must be those of the rows with the most of them. Else whether the R row of a
     * file without the Message ID Header column was found in a file without the Internal Message ID depended on which
     * file's spelling of the recipient the chain kept first, that is on the order of the files ({@link
     * UnsharedIdJoin}: one message in some orders, two in others). Where neither part's files have every such column
     * the other's have and more (as many, or each one the other lacks), either spelling serves the comparisons as
     * well, and the first's was kept: the recipient the message says, and so its JSON, then depended on the order of
     * the files. So the spelling kept there is that of the part with an R row (the message as Salesforce took it),
     * and where both or neither has one, the lexicographically smaller ({@link String#compareTo}): the same whichever
     * part comes first. Rows that write the recipient otherwise stay apart (a copy is equal in every column both
     * files have, as in a single log).
     */
    static boolean laterWins(ChainBuilder chain, ChainEvents own, ChainBuilder later, ChainEvents theirs) {
        int known = ChainEvents.OTHERS & ~own.lackedByEveryFile();
        int laterKnown = ChainEvents.OTHERS & ~theirs.lackedByEveryFile();
        boolean laterHasMore = known != laterKnown && (known & ~laterKnown) == 0;
        boolean thisHasMore = known != laterKnown && (laterKnown & ~known) == 0;
        return !thisHasMore && (laterHasMore || spellingOfTheOtherWins(chain, own, later, theirs));
    }

    /**
     * Between two parts neither of whose files have every column kept once that the other's have and more: whether
     * {@code later}'s spelling of the recipient is the one to keep (that of the part with an R row, else the
     * lexicographically smaller), {@code own} and {@code theirs} being the two chains' events.
     */
    private static boolean spellingOfTheOtherWins(ChainBuilder chain, ChainEvents own, ChainBuilder later,
                                                  ChainEvents theirs) {
        boolean received = hasReception(own);
        boolean laterReceived = hasReception(theirs);
        return received != laterReceived ? laterReceived : later.recipient().compareTo(chain.recipient()) < 0;
    }

    private static boolean hasReception(ChainEvents ev) {
        for (int i = 0; i < ev.size(); i++) {
            if (ev.event(i) == MailEvent.RECEIVED) {
                return true;
            }
        }
        return false;
    }
}
