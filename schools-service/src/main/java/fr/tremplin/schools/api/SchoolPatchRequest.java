package fr.tremplin.schools.api;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/** What a principal declares about their school besides its weeks: how many pupils it has in 3e. */
public record SchoolPatchRequest(@NotNull @Min(0) @Max(2000) Integer thirdYearPupils) {
}
