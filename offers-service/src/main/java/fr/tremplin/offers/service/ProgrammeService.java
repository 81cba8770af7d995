package fr.tremplin.offers.service;

import fr.tremplin.common.audit.AuditTrail;
import fr.tremplin.common.problem.ProblemException;
import fr.tremplin.common.security.Caller;
import fr.tremplin.common.web.Versions;
import fr.tremplin.offers.api.ProgrammeDefinition;
import fr.tremplin.offers.api.ProgrammeRequest;
import fr.tremplin.offers.api.ProgrammeView;
import fr.tremplin.offers.domain.HostOrganisation;
import fr.tremplin.offers.domain.Offer;
import fr.tremplin.offers.domain.OfferKind;
import fr.tremplin.offers.domain.OfferStatus;
import fr.tremplin.offers.domain.Programme;
import fr.tremplin.offers.events.OfferEvents;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.UUID;

/**
 * A host's (or admin's) collective programme: an offer of kind PROGRAMME, created as a draft with its definition and
 * edited with it. Who may do what is the offer's ({@link OfferAccess}); publishing, unpublishing and removing are the
 * offer's own routes ({@link OfferService}), whose events carry the definition ({@link OfferEvents}).
 */
@ApplicationScoped
public class ProgrammeService {

    private final OfferService offers;
    private final OfferRules offerRules;
    private final OfferEvents events;
    private final AuditTrail audit;

    public ProgrammeService(OfferService offers, OfferRules offerRules, OfferEvents events, AuditTrail audit) {
        this.offers = offers;
        this.offerRules = offerRules;
        this.events = events;
        this.audit = audit;
    }

    @Transactional
    public ProgrammeView create(Caller caller, ProgrammeRequest request) {
        HostOrganisation organisation = OfferService.organisationFor(caller, request.organisationId());
        ProgrammeDefinition definition = ProgrammeRules.definition(request);
        Offer offer = new Offer();
        offer.id = UUID.randomUUID();
        offer.kind = OfferKind.PROGRAMME;
        offer.organisationId = organisation.id;
        offer.organisationName = organisation.name;
        offer.status = OfferStatus.DRAFT;
        offer.createdBy = caller.id();
        offer.createdAt = Instant.now();
        offer.updatedAt = offer.createdAt;
        offerRules.apply(ProgrammeRules.asOffer(request, definition), offer);
        offer.persistAndFlush();
        Programme programme = new Programme();
        programme.offerId = offer.id;
        ProgrammeRules.write(definition, programme);
        programme.persistAndFlush();
        audit.record(caller, "programme.created", "offer", offer.id, null);
        return view(offer, programme);
    }

    @Transactional
    public ProgrammeView get(Caller caller, UUID id) {
        Offer offer = Offer.findById(id);
        if (offer == null || offer.kind != OfferKind.PROGRAMME || !OfferAccess.canRead(caller, offer)) {
            throw ProblemException.notFound("no programme " + id);
        }
        return view(offer, Programme.findById(id));
    }

    /** {@code editedVersion}: the version the caller edited (If-Match, else the body's), null when none was sent. */
    @Transactional
    public ProgrammeView update(Caller caller, UUID id, ProgrammeRequest request, Integer editedVersion) {
        Offer offer = offers.managed(caller, id);
        if (offer.kind != OfferKind.PROGRAMME) {
            throw ProblemException.notFound("no programme " + id);
        }
        if (offer.status == OfferStatus.REMOVED) {
            throw ProblemException.conflict("a removed programme cannot be edited");
        }
        Versions.check("programme", offer.version, editedVersion);
        ProgrammeDefinition definition = ProgrammeRules.definition(request);
        offerRules.apply(ProgrammeRules.asOffer(request, definition), offer);
        Programme programme = Programme.findById(id);
        ProgrammeRules.write(definition, programme);
        offer.updatedAt = Instant.now(); // the offer's version counts the definition's changes too
        offer.persistAndFlush();
        if (offer.status != OfferStatus.DRAFT) {
            events.emit(OfferEvents.UPDATED, offer);
        }
        audit.record(caller, "programme.updated", "offer", offer.id, null);
        return view(offer, programme);
    }

    private ProgrammeView view(Offer offer, Programme programme) {
        return ProgrammeView.of(offers.view(offer), ProgrammeDefinition.of(programme));
    }
}
