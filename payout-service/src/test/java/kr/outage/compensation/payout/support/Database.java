package kr.outage.compensation.payout.support;

import kr.outage.compensation.platform.testing.SqlChecks;

import java.util.Map;

/** Direct SQL on the test database: cleaning, and checking what was or was not stored. */
public final class Database extends SqlChecks {

    private static final String[] TABLES = {"program", "claim", "idempotency_record"};

    /** Every table the service writes, for fingerprints (TABLES are the ones {@link #clean()} empties directly). */
    private static final String[] ALL_TABLES = {"payout_audit", "program", "claim", "idempotency_record", "claim_decision",
            "payout_batch", "payout_item", "ledger_entry", "business_baseline", "bank_account_change", "program_budget"};

    private Database() {
    }

    public static void clean() {
        truncate("program, claim, idempotency_record cascade");
    }

    /** A hash of every row of every table: unchanged means a request stored and changed nothing. */
    public static String fingerprint() {
        return fingerprint(ALL_TABLES);
    }

    /** Every table's row count, to show that a refused request stored nothing anywhere. */
    public static Map<String, Long> rowCounts() {
        return rowCounts(TABLES);
    }
}
