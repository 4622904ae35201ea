package org.atende;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/** Keeps module boundaries honest and writes the module diagrams to target/spring-modulith-docs. */
class ModularityTests {

    ApplicationModules modules = ApplicationModules.of(AtendeApplication.class);

    @Test
    void verifiesModularStructure() {
        modules.verify();
    }

    @Test
    void keepsTheCalendarFreeOfEveryOtherModule() {
        assertThat(modules.getModuleByName("calendar")).hasValueSatisfying(calendar ->
                assertThat(calendar.getDirectDependencies(modules).stream()).isEmpty());
    }

    @Test
    void writesDocumentation() {
        new Documenter(modules).writeDocumentation();
        assertThat(Path.of("target", "spring-modulith-docs", "components.puml")).exists();
    }
}
