package fr.tremplin.testing;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The layers of every service (docs/CONVENTIONS.md, "Layers"), from the top: the doors ({@code rest}, inbound
 * {@code consumers}), the {@code service}s, what services use to store and tell ({@code repository}, outbound
 * {@code events}), and what everyone may read ({@code api} records, {@code domain} entities, {@code config}).
 * An arrow only points down or sideways, no two packages import each other even indirectly, and every class sits in
 * one of these packages. Each service's {@code ArchitectureTest} calls {@link #check(String)}.
 */
public final class Layering {

    /** Package → height: a class may import a package of the same height or lower. */
    static final Map<String, Integer> LAYERS = new LinkedHashMap<>();

    static {
        LAYERS.put("rest", 3);
        LAYERS.put("consumers", 3);
        LAYERS.put("service", 2);
        LAYERS.put("repository", 1);
        LAYERS.put("events", 1);
        LAYERS.put("api", 0);
        LAYERS.put("domain", 0);
        LAYERS.put("config", 0);
    }

    private Layering() {
    }

    /** Fails with every offending import listed when the service under {@code basePackage} breaks the layering. */
    public static void check(String basePackage) {
        check(basePackage, new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
                .importPackages(basePackage));
    }

    static void check(String basePackage, JavaClasses main) {
        List<String> failures = new ArrayList<>();
        for (ArchRule rule : rules(basePackage)) {
            EvaluationResult result = rule.evaluate(main);
            if (result.hasViolation()) {
                failures.add(result.getFailureReport().toString());
            }
        }
        if (main.isEmpty()) {
            failures.add("no class found under " + basePackage);
        }
        if (!failures.isEmpty()) {
            throw new AssertionError(String.join("\n\n", failures));
        }
    }

    static List<ArchRule> rules(String base) {
        List<ArchRule> rules = new ArrayList<>();
        for (Map.Entry<String, Integer> layer : LAYERS.entrySet()) {
            String[] higher = LAYERS.entrySet().stream().filter(other -> other.getValue() > layer.getValue())
                    .map(other -> base + "." + other.getKey() + "..").toArray(String[]::new);
            if (higher.length > 0) {
                rules.add(noClasses().that().resideInAPackage(base + "." + layer.getKey() + "..")
                        .should().dependOnClassesThat().resideInAnyPackage(higher)
                        .because(layer.getKey() + " sits below " + String.join(", ", higher)
                                + ": arrows only point down").allowEmptyShould(true));
            }
        }
        rules.add(classes().should().resideInAnyPackage(LAYERS.keySet().stream()
                        .map(name -> base + "." + name + "..").toArray(String[]::new))
                .because("every class belongs to one layer"));
        rules.add(slices().matching(base + ".(*)..").should().beFreeOfCycles().allowEmptyShould(true));
        return rules;
    }
}
