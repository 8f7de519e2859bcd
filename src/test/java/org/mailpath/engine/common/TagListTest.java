package org.mailpath.engine.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TagListTest {

    @Test
    void readsPairsInOrderWithWhiteSpaceAndCaseIgnored() {
        TagList list = TagList.parse(" V = DKIM1 ; k=rsa;P=MIIB AQAB ;");
        assertEquals(List.of("v", "k", "p"), list.names());
        assertEquals(Optional.of("MIIB AQAB"), list.value("p"));
        assertEquals(Optional.of("v"), list.firstName());
        assertTrue(list.problems().isEmpty(), list.problems().toString());
    }

    @Test
    void keepsTheFirstValueOfARepeatedTagAndSaysSo() {
        TagList list = TagList.parse("v=DMARC1; p=reject; p=none");
        assertEquals(Optional.of("reject"), list.value("p"));
        assertEquals("none", list.lastValues().get("p"));
        assertEquals("DMARC1", list.lastValues().get("v"));
        assertEquals(List.of("tag p= appears more than once"), list.problems().stream().map(Object::toString).toList());
        assertEquals("taggen p= förekommer mer än en gång", list.problems().getFirst().in(Locale.of("sv")));
    }

    @Test
    void refusesPairsWithoutEqualsOrWithABadName() {
        TagList list = TagList.parse("v=DKIM1; rsa; 1x=2; =empty; h-x=y");
        assertEquals(List.of("v"), list.names());
        assertEquals(4, list.problems().size(), list.problems().toString());
        assertTrue(list.problems().getFirst().toString().contains("\"rsa\" is not a tag=value pair"));
    }

    @Test
    void anEmptyRecordHasNoTagsAndNoProblems() {
        TagList list = TagList.parse(" ; ;");
        assertTrue(list.names().isEmpty());
        assertEquals(Optional.empty(), list.firstName());
        assertTrue(list.problems().isEmpty());
    }
}
