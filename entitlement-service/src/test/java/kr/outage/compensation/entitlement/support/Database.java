package kr.outage.compensation.entitlement.support;

import kr.outage.compensation.platform.testing.SqlChecks;

import java.util.Map;

/** Direct SQL on the test database: cleaning, and checking what was or was not stored. */
public final class Database extends SqlChecks {

    private static final String[] TABLES = {"account", "subscription", "wallet", "wallet_entry", "coupon", "granted_item",
            "campaign", "campaign_run", "run_chunk", "campaign_grant", "claim_slot", "campaign_claim", "rollback_conflict",
            "idempotency_record", "entitlement_audit", "store_request", "apple_mass_extension", "apple_notification"};

    private Database() {
    }

    public static void clean() {
        // notices are left out of TABLES: the delivery worker changes them on its own while a test looks elsewhere
        truncate(String.join(", ", TABLES) + ", notice, account_contact, console_session, approval_request restart identity cascade");
    }

    /** A hash of every row of every table: unchanged means a request stored and changed nothing. */
    public static String fingerprint() {
        return fingerprint(TABLES);
    }

    /** Every table's row count, to show that a refused request stored nothing anywhere. */
    public static Map<String, Long> rowCounts() {
        return rowCounts(TABLES);
    }

    /**
     * Waits (up to 20 s) until a statement of the service waits on a row lock in this database: a claim
     * held behind a lock the test took. Matched by database, not by text: pg_stat_activity keeps only
     * the first kilobyte of the claim statement.
     */
    public static void waitForALockWait() throws InterruptedException {
        long deadline = System.currentTimeMillis() + 20_000;
        while (count("select count(*) from pg_stat_activity where wait_event_type = 'Lock' and datname = current_database()") == 0) {
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError("no statement waited on a lock within 20 s");
            }
            Thread.sleep(20);
        }
    }

    /** A fingerprint of every entitlement, to show that something changed nothing. */
    public static String entitlementState() {
        return text("select md5(coalesce(string_agg(x, '|' order by x), '')) from ("
                + "select concat_ws(',', id, status, next_billing_date, expires_on, ended_at) as x from subscription "
                + "union all select concat_ws(',', 'w', user_id, balance_krw) from wallet "
                + "union all select concat_ws(',', 'e', id, amount_krw) from wallet_entry "
                + "union all select concat_ws(',', 'c', id, used_at, revoked_at) from coupon "
                + "union all select concat_ws(',', 'i', id, valid_until, revoked_at) from granted_item) t");
    }
}
