package kr.outage.compensation.platform.problem;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;
import java.util.Map;

/**
 * An RFC 9457 problem detail, the one error body of every service in the suite. {@code type} is
 * stable per kind of error so clients can branch on it; {@code errors} lists every invalid field,
 * not just the first; {@code extensions} become top-level members (e.g. {@code existingClaim} on a
 * duplicate). {@code traceId} is the W3C trace the request belongs to (absent outside a traced
 * request): quoted to support, it finds the request's log lines and spans in every service it
 * crossed.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail, String instance, String traceId,
                      List<FieldError> errors, @JsonAnyGetter Map<String, Object> extensions) {

    public static final String MEDIA_TYPE = "application/problem+json";
    public static final String TYPE_BASE = "https://compensation-suite.example/problems/";

    public record FieldError(String field, String message) {
    }
}
