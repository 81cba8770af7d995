package fr.tremplin.applications.events;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a queued email says about its candidacy, taken from the event's payload: ids, the offer's title, the week and
 * its dates, the hold's end, the state. Never the reason (a free text staff wrote), a name or an address.
 */
final class NotificationData {

    private NotificationData() {
    }

    static Map<String, Object> of(ApplicationEvents.Payload payload) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("applicationId", payload.applicationId());
        data.put("offerId", payload.offerId());
        data.put("offerTitle", payload.offerTitle());
        data.put("week", payload.week());
        data.put("startsOn", payload.startsOn());
        data.put("state", payload.state());
        if (payload.previousState() != null) {
            data.put("previousState", payload.previousState());
        }
        if (payload.holdExpiresAt() != null) {
            data.put("holdExpiresAt", payload.holdExpiresAt());
        }
        if (payload.agreementId() != null) {
            data.put("agreementId", payload.agreementId());
        }
        return data;
    }
}
