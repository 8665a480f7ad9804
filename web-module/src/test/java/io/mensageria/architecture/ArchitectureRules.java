package io.mensageria.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaEnumConstant;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.domain.properties.HasAnnotations;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The rules of the code's layout (README, "A short tour of the code"), for any root package: a
 * component is the first package below the root; its {@code control} and {@code entity} packages
 * are its own.
 */
final class ArchitectureRules {

    private ArchitectureRules() {}

    /** Only the component itself may use what is inside it: others go through its boundary. */
    static ArchRule insidesStayInside(String root) {
        Pattern inside = Pattern.compile(Pattern.quote(root) + "\\.([a-z]+)\\.(control|entity)(\\..*)?");
        return classes()
                .that()
                .resideInAPackage(root + "..")
                .should(new ArchCondition<>("use no other component's control or entity classes") {
                    @Override
                    public void check(JavaClass origin, ConditionEvents events) {
                        Optional<String> own = componentOf(root, origin.getPackageName());
                        for (Dependency dependency : origin.getDirectDependenciesFromSelf()) {
                            Matcher target =
                                    inside.matcher(dependency.getTargetClass().getPackageName());
                            if (target.matches() && !own.equals(Optional.of(target.group(1)))) {
                                events.add(SimpleConditionEvent.violated(dependency, dependency.getDescription()));
                            }
                        }
                    }
                });
    }

    /**
     * Every timer runs outside a container transaction ({@code NOT_SUPPORTED} on the method or its
     * class): Payara expunges a timer, for good, after two deliveries in a row that failed, and a timer
     * whose transaction fails (the database is down) counts as failed even when it catches everything.
     */
    static ArchRule timersRunOutsideTransactions(String root) {
        return methods()
                .that()
                .areDeclaredInClassesThat()
                .resideInAPackage(root + "..")
                .and()
                .areAnnotatedWith("jakarta.ejb.Schedule")
                .should(new ArchCondition<>("run outside any transaction (NOT_SUPPORTED)") {
                    @Override
                    public void check(JavaMethod timer, ConditionEvents events) {
                        if (!notSupported(timer) && !notSupported(timer.getOwner())) {
                            events.add(
                                    SimpleConditionEvent.violated(timer, timer.getFullName() + " joins a transaction"));
                        }
                    }
                });
    }

    private static boolean notSupported(HasAnnotations<?> annotated) {
        return annotated.getAnnotations().stream()
                .filter(annotation -> annotation.getRawType().getName().equals("jakarta.ejb.TransactionAttribute"))
                .anyMatch(annotation -> annotation
                        .get("value")
                        .map(value -> ((JavaEnumConstant) value).name().equals("NOT_SUPPORTED"))
                        .orElse(false));
    }

    static ArchRule componentsFormNoCycles(String root) {
        return slices().matching(root + ".(*)..").should().beFreeOfCycles();
    }

    /** The EJB module never reaches up into the web module's HTTP boundary. */
    static ArchRule noRestBelowTheWeb(String root) {
        return noClasses().should().dependOnClassesThat().resideInAPackage(root + "..rest..");
    }

    /** The domain is plain Java: no Jakarta EE, no JMS, no JPA, nothing of the modules above it. */
    static ArchRule domainIsPlainJava(String root) {
        return classes()
                .should()
                .onlyDependOnClassesThat()
                .resideInAnyPackage("java..", root + ".events..", root + ".cards..");
    }

    private static Optional<String> componentOf(String root, String packageName) {
        if (!packageName.startsWith(root + ".")) {
            return Optional.empty();
        }
        String rest = packageName.substring(root.length() + 1);
        int dot = rest.indexOf('.');
        return Optional.of(dot < 0 ? rest : rest.substring(0, dot));
    }
}
