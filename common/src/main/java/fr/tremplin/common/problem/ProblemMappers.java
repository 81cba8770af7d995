package fr.tremplin.common.problem;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import fr.tremplin.common.persistence.DatabaseFailure;
import fr.tremplin.common.web.ControlCharacters;
import fr.tremplin.common.web.StrictJson;
import jakarta.persistence.OptimisticLockException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import org.hibernate.StaleStateException;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Every error leaves a service as {@code application/problem+json}: bad input is a 4xx naming the field,
 * and nothing unexpected ever shows a stack trace.
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response problem(ProblemException e) {
        return ProblemTypes.response(e.toProblem());
    }

    @ServerExceptionMapper
    public Response validation(ConstraintViolationException e) {
        List<Problem.Violation> violations = new ArrayList<>();
        for (ConstraintViolation<?> violation : e.getConstraintViolations()) {
            violations.add(new Problem.Violation(field(violation.getPropertyPath()), violation.getMessage()));
        }
        violations.sort(Comparator.comparing(Problem.Violation::field));
        String detail = violations.stream().map(v -> v.field() + ": " + v.message())
                .reduce((a, b) -> a + "; " + b).orElse("invalid request");
        return ProblemTypes.response(new Problem(ProblemTypes.of(400), "Invalid request", 400, detail, violations));
    }

    @ServerExceptionMapper({JsonParseException.class})
    public Response malformedJson(JsonProcessingException e) {
        String duplicate = duplicateKey(e);
        if (duplicate != null) {
            String message = "is given more than once";
            return ProblemTypes.response(new Problem(ProblemTypes.of(400), "Malformed JSON", 400,
                    duplicate + ": " + message, List.of(new Problem.Violation(duplicate, message))));
        }
        return ProblemTypes.response(400, "Malformed JSON", "the request body is not valid JSON");
    }

    /** The path of the key given twice ({@code weeks[0].capacity}), or null when the parse failed otherwise. */
    static String duplicateKey(JsonProcessingException e) {
        String message = e.getOriginalMessage();
        if (message == null || !message.startsWith("Duplicate field '")) {
            return null;
        }
        int end = message.indexOf('\'', "Duplicate field '".length());
        String name = end < 0 ? message.substring("Duplicate field '".length())
                : message.substring("Duplicate field '".length(), end);
        if (e instanceof StreamReadException read && read.getProcessor() instanceof JsonParser parser
                && parser.getParsingContext() != null) {
            String parent = contextPath(parser.getParsingContext().getParent());
            return parent.isEmpty() ? name : parent + "." + name;
        }
        return name;
    }

    private static String contextPath(JsonStreamContext context) {
        if (context == null || context.inRoot()) {
            return "";
        }
        String parent = contextPath(context.getParent());
        if (context.inArray()) {
            return parent + "[" + context.getCurrentIndex() + "]";
        }
        String name = context.getCurrentName() == null ? "" : context.getCurrentName();
        return parent.isEmpty() ? name : parent + "." + name;
    }

    private static String sqlState(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof java.sql.SQLException sql && sql.getSQLState() != null) {
                return "SQL state " + sql.getSQLState();
            }
        }
        return "no SQL state";
    }

    @ServerExceptionMapper({MismatchedInputException.class, InvalidFormatException.class,
            UnrecognizedPropertyException.class, JsonMappingException.class})
    public Response wrongType(JsonMappingException e) {
        String field = jsonPath(e);
        if (field.isEmpty() && e instanceof MismatchedInputException && e.getOriginalMessage() != null
                && e.getOriginalMessage().startsWith("Trailing token")) {
            return ProblemTypes.response(400, "Malformed JSON", "the request body has content after the JSON document");
        }
        String message = e instanceof UnrecognizedPropertyException ? "unknown field"
                : e instanceof StrictJson.ControlCharacterException ? ControlCharacters.MESSAGE
                : e instanceof InvalidFormatException format && format.getTargetType() != null
                        ? "must be a valid " + friendly(format.getTargetType())
                        : e instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null
                                ? "must be a valid " + friendly(mismatch.getTargetType())
                                : "has the wrong type";
        if (field.isEmpty()) {
            return ProblemTypes.response(400, "Malformed JSON", "the request body does not have the expected shape");
        }
        return ProblemTypes.response(new Problem(ProblemTypes.of(400), "Invalid request", 400,
                field + ": " + message, List.of(new Problem.Violation(field, message))));
    }

    @ServerExceptionMapper({OptimisticLockException.class, StaleStateException.class})
    public Response staleVersion(RuntimeException e) {
        return ProblemTypes.response(409, "Conflict", "the resource was changed by someone else; reload it and retry");
    }

    @ServerExceptionMapper({UnauthorizedException.class, AuthenticationFailedException.class})
    public Response unauthenticated(RuntimeException e) {
        return Response.fromResponse(ProblemTypes.response(401, "Unauthenticated",
                "a valid bearer token is required")).header("WWW-Authenticate", "Bearer").build();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e) {
        return ProblemTypes.response(403, "Forbidden", "your role does not allow this");
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e) {
        int status = e.getResponse() == null ? 500 : e.getResponse().getStatus();
        if (status >= 500) {
            return unexpected(e);
        }
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            // the JSON reader wraps what went wrong in a plain 400: say it precisely
            if (cause instanceof JsonParseException parse) {
                return malformedJson(parse);
            }
            if (cause instanceof JsonMappingException mapping) {
                return wrongType(mapping);
            }
        }
        if (e.getCause() instanceof ProblemException problem) {
            // a parameter converter's own refusal (StrictBooleans), wrapped by JAX-RS in a 404: it names the parameter
            return problem(problem);
        }
        if (status == 404 && e.getCause() != null) {
            // JAX-RS answers 404 when a query or path parameter does not convert (the cause says why): that is bad input
            return ProblemTypes.response(400, "Invalid parameter",
                    "a query or path parameter does not have the expected type (number, boolean, UUID, date...)");
        }
        String title = ProblemCatalog.title(status);
        String detail = status == 404 ? "no such resource" : safeMessage(e, title);
        return ProblemTypes.response(status, title, detail);
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e) {
        if (e instanceof ProblemException problem) {
            return problem(problem);
        }
        return switch (DatabaseFailure.of(e)) {
            // the database decided between two writes at the same moment: the loser learns why, and may retry
            case LOST_RACE -> ProblemTypes.response(409, "Conflict",
                    "a concurrent change got there first; reload and retry");
            case CONSTRAINT -> ProblemTypes.response(409, "Conflict",
                    "a concurrent change got there first (it already exists, or no longer fits); reload and retry");
            case BUSY -> busy();
            case UNAVAILABLE -> unavailable(e);
            case BAD_INPUT -> {
                // the filters and the strict JSON should have refused it first: logged (without the value) to close the gap
                LOG.warnf("the database refused a value sent by the caller (%s): answered 400", sqlState(e));
                yield ProblemTypes.response(400, "Invalid request",
                        "a value of the request cannot be stored or read as its type (control character, malformed "
                                + "identifier, too long or out of range)");
            }
            case OTHER -> {
                LOG.error("unexpected error", e);
                yield ProblemTypes.response(500, "Internal error", "an unexpected error occurred; it has been logged");
            }
        };
    }

    /**
     * Every database connection still busy when the acquisition timeout ran out: the service is overloaded, not
     * broken, and the request wrote nothing (a transaction's first statement is what asks for a connection). A 503
     * with Retry-After tells clients and the gateway to come back.
     */
    private static Response busy() {
        LOG.warn("no database connection free within the acquisition timeout: answered 503");
        return Response.fromResponse(ProblemTypes.response(503, "Service busy", ProblemCatalog.BUSY_DETAIL))
                .header("Retry-After", "1").build();
    }

    /**
     * The database went away under the request (restarted, failing over) or is not accepting connections yet: not a
     * defect, and over in seconds; a 503 with Retry-After (docs/RELIABILITY.md). A request cut off mid-way may or may
     * not have been recorded: the writes are made so that a repeat of a recorded one is refused as a conflict.
     */
    private static Response unavailable(Throwable e) {
        LOG.warnf("the database is unavailable (%s): answered 503", sqlState(e));
        return Response.fromResponse(ProblemTypes.response(503, "Service unavailable",
                        "the service cannot reach its database at this moment; retry in a few seconds"))
                .header("Retry-After", "5").build();
    }

    private static String safeMessage(WebApplicationException e, String fallback) {
        String message = e.getMessage();
        // JAX-RS default messages name classes and methods: keep the caller's view plain.
        return message == null || message.startsWith("HTTP ") || message.contains("java.") ? fallback : message;
    }

    static String field(Path path) {
        List<String> names = new ArrayList<>();
        boolean afterBody = false;
        for (Path.Node node : path) {
            switch (node.getKind()) {
                case METHOD, RETURN_VALUE, CROSS_PARAMETER -> {
                    continue;
                }
                case PARAMETER -> {
                    names.clear();
                    names.add(node.getName());
                    afterBody = false;
                    continue;
                }
                case CONTAINER_ELEMENT -> {
                    // "<list element>" means nothing to the caller: weeks[2] does
                    Integer index = node.getIndex();
                    if (index != null && !names.isEmpty() && !names.get(names.size() - 1).endsWith("]")) {
                        names.set(names.size() - 1, names.get(names.size() - 1) + "[" + index + "]");
                    }
                    continue;
                }
                default -> {
                }
            }
            if (!afterBody && names.size() == 1 && node.getKind() == ElementKind.PROPERTY) {
                // a property of a body parameter: the parameter's own name means nothing to the caller
                names.clear();
                afterBody = true;
            }
            String name = node.getName() == null ? "" : node.getName();
            if (node.getIndex() != null) {
                // an index on a node inside an iterable is the position in the container named before it:
                // weeks[1].capacity, not weeks.capacity[1]
                boolean ofContainer = node.isInIterable() && !names.isEmpty()
                        && !names.get(names.size() - 1).endsWith("]");
                if (ofContainer || (!names.isEmpty() && name.isEmpty())) {
                    names.set(names.size() - 1, names.get(names.size() - 1) + "[" + node.getIndex() + "]");
                    if (name.isEmpty()) {
                        continue;
                    }
                } else {
                    name = name + "[" + node.getIndex() + "]";
                }
            }
            if (!name.isEmpty()) {
                names.add(name);
            }
        }
        return String.join(".", names);
    }

    private static String jsonPath(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference reference : e.getPath()) {
            if (reference.getFieldName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    private static String friendly(Class<?> type) {
        if (type.isEnum()) {
            Object[] constants = type.getEnumConstants();
            StringBuilder values = new StringBuilder("value (one of ");
            for (int i = 0; i < constants.length; i++) {
                values.append(i == 0 ? "" : ", ").append(constants[i]);
            }
            return values.append(')').toString();
        }
        return switch (type.getSimpleName()) {
            case "int", "Integer", "long", "Long", "short", "Short" -> "integer";
            case "double", "Double", "float", "Float", "BigDecimal" -> "number";
            case "boolean", "Boolean" -> "boolean";
            case "UUID" -> "UUID";
            case "LocalDate" -> "date (YYYY-MM-DD)";
            case "String" -> "string";
            default -> type.getSimpleName().toLowerCase() + (type.isArray() || List.class.isAssignableFrom(type) ? "" : "");
        };
    }
}
