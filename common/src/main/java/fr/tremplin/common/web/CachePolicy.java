package fr.tremplin.common.web;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.Provider;

import java.lang.reflect.Method;

/**
 * Every answer says how it may be cached, so that no cache keeps personal data by default: {@code private, no-store}
 * unless the route is a {@link PublicCaching} read answered 200 (or 304), then {@code public, max-age=N}. An answer
 * that set its own Cache-Control keeps it. The gateway keeps the services' header (docs/GATEWAY.md).
 */
@Provider
public class CachePolicy implements ContainerResponseFilter {

    public static final String PERSONAL = "private, no-store";

    @Context
    ResourceInfo resource;

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (response.getHeaders().containsKey(HttpHeaders.CACHE_CONTROL)) {
            return;
        }
        PublicCaching caching = caching();
        boolean cacheable = caching != null && (response.getStatus() == 200 || response.getStatus() == 304)
                && (!caching.perCaller() || request.getHeaderString(HttpHeaders.AUTHORIZATION) == null);
        response.getHeaders().putSingle(HttpHeaders.CACHE_CONTROL,
                cacheable ? "public, max-age=" + caching.maxAge() : PERSONAL);
        if (caching != null && caching.perCaller()) {
            response.getHeaders().add(HttpHeaders.VARY, HttpHeaders.AUTHORIZATION);
        }
    }

    private PublicCaching caching() {
        Method method = resource == null ? null : resource.getResourceMethod();
        if (method == null) {
            return null;
        }
        PublicCaching onMethod = method.getAnnotation(PublicCaching.class);
        return onMethod != null ? onMethod : resource.getResourceClass().getAnnotation(PublicCaching.class);
    }
}
