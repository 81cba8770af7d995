import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;

/**
 * The benchmarks' GET load on non-blocking sockets: a fixed rate (open loop) or N connections each sending its next
 * request as soon as the last is answered (closed loop). It shares the two cores it measures, as pgbench does, so it
 * costs as little as it can: each answer is read by one selector thread, and at a fixed rate the calling thread sends
 * each request when it is due on an idle kept-alive connection (a new one when none is idle). No thread is handed a
 * request and none waits on a socket. The blocking client it replaces (LeanHttp, a thread a request) cost 0.18-0.26 ms
 * of CPU a search saturated and 0.26-0.45 ms at a fixed rate; this one 0.06-0.11 ms, pgbench 0.04 ms a transaction
 * (docs/BENCHMARKS.md, "The load generator's own share").
 * Latency is counted from when a request was due, so a slow server cannot hide its queueing.
 */
public final class HttpLoad {

    /** What is told of each answer: when it was due (System.nanoTime), its latency in ns, its status (-1: failed), the body's last bytes. */
    public interface Answers {
        void answered(long due, long latency, int status, String tail);
    }

    private static final int TAIL = 48;
    // an open loop past what the server answers would otherwise open a connection a request, until the file
    // descriptors run out
    private static final int MAX_CONNECTIONS = 512;

    private final InetSocketAddress address;
    private final String host;
    private final Answers answers;
    private final Selector selector;
    private final ConcurrentLinkedDeque<Connection> idle = new ConcurrentLinkedDeque<>();
    private final ConcurrentLinkedQueue<Long> waiting = new ConcurrentLinkedQueue<>();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger connections = new AtomicInteger();
    private volatile boolean closedLoop;
    private volatile long end;
    private volatile Supplier<String> paths;

    public HttpLoad(String host, int port, Answers answers) throws IOException {
        this.address = new InetSocketAddress(host, port);
        this.host = host;
        this.answers = answers;
        this.selector = Selector.open();
        Thread.ofPlatform().name("http-load-reader").daemon().start(this::readLoop);
    }

    /** Sends a request every {@code interval} ns from {@code start} until {@code end}, then waits for the answers. */
    public void atRate(Supplier<String> paths, long start, long interval, long end) {
        this.paths = paths;
        this.end = end;
        for (long due = start; due < end; due += interval) {
            long wait = due - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            Connection connection = idle.pollFirst();
            if (connection != null) {
                send(connection, due);
            } else if (connections.get() < MAX_CONNECTIONS) {
                sendOnNew(due);
            } else {
                // every connection busy: the request waits for the next answer, its latency still counted from due
                waiting.add(due);
                inFlight.incrementAndGet();
                Connection freed = idle.pollFirst(); // one may have come back meanwhile
                if (freed != null) {
                    sendNext(freed);
                }
            }
        }
        awaitAnswers();
    }

    /** Keeps {@code count} requests on their way until {@code end}, each sent when the last on its connection is answered. */
    public void closedLoop(Supplier<String> paths, int count, long end) {
        this.paths = paths;
        this.end = end;
        this.closedLoop = true;
        for (int c = 0; c < count; c++) {
            sendOnNew(System.nanoTime());
        }
        awaitAnswers();
    }

