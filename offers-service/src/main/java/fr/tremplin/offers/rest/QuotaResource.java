package fr.tremplin.offers.rest;

import fr.tremplin.common.security.Caller;
import fr.tremplin.common.security.Roles;
import fr.tremplin.common.web.Page;
import fr.tremplin.common.web.PageParams;
import fr.tremplin.common.web.ConditionalGets;
import fr.tremplin.common.web.Versions;
import fr.tremplin.offers.api.QuotaChangeView;
import fr.tremplin.offers.api.QuotaRequest;
import fr.tremplin.offers.api.QuotaView;
import fr.tremplin.offers.service.QuotaService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.net.URI;
import java.util.List;

@Path("/api/v1/quotas")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Quotas", description = "Targets of internships deposited and completed, per school year and scope")
public class QuotaResource {

    private static final String READERS = "Roles: admin (every quota); ministry (NATIONAL, SECTOR and its own MINISTRY "
            + "quota, claim `ministry`); territory (NATIONAL, SECTOR, the DEPARTMENT quotas of its `departments` and of "
            + "the départements of its `academy`, and its ACADEMY quota). ";

    /** The documented shape of a page of quotas ({@code Page<QuotaView>}). */
    @Schema(name = "QuotaPage")
    public record QuotaPage(List<QuotaView> items, int page, int size, long totalItems) {
    }

    /** The documented shape of a page of changes ({@code Page<QuotaChangeView>}). */
    @Schema(name = "QuotaChangePage")
    public record QuotaChangePage(List<QuotaChangeView> items, int page, int size, long totalItems) {
    }

    private final QuotaService quotas;
    private final Caller caller;

    private static final String CODE = "What the scope names: FR (NATIONAL), a ministry code (MINARM), an académie "
            + "slug (lille), a département code (59, 2A, 974), PUBLIC or PRIVATE (SECTOR)";

    public QuotaResource(QuotaService quotas, Caller caller) {
        this.quotas = quotas;
        this.caller = caller;
    }

    @PUT
    @Path("/{schoolYear}/{scope}/{code}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Create or replace a target", description = "Role: admin. Scopes and codes: NATIONAL/FR, "
            + "MINISTRY/<ministry code>, ACADEMY/<académie slug such as lille or corse>, DEPARTMENT/<canonical code "
            + "such as 59, 2A or 974>, SECTOR/PUBLIC or SECTOR/PRIVATE. School years from one before the current one to "
            + "two after. Creating needs no version; changing needs the version edited, in If-Match or in the body's "
            + "version. deposited and completed are two targets: completed may exceed deposited. Each change is kept "
            + "in the quota's history and the audit trail.")
    @APIResponse(responseCode = "200", description = "Changed (or unchanged: same targets); ETag carries the version",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = QuotaView.class)))
    @APIResponse(responseCode = "201", description = "Created at version 0; Location points at the quota, ETag carries the version",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = QuotaView.class)))
    @APIResponse(responseCode = "409", description = "Stale version, or created by a concurrent request just now")
    @APIResponse(responseCode = "422", description = "Unknown ministry code")
    @APIResponse(responseCode = "428", description = "Changing an existing quota without its version")
    public Response put(@Parameter(description = "e.g. 2026-2027") @PathParam("schoolYear") String schoolYear,
                        @Parameter(description = "NATIONAL, MINISTRY, ACADEMY, DEPARTMENT or SECTOR", schema = @Schema(type = SchemaType.STRING, enumeration = {"NATIONAL", "MINISTRY", "ACADEMY", "DEPARTMENT", "SECTOR"})) @PathParam("scope") String scope,
                        @Parameter(description = CODE) @PathParam("code") String code,
                        @NotNull @Valid QuotaRequest request,
                        @HeaderParam("If-Match") String ifMatch) {
        QuotaService.Saved saved = quotas.put(caller, schoolYear, scope, code, request,
                Versions.edited(ifMatch, request.version()));
        QuotaView quota = saved.quota();
        Response.ResponseBuilder answer = saved.created()
                ? Response.created(URI.create("/api/v1/quotas/" + quota.schoolYear() + "/" + quota.scope() + "/" + quota.code()))
                : Response.ok();
        return answer.entity(quota).tag(quota.etag()).build();
    }

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.MINISTRY, Roles.TERRITORY})
    @Operation(summary = "The targets of a school year", description = READERS + "Lists only what the caller may read, "
            + "ordered by scope (NATIONAL, MINISTRY, ACADEMY, DEPARTMENT, SECTOR) then code; pages from 0.")
    @APIResponse(responseCode = "200", description = "A page of quotas",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = QuotaPage.class)))
    public Page<QuotaView> list(@Parameter(description = "required, e.g. 2026-2027") @QueryParam("schoolYear") String schoolYear,
                                @Parameter(description = "Only this scope", schema = @Schema(type = SchemaType.STRING, enumeration = {"NATIONAL", "MINISTRY", "ACADEMY", "DEPARTMENT", "SECTOR"})) @QueryParam("scope") String scope,
                                @BeanParam @Valid PageParams page) {
        return quotas.list(caller, schoolYear, scope, page);
    }

    @GET
    @Path("/{schoolYear}/{scope}/{code}")
    @RolesAllowed({Roles.ADMIN, Roles.MINISTRY, Roles.TERRITORY})
    @Operation(summary = "One target", description = READERS + "Another ministry's or territory's quota is 403.")
    @APIResponse(responseCode = "200", description = "The quota; ETag carries its version",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = QuotaView.class)))
    @APIResponse(responseCode = "404", description = "No target set for this school year, scope and code")
    public Response get(@PathParam("schoolYear") String schoolYear, @Parameter(description = "NATIONAL, MINISTRY, ACADEMY, DEPARTMENT or SECTOR", schema = @Schema(type = SchemaType.STRING, enumeration = {"NATIONAL", "MINISTRY", "ACADEMY", "DEPARTMENT", "SECTOR"})) @PathParam("scope") String scope,
                        @Parameter(description = CODE) @PathParam("code") String code, @HeaderParam(ConditionalGets.IF_NONE_MATCH) String ifNoneMatch) {
        QuotaView quota = quotas.get(caller, schoolYear, scope, code);
        return ConditionalGets.answer(ifNoneMatch, quota, quota.etag());
    }

    @GET
    @Path("/{schoolYear}/{scope}/{code}/history")
    @RolesAllowed({Roles.ADMIN, Roles.MINISTRY, Roles.TERRITORY})
    @Operation(summary = "Who changed a target, when, from what to what", description = READERS
            + "Whoever reads the quota reads its history: newest first; before is null on the creation.")
    @APIResponse(responseCode = "200", description = "A page of changes",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = QuotaChangePage.class)))
    @APIResponse(responseCode = "404", description = "No target set for this school year, scope and code")
    public Page<QuotaChangeView> history(@PathParam("schoolYear") String schoolYear, @Parameter(description = "NATIONAL, MINISTRY, ACADEMY, DEPARTMENT or SECTOR", schema = @Schema(type = SchemaType.STRING, enumeration = {"NATIONAL", "MINISTRY", "ACADEMY", "DEPARTMENT", "SECTOR"})) @PathParam("scope") String scope,
                                         @Parameter(description = CODE) @PathParam("code") String code, @BeanParam @Valid PageParams page) {
        return quotas.history(caller, schoolYear, scope, code, page);
    }
}
