package fr.tremplin.applications.service;

import fr.tremplin.applications.domain.Agreement;
import fr.tremplin.applications.domain.Application;
import fr.tremplin.applications.domain.OfferCopy;
import fr.tremplin.common.calendar.SchoolCalendar;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.UUID;

/**
 * The agreement's life as a consequence of the candidacy's: drafted when it is confirmed (parties, dates of the week,
 * host, school, pupil; the host names the tutor), cancelled when the candidacy is. Signatures: {@link AgreementService}.
 */
@ApplicationScoped
public class AgreementDrafts {

    @Transactional(Transactional.TxType.MANDATORY)
    public UUID draft(Application application, Instant now) {
        if (application.agreementId != null) {
            return application.agreementId;
        }
        OfferCopy offer = OfferCopy.findById(application.offerId);
        Agreement agreement = new Agreement();
        agreement.id = UUID.randomUUID();
        agreement.applicationId = application.id;
        agreement.status = Agreement.Status.DRAFT;
        agreement.pupilId = application.pupilId;
        agreement.schoolUai = application.schoolUai;
        agreement.classId = application.classId;
        agreement.offerId = application.offerId;
        agreement.offerTitle = application.offerTitle;
        agreement.organisationId = application.organisationId;
        agreement.organisationName = offer == null ? null : offer.organisationName;
        agreement.city = offer == null ? null : offer.city;
        agreement.week = application.week;
        agreement.startsOn = application.startsOn;
        agreement.endsOn = SchoolCalendar.lastDay(application.startsOn);
        agreement.createdAt = now;
        agreement.persist();
        application.agreementId = agreement.id;
        return agreement.id;
    }

    /** The agreement of a cancelled candidacy can no longer be signed; its signing link dies with it. */
    @Transactional(Transactional.TxType.MANDATORY)
    public UUID cancel(Application application) {
        if (application.agreementId == null) {
            return null;
        }
        Agreement agreement = Agreement.findById(application.agreementId);
        agreement.status = Agreement.Status.CANCELLED;
        agreement.signingTokenHash = null;
        agreement.signingTokenExpiresAt = null;
        return agreement.id;
    }
}
