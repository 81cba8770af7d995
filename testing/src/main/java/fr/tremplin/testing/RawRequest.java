package fr.tremplin.testing;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * A request written byte for byte on a socket, for what no HTTP client agrees to send ({@code %zz}, {@code {x}},
 * dot segments, lines past the limits), and the whole answer read back as text (status line, headers, body).
 * The fuzzer has its own, fuller client; this one is for tests that assert one answer.
 */
public final class RawRequest {

    private RawRequest() {
    }

    /** A GET of {@code target} as written, on a connection closed after the answer. */
    public static String get(int port, String target) throws IOException {
        return send(port, "GET " + target + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
    }

    /** {@code request} as written (ISO-8859-1 bytes), then everything the server answers until it closes. */
    public static String send(int port, String request) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
