package kr.outage.compensation.entitlement.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import kr.outage.compensation.entitlement.domain.Campaign;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

/**
 * Cuts a run into the chunks its workers take: ranges of subject ids that hold at least one subject
 * the campaign's terms admit, counted by the same eligibility SQL the chunks are later applied with
 * ({@link EligibilitySql}), so the run's total is what it will grant.
 */
@ApplicationScoped
public class RunSplitter {

    /** Splits the run into chunks of {@code chunkSize} subject ids, keeping only ranges with eligible subjects. */
    public long split(Connection c, RunStore.Run run, Campaign campaign, Instant now) throws SQLException {
        EligibilitySql terms = new EligibilitySql(campaign.terms());
        int size = run.chunkSize();
        SqlText sql = new SqlText()
                .add("insert into run_chunk (run_id, chunk_no, from_subject, to_subject, eligible, state) "
                        + "select ?, b, b * " + size + ", (b + 1) * " + size + ", count(*), 'PENDING' "
                        + "from (select subject_id / " + size + " as b from (", run.id())
                .add(terms.grants(new SqlText().add("true")))
                .add(") q) x group by b");
        try (PreparedStatement ps = Jdbc.prepare(c, sql)) {
            ps.executeUpdate();
        }
        long total;
        try (PreparedStatement ps = c.prepareStatement("select coalesce(sum(eligible), 0) from run_chunk where run_id = ?")) {
            ps.setObject(1, run.id());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                total = rs.getLong(1);
            }
        }
        try (PreparedStatement ps = c.prepareStatement(
                "update campaign_run set state = 'RUNNING', total = ?, started_at = ? where id = ?")) {
            Jdbc.bind(c, ps, List.of(total, now, run.id()));
            ps.executeUpdate();
        }
        return total;
    }
}
