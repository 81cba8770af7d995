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
import java.net.ServerSocket;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * A real SMTP server in the test JVM (GreenMail), on a free port the service's mailer is pointed at; the tests read
 * what it received ({@link #received}, {@link #to}) and stop and start it to make the SMTP server fail.
 */
public class MailTestResource implements QuarkusTestResourceLifecycleManager {

    /** A received email, as the tests check it. */
    public record Received(List<String> to, String subject, String body) {
    }

    private static volatile int port;
    private static volatile GreenMail server;

    @Override
    public Map<String, String> start() {
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        up();
        return Map.of("quarkus.mailer.host", "127.0.0.1", "quarkus.mailer.port", Integer.toString(port));
    }

    @Override
    public void stop() {
        down();
    }

    /** Starts the server (again) on its port. */
    public static synchronized void up() {
        if (server == null) {
            server = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
            server.start();
        }
    }

    /** Stops it: the service's SMTP connections are refused until {@link #up}. */
    public static synchronized void down() {
        if (server != null) {
            server.stop();
            server = null;
        }
    }

    public static synchronized void purge() {
        if (server != null) {
            try {
                server.purgeEmailFromAllMailboxes();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /** Everything received since the last purge, in order. */
    public static synchronized List<Received> received() {
        if (server == null) {
            return List.of();
        }
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
