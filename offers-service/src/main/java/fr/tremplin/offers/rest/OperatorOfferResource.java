package fr.tremplin.offers.rest;

import fr.tremplin.common.persistence.LostRaces;
import fr.tremplin.common.problem.ProblemException;
import fr.tremplin.common.security.Caller;
import fr.tremplin.common.security.Roles;
import fr.tremplin.common.web.Page;
import fr.tremplin.common.web.PageParams;
import fr.tremplin.offers.api.OfferRequest;
import fr.tremplin.offers.api.OfferView;
import fr.tremplin.offers.service.OperatorBatch;
import fr.tremplin.offers.service.OperatorIngestion;
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
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.concurrent.atomic.AtomicReference;

@Path("/api/v1/operator/offers")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.OPERATOR)
@Tag(name = "Operator ingestion", description = "Operators push their offers keyed by their own reference (role: operator, claim operator)")
public class OperatorOfferResource {

    static final String REF_PATTERN = "^[A-Za-z0-9._:-]{1,100}$";

    private final OperatorIngestion ingestion;
    private final OperatorBatch batch;
    private final Caller caller;

    public OperatorOfferResource(OperatorIngestion ingestion, OperatorBatch batch, Caller caller) {
        this.ingestion = ingestion;
        this.batch = batch;
        this.caller = caller;
    }

    @PUT
    @Path("/{externalRef}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create or replace an offer by the operator's reference (idempotent)",
            description = "Role: operator (its own references only). 201 when created, 200 when replaced or unchanged. Published unless published=false. "
                    + "Identical PUTs sent at once make one offer: one answers 201, the others 200.")
    @APIResponse(responseCode = "422", description = "Unknown sector or ministry, week outside the school year")
    @APIResponse(responseCode = "201", description = "Created", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = OfferView.class)))
    @APIResponse(responseCode = "200", description = "Replaced (or unchanged)", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = OfferView.class)))
    public Response put(@Parameter(description = "The operator's own reference for the offer (1 to 100 letters, digits or . _ : -)") @PathParam("externalRef") @Pattern(regexp = REF_PATTERN, message = "must be 1 to 100 letters, digits or . _ : -") String externalRef,
                        @NotNull @Valid OfferRequest request) {
        // the service method is the transaction: a lost race (a concurrent push of the same reference or organisation)
        // runs it again whole, and the loser then answers as a repeated PUT does (200)
        AtomicReference<OperatorIngestion.Upserted> result = new AtomicReference<>();
        LostRaces.retry("operator put", () -> result.set(ingestion.put(caller, externalRef, request)));
        OperatorIngestion.Upserted upserted = result.get();
        return Response.status(upserted.created() ? 201 : 200).entity(upserted.offer()).build();
    }

    @DELETE
    @Path("/{externalRef}")
    @Operation(summary = "Withdraw an offer by the operator's reference",
            description = "Role: operator (its own references only). Idempotent: 204 again for an already withdrawn one.")
    @APIResponse(responseCode = "204", description = "Withdrawn")
    @APIResponse(responseCode = "404", description = "No offer with this reference")
    public Response withdraw(@Parameter(description = "The operator's own reference for the offer (1 to 100 letters, digits or . _ : -)") @PathParam("externalRef") @Pattern(regexp = REF_PATTERN, message = "must be 1 to 100 letters, digits or . _ : -") String externalRef) {
        ingestion.withdraw(caller, externalRef);
        return Response.noContent().build();
    }

    @GET
    @Operation(summary = "The operator's own offers, oldest change first, withdrawn ones included",
            description = "Role: operator (only the offers it pushed). updatedSince returns only what changed after it, for synchronisation.")
    public Page<OfferView> list(@Parameter(description = "Only the offers changed after this instant (ISO-8601, e.g. 2026-11-02T08:00:00Z)",
            schema = @Schema(type = SchemaType.STRING, format = "date-time")) @QueryParam("updatedSince") String updatedSince, @BeanParam @Valid PageParams page) {
        return ingestion.list(caller, instant(updatedSince), page);
    }

    @POST
    @Path("/batch")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create or replace up to 500 offers in one call; each item is answered on its own",
            description = "Role: operator (its own references only). Each item succeeds or fails alone (its own transaction), with status 201, 200 or the 4xx and problem it would get alone.")
    @APIResponse(responseCode = "413", description = "More than 500 offers")
    @APIResponse(responseCode = "200", description = "The operatorbatch.result", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = OperatorBatch.Result.class)))
    public OperatorBatch.Result batch(@NotNull OperatorBatch.Request request) {
        if (request.offers() == null) {
            throw ProblemException.invalid("offers", "is required");
        }
        if (request.offers().size() > OperatorBatch.MAX_ITEMS) {
            throw new ProblemException(413, "Batch too large", "at most " + OperatorBatch.MAX_ITEMS
                    + " offers per call (got " + request.offers().size() + ")", null);
        }
        return batch.apply(caller, request);
    }

    private static Instant instant(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw ProblemException.invalid("updatedSince", "must be an ISO-8601 instant such as 2026-09-01T00:00:00Z");
        }
    }

}
