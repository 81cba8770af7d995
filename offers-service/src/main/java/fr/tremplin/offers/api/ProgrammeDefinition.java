package fr.tremplin.offers.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import fr.tremplin.common.territory.DepartmentCode;
import fr.tremplin.common.territory.TerritoryId;
import fr.tremplin.offers.domain.Programme;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;

/**
 * What a collective programme adds to its offer, as readers and the offer.* events show it (the {@code programme}
 * block of docs/events/shared/offer.schema.json, read by applications-service). Seats per week and weeks are the
 * offer's {@code capacityPerWeek} and {@code weeks}.
 */
@Schema(name = "ProgrammeDefinition")
public record ProgrammeDefinition(Territory territory, Weights weights, boolean minimumOneSeatPerSchool,
                                  int groupSize, List<Service> services, List<Day> dayPlan) {

    public static final String UAI_PATTERN = "^[0-9]{7}[A-Z]$";

    /** The schools the programme is open to: exactly one of the three is set, the others are empty or null. */
    @Schema(name = "ProgrammeTerritory", description = "Exactly one of departments (non-empty), bassin, uais (non-empty)")
    public record Territory(
            @Size(max = 101) List<@NotNull @Pattern(regexp = DepartmentCode.PATTERN, message = DepartmentCode.MESSAGE) String> departments,
            @Pattern(regexp = TerritoryId.PATTERN, message = TerritoryId.MESSAGE) String bassin,
            @Size(max = 2000) List<@NotNull @Pattern(regexp = UAI_PATTERN, message = "must be a UAI: 7 digits and a capital letter") String> uais) {
    }

    /**
     * The weight of each school priority in the sharing of seats: more than 0, less than 100, at most 2 decimals
     * (checked by ProgrammeRules, so that a violation names the field as the JSON does: {@code weights.REP_PLUS}).
     */
    @Schema(name = "ProgrammeWeights", description = "Weight per school priority, each more than 0 and less than 100 "
            + "with at most 2 decimals (defaults 1.5, 1.2, 1.0)")
    public record Weights(@JsonProperty("REP_PLUS") BigDecimal repPlus, @JsonProperty("REP") BigDecimal rep,
                          @JsonProperty("NONE") BigDecimal none) {

        public static final Weights DEFAULT = new Weights(new BigDecimal("1.5"), new BigDecimal("1.2"), new BigDecimal("1.0"));
    }

    /** A service (direction) the groups visit, one a day on days 2 to 4; {@code id} is the host's slug for it. */
    @Schema(name = "ProgrammeService")
    public record Service(
            @NotNull @Pattern(regexp = TerritoryId.PATTERN, message = TerritoryId.MESSAGE) String id,
            @NotBlank @Size(max = 150) String name,
            @NotNull @Min(1) @Max(20) Integer dailyCapacityGroups) {
    }

    /** One day of the programme's week (1 to 5). */
    @Schema(name = "ProgrammeDay")
    public record Day(@NotNull @Min(1) @Max(5) Integer day, @NotBlank @Size(max = 150) String title,
                      @Size(max = 2000) String description) {
    }

    public static ProgrammeDefinition of(Programme programme) {
        return new ProgrammeDefinition(
                new Territory(Arrays.asList(programme.departments), programme.bassin, Arrays.asList(programme.uais)),
                new Weights(shown(programme.weightRepPlus), shown(programme.weightRep), shown(programme.weightNone)),
                programme.minimumOneSeatPerSchool, programme.groupSize,
                programme.services.stream().map(s -> new Service(s.serviceId, s.name, s.dailyCapacityGroups)).toList(),
                programme.days.stream().map(d -> new Day(d.day, d.title, d.description)).toList());
    }

    /** 1.50 as 1.5, 1.00 as 1.0: the weight as the host wrote it, whatever the column's scale. */
    private static BigDecimal shown(BigDecimal weight) {
        BigDecimal stripped = weight.stripTrailingZeros();
        return stripped.scale() < 1 ? stripped.setScale(1) : stripped;
    }
}
