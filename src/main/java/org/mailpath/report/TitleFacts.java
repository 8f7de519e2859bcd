package org.mailpath.report;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import org.mailpath.engine.report.ReportModel;
import org.mailpath.engine.report.TitleBlock;
import org.mailpath.report.ReportWording.Fact;

/** The lines of a report's title block (file, period, rows, messages, generated, filters), alike in every format. */
final class TitleFacts {

    private final ReportWording words;

    TitleFacts(ReportWording words) {
        this.words = words;
    }

    /** The title block's lines, the same in every format: file, period, rows, messages, generated, the filters. */
    List<Fact> of(TitleBlock t) {
        return of(t, OptionalLong.empty());
    }

    /**
     * {@link #of(TitleBlock)} of a report, whose messages' line also says how many it lists when a limit left
     * some out ("40 in this report; 5 listed"): the count alone read as if all were listed.
     */
    List<Fact> of(ReportModel model) {
        List<Fact> facts = of(model.title(), model.unlistedMessages() > 0
                ? OptionalLong.of(model.listedMessages()) : OptionalLong.empty());
        TitleBlock t = model.title();
        if (!t.copiesOfOneMessage()) {
            return facts;
        }
        // the copies of one message to several recipients, as the conclusion counts them: "1 message to 2 recipients"
        String value = ofWholeLog(t)
                ? words.format(ReportWording.severalFiles(t) ? "fact.messages.copies.ofFiles"
                        : "fact.messages.copies.ofFile", t.messagesIncluded(), t.messagesInFile())
                : words.format("fact.messages.copies", t.messagesIncluded());
        List<Fact> counted = new ArrayList<>(facts);
        String label = words.get("fact.messages");
        counted.replaceAll(f -> f.label().equals(label) ? new Fact(label, value) : f);
        return List.copyOf(counted);
    }

    /**
     * {@link #of(TitleBlock)}, the messages' line saying how many are listed ({@code listedCount}) where some are
     * not.
     */
    private List<Fact> of(TitleBlock t, OptionalLong listedCount) {
        List<Fact> facts = new ArrayList<>();
        facts.add(ReportWording.severalFiles(t) ? Fact.of(words.get("fact.files"), t.fileNames())
                : Fact.of(words.get("fact.file"), List.of(t.fileName())));
        facts.add(new Fact(words.get("fact.period"), words.period(t)));
        if (!t.fileCountsWithheld()) {
            facts.add(new Fact(words.get("fact.rows"), rowsRead(t)));
        }
        String messages = ofWholeLog(t)
                ? words.format(ReportWording.severalFiles(t) ? "fact.messages.ofFiles" : "fact.messages.ofFile",
                        t.messagesIncluded(), t.messagesInFile())
                : words.format("fact.messages.value", t.messagesIncluded());
        facts.add(new Fact(words.get("fact.messages"), listedCount.isEmpty() ? messages
                : words.format("fact.messages.listed", messages, listedCount.getAsLong())));
        // what the files' warnings say of logs sharing no ID column, for the messages of this report
        if (t.joinedByGuess() > 0) {
            facts.add(new Fact(words.get("fact.joinedByGuess"),
                    words.format("fact.joinedByGuess.value", t.joinedByGuess())));
        }
        if (t.maybeCountedTwice() > 0) {
            facts.add(new Fact(words.get("fact.maybeCountedTwice"),
                    words.format("fact.maybeCountedTwice.value", t.maybeCountedTwice())));
        }
        words.tlsCaveat(t).ifPresent(c -> facts.add(new Fact(words.get("fact.noTlsColumn"), c)));
        // the times the report gives to search by rest on the order the dates were read in
        if (!t.readDayFirst().isEmpty()) {
            facts.add(new Fact(words.get("fact.readDayFirst"), ReportWording.severalFiles(t)
                    ? words.format("fact.readDayFirst.files", String.join(", ", t.readDayFirst()))
                    : words.get("fact.readDayFirst.value")));
        }
        facts.add(new Fact(words.get("fact.generated"),
                words.format("fact.generated.value", words.day(t.generatedAt()), t.version())));
        // scope lines whose value lists what the user asked for (domains, Message IDs): values, not our words
        List<String> listed = List.of(words.get("scope.domains"), words.get("scope.messages"));
        for (String s : t.scope()) {
            // "Recipient domains: a.example, b.example" is labelled by the part before its colon
            int colon = s.indexOf(':');
            if (colon <= 0) {
                facts.add(new Fact(words.get("fact.scope"), s));
                continue;
            }
            String label = s.substring(0, colon);
            String value = s.substring(colon + 1).strip();
            facts.add(listed.contains(label) ? Fact.of(label, List.of(value.split(", ")))
                    : new Fact(label, value));
        }
        return facts;
    }

    /**
     * The rows read, with those rejected and those left out as exact copies said beside them: "198 (99 left out as
     * exact copies)", as the console says it; the count alone read as if every row were counted in the report.
     */
    private String rowsRead(TitleBlock t) {
        if (t.copiesLeftOut() > 0) {
            return t.rejectedRows() > 0
                    ? words.format("fact.rows.rejectedAndCopies", t.rows(), t.rejectedRows(), t.copiesLeftOut())
                    : words.format("fact.rows.copies", t.rows(), t.copiesLeftOut());
        }
        return t.rejectedRows() > 0 ? words.format("fact.rows.rejected", t.rows(), t.rejectedRows())
                : words.count(t.rows());
    }

    /**
     * Whether the messages' line says how many the whole log has ("12 in this report (of 450 in the file)"): where the
     * report has fewer, unless it withholds the whole log's counts ({@link TitleBlock#fileCountsWithheld}), as it
     * does the rows read.
     */
    private static boolean ofWholeLog(TitleBlock t) {
        return t.messagesInFile() != t.messagesIncluded() && !t.fileCountsWithheld();
    }
}
