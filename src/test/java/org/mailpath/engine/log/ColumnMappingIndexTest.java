package org.mailpath.engine.log;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The record's columns cannot be changed through what it gives out. */
class ColumnMappingIndexTest {

    @Test
    void changingTheIndexGivenOutLeavesTheMappingAsItWas() {
        ColumnMapping mapping = ColumnMapping.documentedOrder();
        int date = mapping.indexOf(LogColumn.DATE);
        int[] given = mapping.index();
        given[LogColumn.DATE.ordinal()] = -1;
        assertEquals(date, mapping.indexOf(LogColumn.DATE));
        assertEquals(date, mapping.index()[LogColumn.DATE.ordinal()]);
        assertEquals(ColumnMapping.documentedOrder(), mapping);
    }

}
