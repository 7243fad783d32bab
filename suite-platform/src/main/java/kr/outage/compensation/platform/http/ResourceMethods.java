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
import java.util.regex.Matcher;
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

    private static final Pattern PARAMETER = Pattern.compile("\\{\\s*\\w[\\w.-]*\\s*(?::\\s*((?:[^{}]|\\{[^{}]*})+))?}");

    private record Route(Pattern path, String method) {
    }

    private static volatile List<Route> routes;

    private ResourceMethods() {
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
                            read.add(new Route(toPattern(template.isEmpty() ? "/" : template), byMethod.getKey()));
                        }
                    }
                }
            }
        }
        return List.copyOf(read);
    }

    /** "/api/v1/incidents/{id}" becomes a pattern where {id} is one path segment (or its own regex). */
    static Pattern toPattern(String template) {
        StringBuilder regex = new StringBuilder();
        Matcher parameter = PARAMETER.matcher(template);
        int at = 0;
        while (parameter.find()) {
            regex.append(Pattern.quote(template.substring(at, parameter.start())));
            regex.append(parameter.group(1) == null ? "[^/]+" : "(?:" + parameter.group(1).strip() + ")");
            at = parameter.end();
        }
        regex.append(Pattern.quote(template.substring(at)));
        return Pattern.compile(regex + "/?");
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
