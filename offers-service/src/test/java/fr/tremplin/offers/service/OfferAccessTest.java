package fr.tremplin.offers.service;

import fr.tremplin.common.security.Caller;
import fr.tremplin.common.security.Roles;
import fr.tremplin.offers.domain.Offer;
import fr.tremplin.offers.domain.OfferStatus;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static fr.tremplin.offers.service.TestCallers.anonymous;
import static fr.tremplin.offers.service.TestCallers.caller;

/** Who may read and change an offer (docs/OFFERS.md, "Who may do what"), decided without a request or a database. */
class OfferAccessTest {

    private static final UUID ORGANISATION = UUID.randomUUID();

    /** A token as smallrye-jwt gives it to {@link Caller}: its claims only. */
    private static Offer offer(OfferStatus status) {
        Offer offer = new Offer();
        offer.id = UUID.randomUUID();
        offer.organisationId = ORGANISATION;
        offer.operator = "jobirl";
        offer.ministryCode = "MEF";
        offer.status = status;
        return offer;
    }

    @Test
    void anybodyReadsAPublishedOfferButOnlyItsManagersChangeIt() {
        Offer published = offer(OfferStatus.PUBLISHED);

        assertThat(OfferAccess.canRead(anonymous(), published)).isTrue();
        assertThat(OfferAccess.canRead(caller(Roles.PUPIL, "school", "0590001A"), published)).isTrue();
        assertThat(OfferAccess.canManage(anonymous(), published)).isFalse();
        assertThat(OfferAccess.canManage(caller(Roles.PUPIL, "school", "0590001A"), published)).isFalse();
    }

    @Test
    void aHostManagesTheOffersOfItsOwnOrganisationOnly() {
        Offer draft = offer(OfferStatus.DRAFT);

        assertThat(OfferAccess.canManage(caller(Roles.HOST, "organisation", ORGANISATION.toString()), draft)).isTrue();
        assertThat(OfferAccess.canRead(caller(Roles.HOST, "organisation", ORGANISATION.toString()), draft)).isTrue();
        Caller otherHost = caller(Roles.HOST, "organisation", UUID.randomUUID().toString());
        assertThat(OfferAccess.canManage(otherHost, draft)).isFalse();
        assertThat(OfferAccess.canRead(otherHost, draft)).as("a draft is nobody else's business").isFalse();
        assertThat(OfferAccess.canManage(caller(Roles.HOST), draft)).as("a host without its claim").isFalse();
    }

    @Test
    void anOperatorManagesTheOffersItPushed() {
        Offer unpublished = offer(OfferStatus.UNPUBLISHED);

        assertThat(OfferAccess.canManage(caller(Roles.OPERATOR, "operator", "jobirl"), unpublished)).isTrue();
        assertThat(OfferAccess.canManage(caller(Roles.OPERATOR, "operator", "viensvoir"), unpublished)).isFalse();
        unpublished.operator = null;
        assertThat(OfferAccess.canManage(caller(Roles.OPERATOR, "operator", "jobirl"), unpublished))
                .as("an offer a host wrote").isFalse();
    }

    @Test
    void aMinistryReferentReadsItsMinistrysOffersInEveryStatusAndChangesNothing() {
        Offer draft = offer(OfferStatus.DRAFT);

        assertThat(OfferAccess.canRead(caller(Roles.MINISTRY, "ministry", "MEF"), draft)).isTrue();
        assertThat(OfferAccess.canManage(caller(Roles.MINISTRY, "ministry", "MEF"), draft)).isFalse();
        assertThat(OfferAccess.canRead(caller(Roles.MINISTRY, "ministry", "MINARM"), draft)).isFalse();
    }

    @Test
    void anAdminReadsAndManagesAnything() {
        Offer removed = offer(OfferStatus.REMOVED);

        assertThat(OfferAccess.canRead(caller(Roles.ADMIN), removed)).isTrue();
        assertThat(OfferAccess.canManage(caller(Roles.ADMIN), removed)).isTrue();
    }
}
