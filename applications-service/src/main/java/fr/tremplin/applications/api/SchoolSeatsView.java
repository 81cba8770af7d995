package fr.tremplin.applications.api;

import fr.tremplin.applications.domain.programme.SeatAllocation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;

/**
 * One school's seats in a programme and how they were computed (docs/APPLICATIONS.md, "Programmes: allocation and
 * nominations"): seats = guaranteed + floor + (1 when its remainder's rank got one of the seats left) + extraSeats.
 */
@Schema(name = "ProgrammeSchoolSeats", description = "One school's seats in a programme and how they were computed")
public record SchoolSeatsView(
        @Schema(description = "The school's UAI") String uai,
        @Schema(description = "REP_PLUS, REP or NONE") String priority,
        @Schema(description = "False when the school declared no 3e count: it gets no seat") boolean counted,
        @Schema(description = "Its declared 3e headcount; null when not counted") Integer headcount,
        @Schema(description = "The weight of its priority") BigDecimal weight,
        @Schema(description = "headcount x weight") BigDecimal weightedHeadcount,
        @Schema(description = "1 when the minimum of one seat per school gave it one") int guaranteedSeat,
        @Schema(description = "Its exact share of the seats shared by largest remainder (cut to 4 decimals)") BigDecimal weightedShare,
        @Schema(description = "The whole part of its share") int floor,
        @Schema(description = "share - floor (cut to 4 decimals; compared exactly)") BigDecimal remainder,
        @Schema(description = "The rank of its remainder (1 = largest, ties: larger weighted headcount, higher priority, UAI)") Integer rank,
        @Schema(description = "Seats received from schools that declined") int extraSeats,
        @Schema(description = "Its seats (0 once declined)") int seats,
        @Schema(description = "True once the school declined its seats") boolean declined) {

    public static SchoolSeatsView of(SeatAllocation.Line line) {
        return new SchoolSeatsView(line.uai(), line.priority(), line.counted(), line.headcount(), line.weight(),
                line.weightedHeadcount(), line.guaranteed(), line.quota(), line.floor(), line.remainder(),
                line.rank(), line.extraSeats(), line.seats(), line.declined());
    }
}
