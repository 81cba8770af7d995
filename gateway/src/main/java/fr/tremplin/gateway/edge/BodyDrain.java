package fr.tremplin.gateway.edge;

import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpVersion;

/**
 * Discards what a client is still sending after its request was refused. Closing at once would make the kernel
 * reset the connection over the unread bytes, and the client would lose the answer explaining the refusal; a
 * client that keeps sending past the grace period is cut off all the same.
 */
public final class BodyDrain {

    private static final long GRACE_MILLIS = 5_000;

    private BodyDrain() {
    }

    public static void discard(HttpServerRequest request) {
        if (request.isEnded()) {
            return;
        }
        Context context = Vertx.currentContext();
        request.handler(ignored -> {
        });
        if (context != null) {
            long timer = context.owner().setTimer(GRACE_MILLIS, id -> cutOff(request));
            request.endHandler(v -> context.owner().cancelTimer(timer));
        }
        request.resume();
    }

    private static void cutOff(HttpServerRequest request) {
        if (request.isEnded()) {
            return;
        }
        if (request.version() == HttpVersion.HTTP_2) {
            request.response().reset(); // one stream, not the connection other exchanges share
        } else {
            request.connection().close();
        }
    }
}
