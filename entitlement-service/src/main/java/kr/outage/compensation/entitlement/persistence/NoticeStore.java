package kr.outage.compensation.entitlement.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import kr.outage.compensation.entitlement.domain.Campaign;
import kr.outage.compensation.platform.notice.NoticeCode;
import kr.outage.compensation.entitlement.domain.SentNotice;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The notice rows (see V12__notices.sql): written by {@link ChunkApplier} with the grants, read here
 * by their codes for the verifier, and moved through their states by the delivery worker.
 */
@ApplicationScoped
public class NoticeStore {

    /**
     * The notices with these codes, with their campaigns taken from {@code campaigns} (the public
     * registry): a notice of a campaign that is not public is nobody's business here.
     */
    public List<SentNotice> findByCodes(Connection c, List<NoticeCode> codes, Map<UUID, Campaign> campaigns) throws SQLException {
        if (codes.isEmpty()) {
            return List.of();
        }
        Long[] values = codes.stream().map(NoticeCode::value).toArray(Long[]::new);
        List<SentNotice> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("select code, campaign_id, state, sent_at, channel, recipient_masked "
                + "from notice where code = any(?)")) {
            Array array = c.createArrayOf("bigint", values);
            ps.setArray(1, array);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Campaign campaign = campaigns.get(rs.getObject(2, UUID.class));
                    if (campaign != null) {
                        out.add(new SentNotice(new NoticeCode(rs.getLong(1)), campaign, SentNotice.State.valueOf(rs.getString(3)),
                                Jdbc.instant(rs.getTimestamp(4)), rs.getString(5), rs.getString(6)));
                    }
                }
            }
        }
        return out;
    }

    /** Whether a campaign run still has chunks to apply (read through the pending chunks' own index). */
    public boolean runApplying(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select exists (select 1 from run_chunk where state = 'PENDING')");
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getBoolean(1);
        }
    }

    /** A notice a worker took: who it is for, its code, and what the previous attempt left. */
    public record Due(UUID campaignId, long subjectId, String userId, NoticeCode code, int attempt, String country,
                      boolean handedOver, String channelBefore) {
    }

    /**
     * Takes up to {@code limit} due notices (queued, or sending with the lease run out) and marks them
     * SENDING under a new attempt number, leased for {@code lease}; committed by the caller before any
     * is sent. {@code handedOver}: the previous attempt had already given it to a channel.
     */
    public List<Due> claim(Connection c, int limit, java.time.Duration lease) throws SQLException {
        try (PreparedStatement ps = Jdbc.prepare(c, new SqlText().add("with d as (select campaign_id, subject_id, handed_at, "
                + "channel from notice where state in ('QUEUED', 'SENDING') and not_before <= now() order by not_before "
                + "limit ? for update skip locked), "
                + "taken as (update notice n set state = 'SENDING', attempts = n.attempts + 1, handed_at = null, "
                + "code = coalesce(n.code, notice_code()), not_before = now() + ? * interval '1 millisecond' from d "
                + "where n.campaign_id = d.campaign_id and n.subject_id = d.subject_id returning n.campaign_id, n.subject_id, "
                + "n.user_id, n.code, n.attempts, d.handed_at is not null as handed_over, d.channel) "
                + "select t.*, a.country from taken t left join account a on a.user_id = t.user_id", limit, lease.toMillis()));
             ResultSet rs = ps.executeQuery()) {
            List<Due> out = new ArrayList<>();
            while (rs.next()) {
                out.add(new Due(rs.getObject(1, UUID.class), rs.getLong(2), rs.getString(3), new NoticeCode(rs.getLong(4)),
                        rs.getInt(5), rs.getString(8), rs.getBoolean(6), rs.getString(7)));
            }
            return out;
        }
    }

    /** How a notice ended, or what to do with it next. */
    public record Outcome(Due due, SentNotice.State state, String channel, String language, String recipientMasked,
                          java.time.Duration retryAfter, String error) {
    }

    /**
     * Records outcomes, each guarded by its attempt number (a worker whose lease ran out changes
     * nothing); SENDING outcomes go back to wait {@code retryAfter}. Returns how many were recorded.
     */
    public int settle(Connection c, List<Outcome> outcomes) throws SQLException {
        if (outcomes.isEmpty()) {
            return 0;
        }
        int n = outcomes.size();
        Object[] campaignIds = new Object[n];
        Long[] subjects = new Long[n];
        Integer[] attempts = new Integer[n];
        String[] states = new String[n];
        String[] channels = new String[n];
        String[] languages = new String[n];
        String[] recipients = new String[n];
        Long[] retryMillis = new Long[n];
        String[] errors = new String[n];
        for (int i = 0; i < n; i++) {
            Outcome o = outcomes.get(i);
            campaignIds[i] = o.due().campaignId();
            subjects[i] = o.due().subjectId();
            attempts[i] = o.due().attempt();
            states[i] = o.state().name();
            channels[i] = o.channel();
            languages[i] = o.language();
            recipients[i] = o.recipientMasked();
            retryMillis[i] = o.retryAfter() == null ? 0L : o.retryAfter().toMillis();
            errors[i] = StoreRequestStore.clip(o.error());
        }
        // one statement for the whole batch; each row still guarded by its attempt number
        try (PreparedStatement ps = c.prepareStatement("update notice n set state = o.state, channel = coalesce(o.channel, n.channel), "
                + "language = coalesce(o.language, n.language), recipient_masked = coalesce(o.recipient, n.recipient_masked), "
                + "sent_at = case when o.state in ('SENT', 'KEPT', 'UNCERTAIN') then now() else n.sent_at end, "
                + "not_before = case when o.state = 'SENDING' then now() + o.retry_ms * interval '1 millisecond' else n.not_before end, "
                // an answer came, so a retried e-mail is known not to be with the server any more
                + "handed_at = null, last_error = o.error "
                + "from unnest(?::uuid[], ?::bigint[], ?::int[], ?::text[], ?::text[], ?::text[], ?::text[], ?::bigint[], ?::text[]) "
                + "as o (campaign_id, subject_id, attempt, state, channel, language, recipient, retry_ms, error) "
                + "where n.campaign_id = o.campaign_id and n.subject_id = o.subject_id and n.state = 'SENDING' "
                + "and n.attempts = o.attempt")) {
            ps.setArray(1, c.createArrayOf("uuid", campaignIds));
            ps.setArray(2, c.createArrayOf("bigint", subjects));
            ps.setArray(3, c.createArrayOf("integer", attempts));
            ps.setArray(4, c.createArrayOf("text", states));
            ps.setArray(5, c.createArrayOf("text", channels));
            ps.setArray(6, c.createArrayOf("text", languages));
            ps.setArray(7, c.createArrayOf("text", recipients));
            ps.setArray(8, c.createArrayOf("bigint", retryMillis));
            ps.setArray(9, c.createArrayOf("text", errors));
            return ps.executeUpdate();
        }
    }

    /**
     * Marks a notice as given to its channel, just before it is: a worker that dies after this line
     * leaves proof that the channel may have it (see {@link #claim}'s {@code handedOver}).
     */
    public boolean handOver(Connection c, Due due, String channel) throws SQLException {
        return Jdbc.update(c, new SqlText().add("update notice set handed_at = now(), channel = ? where campaign_id = ? "
                + "and subject_id = ? and state = 'SENDING' and attempts = ?", channel, due.campaignId(), due.subjectId(),
                due.attempt())) == 1;
    }

    /** A campaign's notices by state, for its console page. */
    public Map<SentNotice.State, Long> counts(Connection c, UUID campaignId) throws SQLException {
        Map<SentNotice.State, Long> out = new java.util.EnumMap<>(SentNotice.State.class);
        try (PreparedStatement ps = Jdbc.prepare(c, new SqlText().add("select state, count(*) from notice where campaign_id = ? "
                + "group by state", campaignId)); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.put(SentNotice.State.valueOf(rs.getString(1)), rs.getLong(2));
            }
        }
        return out;
    }

    /** A notice the channel refused: its code as printed, the channel, the masked recipient and the channel's words. */
    public record Failure(String code, String channel, String recipientMasked, String reason) {
    }

    /** A campaign's first failures, for its console page. */
    public List<Failure> firstFailures(Connection c, UUID campaignId, int limit) throws SQLException {
        try (PreparedStatement ps = Jdbc.prepare(c, new SqlText().add("select notice_code_text(code), channel, recipient_masked, "
                + "last_error from notice where campaign_id = ? and state = 'FAILED' order by sent_at nulls last, code limit ?",
                campaignId, limit)); ResultSet rs = ps.executeQuery()) {
            List<Failure> out = new ArrayList<>();
            while (rs.next()) {
                out.add(new Failure(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)));
            }
            return out;
        }
    }
}
