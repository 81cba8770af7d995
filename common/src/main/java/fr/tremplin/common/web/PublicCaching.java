package fr.tremplin.common.web;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a public read (reference data, open search) that browsers and shared caches may keep for {@link #maxAge}
 * seconds: its 200 answers carry {@code Cache-Control: public, max-age=N} ({@link CachePolicy}). Every other answer
 * is {@code private, no-store}. {@link #perCaller}: the answer depends on the caller's token (a pupil's search hides
 * other schools' reserved offers), so only anonymous requests are cached, with {@code Vary: Authorization}.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface PublicCaching {

    /** Seconds a cache may serve the answer without asking again. */
    int maxAge();

    boolean perCaller() default false;
}
