package kr.outage.compensation.entitlement.persistence;

import kr.outage.compensation.entitlement.domain.Announcement;

import kr.outage.compensation.platform.json.JsonDocuments;
import com.fasterxml.jackson.core.type.TypeReference;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import kr.outage.compensation.entitlement.domain.Campaign;
import kr.outage.compensation.entitlement.domain.CampaignScope;
import kr.outage.compensation.entitlement.domain.CampaignState;
import kr.outage.compensation.entitlement.domain.CampaignTerms;
import kr.outage.compensation.entitlement.domain.OverlapPolicy;
import kr.outage.compensation.entitlement.domain.RemedyGroup;
import kr.outage.compensation.entitlement.domain.SubjectMatch;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Campaigns in their table; terms are kept as JSON documents so new rules need no migration. The
 * state read back is derived from the stored lifecycle and the campaign's runs and rollback (see
 * {@link CampaignState}), in the same query.
 */
@ApplicationScoped
public class CampaignStore {

    private static final String COLUMNS = "id, code, title, description, incident_id, services, service_names, scope, "
            + "snapshot_at, outage_from, outage_until, eligibility, groups, overlap, overlap_reason, state, all_claimed_at, "
            + "created_by, created_at, published_by, published_at, withdrawn_by, withdrawn_at, withdrawn_reason, "
            + "rolled_back_by, rolled_back_at, announcement_ko, announcement_en";
    /** Runs are few per campaign (campaign_run is indexed by campaign); conflicts are indexed by campaign. */
    private static final String DERIVED = ", exists (select 1 from campaign_run r where r.campaign_id = campaign.id "
            + "and r.state in ('PREPARING', 'RUNNING')) as run_active, "
            + "(select coalesce(sum(s.taken), 0) from claim_slot s where s.campaign_id = campaign.id) as claims_made, "
            + "(exists (select 1 from claim_slot s where s.campaign_id = campaign.id and s.taken > 0) "
            + "or exists (select 1 from campaign_run r where r.campaign_id = campaign.id "
            + "and r.state like 'COMPLETED%')) as applied, "
            + "exists (select 1 from rollback_conflict k where k.campaign_id = campaign.id) as rollback_conflicts";
    private static final String SELECT = "select " + COLUMNS + DERIVED + " from campaign";

    @Inject
    JsonDocuments json;

    /** The definition's columns, in this order, for both the insert and a draft's replacement. */
    private static final String DEFINITION = "code, title, description, incident_id, services, service_names, scope, "
            + "snapshot_at, outage_from, outage_until, eligibility, groups, overlap, overlap_reason, claim_cap, claim_deadline, "
            + "announcement_ko, announcement_en";
    private static final String DEFINITION_VALUES = "?, ?, ?, ?, cast(? as jsonb), cast(? as jsonb), ?, ?, ?, ?, "
            + "cast(? as jsonb), cast(? as jsonb), ?, ?, ?, ?, ?, ?";

