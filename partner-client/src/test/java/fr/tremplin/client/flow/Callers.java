package fr.tremplin.client.flow;

import com.fasterxml.jackson.databind.DeserializationFeature;
import fr.tremplin.client.ApiClient;
import fr.tremplin.client.platform.RunningPlatform;
import fr.tremplin.testing.TestTokens;

import java.time.Duration;

/**
 * A generated {@link ApiClient} per person, pointed at the gateway, each with its own signed token, as a partner's
 * front-end would hold one per signed-in user. Answers are read strictly: a field the contract does not declare fails
 * the test instead of being dropped as the generated client does by default.
 */
final class Callers {

    private Callers() {
    }

    static ApiClient as(TestTokens token) {
        String authorization = token.bearer();
        ApiClient client = new ApiClient();
        client.updateBaseUri(RunningPlatform.gatewayUrl());
        client.setReadTimeout(Duration.ofSeconds(30));
        client.setObjectMapper(ApiClient.createDefaultObjectMapper()
                .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true));
        client.setRequestInterceptor(request -> request.header("Authorization", authorization));
        return client;
    }

    static ApiClient anonymous() {
        ApiClient client = new ApiClient();
        client.updateBaseUri(RunningPlatform.gatewayUrl());
        client.setObjectMapper(ApiClient.createDefaultObjectMapper()
                .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true));
        return client;
    }
}
