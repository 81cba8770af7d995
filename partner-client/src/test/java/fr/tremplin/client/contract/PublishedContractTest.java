package fr.tremplin.client.contract;

import com.fasterxml.jackson.databind.JsonNode;
import fr.tremplin.client.platform.RunningPlatform;
import fr.tremplin.testing.OpenApiContract;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * docs/openapi.json, the contract partners download and generate their client from, is the document the running
 * gateway serves: a route or a schema changed in a service without the file following fails here, naming the
 * operations. {@code -Dtremplin.openapi.write=true} rewrites the file from the served document instead.
 */
@ExtendWith(RunningPlatform.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class) // when rewriting, the other checks read the new file
class PublishedContractTest {

    private static final String REFRESH = "./mvnw -pl partner-client -am verify -Dtremplin.openapi.write=true "
            + "-Dtest=PublishedContractTest -Dsurefire.failIfNoSpecifiedTests=false";

    private final Path contract = Path.of(System.getProperty("tremplin.contract", "../docs/openapi.json"));

    @Test
    @Order(1)
    void the_committed_contract_is_what_the_gateway_serves() throws Exception {
        HttpResponse<String> answer = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(RunningPlatform.gatewayUrl() + "/q/openapi?format=json")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).as("GET /q/openapi on the gateway").isEqualTo(200);
        JsonNode served = ContractDocument.normalize(answer.body());
        assertThat(served.has("x-unavailable-services")).as("every service's document merged: " + served.path("x-unavailable-services"))
                .isFalse();

        if (Boolean.getBoolean("tremplin.openapi.write")) {
            Files.writeString(contract, ContractDocument.print(served), StandardCharsets.UTF_8);
            System.out.println("wrote " + contract.toAbsolutePath().normalize() + " from the gateway's /q/openapi");
            return;
        }
        assertThat(contract).as("the published contract").exists();
        List<String> differences = ContractDocument.differences(
                ContractDocument.normalize(Files.readString(contract, StandardCharsets.UTF_8)), served);
        if (!differences.isEmpty()) {
            fail(contract.getFileName() + " is not what the gateway serves (" + differences.size() + " difference(s)):\n  "
                    + String.join("\n  ", differences.subList(0, Math.min(15, differences.size())))
                    + (differences.size() > 15 ? "\n  ..." : "")
                    + "\nIf the API change is meant, refresh the file and commit it with the change:\n  " + REFRESH);
        }
    }

    @Test
    @Order(2)
    void the_committed_contract_is_one_a_generator_can_use() throws Exception {
        OpenApiContract.assertHolds(Files.readString(contract, StandardCharsets.UTF_8));
    }

    @Test
    @Order(3)
    void the_committed_contract_is_in_its_published_form() throws Exception {
        String raw = Files.readString(contract, StandardCharsets.UTF_8);
        assertThat(raw).as(contract.getFileName() + " ends with a newline (refresh it with: " + REFRESH + ")").endsWith("}\n");
        List<String> committed = raw.lines().toList();
        List<String> published = ContractDocument.print(ContractDocument.normalize(String.join("\n", committed)))
                .lines().toList();
        for (int i = 0; i < Math.max(committed.size(), published.size()); i++) {
            String ours = i < committed.size() ? committed.get(i) : "(end of file)";
            String expected = i < published.size() ? published.get(i) : "(end of file)";
            if (!ours.equals(expected)) {
                fail(contract.getFileName() + " is not sorted and pretty-printed from line " + (i + 1) + ": '" + ours
                        + "' where '" + expected + "' was expected. Refresh it with:\n  " + REFRESH);
            }
        }
    }
}
