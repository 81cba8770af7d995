package fr.tremplin.offers;

import fr.tremplin.testing.InvalidTokenContract;
import io.quarkus.test.junit.QuarkusTest;

/** {@link InvalidTokenContract} on the anonymous search, GET /api/v1/offers. */
@QuarkusTest
class InvalidTokenTest extends InvalidTokenContract {

    @Override
    protected String publicRoute() {
        return "/api/v1/offers";
    }

    @Override
    protected int anonymousStatus() {
        return 200;
    }
}
