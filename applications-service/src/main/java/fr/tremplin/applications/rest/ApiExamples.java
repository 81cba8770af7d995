package fr.tremplin.applications.rest;

/**
 * The examples the OpenAPI document shows for the main flows (apply, triage, sign), so that a partner reads a
 * realistic exchange beside each schema. Every id, name and token here is made up.
 */
final class ApiExamples {

    static final String APPLY_REQUEST = """
            {"offerId": "3f1c2a9e-8b4d-4e7a-9c61-2d5b7e0a4f18", "week": "2027-W05",
             "motivation": "J'aimerais découvrir le travail du pain et les horaires d'un artisan."}""";

    static final String APPLY_REQUEST_BY_STAFF = """
            {"offerId": "3f1c2a9e-8b4d-4e7a-9c61-2d5b7e0a4f18", "week": "2027-W05",
             "motivation": "Élève motivée par les métiers de bouche.", "pupilId": "8d0e6f4b-1c2a-4b7e-9f3d-5a6b7c8d9e01"}""";

    static final String APPLICATION = """
            {"id": "c5a7e2d4-6f1b-4c3a-8e9d-0b1a2c3d4e5f", "pupilId": "8d0e6f4b-1c2a-4b7e-9f3d-5a6b7c8d9e01",
             "schoolUai": "0590001A", "classId": "5e4d3c2b-1a09-4f8e-b7d6-c5b4a3928170", "offerId": "3f1c2a9e-8b4d-4e7a-9c61-2d5b7e0a4f18",
             "offerTitle": "Découverte du métier de boulanger", "organisationId": "7b2d9c1e-3a4f-4d5e-8f6a-1b2c3d4e5f60",
             "department": "59", "week": "2027-W05", "startsOn": "2027-02-01",
             "motivation": "J'aimerais découvrir le travail du pain et les horaires d'un artisan.", "state": "SUBMITTED",
             "relayId": "relais-lille-nord", "submittedAt": "2026-11-26T09:15:00Z", "stateSince": "2026-11-26T09:15:00Z",
             "version": 0,
             "history": [{"action": "submit", "to": "SUBMITTED", "actor": "8d0e6f4b-1c2a-4b7e-9f3d-5a6b7c8d9e01",
                          "role": "pupil", "at": "2026-11-26T09:15:00Z"}]}""";

    static final String QUEUE = """
            {"items": [{"id": "c5a7e2d4-6f1b-4c3a-8e9d-0b1a2c3d4e5f", "pupilId": "8d0e6f4b-1c2a-4b7e-9f3d-5a6b7c8d9e01",
              "schoolUai": "0590001A", "schoolPriority": "REP_PLUS", "classId": "5e4d3c2b-1a09-4f8e-b7d6-c5b4a3928170",
              "offerId": "3f1c2a9e-8b4d-4e7a-9c61-2d5b7e0a4f18", "offerTitle": "Découverte du métier de boulanger",
              "organisationId": "7b2d9c1e-3a4f-4d5e-8f6a-1b2c3d4e5f60", "department": "59", "week": "2027-W05",
              "startsOn": "2027-02-01", "state": "SUBMITTED", "relayId": "relais-lille-nord",
              "submittedAt": "2026-11-26T09:15:00Z", "stateSince": "2026-11-26T09:15:00Z"}],
             "page": 0, "size": 20, "totalItems": 1}""";

    static final String FORWARD = """
            {"reason": "Motivation claire, offre adaptée"}""";

    static final String REJECT = """
            {"reason": "La semaine demandée est complète chez cet hôte"}""";

    static final String FORWARDED = """
            {"id": "c5a7e2d4-6f1b-4c3a-8e9d-0b1a2c3d4e5f", "pupilId": "8d0e6f4b-1c2a-4b7e-9f3d-5a6b7c8d9e01",
             "schoolUai": "0590001A", "classId": "5e4d3c2b-1a09-4f8e-b7d6-c5b4a3928170", "offerId": "3f1c2a9e-8b4d-4e7a-9c61-2d5b7e0a4f18",
             "offerTitle": "Découverte du métier de boulanger", "organisationId": "7b2d9c1e-3a4f-4d5e-8f6a-1b2c3d4e5f60",
             "department": "59", "week": "2027-W05", "startsOn": "2027-02-01",
             "motivation": "J'aimerais découvrir le travail du pain et les horaires d'un artisan.", "state": "FORWARDED",
             "relayId": "relais-lille-nord", "submittedAt": "2026-11-26T09:15:00Z", "stateSince": "2026-11-27T10:02:00Z",
             "version": 1,
             "history": [{"action": "submit", "to": "SUBMITTED", "actor": "8d0e6f4b-1c2a-4b7e-9f3d-5a6b7c8d9e01",
                          "role": "pupil", "at": "2026-11-26T09:15:00Z"},
                         {"action": "forward", "from": "SUBMITTED", "to": "FORWARDED", "actor": "agent-42",
                          "role": "relay", "reason": "Motivation claire, offre adaptée", "at": "2026-11-27T10:02:00Z"}]}""";

