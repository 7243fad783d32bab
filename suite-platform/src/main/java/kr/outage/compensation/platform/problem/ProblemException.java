package kr.outage.compensation.platform.problem;

import java.util.List;
import java.util.Map;

/** A refusal that maps one-to-one onto a problem response. */
public class ProblemException extends RuntimeException {

    private final ProblemKind kind;
    private final List<Problem.FieldError> errors;
    private final Map<String, Object> extensions;

    public ProblemException(ProblemKind kind, String detail) {
        this(kind, detail, null);
    }

    public ProblemException(ProblemKind kind, String detail, List<Problem.FieldError> errors) {
        this(kind, detail, errors, null);
    }

    public ProblemException(ProblemKind kind, String detail, List<Problem.FieldError> errors,
                            Map<String, Object> extensions) {
        this(kind, detail, errors, extensions, null);
    }

    protected ProblemException(ProblemKind kind, String detail, List<Problem.FieldError> errors,
                               Map<String, Object> extensions, Throwable cause) {
        super(detail, cause, false, false);
        this.kind = kind;
        this.errors = errors;
        this.extensions = extensions;
    }

    public ProblemKind type() {
        return kind;
    }

    public List<Problem.FieldError> errors() {
        return errors;
    }

    public Map<String, Object> extensions() {
        return extensions;
    }

    /** Seconds after which the caller may try again (Retry-After), or 0 when there is nothing to wait for. */
    public int retryAfterSeconds() {
        return 0;
    }

    public static ProblemException field(ProblemKind kind, String field, String message) {
        return new ProblemException(kind, field + " " + message, List.of(new Problem.FieldError(field, message)));
    }

    public static ProblemException notFound(String what) {
        return new ProblemException(GeneralProblem.NOT_FOUND, what);
    }

    public static ProblemException invalidParameter(String name, String message) {
        return field(GeneralProblem.INVALID_PARAMETER, name, message);
    }
}
