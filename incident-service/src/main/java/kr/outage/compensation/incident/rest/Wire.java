package kr.outage.compensation.incident.rest;

/** The accepted spellings of enumerated fields, so validation messages can list them. */
final class Wire {

    static final String KEY = "[a-z0-9][a-z0-9_-]{0,63}";
    static final String KEY_MESSAGE = "must be a lowercase key of letters, digits, '_' or '-' (at most 64)";
    static final String SEVERITY = "critical|major|minor";
    static final String SEVERITY_MESSAGE = "must be one of critical, major, minor";
    static final String STATUS = "investigating|identified|monitoring|resolved";
    static final String STATUS_MESSAGE = "must be one of investigating, identified, monitoring, resolved";
    static final String PLATFORM = "mobile|web|pc|all";
    static final String PLATFORM_MESSAGE = "must be one of mobile, web, pc, all";
    static final String STATE = "operational|degraded|partial_outage|major_outage";
    static final String STATE_MESSAGE = "must be one of operational, degraded, partial_outage, major_outage";

    private Wire() {
    }
}
