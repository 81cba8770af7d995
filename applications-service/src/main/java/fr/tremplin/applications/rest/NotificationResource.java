package fr.tremplin.applications.rest;

import fr.tremplin.applications.api.NotificationView;
import fr.tremplin.applications.service.notifications.NotificationAdmin;
import fr.tremplin.common.security.Caller;
import fr.tremplin.common.security.Roles;
import fr.tremplin.common.web.Page;
import fr.tremplin.common.web.PageParams;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;
import java.util.UUID;

/** The delivery log of the emails, for admins: what failed or was skipped, and sending a failed one again. */
@Path("/api/v1/notifications")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Notifications", description = "Emails: the parties' addresses and preferences, the delivery log")
public class NotificationResource {

    /** The documented shape of a page of the log ({@code Page<NotificationView>}). */
    @Schema(name = "NotificationPage")
    public record NotificationPage(List<NotificationView> items, int page, int size, long totalItems) {
    }

    private final NotificationAdmin admin;
    private final Caller caller;

    public NotificationResource(NotificationAdmin admin, Caller caller) {
        this.admin = admin;
        this.caller = caller;
    }

    @GET
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "The emails of the delivery log, newest first",
            description = "Roles: admin. Each with its kind, its party, its status (RETRYING and FAILED: the SMTP "
                    + "server refused or could not be reached, with the last error), its attempts; never the address "
                    + "nor the text.")
    @APIResponse(responseCode = "200", description = "A page of the log",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = NotificationPage.class)))
    public Page<NotificationView> list(
            @Parameter(description = "only the emails in this status: QUEUED, RETRYING, SENT, FAILED, SKIPPED, DIGEST, DIGESTED")
            @QueryParam("status") String status,
            @BeanParam @Valid PageParams page) {
        return admin.list(status, page);
    }

    @POST
    @Path("/{id}/resend")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Send a FAILED email again",
            description = "Roles: admin. Once the cause is fixed (the SMTP server, the party's address): the email is "
                    + "queued again with a new retry window; 409 unless it is FAILED.")
    @APIResponse(responseCode = "200", description = "Queued again",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = NotificationView.class)))
    @APIResponse(responseCode = "404", description = "Unknown notification")
    public NotificationView resend(@Parameter(description = "The notification's id") @PathParam("id") UUID id) {
        return admin.resend(caller, id);
    }
}
