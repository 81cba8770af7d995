package fr.tremplin.common.events;

/** What a failure comes down to, for the event machinery's logs and dead letters. */
final class Failures {

    private Failures() {
    }

    static Throwable root(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root;
    }

    /** The root cause's class and message: for logs about the infrastructure (Kafka, a connection), not about data. */
    static String rootMessage(Throwable e) {
        Throwable root = root(e);
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }
}
