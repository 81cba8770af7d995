package fr.tremplin.offers;

import fr.tremplin.testing.events.OutboxContractCheck;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.UUID;

import static fr.tremplin.offers.OfferFixtures.SECTOR_MODE;
import static fr.tremplin.offers.OfferFixtures.host;
import static fr.tremplin.offers.OfferFixtures.offer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The check DatabaseCleaner runs on the outbox after each test class: what the service wrote passes, and a row that
 * drifts from docs/events (an undeclared field, a missing one) is named by type, id and field. The drifted rows are
 * deleted before the class ends, so that the cleaner's own check passes.
 */
@QuarkusTest
class OutboxContractCheckTest {

    private static final String SOURCE = "/tremplin/offers-service";

    @Inject
    AgroalDataSource dataSource;

    @Test
    void whatTheServiceWritesPassesAndADriftedRowIsNamedByTypeAndField() throws Exception {
        String id = OfferFixtures.published(host("Mairie de Nantua"), offer("Accueil", "État civil.", SECTOR_MODE));
        UUID drifted = UUID.randomUUID();
        try (Connection connection = dataSource.getConnection()) {
            assertThat(OutboxContractCheck.violations(connection, SOURCE)).isEmpty();

            copyWithPayload(connection, id, drifted, "payload - 'capacityPerWeek' || '{\"tutorName\": \"x\"}'::jsonb");
            assertThat(OutboxContractCheck.violations(connection, SOURCE))
                    .anySatisfy(line -> assertThat(line).contains("offer.published " + drifted, "tutorName"))
                    .anySatisfy(line -> assertThat(line).contains("offer.published " + drifted, "capacityPerWeek"))
                    .hasSize(2);
            assertThatThrownBy(() -> OutboxContractCheck.failOn(
                    OutboxContractCheck.violations(connection, SOURCE), "OutboxContractCheckTest"))
                    .isInstanceOf(AssertionError.class).hasMessageContaining("break the event contract");
        } finally {
            try (Connection connection = dataSource.getConnection();
                 PreparedStatement delete = connection.prepareStatement("DELETE FROM outbox_event WHERE id = ?")) {
                delete.setObject(1, drifted);
                delete.executeUpdate();
            }
        }
    }

    @Test
    void aProgrammesPayloadPassesAndOneWithoutItsDefinitionOrWithAStrayFieldIsNamed() throws Exception {
        OfferFixtures.Host host = host("Mairie de Belley");
        String id = io.restassured.RestAssured.given().header("Authorization", host.bearer())
                .contentType("application/json").body(ProgrammeFixtures.programme("Pass'3e Belley"))
                .post("/api/v1/programmes").then().statusCode(201).extract().path("id");
        io.restassured.RestAssured.given().header("Authorization", host.bearer())
                .post("/api/v1/offers/" + id + "/publish").then().statusCode(200);
        UUID withoutDefinition = UUID.randomUUID();
        UUID strayWeight = UUID.randomUUID();
        UUID offerWithDefinition = UUID.randomUUID();
        try (Connection connection = dataSource.getConnection()) {
            assertThat(OutboxContractCheck.violations(connection, SOURCE)).isEmpty();

            copyWithPayload(connection, id, withoutDefinition, "payload - 'programme'");
            copyWithPayload(connection, id, strayWeight,
                    "jsonb_set(payload, '{programme,weights,PRIVATE}', '1.0'::jsonb)");
            copyWithPayload(connection, id, offerWithDefinition, "jsonb_set(payload, '{kind}', '\"OFFER\"'::jsonb)");
            assertThat(OutboxContractCheck.violations(connection, SOURCE))
                    .anySatisfy(line -> assertThat(line).contains("offer.published " + withoutDefinition, "programme"))
                    .anySatisfy(line -> assertThat(line).contains("offer.published " + strayWeight, "PRIVATE"))
                    .anySatisfy(line -> assertThat(line).contains("offer.published " + offerWithDefinition));
        } finally {
            try (Connection connection = dataSource.getConnection();
                 PreparedStatement delete = connection.prepareStatement("DELETE FROM outbox_event WHERE id = ANY (?)")) {
                delete.setArray(1, connection.createArrayOf("uuid",
                        new Object[] {withoutDefinition, strayWeight, offerWithDefinition}));
                delete.executeUpdate();
            }
        }
    }

    /**
     * The offer's (first) offer.published outbox row again, under another id, its payload changed by the SQL
     * expression given; marked published, so that the relay never sends it (offers-service reads its own topic).
     */
    private static void copyWithPayload(Connection connection, String offerId, UUID id, String payload)
            throws Exception {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO outbox_event (id, topic, message_key, type, subject, headers, payload, published_at) "
                        + "SELECT ?, topic, message_key, type, subject, headers, " + payload + ", now()"
                        + " FROM outbox_event WHERE message_key = ? AND type = 'offer.published' ORDER BY seq LIMIT 1")) {
            insert.setObject(1, id);
            insert.setString(2, offerId);
            assertThat(insert.executeUpdate()).isEqualTo(1);
        }
    }
}
