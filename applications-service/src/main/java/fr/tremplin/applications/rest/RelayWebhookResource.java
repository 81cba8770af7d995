package fr.tremplin.applications.rest;

import fr.tremplin.applications.api.DeliveryView;
import fr.tremplin.applications.api.WebhookRequest;
import fr.tremplin.applications.api.WebhookView;
import fr.tremplin.applications.service.RelayWebhooks;
import fr.tremplin.common.security.Caller;
import fr.tremplin.common.security.Roles;
import fr.tremplin.common.territory.TerritoryId;
import fr.tremplin.common.web.Page;
import fr.tremplin.common.web.PageParams;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.net.URI;
import java.util.List;
import java.util.UUID;

/**
 * A relay's signed webhook (issue 12): the relay itself (token claim {@code relay}) or an admin registers its callback,
 * rotates its secret, lists its deliveries and redelivers a parked one. docs/APPLICATIONS.md "Webhooks".
 */
@Path("/api/v1/relays/{relayId}")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Relays", description = "Regional relays, their territories and their queues of candidacies")
public class RelayWebhookResource {

    private static final String WHO = "Roles: the relay itself (token claim relay), admin. ";
    private static final String RELAY_ID = "the relay's id (lower-case words joined by hyphens, 2 to 63 characters)";

    /** The documented shape of a page of deliveries ({@code Page<DeliveryView>}). */
    @Schema(name = "WebhookDeliveryPage")
    public record DeliveryPage(List<DeliveryView> items, int page, int size, long totalItems) {
    }

    private final RelayWebhooks webhooks;
    private final Caller caller;

    public RelayWebhookResource(RelayWebhooks webhooks, Caller caller) {
        this.webhooks = webhooks;
        this.caller = caller;
    }

    @PUT
    @Path("/webhook")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.ADMIN, Roles.RELAY})
    @Operation(summary = "Register or change the relay's webhook",
            description = WHO + "Every message of the relay's feed is then POSTed to the URL (https; plain http only "
                    + "on a loopback host where the platform allows it, in development), signed with the Standard "
                    + "Webhooks headers. Registering answers 201 with the secret (whsec_...), shown this once; "
                    + "changing the URL answers 200 and keeps the secret (not shown).")
    @APIResponse(responseCode = "201", description = "Registered: the answer carries the secret, never shown again",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = WebhookView.class)))
    @APIResponse(responseCode = "200", description = "URL changed; the secret stays",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = WebhookView.class)))
    public Response register(
            @Parameter(description = RELAY_ID) @PathParam("relayId")
            @Pattern(regexp = TerritoryId.PATTERN, message = TerritoryId.MESSAGE) String relayId,
            @NotNull @Valid WebhookRequest request) {
        RelayWebhooks.Saved saved = webhooks.register(caller, relayId, request);
        return saved.created()
                ? Response.created(URI.create("/api/v1/relays/" + relayId + "/webhook")).entity(saved.webhook()).build()
                : Response.ok(saved.webhook()).build();
    }

    @GET
    @Path("/webhook")
    @RolesAllowed({Roles.ADMIN, Roles.RELAY})
    @Operation(summary = "The relay's webhook (without its secret)", description = WHO)
    @APIResponse(responseCode = "200", description = "The webhook",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = WebhookView.class)))
    @APIResponse(responseCode = "404", description = "Unknown relay, or no webhook")
    public WebhookView get(
            @Parameter(description = RELAY_ID) @PathParam("relayId")
            @Pattern(regexp = TerritoryId.PATTERN, message = TerritoryId.MESSAGE) String relayId) {
        return webhooks.get(caller, relayId);
    }

    @DELETE
    @Path("/webhook")
    @RolesAllowed({Roles.ADMIN, Roles.RELAY})
    @Operation(summary = "Remove the relay's webhook",
            description = WHO + "No more deliveries are queued; those already queued stay in the list.")
    @APIResponse(responseCode = "204", description = "Removed")
    @APIResponse(responseCode = "404", description = "No webhook")
    public Response remove(
            @Parameter(description = RELAY_ID) @PathParam("relayId")
            @Pattern(regexp = TerritoryId.PATTERN, message = TerritoryId.MESSAGE) String relayId) {
        webhooks.remove(caller, relayId);
        return Response.noContent().build();
    }

    @POST
    @Path("/webhook/secret")
    @RolesAllowed({Roles.ADMIN, Roles.RELAY})
    @Operation(summary = "Rotate the webhook's secret",
            description = WHO + "A new secret signs every delivery sent from now on (the old one stops at once); "
                    + "the answer carries it, this once.")
    @APIResponse(responseCode = "200", description = "The webhook with its new secret",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = WebhookView.class)))
    @APIResponse(responseCode = "404", description = "No webhook")
    public Response rotate(
            @Parameter(description = RELAY_ID) @PathParam("relayId")
            @Pattern(regexp = TerritoryId.PATTERN, message = TerritoryId.MESSAGE) String relayId) {
        return Response.ok(webhooks.rotate(caller, relayId)).build();
    }

    @GET
    @Path("/deliveries")
    @RolesAllowed({Roles.ADMIN, Roles.RELAY})
    @Operation(summary = "The relay's webhook deliveries, newest first",
            description = WHO + "Each with its state (PENDING: to be sent or retried; DELIVERED; PARKED: failed for "
                    + "24 hours, see redeliver), its attempts and the last failure (status or timeout, never a body).")
    @APIResponse(responseCode = "200", description = "A page of deliveries",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DeliveryPage.class)))
    @APIResponse(responseCode = "404", description = "Unknown relay")
    public Page<DeliveryView> deliveries(
            @Parameter(description = RELAY_ID) @PathParam("relayId")
            @Pattern(regexp = TerritoryId.PATTERN, message = TerritoryId.MESSAGE) String relayId,
            @Parameter(description = "only the deliveries in this state: PENDING, DELIVERED or PARKED")
            @QueryParam("state") @Pattern(regexp = "PENDING|DELIVERED|PARKED",
                    message = "must be PENDING, DELIVERED or PARKED") String state,
            @BeanParam @Valid PageParams page) {
        return webhooks.deliveries(caller, relayId, state, page);
    }

    @POST
    @Path("/deliveries/{deliveryId}/redeliver")
    @RolesAllowed({Roles.ADMIN, Roles.RELAY})
    @Operation(summary = "Redeliver a parked delivery",
            description = WHO + "The delivery is sent again at the next pass, with a new 24-hour retry window; the "
                    + "candidacy's later deliveries, which waited for it, follow in order. 409 unless it is PARKED.")
    @APIResponse(responseCode = "200", description = "The delivery, PENDING again",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DeliveryView.class)))
    @APIResponse(responseCode = "404", description = "No such delivery for this relay")
    public DeliveryView redeliver(
            @Parameter(description = RELAY_ID) @PathParam("relayId")
            @Pattern(regexp = TerritoryId.PATTERN, message = TerritoryId.MESSAGE) String relayId,
            @Parameter(description = "the delivery's id (its webhook-id)") @PathParam("deliveryId") UUID deliveryId) {
        return webhooks.redeliver(caller, relayId, deliveryId);
    }
}
