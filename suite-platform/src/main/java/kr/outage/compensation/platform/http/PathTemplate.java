package kr.outage.compensation.platform.http;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A JAX-RS or OpenAPI path template as a pattern over request paths, so that the methods a path
 * answers (here) and the operation a test request hits (the OpenAPI checks of the test-jar) are
 * found the same way.
 */
public final class PathTemplate {

    private static final Pattern PARAMETER = Pattern.compile("\\{\\s*\\w[\\w.-]*\\s*(?::\\s*((?:[^{}]|\\{[^{}]*})+))?}");

    private PathTemplate() {
    }

    /**
     * "/api/v1/incidents/{id}" becomes a pattern where {id} is one path segment, or the parameter's own
     * regex where the template gives one ({id: [0-9]+}); a trailing slash is allowed.
     */
    public static Pattern toPattern(String template) {
        StringBuilder regex = new StringBuilder();
        Matcher parameter = PARAMETER.matcher(template);
        int at = 0;
        while (parameter.find()) {
            regex.append(Pattern.quote(template.substring(at, parameter.start())));
            regex.append(parameter.group(1) == null ? "[^/]+" : "(?:" + parameter.group(1).strip() + ")");
            at = parameter.end();
        }
        regex.append(Pattern.quote(template.substring(at)));
        return Pattern.compile(regex + "/?");
    }
}
