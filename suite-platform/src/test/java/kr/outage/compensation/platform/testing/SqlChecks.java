package kr.outage.compensation.platform.testing;

import org.eclipse.microprofile.config.ConfigProvider;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Direct SQL on a service's test database, over the JDBC URL of its own configuration: checking
 * what was or was not stored. Each service's {@code support.Database} extends this with its tables.
 */
public class SqlChecks {

    protected SqlChecks() {
    }

    public static long count(String sql) {
        try (Connection c = connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The first column of the first row, as text (null when there is no row). */
    public static String text(String sql) {
        List<String> rows = texts(sql);
        return rows.isEmpty() ? null : rows.get(0);
    }

    /** The first column of every row, as text. */
    public static List<String> texts(String sql) {
        return rowsAfter(sql);
    }

    /** Runs the statements in one session; answers the first column of the last one's rows. */
    public static List<String> rowsAfter(String... statements) {
        try (Connection c = connect(); Statement s = c.createStatement()) {
            for (int i = 0; i < statements.length - 1; i++) {
                s.execute(statements[i]);
            }
            List<String> rows = new ArrayList<>();
            try (ResultSet rs = s.executeQuery(statements[statements.length - 1])) {
                while (rs.next()) {
                    rows.add(rs.getString(1));
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Empties the tables. TRUNCATE takes its exclusive locks one table after the other, so a service's
     * background work reading two of them at that moment (a campaign-run worker's poll) can deadlock
     * with it; PostgreSQL then cancels one side, and the cleaning is simply done again.
     */
    public static void truncate(String tablesAndOptions) {
        for (int attempt = 1; ; attempt++) {
            try (Connection c = connect(); Statement s = c.createStatement()) {
                s.execute("truncate " + tablesAndOptions);
                return;
            } catch (SQLException e) {
                if (!"40P01".equals(e.getSQLState()) || attempt == 5) {
                    throw new IllegalStateException(e);
                }
            }
        }
    }

    public static void execute(String sql) {
        try (Connection c = connect(); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Row counts of the given tables, to show that a refused request stored nothing anywhere. */
    public static Map<String, Long> rowCounts(String... tables) {
        Map<String, Long> counts = new TreeMap<>();
        for (String table : tables) {
            counts.put(table, count("select count(*) from " + table));
        }
        return counts;
    }

    /** A hash of every row of the given tables: equal before and after means nothing was stored or changed. */
    public static String fingerprint(String... tables) {
        StringBuilder sql = new StringBuilder("select concat_ws(',' ");
        for (String table : tables) {
            sql.append(", (select md5(coalesce(string_agg(t::text, '|' order by t::text), '')) from ").append(table).append(" t)");
        }
        return text(sql.append(")").toString());
    }

    /** A connection of the test's own, for holding a transaction (and its locks) open while the service works. */
    public static Connection connect() throws SQLException {
        var config = ConfigProvider.getConfig();
        return DriverManager.getConnection(config.getValue("quarkus.datasource.jdbc.url", String.class),
                config.getOptionalValue("quarkus.datasource.username", String.class).orElse("postgres"),
                config.getOptionalValue("quarkus.datasource.password", String.class).orElse(""));
    }
}
