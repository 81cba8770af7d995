package fr.tremplin.applications;

import fr.tremplin.testing.JwtKeysTestResource;
import fr.tremplin.testing.KafkaTestResource;
import fr.tremplin.testing.PostgresTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;

/**
 * Real PostgreSQL (applications_test), a real Kafka broker, a fresh key pair and a real SMTP server (GreenMail, in the
 * JVM), for every test class of this module.
 */
@QuarkusTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "applications_test"))
@QuarkusTestResource(value = KafkaTestResource.class, initArgs = @ResourceArg(name = "principal", value = "applications-service"))
@QuarkusTestResource(JwtKeysTestResource.class)
@QuarkusTestResource(MailTestResource.class)
public final class TestInfrastructure {
    private TestInfrastructure() {
    }
}
