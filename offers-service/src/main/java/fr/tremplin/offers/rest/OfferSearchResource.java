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
import fr.tremplin.offers.domain.OfferKind;
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
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

@Path("/api/v1/offers")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Offer search", description = "What pupils and their schools see")
public class OfferSearchResource {

    /** What {@code Page<OfferSummary>} is in the document, named as SmallRye names it, for the response to carry an example. */
    @Schema(name = "PageOfferSummary")
    record OfferSearchPage(List<OfferSummary> items, int page, int size, long totalItems) {
    }

    static final String SEARCH_RESULT_EXAMPLE = """
            {"items": [{"id": "3f1c2a9e-8b4d-4e7a-9c61-2d5b7e0a4f18", "title": "Découverte du métier de boulanger",
              "sectorId": "95776212-ddd1-466e-ba5b-089f4e2f11ac", "sectorName": "Industrie alimentaire", "organisationName": "Boulangerie du Beffroi",
              "publicSector": false, "city": "Lille", "zipcode": "59000", "department": "59",
              "latitude": 50.6365, "longitude": 3.0635, "distanceKm": 0.9, "reservation": "NONE", "kind": "OFFER",
              "weeks": [{"week": "2027-W05", "freeSeats": 2}, {"week": "2027-W06", "freeSeats": 1}]}],
             "page": 0, "size": 20, "totalItems": 1}""";

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
                    + "when the pupil's school is neither. Collective programmes (kind PROGRAMME) are listed with the "
                    + "offers unless kind filters them.")
    @APIResponse(responseCode = "200", description = "A page of offers: {items, page, size, totalItems}",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = OfferSearchPage.class),
                    examples = @ExampleObject(name = "around-lille", summary = "Offers within 10 km of Lille, nearest first",
                            value = SEARCH_RESULT_EXAMPLE)))
    @APIResponse(responseCode = "400", description = "Invalid criteria")
    public Page<OfferSummary> search(
            @Parameter(description = "Latitude of the point to search around (WGS 84); with longitude", example = "50.6292") @QueryParam("latitude") @DecimalMin("-90") @DecimalMax("90") Double latitude,
            @Parameter(description = "Longitude of the point to search around (WGS 84); with latitude", example = "3.0573") @QueryParam("longitude") @DecimalMin("-180") @DecimalMax("180") Double longitude,
            @Parameter(description = "Radius around the point, in km: more than 0, at most 60 (default 10)", example = "10") @QueryParam("radiusKm") @DefaultValue("10") @DecimalMin(value = "0", inclusive = false, message = "must be more than 0")
            @DecimalMax(value = "60", message = "must be 60 or less") double radiusKm,
            @Parameter(description = "French full text over title, description and organisation (accent-insensitive, stemmed)", example = "boulangerie") @QueryParam("q") @Size(max = 200) String text,
            @Parameter(description = "Only this sector (its id, see GET /api/v1/sectors)") @QueryParam("sector") @Size(max = 64) String sector,
            @Parameter(description = "Only offers with a free seat in one of these ISO weeks, e.g. 2027-W05 (repeat the parameter)") @QueryParam("week") List<@Pattern(regexp = SchoolCalendar.WEEK_PATTERN, message = "must be an ISO week such as 2027-W05") String> week,
            @Parameter(description = "Only this ministry's offers (its code, see GET /api/v1/ministries)", example = "MINARM") @QueryParam("ministry") @Size(max = 16) String ministry,
            @Parameter(description = "Only offers in this département (01-95, 2A, 2B, 971-976)", example = "59") @QueryParam("department") @Pattern(regexp = DepartmentCode.PATTERN, message = DepartmentCode.MESSAGE) String department,
            @Parameter(description = "true: public-sector hosts only; false: private ones only") @QueryParam("publicSector") Boolean publicSector,
            @Parameter(description = "Only offers of this school year, e.g. 2026-2027") @QueryParam("schoolYear") @Pattern(regexp = SchoolCalendar.SCHOOL_YEAR_PATTERN, message = "must look like 2026-2027") String schoolYear,
            @Parameter(description = "OFFER: offers pupils apply for; PROGRAMME: collective programmes (seats given to schools); absent: both") @QueryParam("kind") OfferKind kind,
            @BeanParam @Valid PageParams page) {
        if ((latitude == null) != (longitude == null)) {
            throw ProblemException.invalid(latitude == null ? "latitude" : "longitude",
                    "latitude and longitude go together");
        }
        String pupilSchool = caller.is(Roles.PUPIL) ? caller.require(caller.school(), "school") : null;
        return search.search(new OfferSearch.Criteria(latitude, longitude, radiusKm, blankToNull(text),
                blankToNull(sector), week == null ? List.of() : week, blankToNull(ministry), blankToNull(department),
                publicSector, blankToNull(schoolYear), kind, pupilSchool, page.page, page.size));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
