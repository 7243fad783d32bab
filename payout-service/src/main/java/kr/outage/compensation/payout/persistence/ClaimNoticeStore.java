package kr.outage.compensation.payout.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import kr.outage.compensation.platform.notice.NoticeDispatch;

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
import java.util.Optional;
import java.util.UUID;

/**
 * The claimant notices' queue (table {@code claim_notice}, written by the claim's own transactions, see
 * migration V15), over JDBC: the delivery worker is blocking, like the channels it drives. Every
 * change after a take is guarded by the attempt number, so a worker whose lease ran out changes nothing.
 */
@ApplicationScoped
public class ClaimNoticeStore {

    /** A notice a worker took: its event and facts, the claim's contact details (encrypted) and its attempt. */
    public record Due(UUID id, UUID claimId, String event, Long amount, String reason, long code, int attempt,
                      boolean handedOver, String channelBefore, String programName, int objectionDays, String businessName,
                      String contactEmail, String contactPhone, String maskedEmail, String maskedPhone, String language) {

        /** Never the contact details. */
        @Override
        public String toString() {
            return "Due[" + id + ", " + event + "]";
        }
    }

    /** What became of one attempt, with the text as sent (fixed at the first attempt that rendered it). */
    public record Outcome(Due due, NoticeDispatch.Result result, String text) {
    }

    /** A notice as its filer and the verifier see it. */
    public record Kept(Long code, UUID claimId, UUID programId, String programName, String event, String state, String text,
                       String channel, String recipientMasked, Instant createdAt, Instant sentAt) {
    }

    @Inject
    DataSource dataSource;

    /**
     * Takes up to {@code limit} due notices (queued and due, or sending with the lease run out), each
     * under a new attempt number and a lease, drawing its code the first time (60 random bits from
     * PostgreSQL's strong source; a clash fails this take, and the next poll draws again). Committed
     * before anything is sent.
     */
    public List<Due> take(int limit, Duration lease) {
        String sql = """
                with due as (
                    select id from claim_notice
                    where (state = 'queued' and next_attempt_at <= now()) or (state = 'sending' and lease_until < now())
                    order by next_attempt_at limit ? for update skip locked)
                update claim_notice n set state = 'sending', attempt = n.attempt + 1, lease_until = now() + ? * interval '1 millisecond',
                    code = coalesce(n.code, (('x' || encode(substring(uuid_send(gen_random_uuid()) from 9 for 8), 'hex'))::bit(64)::bigint)
                                            & 1152921504606846975)
                from due, claim c, program p
                where n.id = due.id and c.id = n.claim_id and p.id = c.program_id
                returning n.id, n.claim_id, n.event, n.amount, n.reason, n.code, n.attempt, n.handed_over, n.channel, p.name,
                    p.objection_days, c.business_name, c.contact_email, c.contact_phone, c.contact_email_masked,
                    c.contact_phone_masked, c.contact_language""";
        return inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setInt(1, limit);
                ps.setLong(2, lease.toMillis());
                List<Due> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new Due(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3),
                                (Long) rs.getObject(4), rs.getString(5), rs.getLong(6), rs.getInt(7), rs.getBoolean(8),
                                rs.getString(9), rs.getString(10), rs.getInt(11), rs.getString(12), rs.getString(13),
                                rs.getString(14), rs.getString(15), rs.getString(16), rs.getString(17)));
                    }
                }
                return out;
            }
        });
    }

    /** Marks a notice handed over to a channel that cannot take a resend once, in its own commit. */
    public boolean handOver(Due due, String channel) {
        return inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("update claim_notice set handed_over = true, channel = ? "
                    + "where id = ? and attempt = ? and state = 'sending'")) {
                ps.setString(1, channel);
                ps.setObject(2, due.id());
                ps.setInt(3, due.attempt());
                return ps.executeUpdate() == 1;
            }
        });
    }

    /** Records each outcome under its attempt number; a retry goes back to the queue after its wait. */
    public void settle(List<Outcome> outcomes) {
        inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("""
                    update claim_notice set state = ?, channel = coalesce(?, channel), recipient_masked = coalesce(?, recipient_masked),
                        failure = ?, text = coalesce(text, ?), language = coalesce(language, ?), lease_until = null,
                        handed_over = case when ? = 'queued' then false else handed_over end,
                        next_attempt_at = case when ? = 'queued' then now() + ? * interval '1 millisecond' else next_attempt_at end,
                        sent_at = case when ? in ('sent', 'kept', 'uncertain') then now() else sent_at end
                    where id = ? and attempt = ? and state = 'sending'""")) {
                for (Outcome o : outcomes) {
                    String state = switch (o.result().state()) {
                        case SENT -> "sent";
                        case KEPT -> "kept";
                        case UNCERTAIN -> "uncertain";
                        case FAILED -> "failed";
                        case RETRY -> "queued";
                    };
                    Duration after = o.result().retryAfter() == null ? Duration.ZERO : o.result().retryAfter();
                    ps.setString(1, state);
                    ps.setString(2, o.result().channel());
                    ps.setString(3, o.result().recipientMasked());
                    ps.setString(4, o.result().error());
                    ps.setString(5, o.text());
                    ps.setString(6, o.due().language());
                    ps.setString(7, state);
                    ps.setString(8, state);
                    ps.setLong(9, after.toMillis());
                    ps.setString(10, state);
                    ps.setObject(11, o.due().id());
                    ps.setInt(12, o.due().attempt());
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            return null;
        });
    }

    /** A claim's notices, oldest first. */
    public List<Kept> forClaim(UUID claimId) {
        return query("n.claim_id = ? order by n.seq", claimId);
    }

    /** The notice with this code, if the suite wrote one. */
    public Optional<Kept> byCode(long code) {
        return query("n.code = ?", code).stream().findFirst();
    }

    private List<Kept> query(String where, Object param) {
        String sql = "select n.code, n.claim_id, c.program_id, p.name, n.event, n.state, n.text, n.channel, n.recipient_masked, "
                + "n.created_at, n.sent_at from claim_notice n join claim c on c.id = n.claim_id join program p on p.id = c.program_id "
                + "where " + where;
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setObject(1, param);
            List<Kept> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Kept((Long) rs.getObject(1), rs.getObject(2, UUID.class), rs.getObject(3, UUID.class), rs.getString(4),
                            rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9),
                            instant(rs.getTimestamp(10)), instant(rs.getTimestamp(11))));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException("claim notices unavailable", e);
        }
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }

    private interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    private <T> T inTransaction(Work<T> work) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                T result = work.run(c);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                // back to the pool as it came: a connection left outside autocommit would hold the next
                // reader's locks in a transaction nobody ends
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("claim notices unavailable", e);
        }
    }
}
