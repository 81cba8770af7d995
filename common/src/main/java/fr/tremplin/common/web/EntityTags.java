package fr.tremplin.common.web;

import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.Provider;

/**
 * The ETag of every 200 or 201 whose body is {@link Versioned}, unless the resource set one; and the 304 of a GET
 * whose If-None-Match names it ({@link ConditionalGets#matches}). The resource has read the resource and checked
 * the caller's scope before, so a 304 never tells more than the 200 would.
 */
@Provider
public class EntityTags implements ContainerResponseFilter {

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (!(response.getEntity() instanceof Versioned versioned)
                || (response.getStatus() != 200 && response.getStatus() != 201)) {
            return;
        }
        Object present = response.getHeaders().getFirst(HttpHeaders.ETAG);
        EntityTag tag = present instanceof EntityTag set ? set : present == null ? versioned.etag() : null;
        if (tag == null) {
            return;
        }
        response.getHeaders().putSingle(HttpHeaders.ETAG, tag);
        if (HttpMethod.GET.equals(request.getMethod()) && response.getStatus() == 200
                && ConditionalGets.matches(request.getHeaderString(HttpHeaders.IF_NONE_MATCH), tag)) {
            response.setStatus(304);
            response.setEntity(null);
        }
    }
}
