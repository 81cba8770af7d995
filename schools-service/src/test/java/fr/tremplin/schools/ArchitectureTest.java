package fr.tremplin.schools;

import fr.tremplin.testing.Layering;
import org.junit.jupiter.api.Test;

/**
 * The layers of schools-service only point down (docs/CONVENTIONS.md, "Layers"): {@code rest} and {@code consumers},
 * then {@code service}, then {@code repository} and {@code events}, then {@code api}, {@code domain} and
 * {@code config}; no package cycle, and every class in one of them. Plain JUnit: no Quarkus needed.
 */
class ArchitectureTest {

    @Test
    void layersOnlyPointDown() {
        Layering.check("fr.tremplin.schools");
    }
}
