package kr.outage.compensation.payout.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * What a payout approval is about, read over JDBC (the two-person rule's store is blocking, and so are
 * its checks): a batch's totals as the approver will see them, and a hash of the batch and its items,
 * so that anything added, removed or settled since voids the approval.
 */
@ApplicationScoped
public class ApprovalFacts {

    @Inject
    DataSource dataSource;

    /** The batch with its items as they stand; empty for no such batch. */
    public Optional<String> batchFingerprint(UUID batchId) {
        return one("select md5(to_jsonb(b)::text || coalesce((select string_agg(i.claim_id::text || ':' || i.amount || ':' "
                + "|| i.state, ',' order by i.claim_id) from payout_item i where i.batch_id = b.id), '')) from payout_batch b "
                + "where b.id = ?", batchId).map(row -> (String) row.get("md5"));
    }

    /** A batch as its approver sees it: program, state, items and total, and what is still to pay. */
    public Optional<Map<String, Object>> batchSummary(UUID batchId) {
        return one("select b.id::text as \"batchId\", b.program_id::text as \"programId\", b.state, b.item_count as \"items\", "
                + "b.total_amount as \"totalKrw\", (select count(*) from payout_item i where i.batch_id = b.id and i.state = 'pending') "
                + "as \"pendingItems\", (select coalesce(sum(i.amount), 0) from payout_item i where i.batch_id = b.id "
                + "and i.state = 'pending') as \"pendingKrw\", b.created_by as \"createdBy\" from payout_batch b where b.id = ?", batchId);
    }

    /** Claims whose bank account is stored under another key than {@code currentKey}. */
    public long accountsNotUnder(String currentKey) {
        return one("select count(*) as n from claim where bank_account not like ?", "enc1:" + currentKey + ":%")
                .map(row -> ((Number) row.get("n")).longValue()).orElse(0L);
    }

    private Optional<Map<String, Object>> one(String sql, Object... params) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                Map<String, Object> row = new LinkedHashMap<>();
                for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                    row.put(rs.getMetaData().getColumnLabel(i), rs.getObject(i));
                }
                return Optional.of(row);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("payout approval facts unavailable", e);
        }
    }
}
