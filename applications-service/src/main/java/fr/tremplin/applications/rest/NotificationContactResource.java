package fr.tremplin.applications.rest;

import fr.tremplin.applications.api.NotificationContactRequest;
import fr.tremplin.applications.api.NotificationContactView;
import fr.tremplin.applications.service.notifications.NotificationContactService;
import fr.tremplin.common.security.Caller;
import fr.tremplin.common.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Where the platform's emails go, and what each party wants to receive (issue 16, docs/APPLICATIONS.md
 * "Notifications"): a host organisation's, a school's (its principal's) and a pupil's family's address, with the
 * preferences. Who may: {@code NotificationAccess}.
 */
@Path("/api/v1/notification-contacts/{party}/{partyId}")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Notifications", description = "Emails: the parties' addresses and preferences, the delivery log")
public class NotificationContactResource {

    private static final String WHO = "Roles: hosts/{organisationId}: a host of that organisation; schools/{uai}: "
            + "the principal of that school; families/{pupilId}: the staff of the pupil's school (a main teacher for "
            + "the classes they lead); admin for all. ";
    private static final String PARTY = "hosts, schools or families";
    private static final String PARTY_ID = "the organisation's id (hosts), the school's UAI (schools) or the pupil's id (families)";

    private final NotificationContactService contacts;
    private final Caller caller;

    public NotificationContactResource(NotificationContactService contacts, Caller caller) {
        this.contacts = contacts;
        this.caller = caller;
    }

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.HOST, Roles.PRINCIPAL, Roles.MAIN_TEACHER, Roles.RIPREE, Roles.TEACHER})
    @Operation(summary = "A party's email address and preferences",
            description = WHO + "404 when the party has given no address (it then receives no email).")
    @APIResponse(responseCode = "200", description = "The contact",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = NotificationContactView.class)))
    @APIResponse(responseCode = "404", description = "No contact for this party, or an unknown pupil")
    public NotificationContactView get(
            @Parameter(description = PARTY, schema = @Schema(type = SchemaType.STRING,
                    enumeration = {"hosts", "schools", "families"})) @PathParam("party") String party,
            @Parameter(description = PARTY_ID) @PathParam("partyId") String partyId) {
        return contacts.get(caller, party, partyId);
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.ADMIN, Roles.HOST, Roles.PRINCIPAL, Roles.MAIN_TEACHER, Roles.RIPREE, Roles.TEACHER})
    @Operation(summary = "Give or change a party's email address and preferences",
            description = WHO + "The emails of the party then go to this address (never to a pupil: a family's "
                    + "address is the legal representative's). nonEssential=false switches off every email but the "
                    + "essential ones (the family's hold deadline and signing link); dailyDigest=true (hosts only) "
                    + "gathers the forwarded candidacies into one email a day. 201 when created, 200 when changed.")
    @APIResponse(responseCode = "201", description = "Created",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = NotificationContactView.class)))
    @APIResponse(responseCode = "200", description = "Changed",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = NotificationContactView.class)))
    @APIResponse(responseCode = "404", description = "Unknown pupil")
    public Response put(
            @Parameter(description = PARTY, schema = @Schema(type = SchemaType.STRING,
                    enumeration = {"hosts", "schools", "families"})) @PathParam("party") String party,
            @Parameter(description = PARTY_ID) @PathParam("partyId") String partyId,
            @NotNull @Valid NotificationContactRequest request) {
        NotificationContactService.Saved saved = contacts.put(caller, party, partyId, request);
        return Response.status(saved.created() ? Response.Status.CREATED : Response.Status.OK)
                .entity(saved.contact()).build();
    }

    @DELETE
    @RolesAllowed({Roles.ADMIN, Roles.HOST, Roles.PRINCIPAL, Roles.MAIN_TEACHER, Roles.RIPREE, Roles.TEACHER})
    @Operation(summary = "Remove a party's email address",
            description = WHO + "The party then receives no email at all, essential ones included.")
    @APIResponse(responseCode = "204", description = "Removed")
    @APIResponse(responseCode = "404", description = "No contact for this party, or an unknown pupil")
    public Response delete(
            @Parameter(description = PARTY, schema = @Schema(type = SchemaType.STRING,
                    enumeration = {"hosts", "schools", "families"})) @PathParam("party") String party,
            @Parameter(description = PARTY_ID) @PathParam("partyId") String partyId) {
        contacts.delete(caller, party, partyId);
        return Response.noContent().build();
    }
}
