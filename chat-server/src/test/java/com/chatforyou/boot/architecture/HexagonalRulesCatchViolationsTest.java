package com.chatforyou.boot.architecture;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import org.junit.jupiter.api.Test;

/** Each rule fails on a small, deliberately broken hexagon under the test package {@code archfixture}. */
class HexagonalRulesCatchViolationsTest {
    private static final String ROOT = "archfixture";
    private final JavaClasses broken = new ClassFileImporter().importPackages(ROOT);

    @Test
    void a_domain_class_using_spring_breaks_the_jdk_only_rule() {
        assertThatThrownBy(() -> HexagonalRules.domainDependsOnTheJdkOnly(ROOT).check(broken))
                .isInstanceOf(AssertionError.class).hasMessageContaining("LeakyRoom");
    }

    @Test
    void an_adapter_calling_another_adapter_breaks_the_isolation_rule() {
        assertThatThrownBy(() -> HexagonalRules.adaptersNeverDependOnEachOther(ROOT).check(broken))
                .isInstanceOf(AssertionError.class).hasMessageContaining("MediaThing");
    }

    @Test
    void an_adapter_reaching_into_the_domain_service_breaks_the_ports_rule() {
        assertThatThrownBy(() -> HexagonalRules.adaptersUseTheDomainThroughItsPortsOnly(ROOT).check(broken))
                .isInstanceOf(AssertionError.class).hasMessageContaining("TurnThing");
    }

    @Test
    void an_adapter_wiring_itself_breaks_the_boot_only_rules() {
        assertThatThrownBy(() -> HexagonalRules.onlyTheBootModuleDeclaresBeans(ROOT).check(broken))
                .isInstanceOf(AssertionError.class).hasMessageContaining("SelfWiring");
        assertThatThrownBy(() -> HexagonalRules.beanMethodsLiveInTheBootModule(ROOT).check(broken))
                .isInstanceOf(AssertionError.class).hasMessageContaining("SelfWiring");
    }
}
