package kr.outage.compensation.entitlement.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import kr.outage.compensation.entitlement.domain.CappedClaim;
import kr.outage.compensation.entitlement.domain.Remedy;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
     * A batch of claims in one statement, committed on its own: the campaign's lifecycle, each
     * account's eligibility and earlier claim are checked, units of the cap are taken from one slot
     * (as many as it has room for, in the batch's order), and each granted claim's item, claim row
     * and audit row are written, or nothing is. One round trip, one slot update and one commit (one
     * WAL flush) for the whole batch: at launch-day rates a claim's cost was its commit and the
     * system calls around it, so claims that arrive together are made together (see ClaimWorkers).
     *
     * <p>Each claimant's answer says whether the campaign was open, whether the account was eligible
     * or had already claimed, and the grant if one was made. A claimant with none of those refusals
     * and no grant found the slot's room used up, or every slot with room held by other batches at
     * that moment: the caller tries again for them. The accounts of a batch must be distinct; the same
     * account claimed by another batch at once fails the statement on the claim's primary key.
     *
     * <p>The statement is planned for each batch, never kept as a prepared plan: a launch starts on an
     * empty claim table, and a plan made then (a sequential scan of campaign_claim for the "already
     * claimed" check) would be kept by its connection while the table grew, each claim reading every
     * claim before it (measured in docs/benchmarks.md). Planned per batch, the plan follows the table.
     *
     * @param eligibility the campaign's eligibility query restricted to {@code w.user_id} (its rows' {@code group_no})
     * @param choice      the slots to take units from
     * @return one outcome per claimant, in the batch's order
     */
    public List<Outcome> claimAll(Connection c, UUID campaignId, SqlText eligibility, int groupNo, SlotChoice choice,
                                  ClaimBatch batch, long cap) throws SQLException {
        List<Claimant> claimants = batch.claimants();
        SqlText sql = new SqlText()
                .add("with wanted as (select w.user_id, w.principal, w.ord from unnest(cast(? as text[]), cast(? as text[])) "
                        + "with ordinality as w(user_id, principal, ord)), ",
                        claimants.stream().map(Claimant::userId).toArray(String[]::new),
                        claimants.stream().map(Claimant::principal).toArray(String[]::new))
                .add("gate as (select coalesce((select state = 'PUBLISHED' from campaign where id = ?), false) as open_campaign), ",
                        campaignId)
                // Both checks are lateral lookups, one account at a time: as EXISTS tests the planner may turn them
                // into a hash of every claim of the campaign, built again for each batch.
                .add("checked as (select w.user_id, w.principal, w.ord, e.eligible is not null as eligible, "
                        + "k.claimed is not null as claimed from wanted w ")
                .add("left join lateral (select true as eligible from (").add(eligibility).add(") q where q.group_no = ? limit 1) e on true ",
                        groupNo)
                .add("left join lateral (select true as claimed from campaign_claim k where k.campaign_id = ? and k.user_id = w.user_id "
                        + "limit 1) k on true), ", campaignId)
                .add("admitted as (select ch.user_id, ch.principal, row_number() over (order by ch.ord) as rn from checked ch, gate "
                        + "where gate.open_campaign and ch.eligible and not ch.claimed), ")
                .add("pick as (select campaign_id, slot, least(quota - taken, (select count(*) from admitted)) as units "
                        + "from claim_slot where campaign_id = ? and ", campaignId);
        if (choice.waits()) {
            sql.add("slot = ? and open and taken < quota and exists (select 1 from admitted) for update), ", choice.from());
        } else {
            // the first slot with room in the range that no other batch holds: the index on (campaign, slot)
            // finds it reading a few rows, not all of them
            sql.add("slot >= ? and slot < ? and open and taken < quota and exists (select 1 from admitted) "
                    + "order by slot limit 1 for update skip locked), ", choice.from(), choice.to());
        }
        sql.add("slot as (update claim_slot s set taken = s.taken + p.units from pick p "
                        + "where s.campaign_id = p.campaign_id and s.slot = p.slot "
                        + "returning s.first_no + s.taken - p.units as first_no, p.units, s.taken = s.quota as filled), ")
                .add("granted as (select a.user_id, a.principal, slot.first_no + a.rn - 1 as grant_no from admitted a "
                        + "join slot on a.rn <= slot.units), ")
                .add("item as (insert into granted_item (user_id, item_code, label, valid_until, granted_at, campaign_id) "
                        + "select g.user_id, ?, ?, cast(? as timestamptz), cast(? as timestamptz), cast(? as uuid) from granted g "
                        + "order by g.grant_no returning id, user_id), ",
                        batch.itemCode(), batch.label(), batch.validUntil(), batch.claimedAt(), campaignId)
                .add("claim as (insert into campaign_claim (campaign_id, user_id, item_id, principal, claimed_at, grant_no) "
                        + "select cast(? as uuid), g.user_id, i.id, g.principal, cast(? as timestamptz), g.grant_no "
                        + "from granted g join item i on i.user_id = g.user_id returning user_id, item_id, grant_no, principal), ",
                        campaignId, batch.claimedAt())
                // the audit row says what the person was told, in the shape the API answered
                .add("audit as (insert into entitlement_audit (id, occurred_at, principal, action, subject_type, subject_id, "
                        + "campaign_id, after_state) select nextval('entitlement_audit_seq'), cast(? as timestamptz), claim.principal, "
                        + "'GRANT_CLAIMED', 'account', claim.user_id, cast(? as uuid), jsonb_build_object('campaignId', cast(? as text), "
                        + "'userId', claim.user_id, 'itemId', claim.item_id, 'itemCode', cast(? as text), 'label', cast(? as text), "
                        + "'validUntil', cast(? as text), 'claimedAt', cast(? as text), 'position', claim.grant_no, 'cap', cast(? as bigint)) "
                        + "from claim) ", batch.claimedAt(), campaignId, campaignId.toString(), batch.itemCode(), batch.label(),
                        batch.validUntil() == null ? null : batch.validUntil().toString(), batch.claimedAt().toString(), cap)
                .add("select ch.user_id, gate.open_campaign, ch.eligible, ch.claimed, claim.item_id, claim.grant_no, "
                        + "coalesce((select filled from slot), false) from checked ch cross join gate "
                        + "left join claim on claim.user_id = ch.user_id order by ch.ord");
        List<Outcome> outcomes = new ArrayList<>(claimants.size());
        try (PreparedStatement ps = Jdbc.prepare(c, sql)) {
            Jdbc.plannedEachTime(ps);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long itemId = rs.getLong(5);
                    Taken taken = rs.wasNull() ? null : new Taken(itemId, rs.getLong(6), rs.getBoolean(7));
                    outcomes.add(new Outcome(rs.getString(1), rs.getBoolean(2), rs.getBoolean(3), rs.getBoolean(4),
                            Optional.ofNullable(taken)));
                }
            }
        }
        return outcomes;
    }

    /**
     * The earlier claims of these accounts, by account (an account without one is absent), as they
     * were answered: the claim's item and number, the item's validity, the moment of the claim.
     * Planned each time like the claim statement: people retrying at launch ask this of a claim table
     * that was empty an hour ago.
     */
    public Map<String, CappedClaim> earlierClaims(Connection c, UUID campaignId, Remedy remedy, List<String> userIds)
            throws SQLException {
        Map<String, CappedClaim> found = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("select k.user_id, k.item_id, i.valid_until, k.claimed_at, k.grant_no "
                + "from campaign_claim k join granted_item i on i.id = k.item_id where k.campaign_id = ? and k.user_id = any(?)")) {
            Jdbc.plannedEachTime(ps);
            ps.setObject(1, campaignId);
            ps.setArray(2, c.createArrayOf("text", userIds.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String userId = rs.getString(1);
                    found.put(userId, new CappedClaim(campaignId, userId, rs.getLong(2), remedy.itemCode(), remedy.label(),
                            Jdbc.instant(rs.getTimestamp(3)), Jdbc.instant(rs.getTimestamp(4)), rs.getLong(5), remedy.cap()));
                }
            }
        }
        return found;
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

    /** Who claims, and who asked (the person, or an operator on their behalf). */
    public record Claimant(String userId, String principal) {
    }

    /** Claims of one campaign made together: the same item, the same moment, distinct accounts. */
    public record ClaimBatch(List<Claimant> claimants, String itemCode, String label, Instant validUntil, Instant claimedAt) {
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

    /** For one claimant: whether the campaign was open, the account eligible and not yet claimed, and the unit if one was taken. */
    public record Outcome(String userId, boolean campaignOpen, boolean eligible, boolean alreadyClaimed, Optional<Taken> taken) {
    }

    /** The item granted, its number among the cap's grants, and whether the batch filled its slot. */
    public record Taken(long itemId, long grantNo, boolean filledSlot) {
    }
}
