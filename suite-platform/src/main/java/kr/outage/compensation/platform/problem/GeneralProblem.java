package kr.outage.compensation.platform.problem;

/** The errors of HTTP, JSON and security that any service of the suite can answer. */
public final class GeneralProblem {

    public static final ProblemKind VALIDATION_FAILED = new ProblemKind(400, "validation-failed",
            "The request has invalid fields");
    public static final ProblemKind MALFORMED_BODY = new ProblemKind(400, "malformed-body",
            "The request body is not valid JSON of the expected shape");
    public static final ProblemKind INVALID_PARAMETER = new ProblemKind(400, "invalid-parameter",
            "A query or path parameter is invalid");
    public static final ProblemKind UNAUTHENTICATED = new ProblemKind(401, "unauthenticated",
            "A valid bearer token is required");
    public static final ProblemKind FORBIDDEN = new ProblemKind(403, "forbidden",
            "The caller lacks the role this operation requires");
    public static final ProblemKind NOT_FOUND = new ProblemKind(404, "not-found", "No such resource");
    public static final ProblemKind METHOD_NOT_ALLOWED = new ProblemKind(405, "method-not-allowed",
            "Method not allowed on this resource");
    public static final ProblemKind NOT_ACCEPTABLE = new ProblemKind(406, "not-acceptable",
            "No acceptable representation");
    public static final ProblemKind CONFLICT = new ProblemKind(409, "conflict",
            "The request conflicts with the current state");
    public static final ProblemKind LENGTH_REQUIRED = new ProblemKind(411, "length-required",
            "Send the body with a Content-Length: this service reads JSON bodies of a bounded size only");
    public static final ProblemKind TOO_MANY_REQUESTS = new ProblemKind(429, "too-many-requests",
            "Too many requests from this client; try again after the time Retry-After gives");
    public static final ProblemKind PAYLOAD_TOO_LARGE = new ProblemKind(413, "payload-too-large",
            "The request body is larger than this service accepts");
    public static final ProblemKind URI_TOO_LONG = new ProblemKind(414, "uri-too-long",
            "The request URI is longer than this service accepts");
    public static final ProblemKind UNSUPPORTED_MEDIA_TYPE = new ProblemKind(415, "unsupported-media-type",
            "Send the body with its Content-Type, application/json");
    public static final ProblemKind IDEMPOTENCY_KEY_REUSED = new ProblemKind(422, "idempotency-key-reused",
            "This Idempotency-Key was used for a different request");
    public static final ProblemKind SERVICE_UNAVAILABLE = new ProblemKind(503, "service-unavailable",
            "A dependency is unavailable; try again later");
    public static final ProblemKind INTERNAL = new ProblemKind(500, "internal-error", "Unexpected error");

    private GeneralProblem() {
    }

    /** The kind HTTP itself reports with this status, when a status is all that is known. */
    public static ProblemKind forStatus(int status) {
        return switch (status) {
            case 400 -> MALFORMED_BODY;
            case 401 -> UNAUTHENTICATED;
            case 403 -> FORBIDDEN;
            case 404 -> NOT_FOUND;
            case 405 -> METHOD_NOT_ALLOWED;
            case 406 -> NOT_ACCEPTABLE;
            case 411 -> LENGTH_REQUIRED;
            case 413 -> PAYLOAD_TOO_LARGE;
            case 414 -> URI_TOO_LONG;
            case 415 -> UNSUPPORTED_MEDIA_TYPE;
            case 429 -> TOO_MANY_REQUESTS;
            case 503 -> SERVICE_UNAVAILABLE;
            default -> status >= 500 ? INTERNAL : CONFLICT;
        };
    }
}
