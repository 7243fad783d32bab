package kr.outage.compensation.entitlement.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The cap of a first-come grant, split across slot rows so that claimants do not all queue on one.
 *
 * <p>With a single counter, every claim raised the same row under its lock and held it through its
 * commit: one commit at a time, about 500 claims/s on our 2-core machines whatever else was tuned. Of
 * the designs weighed (measured in docs/benchmarks.md), slots keep every answer immediate and exact:
 * <ul>
 * <li>a sequence handing out numbers checked against the cap loses numbers to transactions that fail
 * after taking one, so the cap would be under-granted until a later reconciliation re-opened it, and
 * people refused in between would have been refused wrongly;</li>
 * <li>inserting claims first and admitting them in order in a background step makes everyone wait for
 * an answer that the slots give at once.</li>
 * </ul>
 *
 * <p>A claim takes one unit of a slot chosen at random, skipping slots other claims hold locked, so
 * concurrent claimants lock different rows and commit side by side. When a slot runs dry, claims move
 * on to the next slot with room (the order is a rotation from the random start), which is the
 * rebalancing: no unit is stranded. Only when every slot with room is held by claims still in flight
 * does a claim wait, on one of them, because that claim may still roll back and free its unit; so the
 * cap is reported reached only when the committed slots are all full. The CHECK on the slot row backs
 * the cap in the database whatever the code does.
 */
@ApplicationScoped
public class ClaimSlots {

    /** More slots spread the locks thinner; past the pool's connections they buy nothing. */
    @ConfigProperty(name = "entitlement.claims.slots", defaultValue = "64")
    int slots;

    /** Splits the cap into slots when the campaign is published (the numbers 1..cap, in ranges). */
    public void create(Connection c, UUID campaignId, long cap) throws SQLException {
        int n = (int) Math.max(1, Math.min(cap, slots));
        try (PreparedStatement ps = Jdbc.prepare(c, new SqlText().add("insert into claim_slot (campaign_id, slot, first_no, "
                + "quota) select ?, g, (?::bigint / ?) * g + least(g, ?::bigint % ?) + 1, ?::bigint / ? + case when g < ?::bigint % ? "
                + "then 1 else 0 end from generate_series(0, ? - 1) g on conflict do nothing",
                campaignId, cap, n, cap, n, cap, n, cap, n, n))) {
            ps.executeUpdate();
        }
    }

    /**
     * One claim in one statement, committed on its own: the campaign's lifecycle, the account's
     * eligibility and earlier claim are checked, a unit of the cap is taken, and the item, the claim
     * row and the audit row are written, or nothing is. One round trip and one commit per claim, and
     * the slot's lock is held only for the end of this statement and its commit: at launch-day rates
     * the cost of a claim is its commit, so everything that can be is folded into it.
     *
     * <p>When no unit is taken the answer says why: the campaign is no longer open, the account is not
     * eligible or already claimed, or (all three fine) every slot with room was held by other claims
     * at that moment. A second claim of the same account at once fails on the claim's primary key.
     *
     * @param eligibility the campaign's eligibility query for this one account (its rows' {@code group_no})
     * @param choice      the slots to take a unit from
     */
    public Outcome claim(Connection c, UUID campaignId, SqlText eligibility, int groupNo, SlotChoice choice, NewClaim claim,
                         long cap) throws SQLException {
        String gateOpen = "(select open_campaign and eligible and not claimed from gate)";
        SqlText sql = new SqlText()
                .add("with gate as (select (select state = 'PUBLISHED' from campaign where id = ?) as open_campaign, ", campaignId)
                .add("exists (select 1 from (").add(eligibility).add(") q where q.group_no = ?) as eligible, ", groupNo)
                .add("exists (select 1 from campaign_claim where campaign_id = ? and user_id = ?) as claimed), ",
                        campaignId, claim.userId())
                .add("slot as (update claim_slot set taken = taken + 1 where ");
        if (choice.waits()) {
            sql.add("campaign_id = ? and slot = ? and open and taken < quota and " + gateOpen, campaignId, choice.from());
        } else {
            // the first slot with room in the range that no other claim holds: the index on (campaign, slot)
            // finds it reading a few rows, not all of them
            sql.add("(campaign_id, slot) = (select campaign_id, slot from claim_slot where campaign_id = ? and slot >= ? "
                    + "and slot < ? and open and taken < quota and " + gateOpen + " order by slot limit 1 for update skip locked)",
                    campaignId, choice.from(), choice.to());
        }
        sql.add(" returning slot, first_no + taken - 1 as grant_no, taken = quota as filled), ")
                .add("item as (insert into granted_item (user_id, item_code, label, valid_until, granted_at, campaign_id) "
                        + "select ?, ?, ?, cast(? as timestamptz), cast(? as timestamptz), cast(? as uuid) from slot returning id), ",
                        claim.userId(), claim.itemCode(), claim.label(), claim.validUntil(), claim.claimedAt(), campaignId)
                .add("claim as (insert into campaign_claim (campaign_id, user_id, item_id, principal, claimed_at, grant_no) "
                        + "select cast(? as uuid), ?, item.id, ?, cast(? as timestamptz), slot.grant_no from item, slot "
                        + "returning item_id, grant_no), ", campaignId, claim.userId(), claim.principal(), claim.claimedAt())
                // the audit row says what the person was told, in the shape the API answered
                .add("audit as (insert into entitlement_audit (id, occurred_at, principal, action, subject_type, subject_id, "
                        + "campaign_id, after_state) select nextval('entitlement_audit_seq'), cast(? as timestamptz), ?, "
                        + "'GRANT_CLAIMED', 'account', ?, cast(? as uuid), jsonb_build_object('campaignId', cast(? as text), "
                        + "'userId', cast(? as text), 'itemId', claim.item_id, 'itemCode', cast(? as text), 'label', cast(? as text), "
                        + "'validUntil', cast(? as text), 'claimedAt', cast(? as text), 'position', claim.grant_no, 'cap', cast(? as bigint)) "
                        + "from claim) ", claim.claimedAt(), claim.principal(), claim.userId(), campaignId, campaignId.toString(),
                        claim.userId(), claim.itemCode(), claim.label(),
                        claim.validUntil() == null ? null : claim.validUntil().toString(), claim.claimedAt().toString(), cap)
                .add("select gate.open_campaign, gate.eligible, gate.claimed, claim.item_id, claim.grant_no, slot.filled "
                        + "from gate left join claim on true left join slot on true");
        try (PreparedStatement ps = Jdbc.prepare(c, sql); ResultSet rs = ps.executeQuery()) {
            rs.next();
            long itemId = rs.getLong(4);
            Taken taken = rs.wasNull() ? null : new Taken(itemId, rs.getLong(5), rs.getBoolean(6));
            return new Outcome(rs.getBoolean(1), rs.getBoolean(2), rs.getBoolean(3), Optional.ofNullable(taken));
        }
    }

