package org.mailpath.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.AccessTarget;
import com.tngtech.archunit.core.domain.JavaAccess;
import com.tngtech.archunit.core.domain.JavaClasses;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mailpath.engine.finding.Actor;
import org.mailpath.engine.domain.DnsText;
import org.mailpath.engine.finding.Finding;
import org.mailpath.engine.finding.Localizable;
import org.mailpath.engine.finding.Severity;
import org.mailpath.engine.log.FileErrorReason;
import org.mailpath.engine.log.FileProblem;
import org.mailpath.engine.nameserver.NameServerCheck;
import org.mailpath.engine.report.ReportBuilder;
import org.mailpath.engine.smtp.Capabilities;
import org.mailpath.engine.status.Diagnosis;

/**
 * Keeps the app's words translatable: checks word their findings from resource bundles, and the UI shows the
 * engine's texts in its own language (the English accessors are for the command line, JSON and English reports).
 */
class TranslationRulesTest {

    private static final JavaClasses CLASSES = ProductionClasses.get();

    @Test
    void checksWordTheirFindingsFromResourceBundles() {
        noClasses().that().resideInAPackage("org.mailpath.engine..")
                // the report's copies are worded already (redacted, in its language); NS_OK carries evidence only
                .and().doNotBelongToAnyOf(ReportBuilder.class, NameServerCheck.class)
                .should().callConstructor(Finding.class, String.class, Severity.class, String.class, String.class,
                        List.class, String.class, Actor.class)
                .because("a finding worded in Java code cannot be shown in the user's language")
                .check(CLASSES);
    }

    /** A finding's words may be any {@link Localizable}: text the same in every language must not word one. */
    @Test
    void onlyDataIsTheSameInEveryLanguage() {
        noClasses().that().resideInAPackage("org.mailpath.engine..")
                // DNS data and the JDK's words (DnsReasons, DnsText), the extension keywords of an EHLO reply, the
                // system's own reason of a file error MailPath has no words for (FileErrorReason), and a merged
                // finding's parts that came without words of a bundle, quoted as they were (DnsFailuresOnce)
                .and().doNotBelongToAnyOf(DnsText.class, Capabilities.class, FileErrorReason.class)
                .and().doNotHaveFullyQualifiedName("org.mailpath.engine.dns.DnsReasons")
                .and().doNotHaveFullyQualifiedName("org.mailpath.engine.check.DnsFailuresOnce")
                .should().callMethod(Localizable.class, "verbatim", String.class)
                .because("verbatim text is data quoted as it is; a check's own words come from its resource bundle")
                .check(CLASSES);
    }

    @Test
    void theUiShowsEngineTextsInItsLanguage() {
        noClasses().that().resideInAPackage("org.mailpath.ui..")
                .should().accessTargetWhere(englishText(Finding.class, "message"))
                .orShould().accessTargetWhere(englishText(Finding.class, "remediation"))
                .orShould().accessTargetWhere(englishText(FileProblem.class, "message"))
                .orShould().accessTargetWhere(englishText(Diagnosis.class, "explanation"))
                .orShould().accessTargetWhere(englishText(Diagnosis.class, "remediation"))
                .because("the UI passes its locale: message(Locale), explanation(Locale), …")
                .check(CLASSES);
    }

    /** A call of, or a method reference to, the English accessor {@code owner.name()} (without a locale). */
    private static DescribedPredicate<JavaAccess<?>> englishText(Class<?> owner, String name) {
        return DescribedPredicate.describe(owner.getSimpleName() + "." + name + "()",
                access -> access.getTargetOwner().isEquivalentTo(owner) && access.getName().equals(name)
                        && access.getTarget() instanceof AccessTarget.CodeUnitAccessTarget target
                        && target.getRawParameterTypes().isEmpty());
    }
}
