package fr.tremplin.applications;

import fr.tremplin.testing.Layering;
import org.junit.jupiter.api.Test;

/**
 * The layers of the service, from the top: {@code rest} and {@code consumers}, then {@code service}, then
 * {@code repository} and {@code events}, then {@code api}, {@code domain} and {@code config}. An import only points
 * down or sideways, no two packages depend on each other, and every class sits in one of them (tremplin-testing's
 * {@link Layering}). Plain JUnit: no application is started.
 */
class ArchitectureTest {

    @Test
    void importsOnlyPointDown() {
        Layering.check("fr.tremplin.applications");
    }
}
