package fr.tremplin.offers.service;

import fr.tremplin.common.audit.AuditTrail;
import fr.tremplin.common.problem.ProblemException;
import fr.tremplin.common.security.Caller;
import fr.tremplin.common.security.Roles;
import fr.tremplin.offers.api.OrganisationRequest;
import fr.tremplin.offers.domain.HostOrganisation;
import fr.tremplin.offers.domain.Ministry;
import fr.tremplin.offers.domain.Offer;
import fr.tremplin.offers.domain.OfferStatus;
import fr.tremplin.offers.events.OfferEvents;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Host organisations: a host registers and edits its own (the id of its token), an admin any. */
@ApplicationScoped
public class OrganisationService {

    private final AuditTrail audit;
    private final OfferEvents events;

    public OrganisationService(AuditTrail audit, OfferEvents events) {
        this.audit = audit;
        this.events = events;
    }

    public record Saved(HostOrganisation organisation, boolean created) {
    }

    @Transactional
    public Saved put(Caller caller, UUID id, OrganisationRequest request) {
        if (!caller.is(Roles.ADMIN) && !caller.isHostOf(id)) {
            throw ProblemException.forbidden("a host manages its own organisation only");
        }
        HostOrganisation organisation = HostOrganisation.findById(id);
        boolean created = organisation == null;
        if (created) {
            organisation = new HostOrganisation();
            organisation.id = id;
        }
        apply(request, organisation);
        organisation.persistAndFlush();
        if (!created) {
            renameOffers(organisation);
        }
        audit.record(caller, created ? "organisation.created" : "organisation.updated", "organisation", id, null);
        return new Saved(organisation, created);
    }

    @Transactional
    public HostOrganisation get(Caller caller, UUID id) {
        HostOrganisation organisation = HostOrganisation.findById(id);
        if (organisation == null) {
            throw ProblemException.notFound("no organisation " + id);
        }
        return organisation;
    }

    static void apply(OrganisationRequest request, HostOrganisation organisation) {
        if (request.ministryCode() != null && Ministry.findById(request.ministryCode()) == null) {
            throw ProblemException.unprocessable("ministryCode", "unknown ministry");
        }
        if (request.publicSector() && request.ministryCode() == null) {
            throw ProblemException.unprocessable("ministryCode", "is required for a public administration");
        }
        organisation.name = request.name().strip();
        organisation.siret = request.siret();
        organisation.publicSector = request.publicSector();
        organisation.ministryCode = request.ministryCode();
        organisation.street = request.street();
        organisation.zipcode = request.zipcode();
        organisation.city = request.city();
        organisation.updatedAt = Instant.now();
    }

    /** The organisation's name is searched with its offers: keep their copy in step. */
    private void renameOffers(HostOrganisation organisation) {
        List<Offer> offers = Offer.list("organisationId = ?1 and organisationName <> ?2", organisation.id,
                organisation.name);
        for (Offer offer : offers) {
            offer.organisationName = organisation.name;
            offer.updatedAt = Instant.now();
            if (offer.status == OfferStatus.PUBLISHED) {
                events.emit(OfferEvents.UPDATED, offer);
            }
        }
    }
}
