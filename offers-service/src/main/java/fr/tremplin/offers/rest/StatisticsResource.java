package fr.tremplin.offers.rest;

import fr.tremplin.common.calendar.SchoolCalendar;
import fr.tremplin.common.problem.ProblemException;
import fr.tremplin.common.security.Caller;
import fr.tremplin.common.security.Roles;
import fr.tremplin.common.territory.Academies;
import fr.tremplin.common.territory.DepartmentCode;
import fr.tremplin.common.web.CsvAnswers;
import fr.tremplin.offers.api.Statistics;
import fr.tremplin.offers.api.StatisticsCriteria;
import fr.tremplin.offers.api.StatisticsCriteria.Attribution;
import fr.tremplin.offers.api.StatisticsCriteria.GroupBy;
import fr.tremplin.offers.service.StatisticsService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/statistics")
@Tag(name = "Statistics", description = "Figures of a campaign against its quotas (docs/STATISTICS.md)")
public class StatisticsResource {

    static final String CSV = CsvAnswers.MEDIA_TYPE;

    private final StatisticsService statistics;
    private final Caller caller;

    public StatisticsResource(StatisticsService statistics, Caller caller) {
        this.statistics = statistics;
        this.caller = caller;
    }

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.MINISTRY, Roles.TERRITORY})
    @Produces({MediaType.APPLICATION_JSON, CSV})
    @Operation(summary = "Figures of a school year by scope, against the quotas; roles: admin, ministry, territory",
            description = "Offers and seats deposited, seats open, candidacies, pupils with a candidacy, confirmed and "
                    + "completed internships (each split by the priority of the pupil's school), and where a quota "
                    + "matches the row its targets and ratios (deposited = seats). groupBy national (default), ministry, "
                    + "academy, department, sector, publicSector, schoolPriority or month (the campaign's series, monthly "
                    + "and cumulative). attribution=offer (default) counts candidacies where the offer is, "
                    + "attribution=school where the pupil's school is. An admin sees everything; a ministry referent "
                    + "(claim ministry) only its ministry (forced; another is 403); a territorial referent (claims "
                    + "departments, academy) only its territory (forced; outside it is 403); other roles 403. "
                    + "Accept: text/csv gives the same rows as CSV (separator=; for French spreadsheets). "
                    + "No figure names or identifies a pupil.")
    @APIResponse(responseCode = "200", description = "The rows, one per key",
            content = {@Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Statistics.class)),
                    @Content(mediaType = CSV, schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING))})
    @APIResponse(responseCode = "400", description = "A parameter is missing or invalid (named in violations)")
    @APIResponse(responseCode = "401", description = "No valid token")
    @APIResponse(responseCode = "403", description = "A role without statistics, or a filter outside the caller's scope")
    public Response statistics(
            @QueryParam("schoolYear") @Parameter(description = "required, e.g. 2026-2027") String schoolYear,
            @QueryParam("groupBy") @Parameter(description = "national (default), ministry, academy, department, sector, publicSector, schoolPriority, month") String groupBy,
            @QueryParam("attribution") @Parameter(description = "offer (default) or school") String attribution,
            @QueryParam("ministry") @Parameter(description = "a ministry code, e.g. MINARM") String ministry,
            @QueryParam("academy") @Parameter(description = "an académie slug, e.g. lille") String academy,
            @QueryParam("department") @Parameter(description = "a canonical département code, e.g. 59, 2A, 974") String department,
            @QueryParam("publicSector") @Parameter(description = "true or false") String publicSector,
            @QueryParam("separator") @Parameter(description = "CSV only: , (default) or ;") String separator,
            @Context HttpHeaders headers) {
        StatisticsCriteria criteria = criteria(blankToNull(schoolYear), blankToNull(groupBy), blankToNull(attribution),
                blankToNull(ministry), blankToNull(academy), blankToNull(department), blankToNull(publicSector));
        char csvSeparator = CsvAnswers.separator(separator);
        Statistics answer = statistics.statistics(caller, criteria);
        if (!CsvAnswers.preferred(headers)) {
            return Response.ok(answer, MediaType.APPLICATION_JSON_TYPE).build();
        }
        return CsvAnswers.attachment(StatisticsCsv.write(answer, csvSeparator),
                "statistics-" + criteria.schoolYear() + "-" + criteria.groupBy().wire + ".csv");
    }

    static StatisticsCriteria criteria(String schoolYear, String groupBy, String attribution, String ministry,
                                       String academy, String department, String publicSector) {
        if (schoolYear == null) {
            throw ProblemException.invalid("schoolYear", "is required, e.g. 2026-2027");
        }
        if (!SchoolCalendar.isSchoolYear(schoolYear)) {
            throw ProblemException.invalid("schoolYear", "must be a school year such as 2026-2027");
        }
        GroupBy grouping = groupBy == null ? GroupBy.NATIONAL : GroupBy.of(groupBy).orElseThrow(() ->
                ProblemException.invalid("groupBy", "must be one of national, ministry, academy, department, sector, "
                        + "publicSector, schoolPriority, month"));
        Attribution attributedTo = attribution == null ? Attribution.OFFER : Attribution.of(attribution).orElseThrow(() ->
                ProblemException.invalid("attribution", "must be offer or school"));
        if (ministry != null && !ministry.matches("^[A-Z0-9_-]{1,16}$")) {
            throw ProblemException.invalid("ministry", "must be a ministry code such as MINARM");
        }
        if (academy != null && !Academies.exists(academy)) {
            throw ProblemException.invalid("academy", "must be an académie code such as lille or aix-marseille");
        }
        if (department != null && !DepartmentCode.isCanonical(department)) {
            throw ProblemException.invalid("department", DepartmentCode.MESSAGE);
        }
        if (publicSector != null && !publicSector.equals("true") && !publicSector.equals("false")) {
            throw ProblemException.invalid("publicSector", "must be true or false");
        }
        return new StatisticsCriteria(schoolYear, grouping, attributedTo, ministry, academy, department,
                publicSector == null ? null : Boolean.valueOf(publicSector));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
