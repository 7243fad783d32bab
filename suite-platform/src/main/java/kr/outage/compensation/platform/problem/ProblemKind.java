package kr.outage.compensation.platform.problem;

/**
 * A kind of error with its HTTP status and stable type URI. The kinds every service shares are in
 * {@link GeneralProblem}; each service lists its own domain refusals in its {@code problem.ProblemType}.
 *
 * @param slug the last segment of the type URI, documented in the README's table of problem types
 */
public record ProblemKind(int status, String slug, String title) {

    public String uri() {
        return Problem.TYPE_BASE + slug;
    }
}
