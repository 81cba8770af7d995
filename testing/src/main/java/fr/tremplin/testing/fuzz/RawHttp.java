package fr.tremplin.testing.fuzz;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP/1.1 over a plain socket, one connection per request ({@code Connection: close}): a client library would refuse
 * to send most of what the fuzzer sends (a bad percent escape, a control character in a header, two framings).
 */
final class RawHttp {

    /** What came back; status 0 when the connection closed without an answer, -1 on a timeout. */
    record Answer(int status, Map<String, String> headers, byte[] body) {
        String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }

        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    private static final int MAX_ANSWER = 4 * 1024 * 1024;

    private final String host;
    private final int port;
    private final int timeoutMillis;

    RawHttp(URI base, int timeoutMillis) {
        this.host = base.getHost();
        this.port = base.getPort() > 0 ? base.getPort() : 80;
        this.timeoutMillis = timeoutMillis;
    }

    Answer send(FuzzRequest request) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), timeoutMillis);
            socket.setSoTimeout(timeoutMillis);
            try {
                write(socket.getOutputStream(), request);
            } catch (IOException e) {
                // the server may answer (413, 400) and close before the whole body is written: read what it said
            }
            try {
                return parse(readAll(socket.getInputStream()));
            } catch (SocketTimeoutException e) {
                return new Answer(-1, Map.of(), new byte[0]);
            }
        }
    }

    private void write(OutputStream out, FuzzRequest request) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        head.writeBytes(ascii(request.method() + " " + request.target() + " HTTP/1.1\r\n"));
        head.writeBytes(ascii("Host: " + host + ":" + port + "\r\n"));
        for (String[] header : request.headers()) {
            head.writeBytes((header[0] + ": " + header[1] + "\r\n").getBytes(StandardCharsets.UTF_8));
        }
        if (request.body() != null) {
            head.writeBytes(ascii("Content-Length: " + request.body().length + "\r\n"));
        }
        head.writeBytes(ascii("Connection: close\r\n\r\n"));
        out.write(head.toByteArray());
        if (request.body() != null) {
            out.write(request.body());
        }
        out.flush();
    }

    private static byte[] readAll(InputStream in) throws IOException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        byte[] buffer = new byte[16_384];
        int read;
        try {
            while ((read = in.read(buffer)) >= 0 && all.size() < MAX_ANSWER) {
                all.write(buffer, 0, read);
            }
        } catch (IOException e) {
            if (all.size() == 0 && !(e instanceof SocketTimeoutException)) {
                return new byte[0];          // reset without an answer
            }
            if (all.size() == 0) {
                throw e;
            }
        }
        return all.toByteArray();
    }

    private static Answer parse(byte[] raw) {
        int end = indexOf(raw, ascii("\r\n\r\n"));
        if (raw.length == 0 || end < 0) {
            return new Answer(0, Map.of(), raw);
        }
        String[] lines = new String(raw, 0, end, StandardCharsets.ISO_8859_1).split("\r\n");
        String[] statusLine = lines[0].split(" ", 3);
        int status = statusLine.length > 1 && statusLine[1].matches("[0-9]{3}") ? Integer.parseInt(statusLine[1]) : 0;
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon > 0) {
                headers.putIfAbsent(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT),
                        lines[i].substring(colon + 1).trim());
            }
        }
        byte[] body = Arrays.copyOfRange(raw, end + 4, raw.length);
        if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            body = dechunk(body);
        }
        return new Answer(status, headers, body);
    }

    private static byte[] dechunk(byte[] body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int at = 0;
        while (at < body.length) {
            int lineEnd = indexOf(Arrays.copyOfRange(body, at, body.length), ascii("\r\n"));
            if (lineEnd < 0) {
                break;
            }
            String size = new String(body, at, lineEnd, StandardCharsets.ISO_8859_1).split(";")[0].trim();
            int length;
            try {
                length = Integer.parseInt(size, 16);
            } catch (NumberFormatException e) {
                break;
            }
            at += lineEnd + 2;
            if (length == 0 || at + length > body.length) {
                break;
            }
            out.write(body, at, length);
            at += length + 2;
        }
        return out.toByteArray();
    }

    private static int indexOf(byte[] data, byte[] pattern) {
        outer:
        for (int i = 0; i + pattern.length <= data.length; i++) {
            for (int j = 0; j < pattern.length; j++) {
                if (data[i + j] != pattern[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }
}
