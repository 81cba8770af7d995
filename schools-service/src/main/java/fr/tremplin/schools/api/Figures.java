package fr.tremplin.schools.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import fr.tremplin.schools.domain.Priority;

/**
 * One school's placement figures for a school year (the territory's and the school's own summary): the pupils
 * enrolled plus those erased (anonymous counts), by placement. Never a name, never a pupil id.
 */
@Schema(name = "SchoolPlacementFigures")
public record Figures(String uai, String name, Priority priority, String department, String academy,
                      String bassin, Integer thirdYearPupils, long pupils, long withoutApplication, long applied,
                      long accepted, long confirmed, long completed, long placed) {
}
