package kr.outage.compensation.platform.problem;

/**
 * A kind of error with its HTTP status and stable type URI. The kinds every service shares are in
 * {@link GeneralProblem}; each service lists its own domain refusals in an enum of its own.
 */
public interface ProblemKind {

    int status();

    /** The last segment of the type URI; documented in the README's table of problem types. */
    String slug();

    String title();

    default String uri() {
        return Problem.TYPE_BASE + slug();
    }
}
