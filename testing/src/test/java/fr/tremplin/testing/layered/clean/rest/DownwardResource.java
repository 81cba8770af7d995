package fr.tremplin.testing.layered.clean.rest;

import fr.tremplin.testing.layered.clean.api.Answer;
import fr.tremplin.testing.layered.clean.service.DownwardService;

public class DownwardResource {
    public Answer get() {
        return new DownwardService().answer();
    }
}
