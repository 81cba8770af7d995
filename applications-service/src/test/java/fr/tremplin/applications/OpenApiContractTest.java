package fr.tremplin.applications;

import fr.tremplin.testing.OpenApiContract;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** Issue 11: the service's document is one a client generator can use (see {@link OpenApiContract}). */
@QuarkusTest
class OpenApiContractTest {

    @Test
    void every_operation_is_named_typed_and_secured_by_a_defined_scheme() {
        OpenApiContract.assertServedDocumentHolds();
    }
}
