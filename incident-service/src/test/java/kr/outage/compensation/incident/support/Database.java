package kr.outage.compensation.incident.support;

import kr.outage.compensation.platform.testing.SqlChecks;

import java.util.Map;

/** Direct SQL on the service's test database: cleaning between test classes and checking what was stored. */
public final class Database extends SqlChecks {

    private static final String[] TABLES = {"incident", "affected_service", "incident_update", "update_state", "audit_event"};

    private Database() {
    }

    public static void clean() {
        truncate(String.join(", ", TABLES) + " cascade");
    }

    /** A hash of every row of every table: unchanged means a request stored and changed nothing. */
    public static String fingerprint() {
        return fingerprint(TABLES);
    }

    /** Every table's row count, to show that a refused request stored nothing anywhere. */
    public static Map<String, Long> rowCounts() {
        return rowCounts(TABLES);
    }
}
