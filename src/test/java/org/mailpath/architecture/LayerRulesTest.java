package org.mailpath.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import org.junit.jupiter.api.Test;

/** Keeps the layers apart: engine is pure Java, report sits on engine, cli on engine and report. */
class LayerRulesTest {

    private static final JavaClasses CLASSES = ProductionClasses.get();

    @Test
    void engineNeverUsesJavaFx() {
        noClasses().that().resideInAPackage("org.mailpath.engine..")
                .should().dependOnClassesThat().resideInAPackage("javafx..")
                .check(CLASSES);
    }

    @Test
    void engineDependsOnNoOtherLayer() {
        noClasses().that().resideInAPackage("org.mailpath.engine..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "org.mailpath.report..", "org.mailpath.cli..", "org.mailpath.ui..", "org.mailpath.launcher..")
                .check(CLASSES);
    }

    @Test
    void reportDependsOnEngineOnly() {
        noClasses().that().resideInAPackage("org.mailpath.report..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "org.mailpath.cli..", "org.mailpath.ui..", "org.mailpath.launcher..", "javafx..")
                .check(CLASSES);
    }

    @Test
    void cliDependsOnEngineAndReportOnly() {
        noClasses().that().resideInAPackage("org.mailpath.cli..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "org.mailpath.ui..", "org.mailpath.launcher..", "javafx..")
                .check(CLASSES);
    }

    @Test
    void viewModelsNeverTouchNodesStagesOrThePlatform() {
        noClasses().that().resideInAPackage("org.mailpath.ui..").and().haveSimpleNameEndingWith("ViewModel")
                .should().dependOnClassesThat().resideInAnyPackage("javafx.scene..", "javafx.stage..")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("javafx.application.Platform")
                .check(CLASSES);
    }
}
