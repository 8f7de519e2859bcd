package org.mailpath.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.mailpath.engine.finding.Actor;
import org.mailpath.engine.finding.Finding;
import org.mailpath.engine.finding.Severity;
import picocli.CommandLine;

class FailOnTest {

    private static Finding finding(Severity severity, Actor actor) {
        return new Finding("CODE", severity, "a.test", "m", List.of(), "r", actor);
    }

    private static final Finding NOT_CHECKED = finding(Severity.ERROR, Actor.LOCAL_NETWORK);
    private static final Finding WARNING = finding(Severity.WARNING, Actor.SENDER_ADMIN);

    @Test
    void aFindingAtTheLevelBeatsAChecksNotMade() {
        assertEquals(MailPathCommand.EXIT_FINDINGS, FailOn.exitCode(Severity.WARNING, List.of(NOT_CHECKED, WARNING)));
        assertEquals(MailPathCommand.EXIT_FINDINGS, FailOn.exitCode(Severity.INFO, List.of(WARNING)));
    }

    @Test
    void aFindingBelowTheLevelLeavesTheCheckNotMadeToSpeak() {
        assertEquals(MailPathCommand.EXIT_NOT_CHECKED, FailOn.exitCode(Severity.ERROR, List.of(WARNING, NOT_CHECKED)));
        assertEquals(0, FailOn.exitCode(Severity.ERROR, List.of(WARNING)));
        assertEquals(0, FailOn.exitCode(Severity.INFO, List.of()));
    }

    @Test
    void anOkOfThisComputersNetworkIsNoCheckNotMade() {
        // as the report counts it: LOCAL_NETWORK and OK (e.g. port 25 open) is a check that was made
        assertEquals(0, FailOn.exitCode(Severity.INFO, List.of(finding(Severity.OK, Actor.LOCAL_NETWORK))));
    }

    @Test
    void levelsAreErrorWarningOrInfoInAnyCase() {
        FailOn.LevelConverter levels = new FailOn.LevelConverter();
        assertEquals(Severity.ERROR, levels.convert("error"));
        assertEquals(Severity.WARNING, levels.convert(" WARNING "));
        assertEquals(Severity.INFO, levels.convert("Info"));
        assertThrows(CommandLine.TypeConversionException.class, () -> levels.convert("ok"));
        assertThrows(CommandLine.TypeConversionException.class, () -> levels.convert("warn"));
    }
}