    private void awaitAnswers() {
        LockSupport.parkNanos(end - System.nanoTime());
        long giveUp = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (inFlight.get() > 0 && System.nanoTime() < giveUp) {
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(10));
        }
    }

    private Connection open() throws IOException {
        SocketChannel channel = SocketChannel.open(address);
        channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
        channel.configureBlocking(false);
        connections.incrementAndGet();
        Connection connection = new Connection(channel);
        // registered once for reading: an idle connection has nothing to read, so it never wakes the reader (the
        // reader takes a new key at its next select, hence the wake-up)
        channel.register(selector, SelectionKey.OP_READ, connection);
        selector.wakeup();
        return connection;
    }

    /** On a new connection; one that cannot be opened is a failed request (in a closed loop, a connection fewer). */
    private void sendOnNew(long due) {
        Connection connection;
        try {
            connection = open();
        } catch (IOException e) {
            answers.answered(due, System.nanoTime() - due, -1, "");
            return;
        }
        send(connection, due);
    }

    private void send(Connection connection, long due) {
        ByteBuffer request = ByteBuffer.wrap(("GET " + paths.get() + " HTTP/1.1\r\nHost: " + host
                + "\r\nAccept: application/json\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        connection.due = due;
        connection.busy = true;
        inFlight.incrementAndGet();
        try {
            while (request.hasRemaining()) {
                connection.channel.write(request); // a few hundred bytes into an empty socket buffer: at once
            }
        } catch (IOException e) {
            failed(connection);
        }
    }

    private void readLoop() {
        try {
            while (selector.isOpen()) {
                selector.select(key -> read((Connection) key.attachment()));
            }
        } catch (IOException | RuntimeException e) {
            System.err.println("http-load: reader stopped: " + e);
        }
    }

    private void read(Connection connection) {
        boolean ended;
        int status;
        try {
            ended = connection.readAvailable() < 0;
            if (!connection.busy) { // an idle connection the server closed
                dropIdle(connection);
                return;
            }
            status = connection.complete();
        } catch (IOException | RuntimeException e) { // a reset, or an answer that is not HTTP as expected
            if (connection.busy) {
                failed(connection);
            } else {
                dropIdle(connection);
            }
            return;
        }
        if (status == 0) {
            if (ended) {
                failed(connection);
            }
            return;
        }
        long now = System.nanoTime();
        answers.answered(connection.due, now - connection.due, status, connection.tail());
        connection.reset();
        inFlight.decrementAndGet();
        boolean more = closedLoop && now < end;
        if (connection.closing || ended) {
            connection.close();
            connections.decrementAndGet();
            if (more) {
                sendOnNew(now);
            }
        } else if (more) {
            send(connection, now);
        } else {
            sendNext(connection);
        }
    }

    /** Sends the oldest waiting request on {@code connection}, or leaves it idle when none waits. */
    private void sendNext(Connection connection) {
        Long due = waiting.poll();
        if (due == null) {
            idle.offerFirst(connection);
        } else {
            inFlight.decrementAndGet(); // counted while it waited; send counts it again
            send(connection, due);
        }
    }

    private void dropIdle(Connection connection) {
        idle.remove(connection);
        connection.close();
        connections.decrementAndGet();
    }

    private void failed(Connection connection) {
        connection.busy = false;
        connection.close();
        connections.decrementAndGet();
        inFlight.decrementAndGet();
        answers.answered(connection.due, System.nanoTime() - connection.due, -1, "");
    }

    /** One kept-alive connection and the answer being read on it (Content-Length or chunked, no trailers). */
    private static final class Connection {
        final SocketChannel channel;
        volatile long due;
        volatile boolean busy;
        boolean closing;
        private static final byte[] HEAD_END = {'\r', '\n', '\r', '\n'};
        private static final byte[] LINE_END = {'\r', '\n'};
        private byte[] buffer = new byte[32 * 1024];
        private int length;
        private int bodyStart;
        private int bodyEnd;

        Connection(SocketChannel channel) {
            this.channel = channel;
        }

        int readAvailable() throws IOException {
            int total = 0;
            while (true) {
                if (length == buffer.length) {
                    buffer = Arrays.copyOf(buffer, buffer.length * 2);
                }
                int n = channel.read(ByteBuffer.wrap(buffer, length, buffer.length - length));
                if (n <= 0) {
                    return n < 0 ? -1 : total;
                }
                length += n;
                total += n;
            }
        }

        /** The status once the whole answer is in, else 0. */
        int complete() {
            int headEnd = indexOf(HEAD_END, 0);
            if (headEnd < 0) {
                return 0;
            }
            String head = new String(buffer, 0, headEnd, StandardCharsets.ISO_8859_1);
            int status = Integer.parseInt(head, 9, 12, 10);
            bodyStart = headEnd + 4;
            String lower = head.toLowerCase(Locale.ROOT);
            closing = header(lower, "connection").contains("close");
            String contentLength = header(lower, "content-length");
            if (!contentLength.isEmpty()) {
                bodyEnd = bodyStart + Integer.parseInt(contentLength);
                return length >= bodyEnd ? status : 0;
            }
            if (!header(lower, "transfer-encoding").contains("chunked")) {
                bodyEnd = bodyStart;
                return status;
            }
            int position = bodyStart;
            while (true) { // each chunk: its size in hex, CRLF, the data, CRLF; the last has size 0
                int lineEnd = indexOf(LINE_END, position);
                if (lineEnd < 0) {
                    return 0;
                }
                int size = Integer.parseInt(new String(buffer, position, lineEnd - position, StandardCharsets.ISO_8859_1)
                        .split(";")[0].trim(), 16);
                if (size == 0) {
                    bodyEnd = position;
                    return length >= lineEnd + 4 ? status : 0;
                }
                position = lineEnd + 2 + size + 2;
                if (position > length) {
                    return 0;
                }
            }
        }

        /** The body's last bytes (chunked: the last chunk's, framing aside). */
        String tail() {
            int to = bodyEnd;
            if (to > bodyStart && buffer[to - 1] == '\n' && buffer[to - 2] == '\r') {
                to -= 2;
            }
            int from = Math.max(bodyStart, to - TAIL);
            return new String(buffer, from, to - from, StandardCharsets.UTF_8);
        }

        void reset() {
            length = 0;
            busy = false;
        }

        void close() {
            try {
                channel.close();
            } catch (IOException ignored) {
                // closing anyway
            }
        }

        /** The value of header {@code name} in a lower-cased head, trimmed; "" when absent. */
        private static String header(String lowerHead, String name) {
            int at = lowerHead.indexOf("\r\n" + name + ":");
            if (at < 0) {
                return "";
            }
            int from = at + name.length() + 3;
            int to = lowerHead.indexOf("\r\n", from);
            return lowerHead.substring(from, to < 0 ? lowerHead.length() : to).trim();
        }

        private int indexOf(byte[] needle, int from) {
            outer:
            for (int i = from; i <= length - needle.length; i++) {
                for (int j = 0; j < needle.length; j++) {
                    if (buffer[i + j] != needle[j]) {
                        continue outer;
                    }
                }
                return i;
            }
            return -1;
        }
    }
}