    static final String FAMILY_AGREEMENT = """
            {"status": "DRAFT", "offerTitle": "Découverte du métier de boulanger", "organisationName": "Boulangerie du Beffroi",
             "city": "Lille", "week": "2027-W05", "startsOn": "2027-02-01", "endsOn": "2027-02-05",
             "tutor": {"name": "Camille Exemple", "function": "Artisan boulanger"},
             "principalSigned": true, "hostSigned": true, "legalRepresentativeSigned": false}""";

    static final String FAMILY_AGREEMENT_SIGNED = """
            {"status": "SIGNED", "offerTitle": "Découverte du métier de boulanger", "organisationName": "Boulangerie du Beffroi",
             "city": "Lille", "week": "2027-W05", "startsOn": "2027-02-01", "endsOn": "2027-02-05",
             "tutor": {"name": "Camille Exemple", "function": "Artisan boulanger"},
             "principalSigned": true, "hostSigned": true, "legalRepresentativeSigned": true}""";

    static final String AGREEMENT = """
            {"id": "e1f2a3b4-c5d6-4e7f-8091-a2b3c4d5e6f7", "applicationId": "c5a7e2d4-6f1b-4c3a-8e9d-0b1a2c3d4e5f",
             "status": "DRAFT", "pupilId": "8d0e6f4b-1c2a-4b7e-9f3d-5a6b7c8d9e01", "schoolUai": "0590001A", "classId": "5e4d3c2b-1a09-4f8e-b7d6-c5b4a3928170",
             "offerId": "3f1c2a9e-8b4d-4e7a-9c61-2d5b7e0a4f18", "offerTitle": "Découverte du métier de boulanger",
             "organisationId": "7b2d9c1e-3a4f-4d5e-8f6a-1b2c3d4e5f60", "organisationName": "Boulangerie du Beffroi",
             "city": "Lille", "week": "2027-W05", "startsOn": "2027-02-01", "endsOn": "2027-02-05",
             "tutor": {"name": "Camille Exemple", "function": "Artisan boulanger"},
             "family": {"pupilName": "Léa Exemple", "legalRepresentativeName": "Marc Exemple"},
             "dailyHours": [{"day": "MONDAY", "start": "09:00", "end": "16:30", "breakMinutes": 60},
                            {"day": "TUESDAY", "start": "09:00", "end": "16:30", "breakMinutes": 60}],
             "activities": "Accueil et règles d'hygiène; observation du pétrissage et de la cuisson",
             "signatures": {"principal": {"signed": true, "signedAt": "2026-12-01T08:30:00Z", "signedBy": "principal-0590001A",
                                          "signerName": "Jeanne Exemple", "documentSha256": "9b1f0c3e5a7d2b4f6e8a0c2d4f6b8e0a1c3e5f7a9b2d4c6e8f0a1b3c5d7e9f2a"},
                            "host": {"signed": true, "signedAt": "2026-12-02T14:10:00Z", "signedBy": "host-beffroi",
                                     "signerName": "Paul Exemple", "documentSha256": "4e6a8c0b2d4f6e8a0c2e4b6d8f0a2c4e6b8d0f2a4c6e8b0d2f4a6c8e0b2d4f6a"},
                            "legalRepresentative": {"signed": false}},
             "documentSha256": "0d2f4a6c8e0b2d4f6a8c0e2b4d6f8a0c2e4b6d8f0a2c4e6b8d0f2a4c6e8b0d2f",
             "signingLinkExpiresAt": "2026-12-16T08:30:00Z", "createdAt": "2026-11-30T16:00:00Z", "version": 3}""";

    static final String SIGN = """
            {"signerName": "Jeanne Exemple", "documentSha256": "9b1f0c3e5a7d2b4f6e8a0c2d4f6b8e0a1c3e5f7a9b2d4c6e8f0a1b3c5d7e9f2a"}""";

    static final String SIGNING_TOKEN = "q7Lr2VxN0bXwJ5kT9pZc3HsE8yUa1MdG4fRi6OnWe";

    private ApiExamples() {
    }
}
