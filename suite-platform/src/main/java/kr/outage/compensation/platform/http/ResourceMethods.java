package kr.outage.compensation.platform.http;

import io.quarkus.resteasy.reactive.server.runtime.ResteasyReactiveRecorder;
import org.jboss.resteasy.reactive.server.core.Deployment;
import org.jboss.resteasy.reactive.server.handlers.ClassRoutingHandler;
import org.jboss.resteasy.reactive.server.handlers.RestInitialHandler;
import org.jboss.resteasy.reactive.server.mapping.RequestMapper;
import org.jboss.resteasy.reactive.server.mapping.RuntimeResource;
import org.jboss.resteasy.reactive.server.spi.ServerRestHandler;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Which HTTP methods the service's resources answer on a given path, read once from the REST
 * deployment itself (so it cannot drift from the resources).
 *
 * <p>Needed because the REST layer's own answer is per resource class, not per path: OPTIONS on
 * {@code /incidents/{id}} listed POST because the class has a POST on {@code /incidents}, and a 405
 * (TRACE, DELETE, ...) came without the {@code Allow} header HTTP requires.
 */
final class ResourceMethods {

    private record Route(Pattern path, String method) {
    }

    private static volatile List<Route> routes;

    private ResourceMethods() {
    }

    /**
     * Whether some resource answers this method on this path: the question of nearly every request,
     * answered at the first route that matches, without collecting all of the path's methods.
     */
    static boolean answers(String path, String method) {
        String asked = "HEAD".equals(method) ? "GET" : method;
        for (Route route : routes()) {
            if (route.method().equals(asked) && route.path().matcher(path).matches()) {
                return true;
            }
        }
        return false;
    }

    /** The methods some resource answers on this path; empty when no resource has the path at all. */
    static Set<String> on(String path) {
        Set<String> methods = new TreeSet<>();
        for (Route route : routes()) {
            if (route.path().matcher(path).matches()) {
                methods.add(route.method());
            }
        }
        if (methods.contains("GET")) {
            methods.add("HEAD");
        }
        if (!methods.isEmpty()) {
            methods.add("OPTIONS");
        }
        return methods;
    }

    private static List<Route> routes() {
        List<Route> known = routes;
        if (known == null) {
            Deployment deployment = ResteasyReactiveRecorder.getCurrentDeployment();
            if (deployment == null) {
                return List.of(); // not started yet: nothing to say
            }
            known = read(deployment);
            routes = known;
        }
        return known;
    }

    private static List<Route> read(Deployment deployment) {
        String prefix = trimSlash(deployment.getPrefix());
        List<Route> read = new ArrayList<>();
        for (RequestMapper.RequestPath<RestInitialHandler.InitialMatch> resourceClass : deployment.getClassMappers()) {
            for (ServerRestHandler handler : resourceClass.value.handlers) {
                if (handler instanceof ClassRoutingHandler routing) {
                    for (Map.Entry<String, RequestMapper<RuntimeResource>> byMethod : routing.getMappers().entrySet()) {
                        for (RequestMapper.RequestPath<RuntimeResource> method : byMethod.getValue().getTemplates()) {
                            String template = prefix + trimSlash(resourceClass.template.template) + trimSlash(method.template.template);
                            read.add(new Route(PathTemplate.toPattern(template.isEmpty() ? "/" : template), byMethod.getKey()));
                        }
                    }
                }
            }
        }
        return List.copyOf(read);
    }

    /** "/a/b/" and "a/b" both become "/a/b"; "/" and "" become "". */
    private static String trimSlash(String part) {
        if (part == null || part.isEmpty() || part.equals("/")) {
            return "";
        }
        String trimmed = part.endsWith("/") ? part.substring(0, part.length() - 1) : part;
        return trimmed.startsWith("/") ? trimmed : "/" + trimmed;
    }
}
