package kr.outage.compensation.entitlement.support;

import org.eclipse.microprofile.config.ConfigProvider;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.TreeMap;

/** Direct SQL on the test database: cleaning, and checking what was or was not stored. */
public final class Database {

    private static final String[] TABLES = {"account", "subscription", "wallet", "wallet_entry", "coupon", "granted_item",
            "campaign", "campaign_run", "run_chunk", "campaign_grant", "campaign_claim", "rollback_conflict",
            "idempotency_record", "entitlement_audit"};

    private Database() {
    }

    public static void clean() {
        execute("truncate " + String.join(", ", TABLES) + " restart identity cascade");
    }

    public static long count(String sql) {
        try (Connection c = connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String text(String sql) {
        try (Connection c = connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            return rs.next() ? rs.getString(1) : null;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Every table's row count, to show that a refused request stored nothing anywhere. */
    public static Map<String, Long> rowCounts() {
        Map<String, Long> counts = new TreeMap<>();
        for (String table : TABLES) {
            counts.put(table, count("select count(*) from " + table));
        }
        return counts;
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

    public static void execute(String sql) {
        try (Connection c = connect(); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Connection connect() throws SQLException {
        var config = ConfigProvider.getConfig();
        return DriverManager.getConnection(config.getValue("quarkus.datasource.jdbc.url", String.class),
                config.getOptionalValue("quarkus.datasource.username", String.class).orElse("postgres"),
                config.getOptionalValue("quarkus.datasource.password", String.class).orElse(""));
    }
}
