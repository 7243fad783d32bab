package kr.outage.compensation.platform.approval;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Approval requests in the service's own database (table {@code approval_request}, created by each
 * service's migrations). Every change is one statement guarded by the state it leaves, so two
 * approvers, or two uses, act once. A request past its expiry reads as EXPIRED.
 */
@ApplicationScoped
public class ApprovalStore {

    private static final String COLUMNS = "id, action, subject, summary::text, fingerprint, "
            + "case when state in ('PENDING', 'APPROVED') and expires_at <= now() then 'EXPIRED' else state end, "
            + "requested_by, requested_at, expires_at, decided_by, decided_at, reason, used_at";

    @Inject
    Instance<DataSource> dataSource;
    @Inject
    ObjectMapper json;

    public Approval insert(String action, String subject, Map<String, Object> summary, String fingerprint, String requestedBy,
                           Duration ttl) {
        return one("insert into approval_request (id, action, subject, summary, fingerprint, state, requested_by, requested_at, "
                + "expires_at) values (?, ?, ?, ?::jsonb, ?, 'PENDING', ?, now(), now() + make_interval(secs => ?)) returning "
                + COLUMNS, UUID.randomUUID(), action, subject, write(summary), fingerprint, requestedBy, (double) ttl.toSeconds())
                .orElseThrow();
    }

    public Optional<Approval> find(UUID id) {
        return one("select " + COLUMNS + " from approval_request where id = ?", id);
    }

    /** Newest first; {@code state} null for all. */
    public List<Approval> list(ApprovalState state, int limit) {
        String where = state == null ? "" : state == ApprovalState.EXPIRED
                ? " where state in ('PENDING', 'APPROVED') and expires_at <= now()"
                : state == ApprovalState.PENDING || state == ApprovalState.APPROVED
                ? " where state = '" + state.name() + "' and expires_at > now()"
                : " where state = '" + state.name() + "'";
        return many("select " + COLUMNS + " from approval_request" + where + " order by requested_at desc limit ?", limit);
    }

    /** The requests about one subject, newest first. */
    public List<Approval> forSubject(String subject, int limit) {
        return many("select " + COLUMNS + " from approval_request where subject = ? order by requested_at desc limit ?", subject, limit);
    }

    /** The requests about any of these subjects, newest first. */
    public List<Approval> forSubjects(java.util.Collection<String> subjects) {
        if (subjects.isEmpty()) {
            return List.of();
        }
        return many("select " + COLUMNS + " from approval_request where subject = any(?) order by requested_at desc limit 1000",
                (Object) subjects.toArray(new String[0]));
    }

    /** A pending, unexpired request decided by someone other than its requester; empty if it was not so. */
    public Optional<Approval> decide(UUID id, boolean approve, String checker, String reason) {
        return one("update approval_request set state = ?, decided_by = ?, decided_at = now(), reason = ? where id = ? "
                + "and state = 'PENDING' and expires_at > now() and requested_by <> ? returning " + COLUMNS,
                approve ? "APPROVED" : "REJECTED", checker, reason, id, checker);
    }

    /** Voids a pending or approved request whose subject changed; empty if it was no longer so. */
    public Optional<Approval> voidIt(UUID id, String why) {
        return one("update approval_request set state = 'VOIDED', reason = ?, decided_at = coalesce(decided_at, now()) "
                + "where id = ? and state in ('PENDING', 'APPROVED') returning " + COLUMNS, why, id);
    }

    /**
     * Uses an approved request once, for its own action and subject, by its requester, with the
     * subject as it was; {@code usageKey} (an Idempotency-Key) lets the same use be repeated.
     */
    public Optional<Approval> use(UUID id, String action, String subject, String requester, String fingerprint, String usageKey) {
        Optional<Approval> used = one("update approval_request set state = 'USED', used_at = now(), used_key = ? where id = ? "
                + "and action = ? and subject = ? and requested_by = ? and fingerprint = ? and state = 'APPROVED' "
                + "and expires_at > now() returning " + COLUMNS, usageKey, id, action, subject, requester, fingerprint);
        if (used.isPresent() || usageKey == null) {
            return used;
        }
        return one("select " + COLUMNS + " from approval_request where id = ? and action = ? and subject = ? "
                + "and requested_by = ? and state = 'USED' and used_key = ? and expires_at > now()", id, action, subject, requester,
                usageKey);
    }

    private Optional<Approval> one(String sql, Object... params) {
        List<Approval> rows = many(sql, params);
        return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
    }

    private List<Approval> many(String sql, Object... params) {
        try (Connection c = dataSource.get().getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            List<Approval> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Approval(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), read(rs.getString(4)),
                            rs.getString(5), ApprovalState.valueOf(rs.getString(6)), rs.getString(7), instant(rs.getTimestamp(8)),
                            instant(rs.getTimestamp(9)), rs.getString(10), instant(rs.getTimestamp(11)), rs.getString(12),
                            instant(rs.getTimestamp(13))));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException("approval requests unavailable", e);
        }
    }

    private static Instant instant(Timestamp ts) {
        return ts == null ? null : ts.toInstant();
    }

    private String write(Map<String, Object> summary) {
        try {
            return json.writeValueAsString(summary);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("approval summary not serialisable", e);
        }
    }

    private Map<String, Object> read(String text) {
        try {
            return json.readValue(text, new TypeReference<Map<String, Object>>() { });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("approval summary unreadable", e);
        }
    }
}
