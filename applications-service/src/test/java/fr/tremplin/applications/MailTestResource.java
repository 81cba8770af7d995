package fr.tremplin.applications;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import jakarta.mail.Address;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * A real SMTP server in the test JVM (GreenMail), which the tests read ({@link #received}, {@link #to}). The service's
 * mailer reaches it through a small TCP relay on a free port, which {@link #down} turns into a server that refuses
 * every connection (SMTP 421, the answer of a server that is shutting down) and {@link #up} back: restarting GreenMail
 * itself left the mail client's next connection waiting for 30 s.
 */
public class MailTestResource implements QuarkusTestResourceLifecycleManager {

    /** A received email, as the tests check it. */
    public record Received(List<String> to, String subject, String body) {
    }

    private static volatile GreenMail server;
    private static volatile ServerSocket relay;
    private static volatile boolean refusing;
    private static final java.util.Set<Socket> OPEN = java.util.concurrent.ConcurrentHashMap.newKeySet();

    @Override
    public Map<String, String> start() {
        int smtpPort;
        try (ServerSocket free = new ServerSocket(0)) {
            smtpPort = free.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        server.start();
        try {
            relay = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        Thread.ofPlatform().daemon().name("smtp-relay").start(() -> relay(smtpPort));
        return Map.of("quarkus.mailer.host", "127.0.0.1", "quarkus.mailer.port", Integer.toString(relay.getLocalPort()));
    }

    @Override
    public void stop() {
        try {
            relay.close();
        } catch (IOException ignored) {
            // closing anyway
        }
        server.stop();
    }

    /** The SMTP server answers again. */
    public static void up() {
        refusing = false;
    }

    /** The SMTP server drops the connections it has and refuses every new one until {@link #up}. */
    public static void down() {
        refusing = true;
        for (Socket open : OPEN) {
            try {
                open.close();
            } catch (IOException ignored) {
                // closing anyway
            }
        }
        OPEN.clear();
    }

    private static void relay(int smtpPort) {
        while (!relay.isClosed()) {
            try {
                Socket client = relay.accept();
                if (refusing) {
                    try (client) {
                        client.getOutputStream().write("421 4.3.2 Service not available, closing transmission channel\r\n"
                                .getBytes(StandardCharsets.US_ASCII));
                    }
                    continue;
                }
                Socket upstream = new Socket(InetAddress.getLoopbackAddress(), smtpPort);
                OPEN.add(client);
                OPEN.add(upstream);
                pump(client, upstream);
                pump(upstream, client);
            } catch (IOException e) {
                // the relay was closed, or one connection failed: the mail client sees it as an SMTP failure
            }
        }
    }

    private static void pump(Socket from, Socket to) {
        Thread.ofPlatform().daemon().start(() -> {
            try (from; to) {
                from.getInputStream().transferTo(to.getOutputStream());
            } catch (IOException ignored) {
                // one side closed: both are
            } finally {
                OPEN.remove(from);
                OPEN.remove(to);
            }
        });
    }

    public static void purge() {
        try {
            server.purgeEmailFromAllMailboxes();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Everything received since the last purge, in order. */
    public static List<Received> received() {
        return Arrays.stream(server.getReceivedMessages()).map(MailTestResource::read).toList();
    }

    /** What {@code address} received. */
    public static List<Received> to(String address) {
        return received().stream().filter(mail -> mail.to().contains(address)).toList();
    }

    private static Received read(MimeMessage message) {
        try {
            Address[] to = message.getRecipients(Message.RecipientType.TO);
            Object content = message.getContent();
            return new Received(to == null ? List.of() : Arrays.stream(to).map(Address::toString).toList(),
                    message.getSubject(), content instanceof String text ? text : GreenMailUtil.getBody(message));
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
