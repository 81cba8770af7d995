package fr.tremplin.offers.api;

/** What offers-service reads of {@code tremplin.schools.v1}: a school's priority, or a pupil's erasure. */
public sealed interface SchoolEvent permits SchoolPriorityChanged, PupilErased {
}
