package kr.outage.compensation.platform.problem;

/** The errors of HTTP, JSON and security that any service of the suite can answer. */
public enum GeneralProblem implements ProblemKind {
    VALIDATION_FAILED(400, "validation-failed", "The request has invalid fields"),
    MALFORMED_BODY(400, "malformed-body", "The request body is not valid JSON of the expected shape"),
    INVALID_PARAMETER(400, "invalid-parameter", "A query or path parameter is invalid"),
    UNAUTHENTICATED(401, "unauthenticated", "A valid bearer token is required"),
    FORBIDDEN(403, "forbidden", "The caller lacks the role this operation requires"),
    NOT_FOUND(404, "not-found", "No such resource"),
    METHOD_NOT_ALLOWED(405, "method-not-allowed", "Method not allowed on this resource"),
    NOT_ACCEPTABLE(406, "not-acceptable", "No acceptable representation"),
    CONFLICT(409, "conflict", "The request conflicts with the current state"),
    PAYLOAD_TOO_LARGE(413, "payload-too-large", "The request body is larger than this service accepts"),
    URI_TOO_LONG(414, "uri-too-long", "The request URI is longer than this service accepts"),
    UNSUPPORTED_MEDIA_TYPE(415, "unsupported-media-type", "Send the body with its Content-Type, application/json"),
    IDEMPOTENCY_KEY_REUSED(422, "idempotency-key-reused", "This Idempotency-Key was used for a different request"),
    SERVICE_UNAVAILABLE(503, "service-unavailable", "A dependency is unavailable; try again later"),
    INTERNAL(500, "internal-error", "Unexpected error");

    private final int status;
    private final String slug;
    private final String title;

    GeneralProblem(int status, String slug, String title) {
        this.status = status;
        this.slug = slug;
        this.title = title;
    }

    @Override
    public int status() {
        return status;
    }

    @Override
    public String slug() {
        return slug;
    }

    @Override
    public String title() {
        return title;
    }

    /** The kind HTTP itself reports with this status, when a status is all that is known. */
    public static GeneralProblem forStatus(int status) {
        return switch (status) {
            case 400 -> MALFORMED_BODY;
            case 401 -> UNAUTHENTICATED;
            case 403 -> FORBIDDEN;
            case 404 -> NOT_FOUND;
            case 405 -> METHOD_NOT_ALLOWED;
            case 406 -> NOT_ACCEPTABLE;
            case 413 -> PAYLOAD_TOO_LARGE;
            case 414 -> URI_TOO_LONG;
            case 415 -> UNSUPPORTED_MEDIA_TYPE;
            case 503 -> SERVICE_UNAVAILABLE;
            default -> status >= 500 ? INTERNAL : CONFLICT;
        };
    }
}
