package com.chatforyou.boot.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.lang.ArchRule;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.stereotype.Component;
import org.springframework.stereotype.Repository;
import org.springframework.stereotype.Service;

/**
 * The dependency rules of the hexagon, one named rule per constraint. They take the root package so
 * a test can show each rule catching a deliberate violation.
 */
final class HexagonalRules {

    private HexagonalRules() {
    }

    static ArchRule domainDependsOnTheJdkOnly(String root) {
        return classes().that().resideInAPackage(root + ".domain..")
                .should().onlyDependOnClassesThat().resideInAnyPackage(root + ".domain..", "java..", "javax.crypto..")
                .as("the domain depends on the JDK only");
    }

    static ArchRule adaptersNeverDependOnEachOther(String root) {
        return slices().matching(root + ".adapter.(*)..").should().notDependOnEachOther()
                .as("adapters never depend on each other");
    }

    static ArchRule mediaBackendsNeverDependOnEachOther(String root) {
        return slices().matching(root + ".adapter.media.(*)..").should().notDependOnEachOther()
                .allowEmptyShould(true)
                .as("media backends never depend on each other");
    }

    static ArchRule adaptersUseTheDomainThroughItsPortsOnly(String root) {
        return noClasses().that().resideInAPackage(root + ".adapter..")
                .should().dependOnClassesThat().resideInAPackage(root + ".domain.service..")
                .as("adapters use the domain through its ports and model only");
    }

    static ArchRule onlyTheBootModuleDeclaresBeans(String root) {
        return noClasses().that().resideOutsideOfPackage(root + ".boot..")
                .should().beAnnotatedWith(Configuration.class)
                .orShould().beAnnotatedWith(Component.class)
                .orShould().beAnnotatedWith(Service.class)
                .orShould().beAnnotatedWith(Repository.class)
                .orShould().beAnnotatedWith(SpringBootApplication.class)
                .as("only the boot module declares configuration and components");
    }

    static ArchRule beanMethodsLiveInTheBootModule(String root) {
        return methods().that().areAnnotatedWith(Bean.class)
                .and().areDeclaredInClassesThat().resideInAPackage(root + "..")
                .should().beDeclaredInClassesThat().resideInAPackage(root + ".boot..")
                .allowEmptyShould(true)
                .as("@Bean methods live in the boot module");
    }

    static ArchRule nothingDependsOnTheBootModule(String root) {
        return noClasses().that().resideOutsideOfPackage(root + ".boot..")
                .should().dependOnClassesThat().resideInAPackage(root + ".boot..")
                .as("nothing depends on the boot module");
    }
}
