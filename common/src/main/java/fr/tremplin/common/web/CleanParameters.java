package fr.tremplin.common.web;

import fr.tremplin.common.problem.Problem;
import fr.tremplin.common.problem.ProblemTypes;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.Provider;

import java.util.List;
import java.util.Map;

/**
 * Refuses, before any resource runs (so before any SQL), a query or path parameter holding a control character:
 * a NUL in {@code ?q=%00} used to reach PostgreSQL, which refuses it, and answer 500. The 400 names the parameter.
 */
@Provider
public class CleanParameters implements ContainerRequestFilter {

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
            request.abortWith(ProblemTypes.response(new Problem(ProblemTypes.of(400), "Invalid request", 400,
                    refused + ": " + ControlCharacters.MESSAGE,
                    List.of(new Problem.Violation(refused, ControlCharacters.MESSAGE)))));
        }
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
