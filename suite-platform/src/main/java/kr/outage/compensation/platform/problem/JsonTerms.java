package kr.outage.compensation.platform.problem;

import java.time.temporal.Temporal;
import java.util.Arrays;
import java.util.Collection;
import java.util.Locale;

/** What the client should have sent, in JSON terms rather than Java class names. */
final class JsonTerms {

    private JsonTerms() {
    }

    static String describe(Class<?> type) {
        if (type == null) {
            return "a value of another type";
        }
        if (type == java.time.LocalDate.class) {
            return "an ISO-8601 date, e.g. 2022-10-15";
        }
        if (Temporal.class.isAssignableFrom(type)) {
            return "an ISO-8601 date-time with offset, e.g. 2022-10-15T15:19:00+09:00";
        }
        if (Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "an array";
        }
        if (type == String.class) {
            return "a string";
        }
        if (Number.class.isAssignableFrom(type) || type == int.class || type == long.class) {
            return "a whole number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type.isEnum()) {
            return "one of " + Arrays.toString(type.getEnumConstants()).toLowerCase(Locale.ROOT);
        }
        return "an object";
    }
}