    public void insert(Connection c, Campaign campaign) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("insert into campaign (id, " + DEFINITION + ", state, created_by, "
                + "created_at) values (?, " + DEFINITION_VALUES + ", 'DRAFT', ?, ?)")) {
            List<Object> params = new ArrayList<>(List.of(campaign.id()));
            params.addAll(definition(campaign));
            params.addAll(Arrays.asList(campaign.created().by(), campaign.created().at()));
            Jdbc.bind(c, ps, params);
            ps.executeUpdate();
        }
    }

    /** Replaces a draft's definition; returns false when the campaign is no longer a draft. */
    public boolean replaceDraft(Connection c, Campaign campaign, Instant now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("update campaign set (" + DEFINITION + ", updated_at) = ("
                + DEFINITION_VALUES + ", ?) where id = ? and state = 'DRAFT'")) {
            List<Object> params = new ArrayList<>(definition(campaign));
            params.addAll(Arrays.asList(now, campaign.id()));
            Jdbc.bind(c, ps, params);
            return ps.executeUpdate() == 1;
        }
    }

    private List<Object> definition(Campaign campaign) {
        CampaignTerms t = campaign.terms();
        var claimable = t.claimable();
        return Arrays.asList(campaign.code(), campaign.title(), campaign.description(), campaign.incidentId(),
                json.write(campaign.services()), json.write(campaign.serviceNames()), t.scope().name(), t.snapshotAt(),
                t.outageFrom(), t.outageUntil(), json.write(t.eligibility()), json.write(t.groups()),
                campaign.overlap().name(), campaign.overlapReason(),
                claimable.map(cg -> cg.remedy().cap()).orElse(null),
                claimable.map(cg -> cg.remedy().claimDeadline()).orElse(null),
                campaign.announcement() == null ? null : campaign.announcement().ko(),
                campaign.announcement() == null ? null : campaign.announcement().en());
    }

    public void markPublished(Connection c, UUID id, String principal, Instant now) throws SQLException {
        Jdbc.update(c, new SqlText().add("update campaign set state = 'PUBLISHED', published_by = ?, published_at = ? "
                + "where id = ?", principal, now, id));
    }

    public void markWithdrawn(Connection c, UUID id, String principal, String reason, Instant now) throws SQLException {
        Jdbc.update(c, new SqlText().add("update campaign set state = 'WITHDRAWN', withdrawn_by = ?, withdrawn_at = ?, "
                + "withdrawn_reason = ? where id = ?", principal, now, reason, id));
    }

    public Optional<Campaign> find(Connection c, UUID id) throws SQLException {
        return one(c, SELECT + " where id = ?", id);
    }

    /** The campaign with its row locked for this transaction: lifecycle changes go one at a time. */
    public Optional<Campaign> lock(Connection c, UUID id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select 1 from campaign where id = ? for update")) {
            ps.setObject(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
            }
        }
        return find(c, id);
    }

    /**
     * The campaign as it stands, for the two-person rule: a hash of its row (but when its capped grant
     * ran out) and of its runs with their states. Any edit, lifecycle step or run changes it.
     */
    public Optional<String> fingerprint(Connection c, UUID id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select md5((to_jsonb(k) - 'all_claimed_at')::text || coalesce((select "
                + "string_agg(r.id::text || ':' || r.state, ',' order by r.created_at, r.id) from campaign_run r "
                + "where r.campaign_id = k.id), '')) from campaign k where k.id = ?")) {
            ps.setObject(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
        }
    }

    /** What the campaign's runs gave so far: subjects granted and cash in KRW (what a rollback would take back). */
    public long[] grantedTotals(Connection c, UUID id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select count(*), coalesce(sum(cash_krw), 0) from campaign_grant "
                + "where campaign_id = ?")) {
            ps.setObject(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return new long[]{rs.getLong(1), rs.getLong(2)};
            }
        }
    }

    public Optional<Campaign> findByCode(Connection c, String code) throws SQLException {
        return one(c, SELECT + " where upper(code) = upper(?)", code);
    }

    /** Campaigns, newest snapshot first; {@code publicOnly}: those on the public registry (no drafts). */
    public List<Campaign> list(Connection c, boolean publicOnly) throws SQLException {
        String where = publicOnly ? " where state <> 'DRAFT'" : "";
        try (PreparedStatement ps = c.prepareStatement(SELECT + where + " order by snapshot_at desc, created_at desc limit 500");
             ResultSet rs = ps.executeQuery()) {
            List<Campaign> out = new ArrayList<>();
            while (rs.next()) {
                out.add(read(rs));
            }
            return out;
        }
    }

    /**
     * The campaigns that overlap this one: public (not drafts), for the same incident and scope, naming
     * one of its services. Their live grants are what an 'exclude' campaign leaves out.
     */
    public List<Campaign> overlapping(Connection c, Campaign campaign) throws SQLException {
        try (PreparedStatement ps = Jdbc.prepare(c, new SqlText().add(SELECT + " where incident_id = ? and id <> ? "
                + "and state <> 'DRAFT' and scope = ? and jsonb_exists_any(services, ?) order by created_at",
                campaign.incidentId(), campaign.id(), campaign.terms().scope().name(),
                (Object) campaign.services().toArray(String[]::new)));
             ResultSet rs = ps.executeQuery()) {
            List<Campaign> out = new ArrayList<>();
            while (rs.next()) {
                out.add(read(rs));
            }
            return out;
        }
    }

    private Optional<Campaign> one(Connection c, String sql, Object param) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setObject(1, param);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(read(rs)) : Optional.empty();
            }
        }
    }

    private Campaign read(ResultSet rs) throws SQLException {
        CampaignTerms terms = new CampaignTerms(CampaignScope.valueOf(rs.getString("scope")),
                Jdbc.instant(rs.getTimestamp("snapshot_at")), Jdbc.instant(rs.getTimestamp("outage_from")),
                Jdbc.instant(rs.getTimestamp("outage_until")),
                json.read(rs.getString("eligibility"), new TypeReference<SubjectMatch>() { }),
                json.read(rs.getString("groups"), new TypeReference<List<RemedyGroup>>() { }));
        CampaignState state = CampaignState.of(CampaignState.Lifecycle.valueOf(rs.getString("state")),
                rs.getBoolean("run_active"), rs.getBoolean("applied"), rs.getBoolean("rollback_conflicts"));
        return new Campaign(rs.getObject("id", UUID.class), rs.getString("code"), rs.getString("title"),
                rs.getString("description"), rs.getObject("incident_id", UUID.class),
                json.read(rs.getString("services"), new TypeReference<List<String>>() { }),
                json.read(rs.getString("service_names"), new TypeReference<Map<String, List<String>>>() { }), terms,
                OverlapPolicy.valueOf(rs.getString("overlap")), rs.getString("overlap_reason"), state,
                rs.getLong("claims_made"), Jdbc.instant(rs.getTimestamp("all_claimed_at")), stamp(rs, "created"), stamp(rs, "published"), stamp(rs, "withdrawn"),
                rs.getString("withdrawn_reason"), stamp(rs, "rolled_back"),
                Announcement.of(rs.getString("announcement_ko"), rs.getString("announcement_en")).orElse(null));
    }

    private static Campaign.Stamp stamp(ResultSet rs, String prefix) throws SQLException {
        Instant at = Jdbc.instant(rs.getTimestamp(prefix + "_at"));
        return at == null ? null : new Campaign.Stamp(rs.getString(prefix + "_by"), at);
    }
}
