package kr.outage.compensation.payout.problem;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/**
 * An RFC 9457 problem detail. {@code type} is stable per kind of error so clients can branch on it;
 * {@code errors} lists every invalid field, not just the first.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail, String instance,
                      List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";
    public static final String TYPE_BASE = "https://compensation-suite.example/problems/";

    public record FieldError(String field, String message) {
    }
}
