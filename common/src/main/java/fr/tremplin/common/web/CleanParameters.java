package fr.tremplin.common.web;

import fr.tremplin.common.problem.Problem;
import fr.tremplin.common.problem.ProblemTypes;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.Provider;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Refuses, before any resource runs (so before any SQL), a query or path parameter holding a control character:
 * a NUL in {@code ?q=%00} used to reach PostgreSQL, which refuses it, and answer 500. The 400 names the parameter.
 * A path or query parameter the resource method takes as a {@link UUID} that is not one ({@code not-a-uuid},
 * {@code null}) is refused here too, naming the parameter: JAX-RS would answer a 404 (or a nameless 400) instead.
 */
@Provider
public class CleanParameters implements ContainerRequestFilter {

    /** The canonical text form of a UUID; {@link UUID#fromString} also takes {@code 1-2-3-4-5}. */
    private static final Pattern UUID_TEXT =
            Pattern.compile("^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$");
    static final String NOT_A_UUID = "must be a UUID such as 3f2c8a9e-1b4d-4c6e-9f10-2a3b4c5d6e7f";

    /**
     * Read once per resource method: reflection copies the parameter types and annotations on every call, which
     * cost 3 % of applications-service's CPU in the campaign (docs/BENCHMARKS.md).
     */
    private static final Map<Method, List<UuidParameter>> UUID_PARAMETERS = new ConcurrentHashMap<>();

    @Context
    ResourceInfo resource;

    @Override
    public void filter(ContainerRequestContext request) {
        MultivaluedMap<String, String> path;
        MultivaluedMap<String, String> query;
        try {
            path = request.getUriInfo().getPathParameters(true);
            query = request.getUriInfo().getQueryParameters(true);
        } catch (IllegalArgumentException e) {
            // a percent sign not followed by two hexadecimal digits
            request.abortWith(ProblemTypes.response(400, "Invalid parameter",
                    "a query or path parameter is not correctly percent-encoded"));
            return;
        }
        String refused = refused(path);
        if (refused == null) {
            refused = refused(query);
        }
        if (refused != null) {
            request.abortWith(invalid(refused, ControlCharacters.MESSAGE));
            return;
        }
        String notUuid = notUuid(path, query);
        if (notUuid != null) {
            request.abortWith(invalid(notUuid, NOT_A_UUID));
        }
    }

    private static jakarta.ws.rs.core.Response invalid(String parameter, String message) {
        return ProblemTypes.response(new Problem(ProblemTypes.of(400), "Invalid request", 400,
                parameter + ": " + message, List.of(new Problem.Violation(parameter, message))));
    }

    /** The first path or query parameter the matched method takes as a UUID whose value is not one, or null. */
    private String notUuid(MultivaluedMap<String, String> path, MultivaluedMap<String, String> query) {
        Method method = resource == null ? null : resource.getResourceMethod();
        if (method == null) {
            return null;
        }
        for (UuidParameter parameter : UUID_PARAMETERS.computeIfAbsent(method, CleanParameters::uuidParameters)) {
            List<String> values = parameter.inPath() ? path.get(parameter.name()) : query.get(parameter.name());
            if (values != null && values.stream().anyMatch(v -> v != null && !UUID_TEXT.matcher(v).matches())) {
                return parameter.name();
            }
        }
        return null;
    }

    /** A path or query parameter a resource method takes as a UUID. */
    private record UuidParameter(String name, boolean inPath) {
    }

    private static List<UuidParameter> uuidParameters(Method method) {
        Class<?>[] types = method.getParameterTypes();
        Annotation[][] annotations = method.getParameterAnnotations();
        List<UuidParameter> found = new ArrayList<>();
        for (int i = 0; i < types.length; i++) {
            if (types[i] != UUID.class) {
                continue;
            }
            for (Annotation annotation : annotations[i]) {
                if (annotation instanceof PathParam p) {
                    found.add(new UuidParameter(p.value(), true));
                } else if (annotation instanceof QueryParam q) {
                    found.add(new UuidParameter(q.value(), false));
                }
            }
        }
        return List.copyOf(found);
    }

    private static String refused(MultivaluedMap<String, String> parameters) {
        for (Map.Entry<String, List<String>> parameter : parameters.entrySet()) {
            String name = parameter.getKey();
            if (ControlCharacters.refusedInParameter(name)) {
                return "parameter name";
            }
            for (String value : parameter.getValue()) {
                if (value != null && ControlCharacters.refusedInParameter(value)) {
                    return name;
                }
            }
        }
        return null;
    }
}
