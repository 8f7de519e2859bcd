package org.mailpath.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.mailpath.engine.log.LogFixtures.INTERNAL_MESSAGE_ID;
import static org.mailpath.engine.log.LogFixtures.MESSAGE_ID_HEADER;
import static org.mailpath.engine.log.LogFixtures.RETRY_COUNT;
import static org.mailpath.engine.log.LogFixtures.SENDER;
import static org.mailpath.engine.log.LogFixtures.TLS;
import static org.mailpath.engine.log.LogFixtures.row;
import static org.mailpath.engine.log.LogFixtures.with;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mailpath.engine.log.LogFixtures;

/**
 * The JSON of {@code analyze} for logs analysed together does not depend on the order the files are given, where the
 * files write one message's recipient in different letter case and no part's files have every column a chain keeps
 * once (Internal Message ID, Sender, User ID) that the other's have, and more: the spelling kept is the part's that
 * holds the message's R row, else the lexicographically smaller, not the first file's.
 */
class AnalysisJsonFileOrderTest {

    /** What names the files by their place in the order (the files, the problems, each chain's first file). */
    private static final List<String> ORDER_FIELDS = List.of("file", "files", "problems", "firstFile",
            "firstFileLabel");

    @TempDir
    Path dir;

    private Path log(String name, List<Integer> lacking, String... rows) {
        return LogFixtures.writeWithout(dir, name, lacking, rows);
    }

    /** A log of {@code rows} (lines of {@link LogFixtures#row}) without the columns {@code lacking}. */

    private static JsonNode json(List<Path> files) throws Exception {
        StringWriter w = new StringWriter();
        AnalysisJson.write(LogFixtures.analyze(files), w);
        return new ObjectMapper().readTree(w.toString());
    }

    /**
     * The JSON without what names the files in their order (the files; the problems, whose messages list other files
     * in the order given, are only counted; each chain's first file), the chains sorted (they come in the order of
     * their first row, file after file).
     */
    private static String orderFree(JsonNode j) {
        ObjectNode o = j.deepCopy();
        o.put("problemCount", j.get("problems").size());
        List<JsonNode> chains = new ArrayList<>();
        for (JsonNode c : j.get("chains")) {
            ObjectNode chain = c.deepCopy();
            chain.remove(ORDER_FIELDS);
            chains.add(chain);
        }
        chains.sort(Comparator.comparing(JsonNode::toString));
        o.remove(ORDER_FIELDS);
        o.remove("chains");
        return o + "\n" + chains.stream().map(JsonNode::toString).toList();
    }

    /**
     * A message's R row in a log without the Message ID Header and Sender columns (C), its T in one without the
     * Internal Message ID (D), its D in another such (E); D writes the recipient with a capital letter, C and E do
     * not. D and E have the same columns; C has the Internal Message ID that they lack, they the Sender that C lacks.
     * Before, the chain kept the first of D and E's spelling (so 'Zed' or 'zed' by the order), and the joined message
     * that. Now it keeps C's, which holds the R row, in every order.
     */
    @Test
    void theRecipientAsWrittenDoesNotDependOnTheOrderOfTheFiles() throws Exception {
        String received = row("3/6/2009 13:30", "R", "zed@contoso.example", "m1", "", "");
        String retried = with(row("3/6/2009 13:31", "T", "Zed@contoso.example", "m1",
                "451 4.2.0 <Zed@contoso.example>: greylisted", TLS), RETRY_COUNT, "1");
        String delivered = row("3/6/2009 13:35", "D", "zed@contoso.example", "m1", "250 OK", TLS);
        Path c = log("c.csv", List.of(MESSAGE_ID_HEADER, SENDER), received);
        Path d = log("d.csv", List.of(INTERNAL_MESSAGE_ID), retried);
        Path e = log("e.csv", List.of(INTERNAL_MESSAGE_ID), delivered);
        List<List<Path>> orders = List.of(List.of(c, d, e), List.of(c, e, d), List.of(d, c, e), List.of(d, e, c),
                List.of(e, c, d), List.of(e, d, c));
        JsonNode first = json(orders.getFirst());
        assertEquals(1, first.get("messages").asInt(), first.toString());
        JsonNode chain = first.get("chains").get(0);
        assertEquals(Arrays.asList("zed@contoso.example", "RTD", "DELIVERED", true),
                Arrays.asList(chain.get("recipient").asText(), chain.get("events").asText(),
                        chain.get("verdict").asText(), chain.get("joinedByGuess").asBoolean()), chain.toString());
        for (List<Path> order : orders) {
            assertEquals(orderFree(first), orderFree(json(order)),
                    order.stream().map(p -> p.getFileName().toString()).toList().toString());
        }
    }
}
