package fr.tremplin.testing.layered.service;

import fr.tremplin.testing.layered.rest.SomeResponse;

/** The defect the rule is there for: a service returning a REST record. */
public class UpwardService {
    public SomeResponse answer() {
        return new SomeResponse("up");
    }
}
