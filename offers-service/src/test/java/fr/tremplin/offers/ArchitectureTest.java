package fr.tremplin.offers;

import fr.tremplin.testing.Layering;
import org.junit.jupiter.api.Test;

/**
 * The packages of offers-service only point down: {@code rest}, {@code consumers} → {@code service} →
 * {@code repository}, {@code events} → {@code api}, {@code domain}, {@code config}; no cycles, no class outside them.
 */
class ArchitectureTest {

    @Test
    void layersOnlyPointDown() {
        Layering.check("fr.tremplin.offers");
    }
}
