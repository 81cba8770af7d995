package fr.tremplin.common.web;

import io.vertx.ext.web.RoutingContext;
import jakarta.ws.rs.Path;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.SimpleResourceInfo;

import java.lang.reflect.Method;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Puts the matched route's template ({@code /api/v1/pupils/{id}}) on the request, under {@link #KEY}, for the access
 * log ({@code %{d,tremplin.route}} in {@code quarkus.http.access-log.pattern}): a raw path carries people's ids,
 * relay ids and signing links, which no log may hold (issue 10). A request refused before matching has none: "-".
 */
public class RouteTemplates {

    public static final String KEY = "tremplin.route";

    private final Map<String, String> templates = new ConcurrentHashMap<>();

    @ServerRequestFilter
    public void mark(SimpleResourceInfo resource, RoutingContext routing) {
        if (resource == null || resource.getResourceClass() == null || routing == null) {
            return;
        }
        Class<?> type = resource.getResourceClass();
        String key = type.getName() + '#' + resource.getMethodName() + '/' + resource.parameterTypes().length;
        routing.put(KEY, templates.computeIfAbsent(key, k -> template(type, resource)));
    }

    private static String template(Class<?> type, SimpleResourceInfo resource) {
        Path onClass = type.getAnnotation(Path.class);
        String template = onClass == null ? "" : onClass.value();
        try {
            Method method = type.getMethod(resource.getMethodName(), resource.parameterTypes());
            Path onMethod = method.getAnnotation(Path.class);
            if (onMethod != null) {
                template = join(template, onMethod.value());
            }
        } catch (NoSuchMethodException e) {
            // not public: the class' template alone
        }
        return template.isEmpty() ? "/" : template;
    }

    private static String join(String base, String path) {
        String left = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
        return path.startsWith("/") ? left + path : left + "/" + path;
    }
}
