package kr.outage.compensation.entitlement.problem;

import java.util.List;
import java.util.Map;

/** A domain refusal that maps one-to-one onto a problem response. */
public class ProblemException extends RuntimeException {

    private final ProblemType type;
    private final List<Problem.FieldError> errors;
    private final Map<String, Object> extensions;

    public ProblemException(ProblemType type, String detail) {
        this(type, detail, null);
    }

    public ProblemException(ProblemType type, String detail, List<Problem.FieldError> errors) {
        this(type, detail, errors, null);
    }

    public ProblemException(ProblemType type, String detail, List<Problem.FieldError> errors,
                            Map<String, Object> extensions) {
        super(detail, null, false, false);
        this.type = type;
        this.errors = errors;
        this.extensions = extensions;
    }

    public Map<String, Object> extensions() {
        return extensions;
    }

    public static ProblemException field(ProblemType type, String field, String message) {
        return new ProblemException(type, field + " " + message, List.of(new Problem.FieldError(field, message)));
    }

    public ProblemType type() {
        return type;
    }

    public List<Problem.FieldError> errors() {
        return errors;
    }

    public static ProblemException notFound(String what) {
        return new ProblemException(ProblemType.NOT_FOUND, what);
    }

    public static ProblemException invalidParameter(String name, String message) {
        return new ProblemException(ProblemType.INVALID_PARAMETER, name + " " + message,
                List.of(new Problem.FieldError(name, message)));
    }
}
