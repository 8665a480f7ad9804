package io.mensageria.architecture;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import io.mensageria.fixture.alpha.boundary.AlphaBoundary;
import io.mensageria.fixture.alpha.control.Hidden;
import io.mensageria.fixture.alpha.control.Sweeper;
import io.mensageria.fixture.alpha.rest.SomeResource;
import io.mensageria.fixture.beta.boundary.Intruder;
import io.mensageria.fixture.events.LeakyEvent;
import org.junit.jupiter.api.Test;

/** Each rule fails on code that breaks it (the fixture package breaks every one), so a pass means something. */
class ArchitectureRulesTest {

    private static final String ROOT = "io.mensageria.fixture";
    private static final JavaClasses FIXTURE = new ClassFileImporter()
            .importClasses(
                    AlphaBoundary.class,
                    Hidden.class,
                    Sweeper.class,
                    Intruder.class,
                    SomeResource.class,
                    LeakyEvent.class);

    @Test
    void reachingIntoAnotherComponentsControlIsCaught() {
        EvaluationResult result = ArchitectureRules.insidesStayInside(ROOT).evaluate(FIXTURE);
        assertTrue(result.hasViolation());
        assertTrue(result.getFailureReport().toString().contains(Intruder.class.getName()));
        assertTrue(
                !result.getFailureReport().toString().contains(AlphaBoundary.class.getName() + ".value()"),
                "a component may use its own control");
    }

    @Test
    void aCycleBetweenComponentsIsCaught() {
        assertViolated(ArchitectureRules.componentsFormNoCycles(ROOT));
    }

    @Test
    void aDomainClassUsingJpaOrTheWebIsCaught() {
        assertViolated(ArchitectureRules.domainIsPlainJava(ROOT));
        assertViolated(ArchitectureRules.noRestBelowTheWeb(ROOT));
    }

    @Test
    void aTimerInATransactionIsCaught() {
        EvaluationResult result =
                ArchitectureRules.timersRunOutsideTransactions(ROOT).evaluate(FIXTURE);
        assertTrue(result.getFailureReport().toString().contains(Sweeper.class.getName() + ".sweepInATransaction()"));
        assertTrue(
                !result.getFailureReport().toString().contains("sweepOutside"),
                "a timer outside any transaction passes");
    }

    private static void assertViolated(ArchRule rule) {
        assertTrue(rule.evaluate(FIXTURE).hasViolation(), rule.getDescription());
    }
}
