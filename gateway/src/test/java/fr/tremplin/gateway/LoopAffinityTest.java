package fr.tremplin.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import fr.tremplin.gateway.support.GatewayHttp;
import fr.tremplin.gateway.support.GatewayTestProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * Each event loop of the gateway reaches the services over connections of its own (Upstreams), so that an exchange
 * is not handed between threads. Two clients' connections land on two loops; taking turns, each client's requests
 * keep arriving on one connection of the service's, and not the same one. With one client for all loops, the most
 * recently used connection served both.
 */
@QuarkusTest
@TestProfile(GatewayTestProfile.class)
class LoopAffinityTest {

    @ConfigProperty(name = "quarkus.http.test-port")
    int port;

    @Test
    void each_client_connection_keeps_to_its_loops_upstream_connection() {
        List<GatewayHttp> clients = List.of(new GatewayHttp(port, HttpClient.Version.HTTP_1_1),
                new GatewayHttp(port, HttpClient.Version.HTTP_1_1));
        List<Set<String>> upstreamPorts = List.of(new HashSet<>(), new HashSet<>());
        for (int round = 0; round < 6; round++) {
            for (int i = 0; i < clients.size(); i++) {
                HttpResponse<String> answer = clients.get(i).get("/api/v1/offers/peer");
                assertThat(answer.statusCode()).isEqualTo(200);
                upstreamPorts.get(i).add(answer.body());
            }
        }
        assertThat(upstreamPorts.get(0)).as("the first client's requests, upstream").hasSize(1);
        assertThat(upstreamPorts.get(1)).as("the second client's requests, upstream").hasSize(1);
        assertThat(upstreamPorts.get(0)).doesNotContainAnyElementsOf(upstreamPorts.get(1));
    }
}
