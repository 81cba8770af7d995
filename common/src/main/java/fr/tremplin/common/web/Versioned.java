package fr.tremplin.common.web;

import com.fasterxml.jackson.annotation.JsonIgnore;
import jakarta.ws.rs.core.EntityTag;

/**
 * An answer that shows a versioned resource. {@link EntityTags} gives every such answer its ETag, reads and writes
 * alike, so that the tag a client keeps after a create, an edit or a publish is the one its next If-Match or
 * If-None-Match needs.
 */
public interface Versioned {

    int version();

    /** What the answer shows that the version does not count (see {@link Versions#etag}); nothing by default. */
    @JsonIgnore
    default Object[] derivedParts() {
        return new Object[0];
    }

    @JsonIgnore
    default EntityTag etag() {
        return Versions.etag(version(), derivedParts());
    }
}
