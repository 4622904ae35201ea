package org.atende.calendar;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** Business time is plain Java: no framework may reach into it. */
class CalendarArchitectureTests {

    @Test
    void calendarDependsOnNoFrameworkOrPersistence() {
        var classes = new ClassFileImporter().withImportOption(new ImportOption.DoNotIncludeTests())
                .importPackages("org.atende.calendar");
        noClasses().that().doNotHaveSimpleName("package-info")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "jakarta..", "javax.persistence..")
                .because("the business-time engine is a plain Java library (package-info only carries module metadata)")
                .check(classes);
    }
}
