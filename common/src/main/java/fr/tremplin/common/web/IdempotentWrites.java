package fr.tremplin.common.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.tremplin.common.problem.ProblemException;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import jakarta.ws.rs.core.Response;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Replays the first answer to a write retried with the same {@code Idempotency-Key} by the same caller.
 * The key is stored in the transaction of the write, so a failed write leaves no key behind.
 */
@ApplicationScoped
public class IdempotentWrites {

    public static final String HEADER = "Idempotency-Key";

    private final AgroalDataSource dataSource;
    private final ObjectMapper mapper;

    public IdempotentWrites(AgroalDataSource dataSource, ObjectMapper mapper) {
        this.dataSource = dataSource;
        this.mapper = mapper;
    }

    public record StoredAnswer(int status, String location, String body) {
    }

    /** What a creation answers: where the new resource is, and its representation. */
    public record Created(URI location, Object body) {
    }

    /**
     * Runs a creation once per key: 201 with its Location the first time, the same answer replayed for a retry with
     * the same key and body, 422 for the same key with another body. Without a key, simply creates.
     * The key is stored in the creation's own transaction: a failed creation leaves no key behind.
     */
    @Transactional
    public Response createOnce(String caller, String key, Object request, Supplier<Created> creation) {
        if (key == null) {
            Created created = creation.get();
            return Response.created(created.location()).entity(created.body()).build();
        }
        Optional<StoredAnswer> previous = previous(caller, key, request);
        if (previous.isPresent()) {
            try {
                return Response.status(previous.get().status()).location(URI.create(previous.get().location()))
                        .entity(mapper.readTree(previous.get().body())).build();
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        }
        Created created = creation.get();
        remember(caller, key, request, 201, created.location().toString(), created.body());
        return Response.created(created.location()).entity(created.body()).build();
    }

    /** A previous answer for this key, or empty; 422 when the key was used for a different request. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<StoredAnswer> previous(String caller, String key, Object request) {
        validate(key);
        String fingerprint = fingerprint(request);
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(
                     "SELECT fingerprint, status, location, body FROM idempotency_key WHERE caller = ? AND idem_key = ?")) {
            select.setString(1, caller);
            select.setString(2, key);
            try (ResultSet rs = select.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                if (!rs.getString(1).equals(fingerprint)) {
                    throw ProblemException.unprocessable(HEADER, "this key was already used for a different request");
                }
                return Optional.of(new StoredAnswer(rs.getInt(2), rs.getString(3), rs.getString(4)));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void remember(String caller, String key, Object request, int status, String location, Object body) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement(
                     "INSERT INTO idempotency_key (caller, idem_key, fingerprint, status, location, body) "
                             + "VALUES (?, ?, ?, ?, ?, ?)")) {
            insert.setString(1, caller);
            insert.setString(2, key);
            insert.setString(3, fingerprint(request));
            insert.setInt(4, status);
            insert.setString(5, location);
            insert.setString(6, mapper.writeValueAsString(body));
            insert.executeUpdate();
        } catch (SQLException | JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void validate(String key) {
        if (key.isBlank() || key.length() > 128) {
            throw ProblemException.invalid(HEADER, "must be 1 to 128 characters");
        }
    }

    private String fingerprint(Object request) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(mapper.writeValueAsString(request).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException | JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
