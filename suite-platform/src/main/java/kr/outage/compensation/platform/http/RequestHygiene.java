package kr.outage.compensation.platform.http;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import kr.outage.compensation.platform.json.StrictText;
import kr.outage.compensation.platform.problem.GeneralProblem;
import kr.outage.compensation.platform.problem.ProblemKind;
import kr.outage.compensation.platform.problem.Problem;
import kr.outage.compensation.platform.problem.ProblemMappers;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What every request must satisfy before it is matched to an operation: no control characters in
 * the path or the query (a NUL in a user id would otherwise travel to PostgreSQL, which refuses it
 * with a server error), a method the path answers (a 405 names the ones it does in {@code Allow},
 * and OPTIONS lists exactly those), and a body only with its Content-Type (a body without one is not
 * JSON by assumption; it is refused with 415 so the client learns what to send).
 */
public class RequestHygiene {

    @ServerRequestFilter(preMatching = true)
    public Optional<Response> refuseHostileRequests(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        if (StrictText.firstControl(path) >= 0) {
            return Optional.of(refusal(GeneralProblem.INVALID_PARAMETER, "path",
                    "must not contain control characters", request));
        }
        for (Map.Entry<String, List<String>> parameter : request.getUriInfo().getQueryParameters().entrySet()) {
            String name = parameter.getKey();
            boolean hostile = StrictText.firstControl(name) >= 0
                    || parameter.getValue().stream().anyMatch(value -> StrictText.firstControl(value) >= 0);
            if (hostile) {
                return Optional.of(refusal(GeneralProblem.INVALID_PARAMETER, printable(name),
                        "must not contain control characters", request));
            }
        }
        // OPTIONS is answered here for every path; any other method only needs the path's methods when refused
        if ("OPTIONS".equals(request.getMethod()) || !ResourceMethods.answers(path, request.getMethod())) {
            Set<String> allowed = ResourceMethods.on(path);
            if (!allowed.isEmpty() && "OPTIONS".equals(request.getMethod())) {
                return Optional.of(Response.noContent().header(HttpHeaders.ALLOW, String.join(", ", allowed)).build());
            }
            if (!allowed.isEmpty() && !allowed.contains(request.getMethod())) {
                return Optional.of(Response.fromResponse(ProblemMappers.respond(GeneralProblem.METHOD_NOT_ALLOWED,
                                request.getMethod() + " is not an operation of " + path + "; it answers " + String.join(", ", allowed),
                                request.getUriInfo(), null, null))
                        .header(HttpHeaders.ALLOW, String.join(", ", allowed)).build());
            }
        }
        if (hasBody(request) && request.getHeaderString(HttpHeaders.CONTENT_TYPE) == null) {
            return Optional.of(ProblemMappers.respond(GeneralProblem.UNSUPPORTED_MEDIA_TYPE,
                    "The request has a body but no Content-Type; send it as application/json (or the media type the operation documents)",
                    request.getUriInfo(), null, null));
        }
        return Optional.empty();
    }

    private static boolean hasBody(ContainerRequestContext request) {
        String length = request.getHeaderString(HttpHeaders.CONTENT_LENGTH);
        if (length != null) {
            return !length.isBlank() && !"0".equals(length.strip());
        }
        return request.getHeaderString("Transfer-Encoding") != null;
    }

    private static Response refusal(ProblemKind kind, String field, String message, ContainerRequestContext request) {
        return ProblemMappers.respond(kind, field + " " + message, request.getUriInfo(),
                List.of(new Problem.FieldError(field, message)), null);
    }

    /** A parameter name as it can be shown back: its control characters written out. */
    private static String printable(String name) {
        StringBuilder shown = new StringBuilder();
        name.codePoints().forEach(c -> {
            if (c < 0x20 || (c >= 0x7f && c <= 0x9f)) {
                shown.append(String.format("\\u%04X", c));
            } else {
                shown.appendCodePoint(c);
            }
        });
        return shown.toString();
    }
}
