package kr.outage.compensation.platform.http;

import kr.outage.compensation.platform.problem.ProblemException;

/**
 * Query parameters read strictly: a bad value is a 400 naming the parameter, never a silent
 * default. Resources take parameters as text and read them here, so the refusal is a problem+json
 * of the suite rather than the framework's own 404 for an unconvertible value.
 */
public final class QueryParameters {

    private QueryParameters() {
    }

    /** The whole number given, the default when the parameter is absent or empty. */
    public static int intInRange(String name, String value, int defaultValue, int min, int max) {
        if (value == null || value.isEmpty()) {
            return defaultValue;
        }
        try {
            int parsed = Integer.parseInt(value);
            if (parsed >= min && parsed <= max) {
                return parsed;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw ProblemException.invalidParameter(name, "must be a whole number from " + min + " to " + max);
    }

    /** One of {@code allowed}, the default when the parameter is absent or empty. */
    public static String oneOf(String name, String value, java.util.Set<String> allowed, String defaultValue) {
        if (value == null || value.isEmpty()) {
            return defaultValue;
        }
        if (allowed.contains(value)) {
            return value;
        }
        throw ProblemException.invalidParameter(name, "must be one of " + String.join(", ", new java.util.TreeSet<>(allowed)));
    }

    /** An id, or null when the parameter is absent or empty. */
    public static java.util.UUID uuidOrNull(String name, String value) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        try {
            return java.util.UUID.fromString(value);
        } catch (IllegalArgumentException notAnId) {
            throw ProblemException.invalidParameter(name, "must be an id (UUID)");
        }
    }
}
