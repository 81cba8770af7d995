package fr.tremplin.applications;

import fr.tremplin.testing.InvalidTokenContract;
import io.quarkus.test.junit.QuarkusTest;

/**
 * {@link InvalidTokenContract} on the family's signing page, GET /api/v1/signatures/{token}, which answers 404 to an
 * unknown link without a token.
 */
@QuarkusTest
class InvalidTokenTest extends InvalidTokenContract {

    @Override
    protected String publicRoute() {
        return "/api/v1/signatures/no-such-link";
    }

    @Override
    protected int anonymousStatus() {
        return 404;
    }
}
