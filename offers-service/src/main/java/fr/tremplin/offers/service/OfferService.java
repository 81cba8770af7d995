package fr.tremplin.offers.service;

import fr.tremplin.common.audit.AuditTrail;
import fr.tremplin.common.problem.ProblemException;
import fr.tremplin.common.security.Caller;
import fr.tremplin.common.security.Roles;
import fr.tremplin.common.web.Page;
import fr.tremplin.common.web.PageParams;
import fr.tremplin.common.web.Versions;
import fr.tremplin.offers.api.OfferRequest;
import fr.tremplin.offers.api.OfferView;
import fr.tremplin.offers.domain.HostOrganisation;
import fr.tremplin.offers.domain.Offer;
import fr.tremplin.offers.domain.OfferKind;
import fr.tremplin.offers.domain.OfferStatus;
import fr.tremplin.offers.events.OfferEvents;
import fr.tremplin.offers.repository.SeatCounts;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.UUID;

/** A host's (or admin's) life of an offer: draft, publish, edit, unpublish, remove; each change emits its event. */
@ApplicationScoped
public class OfferService {

    private final OfferRules rules;
    private final OfferEvents events;
    private final SeatCounts seats;
    private final AuditTrail audit;

    public OfferService(OfferRules rules, OfferEvents events, SeatCounts seats, AuditTrail audit) {
        this.rules = rules;
        this.events = events;
        this.seats = seats;
        this.audit = audit;
    }

    @Transactional
    public OfferView create(Caller caller, OfferRequest request) {
        HostOrganisation organisation = organisationFor(caller, request.organisationId());
        Offer offer = new Offer();
        offer.id = UUID.randomUUID();
        offer.organisationId = organisation.id;
        offer.organisationName = organisation.name;
        offer.status = OfferStatus.DRAFT;
        offer.createdBy = caller.id();
        offer.createdAt = Instant.now();
        offer.updatedAt = offer.createdAt;
        rules.apply(request, offer);
        offer.persistAndFlush();
        audit.record(caller, "offer.created", "offer", offer.id, null);
        return view(offer);
    }

    /** {@code editedVersion}: the version the caller edited (If-Match, else the body's), null when none was sent. */
    @Transactional
    public OfferView update(Caller caller, UUID id, OfferRequest request, Integer editedVersion) {
        Offer offer = managed(caller, id);
        if (offer.kind == OfferKind.PROGRAMME) {
            // an offer's fields alone would leave the programme's definition behind
            throw ProblemException.conflict("this offer is a programme: edit it with PUT /api/v1/programmes/" + id);
        }
        if (offer.status == OfferStatus.REMOVED) {
            throw ProblemException.conflict("a removed offer cannot be edited");
        }
        Versions.check("offer", offer.version, editedVersion);
        rules.apply(request, offer);
        offer.updatedAt = Instant.now();
        offer.persistAndFlush();
        if (offer.status != OfferStatus.DRAFT) {
            events.emit(OfferEvents.UPDATED, offer);
        }
        audit.record(caller, "offer.updated", "offer", offer.id, null);
        return view(offer);
    }

    @Transactional
    public OfferView publish(Caller caller, UUID id) {
        return transition(caller, id, OfferStatus.PUBLISHED, OfferEvents.PUBLISHED);
    }

    @Transactional
    public OfferView unpublish(Caller caller, UUID id) {
        return transition(caller, id, OfferStatus.UNPUBLISHED, OfferEvents.UNPUBLISHED);
    }

    @Transactional
    public OfferView remove(Caller caller, UUID id) {
        return transition(caller, id, OfferStatus.REMOVED, OfferEvents.REMOVED);
    }

    @Transactional
    public OfferView get(Caller caller, UUID id) {
        Offer offer = Offer.findById(id);
        if (offer == null || !OfferAccess.canRead(caller, offer)) {
            // an unpublished offer's existence is nobody else's business
            throw ProblemException.notFound("no offer " + id);
        }
        return view(offer);
    }

    /** The offers a caller is responsible for: its organisation's, the ones it pushed, its ministry's, or all. */
    @Transactional
    public Page<OfferView> managed(Caller caller, OfferStatus status, PageParams page) {
        StringBuilder where = new StringBuilder("1 = 1");
        Parameters parameters = new Parameters();
        if (!caller.is(Roles.ADMIN)) {
            if (caller.is(Roles.HOST)) {
                where.append(" and organisationId = :organisation");
                parameters.and("organisation", parseUuid(caller.require(caller.organisation(), "organisation")));
            } else if (caller.is(Roles.OPERATOR)) {
                where.append(" and operator = :operator");
                parameters.and("operator", caller.require(caller.operator(), "operator"));
            } else if (caller.is(Roles.MINISTRY)) {
                where.append(" and ministryCode = :ministry");
                parameters.and("ministry", caller.require(caller.ministry(), "ministry"));
            } else {
                throw ProblemException.forbidden("only hosts, operators, ministry referents and admins manage offers");
            }
        }
        if (status != null) {
            where.append(" and status = :status");
            parameters.and("status", status);
        }
        PanacheQuery<Offer> query = Offer.find(where.toString(), Sort.descending("updatedAt").and("id"), parameters)
                .page(page.page, page.size);
        return new Page<>(query.list().stream().map(this::view).toList(), page.page, page.size, query.count());
    }

    OfferView view(Offer offer) {
        return OfferView.of(offer, seats.takenByWeek(offer.id));
    }

    private OfferView transition(Caller caller, UUID id, OfferStatus target, String eventType) {
        Offer offer = managed(caller, id);
        if (offer.status == target) {
            return view(offer); // repeating a transition is harmless and emits nothing
        }
        if (offer.status == OfferStatus.REMOVED) {
            throw ProblemException.conflict("the offer is removed; it cannot become " + target);
        }
        if (target == OfferStatus.UNPUBLISHED && offer.status != OfferStatus.PUBLISHED) {
            throw ProblemException.conflict("only a published offer can be unpublished (it is " + offer.status + ")");
        }
        offer.status = target;
        offer.updatedAt = Instant.now();
        offer.persistAndFlush();
        events.emit(eventType, offer);
        audit.record(caller, eventType, "offer", offer.id, null);
        return view(offer);
    }

    Offer managed(Caller caller, UUID id) {
        Offer offer = Offer.findById(id);
        if (offer == null || !OfferAccess.canRead(caller, offer)) {
            throw ProblemException.notFound("no offer " + id);
        }
        if (!OfferAccess.canManage(caller, offer)) {
            throw ProblemException.forbidden("this offer is not yours to change");
        }
        return offer;
    }

    /** The organisation an offer is created for: a host's own (its token's), any an admin names. */
    static HostOrganisation organisationFor(Caller caller, UUID requested) {
        UUID organisationId;
        if (caller.is(Roles.ADMIN)) {
            if (requested == null) {
                throw ProblemException.invalid("organisationId", "is required");
            }
            organisationId = requested;
        } else {
            organisationId = parseUuid(caller.require(caller.organisation(), "organisation"));
            if (requested != null && !requested.equals(organisationId)) {
                throw ProblemException.forbidden("a host creates offers for its own organisation only");
            }
        }
        HostOrganisation organisation = HostOrganisation.findById(organisationId);
        if (organisation == null) {
            throw ProblemException.unprocessable("organisationId",
                    "unknown organisation; register it first with PUT /api/v1/organisations/{id}");
        }
        return organisation;
    }

    static UUID parseUuid(String value) {
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            throw ProblemException.forbidden("the token's organisation claim is not an organisation id");
        }
    }
}
