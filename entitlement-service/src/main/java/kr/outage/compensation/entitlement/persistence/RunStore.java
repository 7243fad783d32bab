package kr.outage.compensation.entitlement.persistence;

import kr.outage.compensation.platform.json.JsonDocuments;
import com.fasterxml.jackson.core.type.TypeReference;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Runs and their chunks. A run is PREPARING until one worker has split it into chunks
 * ({@link RunSplitter}), RUNNING while chunks are pending, then COMPLETED (or
 * COMPLETED_WITH_FAILURES when a chunk failed every attempt). All claiming is done with
 * {@code FOR UPDATE SKIP LOCKED}, so any number of workers in any number of replicas share the work.
 */
@ApplicationScoped
public class RunStore {

    public static final String PREPARING = "PREPARING";
    public static final String RUNNING = "RUNNING";

    @Inject
    JsonDocuments json;

    public record Run(UUID id, UUID campaignId, String idempotencyKey, String state, int chunkSize, Long total,
                      String requestedBy, Instant createdAt, Instant startedAt, Instant finishedAt) {
        public boolean active() {
            return PREPARING.equals(state) || RUNNING.equals(state);
        }
    }

    public record ChunkState(int chunkNo, long fromSubject, long toSubject, long eligible, String state, int attempts,
                             Long applied, Map<Integer, Long> groupCounts, long overlapping, String lastError) {
    }

    private static final String RUN_COLUMNS = "id, campaign_id, idempotency_key, state, chunk_size, total, requested_by, "
            + "created_at, started_at, finished_at";

