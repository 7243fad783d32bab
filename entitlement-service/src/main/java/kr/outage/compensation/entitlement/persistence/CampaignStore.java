package kr.outage.compensation.entitlement.persistence;

import com.fasterxml.jackson.core.type.TypeReference;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import kr.outage.compensation.entitlement.domain.Campaign;
import kr.outage.compensation.entitlement.domain.CampaignScope;
import kr.outage.compensation.entitlement.domain.CampaignTerms;
import kr.outage.compensation.entitlement.domain.RemedyGroup;
import kr.outage.compensation.entitlement.domain.SubjectMatch;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Campaigns in their table; terms are kept as JSON documents so new rules need no migration. */
@ApplicationScoped
public class CampaignStore {

    private static final String COLUMNS = "id, code, title, description, incident_id, services, scope, snapshot_at, "
            + "outage_from, outage_until, eligibility, groups, published, state, claims_made, created_by, created_at, rolled_back_at, rolled_back_by";

    @Inject
    JsonDocuments json;

    public void insert(Connection c, Campaign campaign) throws SQLException {
        CampaignTerms t = campaign.terms();
        var claimable = t.claimable();
        try (PreparedStatement ps = c.prepareStatement("insert into campaign (" + COLUMNS.replace(", claims_made", "").replace(", rolled_back_by", "")
                + ", claim_cap, claim_deadline) values (?, ?, ?, ?, ?, cast(? as jsonb), ?, ?, ?, ?, cast(? as jsonb), "
                + "cast(? as jsonb), ?, ?, ?, ?, ?, ?, ?)")) {
            Jdbc.bind(c, ps, java.util.Arrays.asList(campaign.id(), campaign.code(), campaign.title(), campaign.description(),
                    campaign.incidentId(), json.write(campaign.services()), t.scope().name(), t.snapshotAt(), t.outageFrom(),
                    t.outageUntil(), json.write(t.eligibility()), json.write(t.groups()), campaign.published(), campaign.state(),
                    campaign.createdBy(), campaign.createdAt(), null,
                    claimable.map(cg -> cg.remedy().cap()).orElse(null),
                    claimable.map(cg -> cg.remedy().claimDeadline()).orElse(null)));
            ps.executeUpdate();
        }
    }

    public Optional<Campaign> find(Connection c, UUID id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select " + COLUMNS + " from campaign where id = ?")) {
            ps.setObject(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(read(rs)) : Optional.empty();
            }
        }
    }

    public Optional<Campaign> findByCode(Connection c, String code) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select " + COLUMNS + " from campaign where upper(code) = upper(?)")) {
            ps.setString(1, code);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(read(rs)) : Optional.empty();
            }
        }
    }

    public List<Campaign> list(Connection c, boolean publishedOnly) throws SQLException {
        String where = publishedOnly ? " where published" : "";
        try (PreparedStatement ps = c.prepareStatement("select " + COLUMNS + " from campaign" + where
                + " order by snapshot_at desc, created_at desc limit 500");
             ResultSet rs = ps.executeQuery()) {
            List<Campaign> out = new ArrayList<>();
            while (rs.next()) {
                out.add(read(rs));
            }
            return out;
        }
    }

    private Campaign read(ResultSet rs) throws SQLException {
        CampaignTerms terms = new CampaignTerms(CampaignScope.valueOf(rs.getString("scope")),
                Jdbc.instant(rs.getTimestamp("snapshot_at")), Jdbc.instant(rs.getTimestamp("outage_from")),
                Jdbc.instant(rs.getTimestamp("outage_until")),
                json.read(rs.getString("eligibility"), new TypeReference<SubjectMatch>() { }),
                json.read(rs.getString("groups"), new TypeReference<List<RemedyGroup>>() { }));
        return new Campaign(rs.getObject("id", UUID.class), rs.getString("code"), rs.getString("title"),
                rs.getString("description"), rs.getObject("incident_id", UUID.class),
                json.read(rs.getString("services"), new TypeReference<List<String>>() { }), terms,
                rs.getBoolean("published"), rs.getString("state"), rs.getLong("claims_made"),
                rs.getString("created_by"), Jdbc.instant(rs.getTimestamp("created_at")),
                Jdbc.instant(rs.getTimestamp("rolled_back_at")), rs.getString("rolled_back_by"));
    }

}
