package org.mailpath.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mailpath.engine.check.CheckKind;
import org.mailpath.engine.check.CheckListener;
import org.mailpath.engine.check.CheckOptions;
import org.mailpath.engine.check.CheckRequest;
import org.mailpath.engine.check.ConcurrentDomainChecker;
import org.mailpath.engine.check.DomainCheck;
import org.mailpath.engine.common.Cancellation;
import org.mailpath.engine.finding.Actor;
import org.mailpath.engine.finding.Finding;
import org.mailpath.engine.finding.Severity;
import org.mailpath.testing.BrokenCheck;
import org.mailpath.testing.fakedns.FakeDns;
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
    void aCheckThatFailedInsideIsACheckNotMade() {
        // CHECK_FAILED, as the checker makes it of a check that throws: an ERROR of nobody's, but no finding
        DomainCheck throwing = new BrokenCheck(CheckKind.SPF, "a bug in the check");
        List<Finding> findings = new ConcurrentDomainChecker(List.of(throwing), o -> FakeDns.of(""))
                .check(List.of(new CheckRequest("a.test", EnumSet.of(CheckKind.SPF))), CheckOptions.defaults(),
                        CheckListener.NONE, Cancellation.none())
                .domains().getFirst().findings();
        assertEquals(List.of("CHECK_FAILED"), findings.stream().map(Finding::code).toList());
        assertEquals(Severity.ERROR, findings.getFirst().severity());
        for (Severity level : List.of(Severity.ERROR, Severity.WARNING, Severity.INFO)) {
            assertEquals(MailPathCommand.EXIT_NOT_CHECKED, FailOn.exitCode(level, findings), level.toString());
        }
        // what the other checks found still counts at its level
        List<Finding> withWarning = new ArrayList<>(findings);
        withWarning.add(WARNING);
        assertEquals(MailPathCommand.EXIT_FINDINGS, FailOn.exitCode(Severity.WARNING, withWarning));
        assertEquals(MailPathCommand.EXIT_NOT_CHECKED, FailOn.exitCode(Severity.ERROR, withWarning));
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
