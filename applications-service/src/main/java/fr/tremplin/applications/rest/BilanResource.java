package fr.tremplin.applications.rest;

import fr.tremplin.applications.api.ProgrammeBilanView;
import fr.tremplin.applications.service.BilanService;
import fr.tremplin.common.calendar.SchoolCalendar;
import fr.tremplin.common.security.Caller;
import fr.tremplin.common.security.Roles;
import fr.tremplin.common.web.CsvAnswers;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.UUID;

/** A programme's bilan for a school year, as JSON or CSV (issue 13, docs/APPLICATIONS.md). */
@Path("/api/v1/programmes/{programmeId}/bilan")
@Tag(name = "Programmes", description = "Collective programmes: seats per school, nominations, bulk acceptance")
public class BilanResource {

    static final String CSV = CsvAnswers.MEDIA_TYPE;

    private final BilanService bilans;
    private final Caller caller;

    public BilanResource(BilanService bilans, Caller caller) {
        this.bilans = bilans;
        this.caller = caller;
    }

    @GET
    @RolesAllowed({Roles.HOST, Roles.ADMIN, Roles.MINISTRY})
    @Produces({MediaType.APPLICATION_JSON, CSV})
    @Operation(summary = "A programme's bilan for a school year",
            description = "Roles: host (of the programme's organisation), admin, ministry referent (of the "
                    + "programme's ministry). Per school and priority: seats allocated, nominated, accepted or "
                    + "later, completed; groups formed per week; the mix achieved (same-school pairs, distinct "
                    + "schools per group, gender balance) against the planner's bounds; tutors mobilised; "
                    + "completion rates. Accept: text/csv gives the school, priority and total rows as CSV "
                    + "(separator=; for French spreadsheets). Never a pupil id nor a gender.")
    @APIResponse(responseCode = "200", description = "The bilan",
            content = {@Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ProgrammeBilanView.class)),
                    @Content(mediaType = CSV, schema = @Schema(type = SchemaType.STRING))})
    @APIResponse(responseCode = "404", description = "Unknown programme")
    public Response get(@Parameter(description = "The programme: its offer id (an offer of kind PROGRAMME)")
                          @PathParam("programmeId") UUID programmeId,
                          @Parameter(description = "The school year, e.g. 2027-2028 (default: the programme's)")
                          @QueryParam("schoolYear") @Pattern(regexp = SchoolCalendar.SCHOOL_YEAR_PATTERN,
                                  message = "must be a school year such as 2027-2028") String schoolYear,
                          @Parameter(description = "CSV only: , (default) or ;") @QueryParam("separator") String separator,
                          @Context HttpHeaders headers) {
        char csvSeparator = CsvAnswers.separator(separator);
        ProgrammeBilanView bilan = bilans.bilan(caller, programmeId, schoolYear);
        if (!CsvAnswers.preferred(headers)) {
            return Response.ok(bilan, MediaType.APPLICATION_JSON_TYPE).build();
        }
        return CsvAnswers.attachment(BilanCsv.write(bilan, csvSeparator),
                "bilan-" + programmeId + "-" + bilan.schoolYear() + ".csv");
    }
}
