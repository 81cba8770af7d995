package fr.tremplin.offers.service;

import fr.tremplin.common.audit.AuditTrail;
import fr.tremplin.common.problem.ProblemException;
import fr.tremplin.common.security.Caller;
import fr.tremplin.common.web.Page;
import fr.tremplin.common.web.PageParams;
import fr.tremplin.offers.api.OfferRequest;
import fr.tremplin.offers.api.OfferView;
import fr.tremplin.offers.api.OrganisationRequest;
import fr.tremplin.offers.domain.HostOrganisation;
import fr.tremplin.offers.domain.Offer;
import fr.tremplin.offers.domain.OfferStatus;
import fr.tremplin.offers.events.OfferEvents;
import fr.tremplin.offers.repository.OperatorLocks;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * Operators (JobIRL, Viens voir mon taf...) push offers keyed by their own reference: PUT creates or replaces,
 * DELETE withdraws; both idempotent, so a retried synchronisation changes nothing the second time. Identical PUTs
 * sent at once make one offer and one organisation: they wait for each other ({@link OperatorLocks}), and the callers
 * run a transaction that lost a race again ({@code LostRaces}), outside it, so that none answers 409 or 500.
 */
@ApplicationScoped
public class OperatorIngestion {

    private final OfferRules rules;
    private final OfferEvents events;
    private final OfferService offers;
    private final AuditTrail audit;
    private final OperatorLocks locks;

    public OperatorIngestion(OfferRules rules, OfferEvents events, OfferService offers, AuditTrail audit,
                             OperatorLocks locks) {
        this.rules = rules;
        this.events = events;
        this.offers = offers;
        this.audit = audit;
        this.locks = locks;
    }

    public record Upserted(OfferView offer, boolean created) {
    }

    @Transactional
    public Upserted put(Caller caller, String externalRef, OfferRequest request) {
        String operator = caller.require(caller.operator(), "operator");
        if (request.organisation() == null) {
            throw ProblemException.invalid("organisation", "is required: describe the host organisation");
        }
        // concurrent pushes of this reference, or of this organisation, wait for each other here: the first creates,
        // the next ones find what it committed (a lost race elsewhere is run again by the caller: LostRaces)
        locks.reference(operator, externalRef);
        locks.organisation(operator, organisationKey(request.organisation()));
        Offer offer = Offer.find("operator = ?1 and externalRef = ?2", operator, externalRef).firstResult();
        boolean created = offer == null;
        String before = created ? null : fingerprint(offer);
        OfferStatus previous = created ? null : offer.status;
        if (created) {
            offer = new Offer();
            offer.id = UUID.randomUUID();
            offer.operator = operator;
            offer.externalRef = externalRef;
            offer.createdBy = caller.id();
            offer.createdAt = Instant.now();
        }
        HostOrganisation organisation = organisation(operator, request.organisation());
        offer.organisationId = organisation.id;
        offer.organisationName = organisation.name;
        rules.apply(request, offer);
        offer.status = Boolean.FALSE.equals(request.published()) ? OfferStatus.UNPUBLISHED : OfferStatus.PUBLISHED;
        if (!created && before.equals(fingerprint(offer)) && previous == offer.status) {
            return new Upserted(offers.view(offer), false); // the same offer again: nothing to tell anybody
        }
        offer.updatedAt = Instant.now();
        offer.persistAndFlush();
        String type = offer.status == OfferStatus.UNPUBLISHED
                ? (previous == OfferStatus.PUBLISHED ? OfferEvents.UNPUBLISHED : null)
                : (previous == OfferStatus.PUBLISHED ? OfferEvents.UPDATED : OfferEvents.PUBLISHED);
        if (type != null) {
            events.emit(type, offer);
        }
        audit.record(caller, created ? "offer.ingested" : "offer.replaced", "offer", offer.id, externalRef);
        return new Upserted(offers.view(offer), created);
    }

    /** True when the offer was withdrawn now, false when it already was; 404 when the reference is unknown. */
    @Transactional
    public boolean withdraw(Caller caller, String externalRef) {
        String operator = caller.require(caller.operator(), "operator");
        Offer offer = Offer.find("operator = ?1 and externalRef = ?2", operator, externalRef).firstResult();
        if (offer == null) {
            throw ProblemException.notFound("you have no offer with reference " + externalRef);
        }
        if (offer.status == OfferStatus.REMOVED) {
            return false;
        }
        offer.status = OfferStatus.REMOVED;
        offer.updatedAt = Instant.now();
        offer.persistAndFlush();
        events.emit(OfferEvents.REMOVED, offer);
        audit.record(caller, "offer.withdrawn", "offer", offer.id, externalRef);
        return true;
    }

    @Transactional
    public Page<OfferView> list(Caller caller, Instant updatedSince, PageParams page) {
        String operator = caller.require(caller.operator(), "operator");
        PanacheQuery<Offer> query = updatedSince == null
                ? Offer.find("operator = ?1", Sort.ascending("updatedAt", "id"), operator)
                : Offer.find("operator = ?1 and updatedAt > ?2", Sort.ascending("updatedAt", "id"), operator, updatedSince);
        query.page(page.page, page.size);
        return new Page<>(query.list().stream().map(offers::view).toList(), page.page, page.size, query.count());
    }

    private static String organisationKey(OrganisationRequest request) {
        return request.siret() != null ? "siret:" + request.siret()
                : "name:" + (request.name() == null ? "" : request.name().strip()) + "\u001f" + request.zipcode();
    }

    private static HostOrganisation organisation(String operator, OrganisationRequest request) {
        HostOrganisation organisation = request.siret() == null ? null
                : HostOrganisation.find("operator = ?1 and siret = ?2", operator, request.siret()).firstResult();
        if (organisation == null && request.siret() == null) {
            organisation = HostOrganisation.find("operator = ?1 and siret is null and name = ?2 and zipcode = ?3",
                    operator, request.name().strip(), request.zipcode()).firstResult();
        }
        if (organisation == null) {
            organisation = new HostOrganisation();
            organisation.id = UUID.randomUUID();
            organisation.operator = operator;
        }
        OrganisationService.apply(request, organisation);
        organisation.persist();
        return organisation;
    }

    private static String fingerprint(Offer offer) {
        return String.join("|", offer.title, offer.description, offer.sectorId, String.valueOf(offer.organisationId),
                offer.organisationName, String.valueOf(offer.publicSector), Objects.toString(offer.ministryCode),
                Objects.toString(offer.street), offer.zipcode, offer.city, offer.department,
                Objects.toString(offer.academy), String.valueOf(offer.latitude), String.valueOf(offer.longitude),
                offer.schoolYear, offer.weeks.stream().map(w -> w.week).toList().toString(),
                String.valueOf(offer.capacityPerWeek), String.valueOf(offer.maxGroupSize),
                offer.reservation.name(), Objects.toString(offer.reservedSchoolUai));
    }
}
