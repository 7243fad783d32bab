package kr.outage.compensation.platform.problem;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Turns every failure into {@code application/problem+json}; nothing leaves as HTML or an empty body. */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response domain(ProblemException e, UriInfo uri) {
        Response response = respond(e.type(), e.getMessage(), uri, e.errors(), e.extensions());
        return e.retryAfterSeconds() > 0
                ? Response.fromResponse(response).header(HttpHeaders.RETRY_AFTER, e.retryAfterSeconds()).build()
                : response;
    }

    @ServerExceptionMapper
    public Response validation(ConstraintViolationException e, UriInfo uri) {
        List<Problem.FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new Problem.FieldError(fieldName(v), v.getMessage()))
                .sorted(Comparator.comparing(Problem.FieldError::field))
                .toList();
        String detail = errors.stream().map(f -> f.field() + " " + f.message()).collect(Collectors.joining("; "));
        return respond(GeneralProblem.VALIDATION_FAILED, detail, uri, errors, null);
    }

    /** Listed explicitly: Quarkus's own mapper for mismatched input is more specific than JsonProcessingException. */
    @ServerExceptionMapper({JsonProcessingException.class, JsonMappingException.class, MismatchedInputException.class,
            InvalidFormatException.class, JsonParseException.class})
    public Response malformedJson(JsonProcessingException e, UriInfo uri) {
        String field = e instanceof JsonMappingException m ? jsonPath(m) : "";
        String message = e instanceof kr.outage.compensation.platform.json.StrictText.Refused refused ? refused.reason()
                : "must be " + (e instanceof MismatchedInputException m ? JsonTerms.describe(m.getTargetType()) : "well-formed");
        if (field.isEmpty()) {
            String expected = e instanceof MismatchedInputException m ? " (expected " + JsonTerms.describe(m.getTargetType()) + ")" : "";
            return respond(GeneralProblem.MALFORMED_BODY, "The body is not a readable JSON document" + expected, uri, null, null);
        }
        return respond(GeneralProblem.MALFORMED_BODY, "Field '" + field + "' " + message, uri,
                List.of(new Problem.FieldError(field, message)), null);
    }

    @ServerExceptionMapper({UnauthorizedException.class, AuthenticationFailedException.class})
    public Response unauthenticated(RuntimeException e, UriInfo uri) {
        return Response.fromResponse(respond(GeneralProblem.UNAUTHENTICATED,
                        "Send a valid bearer token in the Authorization header", uri, null, null))
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                .build();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        return respond(GeneralProblem.FORBIDDEN, "The token is valid but lacks the role this operation requires", uri, null, null);
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e, UriInfo uri) {
        int status = e.getResponse().getStatus();
        String detail = e.getCause() instanceof JsonProcessingException json
                ? "The body could not be read as JSON: " + json.getOriginalMessage()
                : e.getMessage();
        Response response = respond(GeneralProblem.forStatus(status), detail, uri, null, null);
        // HTTP requires a 405 to say which methods the resource does allow
        if (e instanceof NotAllowedException && e.getResponse().getHeaderString(HttpHeaders.ALLOW) != null) {
            return Response.fromResponse(response).header(HttpHeaders.ALLOW, e.getResponse().getHeaderString(HttpHeaders.ALLOW)).build();
        }
        return response;
    }

    @ServerExceptionMapper(priority = 10_000)
    public Response unexpected(Throwable e, UriInfo uri) {
        if (DatabaseUnreachable.causedBy(e)) {
            LOG.warn("Database unreachable on " + uri.getPath() + ": " + e);
            Response response = respond(GeneralProblem.SERVICE_UNAVAILABLE, "The database cannot be reached right now; "
                    + "try again in a few seconds (a request with an Idempotency-Key may be repeated with the same key)",
                    uri, null, null);
            return Response.fromResponse(response).header(HttpHeaders.RETRY_AFTER, DatabaseUnreachable.RETRY_AFTER_SECONDS)
                    .build();
        }
        LOG.error("Unhandled error on " + uri.getPath(), e);
        return respond(GeneralProblem.INTERNAL, "An unexpected error occurred; it has been logged", uri, null, null);
    }

    public static Response respond(ProblemKind kind, String detail, UriInfo uri, List<Problem.FieldError> errors,
                                   Map<String, Object> extensions) {
        Problem body = new Problem(kind.uri(), kind.title(), kind.status(), detail,
                uri == null ? null : uri.getPath(), TraceIds.current(), errors, extensions == null ? Map.of() : extensions);
        return Response.status(kind.status()).type(Problem.MEDIA_TYPE).entity(body).build();
    }

    /** "declare.request.services[0].service" becomes "services[0].service": the field as the client sent it. */
    private static String fieldName(ConstraintViolation<?> violation) {
        StringBuilder field = new StringBuilder();
        for (Path.Node node : violation.getPropertyPath()) {
            if (node.getKind() == ElementKind.METHOD || node.getKind() == ElementKind.PARAMETER) {
                continue;
            }
            // Bean Validation puts an element's index on the node after its container
            if (node.isInIterable() && node.getIndex() != null) {
                field.append('[').append(node.getIndex()).append(']');
            }
            if (node.getName() != null && !node.getName().startsWith("<")) {
                if (!field.isEmpty()) {
                    field.append('.');
                }
                field.append(node.getName());
            }
        }
        return field.isEmpty() ? "body" : field.toString();
    }

    private static String jsonPath(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.toString();
    }
}
