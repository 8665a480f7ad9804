package io.mensageria.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The layout rules hold for the code as built: every module's main classes, no tests. */
class ArchitectureTest {

    private static final String ROOT = "io.mensageria";
    private static final JavaClasses DOMAIN = classesOf("../domain/target/classes");
    private static final JavaClasses EJB = classesOf("../ejb-module/target/classes");
    private static final JavaClasses ALL = new ClassFileImporter()
            .importPaths(
                    Path.of("../domain/target/classes"),
                    Path.of("../ejb-module/target/classes"),
                    Path.of("target/classes"));

    @Test
    void theDomainKnowsNoJakartaEe() {
        ArchitectureRules.domainIsPlainJava(ROOT).check(DOMAIN);
    }

    @Test
    void modulesPointOneWay() {
        ArchitectureRules.noRestBelowTheWeb(ROOT).check(EJB);
        ArchitectureRules.noRestBelowTheWeb(ROOT).check(DOMAIN);
    }

    @Test
    void aComponentsControlAndEntityAreUsedOnlyInsideIt() {
        ArchitectureRules.insidesStayInside(ROOT).check(ALL);
    }

    @Test
    void timersRunOutsideTransactions() {
        ArchitectureRules.timersRunOutsideTransactions(ROOT).check(EJB);
    }

    @Test
    void componentsDependOnEachOtherWithoutCycles() {
        ArchitectureRules.componentsFormNoCycles(ROOT).check(ALL);
    }

    private static JavaClasses classesOf(String directory) {
        return new ClassFileImporter().importPath(Path.of(directory));
    }
}
