package org.mailpath.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Keeps the layers apart: engine is pure Java, report sits on engine, cli on engine and report. */
class LayerRulesTest {

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.mailpath");
    }

    @Test
    void engineNeverUsesJavaFx() {
        noClasses().that().resideInAPackage("org.mailpath.engine..")
                .should().dependOnClassesThat().resideInAPackage("javafx..")
                .check(classes);
    }

    @Test
    void engineDependsOnNoOtherLayer() {
        noClasses().that().resideInAPackage("org.mailpath.engine..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "org.mailpath.report..", "org.mailpath.cli..", "org.mailpath.ui..", "org.mailpath.launcher..")
                .check(classes);
    }

    @Test
    void reportDependsOnEngineOnly() {
        noClasses().that().resideInAPackage("org.mailpath.report..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "org.mailpath.cli..", "org.mailpath.ui..", "org.mailpath.launcher..", "javafx..")
                .check(classes);
    }

    @Test
    void cliDependsOnEngineAndReportOnly() {
        noClasses().that().resideInAPackage("org.mailpath.cli..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "org.mailpath.ui..", "org.mailpath.launcher..", "javafx..")
                .check(classes);
    }

    @Test
    void viewModelsNeverTouchNodesStagesOrThePlatform() {
        noClasses().that().resideInAPackage("org.mailpath.ui..").and().haveSimpleNameEndingWith("ViewModel")
                .should().dependOnClassesThat().resideInAnyPackage("javafx.scene..", "javafx.stage..")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("javafx.application.Platform")
                .check(classes);
    }
}
