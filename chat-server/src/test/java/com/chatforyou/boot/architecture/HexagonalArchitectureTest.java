package com.chatforyou.boot.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The whole system, as built from every module's main classes, obeys the hexagon's rules. */
class HexagonalArchitectureTest {
    private static final String ROOT = "com.chatforyou";
    private static JavaClasses system;

    @BeforeAll
    static void importTheSystem() {
        system = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                // Test fixtures shared as a test-jar (media-adapter's contract suites) are tests too.
                .withImportOption(location -> !location.contains("-tests.jar"))
                .importPackages(ROOT);
    }

    @Test
    void the_domain_depends_on_the_jdk_only() {
        HexagonalRules.domainDependsOnTheJdkOnly(ROOT).check(system);
    }

    @Test
    void adapters_never_depend_on_each_other() {
        HexagonalRules.adaptersNeverDependOnEachOther(ROOT).check(system);
        HexagonalRules.mediaBackendsNeverDependOnEachOther(ROOT).check(system);
    }

    @Test
    void adapters_use_the_domain_through_its_ports_only() {
        HexagonalRules.adaptersUseTheDomainThroughItsPortsOnly(ROOT).check(system);
    }

    @Test
    void only_the_boot_module_wires_adapters() {
        HexagonalRules.onlyTheBootModuleDeclaresBeans(ROOT).check(system);
        HexagonalRules.beanMethodsLiveInTheBootModule(ROOT).check(system);
        HexagonalRules.nothingDependsOnTheBootModule(ROOT).check(system);
    }
}
