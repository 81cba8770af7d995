package fr.tremplin.common.security;

import fr.tremplin.common.problem.ProblemException;
import jakarta.enterprise.context.RequestScoped;
import jakarta.json.JsonArray;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The authenticated person and the scope claims of their token (docs/ARCHITECTURE.md §1). Every service checks reads and
 * writes against these; a claim may be a string or an array of strings.
 */
@RequestScoped
public class Caller {

    private final JsonWebToken token;

    public Caller(JsonWebToken token) {
        this.token = token;
    }

    public boolean authenticated() {
        return token != null && token.getRawToken() != null;
    }

    /** The {@code sub}: a pupil's id, or the person id of a staff member, host, relay agent... */
    public String id() {
        return authenticated() ? token.getSubject() : "anonymous";
    }

    public Set<String> roles() {
        return authenticated() && token.getGroups() != null ? token.getGroups() : Set.of();
    }

    public boolean is(String role) {
        return roles().contains(role);
    }

    public boolean isAny(String... roles) {
        for (String role : roles) {
            if (is(role)) {
                return true;
            }
        }
        return false;
    }

    public String mainRole() {
        for (String role : Roles.PRECEDENCE) {
            if (is(role)) {
                return role;
            }
        }
        return authenticated() ? "none" : "anonymous";
    }

    public Optional<String> school() {
        return single("school");
    }

    public Optional<String> organisation() {
        return single("organisation");
    }

    /** A host of this organisation: the role host, and the organisation claim naming it (the rule of every service). */
    public boolean isHostOf(UUID organisationId) {
        return is(Roles.HOST) && organisationId != null && organisation().map(organisationId.toString()::equals).orElse(false);
    }

    public Optional<String> operator() {
        return single("operator");
    }

    public Optional<String> relay() {
        return single("relay");
    }

    public Optional<String> ministry() {
        return single("ministry");
    }

    public Optional<String> academy() {
        return single("academy");
    }

    public Optional<String> bassin() {
        return single("bassin");
    }

    public List<String> classes() {
        return many("classes");
    }

    public List<String> departments() {
        return many("departments");
    }

    /** The value of a scope claim the route cannot work without; its absence is the caller's fault: 403. */
    public String require(Optional<String> claim, String name) {
        return claim.orElseThrow(() -> ProblemException.forbidden("your token carries no '" + name + "' claim"));
    }

    public Optional<String> single(String claim) {
        List<String> values = many(claim);
        return values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    public List<String> many(String claim) {
        if (!authenticated()) {
            return List.of();
        }
        Object value = token.getClaim(claim);
        if (value == null) {
            return List.of();
        }
        if (value instanceof JsonArray array) {
            return array.stream().map(Caller::text).filter(s -> !s.isBlank()).toList();
        }
        if (value instanceof Collection<?> collection) {
            return collection.stream().map(Caller::text).filter(s -> !s.isBlank()).toList();
        }
        String text = text(value);
        return text.isBlank() ? List.of() : List.of(text);
    }

    private static String text(Object value) {
        if (value instanceof JsonString string) {
            return string.getString();
        }
        if (value instanceof JsonValue json) {
            String raw = json.toString();
            return raw.startsWith("\"") && raw.endsWith("\"") ? raw.substring(1, raw.length() - 1) : raw;
        }
        return String.valueOf(value);
    }
}
