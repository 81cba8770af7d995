package fr.tremplin.testing.layered.clean.service;

import fr.tremplin.testing.layered.clean.api.Answer;

public class DownwardService {
    public Answer answer() {
        return new Answer("down");
    }
}