    /**
     * No more claims, ever: withdrawing or rolling back the campaign. Waits for claims that hold a
     * slot (they finish first, and are then seen by what follows in the caller's transaction); a
     * claim that comes later finds every slot closed, whatever it read before.
     */
    public void close(Connection c, UUID campaignId) throws SQLException {
        Jdbc.update(c, new SqlText().add("update claim_slot set open = false where campaign_id = ? and open", campaignId));
    }

    /** A slot with room in the committed state, held by a claim still in flight; empty: the cap is reached. */
    public OptionalInt anyWithRoom(Connection c, UUID campaignId) throws SQLException {
        try (PreparedStatement ps = Jdbc.prepare(c, new SqlText().add("select slot from claim_slot where campaign_id = ? "
                + "and open and taken < quota order by random() limit 1", campaignId)); ResultSet rs = ps.executeQuery()) {
            return rs.next() ? OptionalInt.of(rs.getInt(1)) : OptionalInt.empty();
        }
    }

    /** True when every unit of the cap is taken (committed). */
    public boolean allTaken(Connection c, UUID campaignId) throws SQLException {
        try (PreparedStatement ps = Jdbc.prepare(c, new SqlText().add("select not exists (select 1 from claim_slot "
                + "where campaign_id = ? and taken < quota)", campaignId)); ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getBoolean(1);
        }
    }

    /**
     * Records the moment the last grant went (the latest claim's time), once, so that later claimants
     * are refused from the campaign row at once. Several claimants and replicas may all find the cap
     * reached at the same time; the first to commit sets it, the others change nothing.
     */
    public Instant recordAllClaimed(Connection c, UUID campaignId) throws SQLException {
        try (PreparedStatement ps = Jdbc.prepare(c, new SqlText().add("update campaign set all_claimed_at = "
                + "(select max(claimed_at) from campaign_claim where campaign_id = ?) where id = ? and all_claimed_at is null",
                campaignId, campaignId))) {
            ps.executeUpdate();
        }
        try (PreparedStatement ps = Jdbc.prepare(c, new SqlText().add("select all_claimed_at from campaign where id = ?",
                campaignId)); ResultSet rs = ps.executeQuery()) {
            rs.next();
            return Jdbc.instant(rs.getTimestamp(1));
        }
    }

    /** What a claim stores besides its slot unit. */
    public record NewClaim(String userId, String itemCode, String label, Instant validUntil, Instant claimedAt,
                           String principal) {
    }

    /**
     * Where a claim looks for a unit. Claimants start at a random slot, so they spread over the slots
     * and a dry slot passes its claimants on to the next: first the slots from there to the end, then
     * those before it, skipping slots other claims hold; last, one slot with room, waiting for its lock.
     */
    public record SlotChoice(int from, int to, boolean waits) {

        public static SlotChoice startingAt(int slot) {
            return new SlotChoice(slot, Integer.MAX_VALUE, false);
        }

        public SlotChoice before() {
            return new SlotChoice(0, from, false);
        }

        public static SlotChoice waitingFor(int slot) {
            return new SlotChoice(slot, slot + 1, true);
        }
    }

    /** A random first slot for a claim. */
    public SlotChoice randomStart() {
        return SlotChoice.startingAt(ThreadLocalRandom.current().nextInt(slots));
    }

    /** Whether the campaign was open, the account eligible and not yet claimed, and the unit if one was taken. */
    public record Outcome(boolean campaignOpen, boolean eligible, boolean alreadyClaimed, Optional<Taken> taken) {
    }

    /** The item granted, its number among the cap's grants, and whether it filled its slot. */
    public record Taken(long itemId, long grantNo, boolean filledSlot) {
    }
}
