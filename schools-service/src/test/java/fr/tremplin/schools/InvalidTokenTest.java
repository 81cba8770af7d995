package fr.tremplin.schools;

import fr.tremplin.testing.InvalidTokenContract;
import io.quarkus.test.junit.QuarkusTest;

/** {@link InvalidTokenContract} on public reference data, GET /api/v1/academies. */
@QuarkusTest
class InvalidTokenTest extends InvalidTokenContract {

    @Override
    protected String publicRoute() {
        return "/api/v1/academies";
    }

    @Override
    protected int anonymousStatus() {
        return 200;
    }
}