    public void insert(Connection c, Run run) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("insert into campaign_run (" + RUN_COLUMNS
                + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            Jdbc.bind(c, ps, java.util.Arrays.asList(run.id(), run.campaignId(), run.idempotencyKey(), run.state(),
                    run.chunkSize(), run.total(), run.requestedBy(), run.createdAt(), run.startedAt(), run.finishedAt()));
            ps.executeUpdate();
        }
    }

    public Optional<Run> find(Connection c, UUID campaignId, UUID runId) throws SQLException {
        return one(c, "select " + RUN_COLUMNS + " from campaign_run where campaign_id = ? and id = ?", campaignId, runId);
    }

    public Optional<Run> findById(Connection c, UUID runId) throws SQLException {
        return one(c, "select " + RUN_COLUMNS + " from campaign_run where id = ?", runId);
    }

    public Optional<Run> findByKey(Connection c, UUID campaignId, String key) throws SQLException {
        return one(c, "select " + RUN_COLUMNS + " from campaign_run where campaign_id = ? and idempotency_key = ?", campaignId, key);
    }

    public Optional<Run> findActive(Connection c, UUID campaignId) throws SQLException {
        return one(c, "select " + RUN_COLUMNS + " from campaign_run where campaign_id = ? and state in ('PREPARING', 'RUNNING')",
                campaignId);
    }

    public List<Run> list(Connection c, UUID campaignId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select " + RUN_COLUMNS
                + " from campaign_run where campaign_id = ? order by created_at")) {
            ps.setObject(1, campaignId);
            try (ResultSet rs = ps.executeQuery()) {
                List<Run> out = new ArrayList<>();
                while (rs.next()) {
                    out.add(read(rs));
                }
                return out;
            }
        }
    }

    /**
     * Whether another campaign of the same incident, scope and service as {@code campaignId} is being
     * applied (a run in RUNNING) or rolled back. Runs of such campaigns never work at the same time:
     * an 'exclude' campaign reads the other's grants to leave those subjects out, and that read is
     * only sound while the other is not writing.
     */
    private static final String OVERLAPPING_WORK = "exists (select 1 from campaign o join campaign me on me.id = %s "
            + "where o.incident_id = me.incident_id and o.id <> me.id and o.scope = me.scope "
            + "and jsonb_exists_any(o.services, array(select jsonb_array_elements_text(me.services))) "
            + "and (o.state = 'ROLLING_BACK' or exists (select 1 from campaign_run w where w.campaign_id = o.id "
            + "and w.state = 'RUNNING')))";

    /**
     * A run waiting to be split into chunks, locked for this transaction, or empty if none (or all
     * taken). A run whose campaign overlaps one being applied or rolled back waits its turn.
     */
    public Optional<Run> claimPreparing(Connection c) throws SQLException {
        return one(c, "select " + RUN_COLUMNS + " from campaign_run r where state = 'PREPARING' and not "
                + OVERLAPPING_WORK.formatted("r.campaign_id") + " order by created_at limit 1 for update of r skip locked");
    }

    /**
     * Serialises the decisions "may this run start" and "may this rollback start" per incident: taken
     * before the check, held to the end of the transaction that starts the work.
     */
    public void lockIncident(Connection c, java.util.UUID incidentId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select pg_advisory_xact_lock(?)")) {
            ps.setLong(1, incidentId.getMostSignificantBits() ^ incidentId.getLeastSignificantBits() ^ 0x0E9A1L);
            ps.execute();
        }
    }

    /** See {@link #OVERLAPPING_WORK}; call under {@link #lockIncident}. */
    public boolean overlappingWorkInProgress(Connection c, UUID campaignId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select " + OVERLAPPING_WORK.formatted("?"))) {
            ps.setObject(1, campaignId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        }
    }

    /**
     * The next pending chunk of any running run, locked for this transaction. Chunks are taken in
     * turn across runs (chunk 0 of each run, then chunk 1, ...), so two runs started together both
     * progress instead of the second waiting for the whole of the first.
     */
    public Optional<ChunkApplier.Chunk> claimChunk(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select c.run_id, c.chunk_no, c.from_subject, c.to_subject "
                + "from run_chunk c join campaign_run r on r.id = c.run_id "
                + "where c.state = 'PENDING' and r.state = 'RUNNING' order by c.chunk_no, r.created_at "
                + "limit 1 for update of c skip locked");
             ResultSet rs = ps.executeQuery()) {
            if (!rs.next()) {
                return Optional.empty();
            }
            return Optional.of(new ChunkApplier.Chunk(rs.getObject(1, UUID.class), rs.getInt(2), rs.getLong(3), rs.getLong(4)));
        }
    }

    public void chunkDone(Connection c, ChunkApplier.Chunk chunk, ChunkApplier.Result result, String worker,
                          Instant startedAt, Instant now) throws SQLException {
        long applied = result.perGroup().values().stream().mapToLong(Long::longValue).sum();
        try (PreparedStatement ps = c.prepareStatement("update run_chunk set state = 'DONE', applied = ?, "
                + "group_counts = cast(? as jsonb), overlapping = ?, worker = ?, started_at = ?, done_at = ?, "
                + "attempts = attempts + 1 where run_id = ? and chunk_no = ?")) {
            Jdbc.bind(c, ps, List.of(applied, json.write(result.perGroup()), result.overlapping(), worker, startedAt, now,
                    chunk.runId(), chunk.chunkNo()));
            ps.executeUpdate();
        }
    }

    /** Records a failed attempt; after {@code maxAttempts} the chunk is FAILED and the run finishes without it. */
    public void chunkFailed(Connection c, ChunkApplier.Chunk chunk, String error, int maxAttempts) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("update run_chunk set attempts = attempts + 1, last_error = ?, "
                + "state = case when attempts + 1 >= ? then 'FAILED' else 'PENDING' end where run_id = ? and chunk_no = ?")) {
            Jdbc.bind(c, ps, List.of(error, maxAttempts, chunk.runId(), chunk.chunkNo()));
            ps.executeUpdate();
        }
    }

    /** Marks finished every running run with no pending chunk and no unsettled store request left; returns how many finished. */
    public int finishCompletedRuns(Connection c, Instant now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("update campaign_run r set finished_at = ?, state = case when exists "
                + "(select 1 from run_chunk f where f.run_id = r.id and f.state = 'FAILED') then 'COMPLETED_WITH_FAILURES' "
                + "else 'COMPLETED' end where r.state = 'RUNNING' and not exists "
                + "(select 1 from run_chunk p where p.run_id = r.id and p.state = 'PENDING') "
                // a store extension is part of the run until the store has answered for good
                + "and not exists (select 1 from store_request q where q.run_id = r.id and q.state in ('PENDING', 'SENDING', 'MASS'))")) {
            Jdbc.bind(c, ps, List.of(now));
            return ps.executeUpdate();
        }
    }

    public List<ChunkState> chunks(Connection c, UUID runId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select chunk_no, from_subject, to_subject, eligible, state, attempts, "
                + "applied, group_counts, last_error, overlapping from run_chunk where run_id = ? order by chunk_no")) {
            ps.setObject(1, runId);
            try (ResultSet rs = ps.executeQuery()) {
                List<ChunkState> out = new ArrayList<>();
                while (rs.next()) {
                    String counts = rs.getString(8);
                    out.add(new ChunkState(rs.getInt(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getString(5),
                            rs.getInt(6), (Long) rs.getObject(7), counts == null ? Map.of() : parseCounts(counts),
                            rs.getLong(10), rs.getString(9)));
                }
                return out;
            }
        }
    }

    private Optional<Run> one(Connection c, String sql, Object... params) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            Jdbc.bind(c, ps, java.util.Arrays.asList(params));
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(read(rs)) : Optional.empty();
            }
        }
    }

    private static Run read(ResultSet rs) throws SQLException {
        return new Run(rs.getObject("id", UUID.class), rs.getObject("campaign_id", UUID.class),
                rs.getString("idempotency_key"), rs.getString("state"), rs.getInt("chunk_size"),
                (Long) rs.getObject("total"), rs.getString("requested_by"), Jdbc.instant(rs.getTimestamp("created_at")),
                Jdbc.instant(rs.getTimestamp("started_at")), Jdbc.instant(rs.getTimestamp("finished_at")));
    }

    private Map<Integer, Long> parseCounts(String text) {
        return new TreeMap<>(json.read(text, new TypeReference<Map<Integer, Long>>() { }));
    }
}
