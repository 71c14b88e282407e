package id.balai;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/** The module structure holds (no cycles, no reaching into another module's internals) and is documented. */
class ModularityTests {

    private final ApplicationModules modules = ApplicationModules.of(BalaiApplication.class);

    @Test
    void modulesOnlyUseEachOthersPublishedApi() {
        modules.verify();
    }

    @Test
    void writesModuleDocumentation() {
        new Documenter(modules).writeDocumentation().writeIndividualModulesAsPlantUml();
    }
}
