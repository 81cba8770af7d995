package fr.tremplin.offers.rest;

import fr.tremplin.common.calendar.SchoolCalendar;
import fr.tremplin.common.problem.ProblemException;
import fr.tremplin.common.security.Caller;
import fr.tremplin.common.security.Roles;
import fr.tremplin.common.territory.DepartmentCode;
import fr.tremplin.common.web.Page;
import fr.tremplin.common.web.PageParams;
import fr.tremplin.common.web.PublicCaching;
import fr.tremplin.offers.api.OfferSummary;
import fr.tremplin.offers.repository.OfferSearch;
import jakarta.annotation.security.PermitAll;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

@Path("/api/v1/offers")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Offer search", description = "What pupils and their schools see")
public class OfferSearchResource {

    private final OfferSearch search;
    private final Caller caller;

    public OfferSearchResource(OfferSearch search, Caller caller) {
        this.search = search;
        this.caller = caller;
    }

    @GET
    @PermitAll
    @PublicCaching(maxAge = 60, perCaller = true)
    @Operation(summary = "Search published offers with a free seat in a coming week",
            description = "Anonymous or any role. Around a point (latitude, longitude, radiusKm default 10, at most 60) "
                    + "results come nearest first; otherwise by text relevance when q is given, else newest first. "
                    + "A pupil's token (claim school) also hides the offers reserved for other schools, or for REP/REP+ "
                    + "when the pupil's school is neither.")
    @APIResponse(responseCode = "200", description = "{items, page, size, totalItems}")
    @APIResponse(responseCode = "400", description = "Invalid criteria")
    public Page<OfferSummary> search(
            @QueryParam("latitude") @DecimalMin("-90") @DecimalMax("90") Double latitude,
            @QueryParam("longitude") @DecimalMin("-180") @DecimalMax("180") Double longitude,
            @QueryParam("radiusKm") @DefaultValue("10") @DecimalMin(value = "0", inclusive = false, message = "must be more than 0")
            @DecimalMax(value = "60", message = "must be 60 or less") double radiusKm,
            @QueryParam("q") @Size(max = 200) String text,
            @QueryParam("sector") @Size(max = 64) String sector,
            @QueryParam("week") List<@Pattern(regexp = SchoolCalendar.WEEK_PATTERN, message = "must be an ISO week such as 2027-W05") String> week,
            @QueryParam("ministry") @Size(max = 16) String ministry,
            @QueryParam("department") @Pattern(regexp = DepartmentCode.PATTERN, message = DepartmentCode.MESSAGE) String department,
            @QueryParam("publicSector") Boolean publicSector,
            @QueryParam("schoolYear") @Pattern(regexp = SchoolCalendar.SCHOOL_YEAR_PATTERN, message = "must look like 2026-2027") String schoolYear,
            @BeanParam @Valid PageParams page) {
        if ((latitude == null) != (longitude == null)) {
            throw ProblemException.invalid(latitude == null ? "latitude" : "longitude",
                    "latitude and longitude go together");
        }
        String pupilSchool = caller.is(Roles.PUPIL) ? caller.require(caller.school(), "school") : null;
        return search.search(new OfferSearch.Criteria(latitude, longitude, radiusKm, blankToNull(text),
                blankToNull(sector), week == null ? List.of() : week, blankToNull(ministry), blankToNull(department),
                publicSector, blankToNull(schoolYear), pupilSchool, page.page, page.size));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
