package fr.tremplin.testing;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The layering rule catches what it is there for: proven on two small packages, one right and one wrong. */
class LayeringTest {

    /** The fixtures are test classes, which {@link Layering#check(String)} leaves out on purpose. */
    private static JavaClasses fixtures(String base) {
        return new ClassFileImporter().importPackages(base);
    }

    @Test
    void a_service_that_imports_a_rest_record_fails_the_build_and_is_named() {
        assertThatThrownBy(() -> Layering.check("fr.tremplin.testing.layered", fixtures("fr.tremplin.testing.layered")))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("fr.tremplin.testing.layered.service.UpwardService")
                .hasMessageContaining("fr.tremplin.testing.layered.rest.SomeResponse");
    }

    @Test
    void arrows_that_point_down_pass() {
        assertThatCode(() -> Layering.check("fr.tremplin.testing.layered.clean", fixtures("fr.tremplin.testing.layered.clean"))).doesNotThrowAnyException();
    }
}
