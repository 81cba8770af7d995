package fr.tremplin.applications.service.notifications;

import fr.tremplin.applications.api.FamilyAgreementView;
import fr.tremplin.applications.api.FamilyContactRequest;
import fr.tremplin.applications.domain.Actor;
import fr.tremplin.applications.domain.Agreement;
import fr.tremplin.applications.domain.notifications.PartyKind;
import fr.tremplin.applications.domain.notifications.Recipient;
import fr.tremplin.applications.service.AgreementService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/**
 * The legal representative, holding the family's one-time signing link, gives or corrects the family's contact before
 * signing: their name on the agreement ({@link AgreementService#setRepresentativeByLink}, the staff's path: a change
 * after a signature takes the signatures back) and the family's address, phone and preferences
 * ({@link NotificationContactService#save}, the staff's rules), in one transaction: a refusal changes nothing. The
 * audit trail says who: {@link Actor#FAMILY_VIA_SIGNING_LINK}. The link is not spent (the family signs afterwards).
 */
@ApplicationScoped
public class FamilyContactByLink {

    private final AgreementService agreements;
    private final NotificationContactService contacts;

    public FamilyContactByLink(AgreementService agreements, NotificationContactService contacts) {
        this.agreements = agreements;
        this.contacts = contacts;
    }

    @Transactional
    public FamilyAgreementView put(FamilyContactRequest request) {
        Agreement agreement = agreements.setRepresentativeByLink(request.token(), request.legalRepresentativeName());
        contacts.save(Actor.FAMILY_VIA_SIGNING_LINK, new Recipient(PartyKind.FAMILY, agreement.pupilId.toString()),
                request.contact());
        return agreements.familyView(agreement);
    }
}
