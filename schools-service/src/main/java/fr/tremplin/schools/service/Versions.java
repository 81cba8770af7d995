package fr.tremplin.schools.service;

import fr.tremplin.common.problem.ProblemException;

/** Optimistic concurrency of edits (docs/ARCHITECTURE.md §6): the version edited comes in If-Match or in the body. */
final class Versions {

    private Versions() {
    }

    static void check(String what, int current, Integer expected) {
        if (expected == null) {
            throw new ProblemException(428, "Precondition required",
                    "send the version of the " + what + " you edited, in If-Match or in the body's version field", null);
        }
        if (expected != current) {
            throw ProblemException.conflict("the " + what + " changed since version " + expected + " (now " + current
                    + "); reload it and retry");
        }
    }
}
