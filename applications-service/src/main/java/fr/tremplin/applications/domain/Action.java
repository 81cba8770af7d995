package fr.tremplin.applications.domain;

/** What somebody does to a candidacy; each is a route ({@code POST /api/v1/applications/{id}/<route>}) or a job. */
public enum Action {
    SUBMIT("submit", "application.submitted"),
    FORWARD("forward", "application.forwarded"),
    REDIRECT("redirect", "application.redirected"),
    ACCEPT("accept", "application.accepted"),
    CONFIRM("confirm", "application.confirmed"),
    SIGN_AGREEMENT("sign-agreement", "agreement.signed"),
    COMPLETE("complete", "internship.completed"),
    REJECT("reject", "application.rejected"),
    CANCEL("cancel", "application.cancelled"),
    EXPIRE("expire", "application.expired");

    private final String label;
    private final String eventType;

    Action(String label, String eventType) {
        this.label = label;
        this.eventType = eventType;
    }

    public String label() {
        return label;
    }

    /** The CloudEvents type published on {@code tremplin.applications.v1} when this action succeeds. */
    public String eventType() {
        return eventType;
    }
}
