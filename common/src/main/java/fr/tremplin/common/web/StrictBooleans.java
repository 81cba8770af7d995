package fr.tremplin.common.web;

import fr.tremplin.common.problem.ProblemException;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.ext.ParamConverter;
import jakarta.ws.rs.ext.ParamConverterProvider;
import jakarta.ws.rs.ext.Provider;

import java.lang.annotation.Annotation;
import java.lang.reflect.Type;

/**
 * A boolean parameter is {@code true} or {@code false} (in any case), nothing else: JAX-RS' own conversion
 * ({@code Boolean.valueOf}) reads every other text as false, so {@code ?publicSector=yes} or {@code ?publicSector=1}
 * silently searched the private offers (found by issue 10's fuzz harness). Anything else is a 400 naming the parameter.
 */
@Provider
public class StrictBooleans implements ParamConverterProvider {

    @Override
    @SuppressWarnings("unchecked")
    public <T> ParamConverter<T> getConverter(Class<T> rawType, Type genericType, Annotation[] annotations) {
        if (rawType != Boolean.class && rawType != boolean.class) {
            return null;
        }
        String name = name(annotations);
        boolean primitive = rawType == boolean.class;
        return (ParamConverter<T>) new ParamConverter<Boolean>() {
            @Override
            public Boolean fromString(String value) {
                if (value == null) {
                    return primitive ? Boolean.FALSE : null;
                }
                if (primitive && value.equals("0")) {
                    // RESTEasy Reactive gives an absent primitive parameter the default "0" (its EndpointIndexer)
                    return Boolean.FALSE;
                }
                if (value.equalsIgnoreCase("true")) {
                    return Boolean.TRUE;
                }
                if (value.equalsIgnoreCase("false")) {
                    return Boolean.FALSE;
                }
                throw ProblemException.invalid(name, "must be true or false");
            }

            @Override
            public String toString(Boolean value) {
                return String.valueOf(value);
            }
        };
    }

    private static String name(Annotation[] annotations) {
        for (Annotation annotation : annotations == null ? new Annotation[0] : annotations) {
            if (annotation instanceof QueryParam query) {
                return query.value();
            }
            if (annotation instanceof PathParam path) {
                return path.value();
            }
            if (annotation instanceof HeaderParam header) {
                return header.value();
            }
        }
        return "parameter";
    }
}
