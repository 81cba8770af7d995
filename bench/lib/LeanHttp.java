import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.LinkedBlockingDeque;

/**
 * The benchmarks' HTTP/1.1 client: kept-alive sockets, each request leaving in one write. The load generators share
 * the service's two cores, so they must cost the machine as little as possible: the JDK's HttpClient took about a
 * third of a core at 300 requests/s. Blocking calls, made for virtual threads.
 */
public final class LeanHttp {

    public record Answer(int status, String body) {
    }

    private final String host;
    private final int port;
    private final LinkedBlockingDeque<Connection> idle = new LinkedBlockingDeque<>();

    public LeanHttp(String base) {
        URI uri = URI.create(base);
        this.host = uri.getHost();
        this.port = uri.getPort();
    }

    /** {@code bearer} and {@code body} may be null; status -1 when no answer came. */
    public Answer call(String method, String path, String bearer, String body) {
        for (int attempt = 0; attempt < 2; attempt++) {
            Connection connection = idle.pollFirst();
            boolean reused = connection != null;
            try {
                if (connection == null) {
                    connection = new Connection(host, port);
                }
                Answer answer = connection.exchange(method, path, host, bearer, body);
                if (connection.open) {
                    idle.offerFirst(connection);
                }
                return answer;
            } catch (IOException e) {
                if (connection != null) {
                    connection.close();
                }
                if (!reused) {
                    return new Answer(-1, String.valueOf(e));
                }
                // a kept-alive connection the server closed meanwhile: once more on a new one
            }
        }
        return new Answer(-1, "no connection");
    }

    private static final class Connection {
        private final Socket socket;
        private final BufferedInputStream in;
        private final OutputStream out;
        boolean open = true;

        Connection(String host, int port) throws IOException {
            socket = new Socket(host, port);
            socket.setTcpNoDelay(true);
            socket.setSoTimeout(60_000);
            in = new BufferedInputStream(socket.getInputStream(), 16 * 1024);
            out = socket.getOutputStream();
        }

        Answer exchange(String method, String path, String host, String bearer, String body) throws IOException {
            byte[] payload = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
            String head = method + " " + path + " HTTP/1.1\r\nHost: " + host
                    + (bearer == null ? "" : "\r\nAuthorization: " + bearer)
                    + "\r\nContent-Type: application/json\r\nAccept: application/json\r\nContent-Length: "
                    + payload.length + "\r\n\r\n";
            byte[] headBytes = head.getBytes(StandardCharsets.US_ASCII);
            byte[] request = Arrays.copyOf(headBytes, headBytes.length + payload.length);
            System.arraycopy(payload, 0, request, headBytes.length, payload.length);
            out.write(request);
            out.flush();
            String status = line();
            if (status == null) {
                throw new EOFException("connection closed");
            }
            int code = Integer.parseInt(status.split(" ")[1]);
            int length = -1;
            boolean chunked = false;
            for (String header = line(); header != null && !header.isEmpty(); header = line()) {
                String lower = header.toLowerCase(Locale.ROOT);
                if (lower.startsWith("content-length:")) {
                    length = Integer.parseInt(lower.substring(15).trim());
                } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
                    chunked = true;
                } else if (lower.startsWith("connection:") && lower.contains("close")) {
                    open = false;
                }
            }
            ByteArrayOutputStream content = new ByteArrayOutputStream();
            if (chunked) {
                for (int size = chunkSize(); size > 0; size = chunkSize()) {
                    content.write(in.readNBytes(size));
                    line();
                }
                line();
            } else if (length > 0) {
                content.write(in.readNBytes(length));
            }
            if (!open) {
                close();
            }
            return new Answer(code, content.toString(StandardCharsets.UTF_8));
        }

        private int chunkSize() throws IOException {
            return Integer.parseInt(line().split(";")[0].trim(), 16);
        }

        private String line() throws IOException {
            StringBuilder line = new StringBuilder();
            int c;
            while ((c = in.read()) != -1) {
                if (c == '\n') {
                    int end = line.length();
                    return end > 0 && line.charAt(end - 1) == '\r' ? line.substring(0, end - 1) : line.toString();
                }
                line.append((char) c);
            }
            return line.isEmpty() ? null : line.toString();
        }

        void close() {
            open = false;
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing anyway
            }
        }
    }
}
