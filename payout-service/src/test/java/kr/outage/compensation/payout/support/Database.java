package kr.outage.compensation.payout.support;

import kr.outage.compensation.platform.testing.SqlChecks;

import java.util.Map;

/** Direct SQL on the test database: cleaning, and checking what was or was not stored. */
public final class Database extends SqlChecks {

    private static final String[] TABLES = {"program", "claim", "idempotency_record"};

    private Database() {
    }

    public static void clean() {
        execute("truncate program, claim, idempotency_record cascade");
    }

    /** Every table's row count, to show that a refused request stored nothing anywhere. */
    public static Map<String, Long> rowCounts() {
        return rowCounts(TABLES);
    }
}
