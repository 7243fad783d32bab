package kr.outage.compensation.incident.service;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import kr.outage.compensation.incident.domain.IncidentStatus;
import kr.outage.compensation.incident.persistence.AuditEventEntity;
import kr.outage.compensation.incident.persistence.IncidentEntity;
import kr.outage.compensation.incident.persistence.IncidentUpdateEntity;
import kr.outage.compensation.incident.persistence.UpdateStateEntity;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

/** Reads that go to the database every time: listings, the full timeline with its history, the audit. */
@ApplicationScoped
public class IncidentQueries {

    public record IncidentPage(List<IncidentEntity> items, long total) {
    }

    public record RecordedUpdate(IncidentUpdateEntity update, List<UpdateStateEntity> states) {
    }

    /**
     * Incidents whose impact overlaps {@code [from, to)}: started before {@code to} and not resolved
     * before {@code from}. Newest first.
     */
    @WithSession
    public Uni<IncidentPage> list(Optional<IncidentStatus> status, Optional<Instant> from, Optional<Instant> to,
                                  int page, int size) {
        List<String> where = new ArrayList<>();
        Parameters params = new Parameters();
        status.ifPresent(s -> {
            where.add("status = :status");
            params.and("status", s.wireName());
        });
        from.ifPresent(f -> {
            where.add("(resolvedAt is null or resolvedAt >= :from)");
            params.and("from", f);
        });
        to.ifPresent(t -> {
            where.add("startedAt < :to");
            params.and("to", t);
        });
        String query = String.join(" and ", where);
        var found = where.isEmpty()
                ? IncidentEntity.<IncidentEntity>findAll(Sort.descending("startedAt").and("id"))
                : IncidentEntity.<IncidentEntity>find(query, Sort.descending("startedAt").and("id"), params);
        return found.page(Page.of(page, size)).list()
                .chain(items -> found.count().map(total -> new IncidentPage(items, total)));
    }

    /** Every update ever recorded, including superseded and retracted ones, in time order. */
    @WithSession
    public Uni<Optional<List<RecordedUpdate>>> timeline(UUID incidentId) {
        return IncidentEntity.<IncidentEntity>findById(incidentId).chain(incident -> {
            if (incident == null) {
                return Uni.createFrom().item(Optional.<List<RecordedUpdate>>empty());
            }
            return IncidentUpdateEntity.<IncidentUpdateEntity>list("incidentId", incidentId)
                    .chain(updates -> UpdateStateEntity.<UpdateStateEntity>list("incidentId = ?1 order by position", incidentId)
                            .map(states -> {
                                Map<UUID, List<UpdateStateEntity>> byUpdate = states.stream()
                                        .collect(Collectors.groupingBy(s -> s.updateId));
                                return Optional.of(updates.stream()
                                        .sorted(DerivedStatus.TIME_ORDER)
                                        .map(u -> new RecordedUpdate(u, byUpdate.getOrDefault(u.id, List.of())))
                                        .toList());
                            }));
        });
    }

    @WithSession
    public Uni<Optional<RecordedUpdate>> update(UUID incidentId, UUID updateId) {
        return IncidentUpdateEntity.<IncidentUpdateEntity>findById(updateId).chain(update -> {
            if (update == null || !update.incidentId.equals(incidentId)) {
                return Uni.createFrom().item(Optional.<RecordedUpdate>empty());
            }
            return UpdateStateEntity.<UpdateStateEntity>list("updateId = ?1 order by position", updateId)
                    .map(states -> Optional.of(new RecordedUpdate(update, states)));
        });
    }

    @WithSession
    public Uni<Optional<List<AuditEventEntity>>> audit(UUID incidentId) {
        return IncidentEntity.<IncidentEntity>findById(incidentId).chain(incident -> incident == null
                ? Uni.createFrom().item(Optional.<List<AuditEventEntity>>empty())
                : AuditEventEntity.<AuditEventEntity>list("incidentId = ?1 order by occurredAt, id", incidentId).map(Optional::of));
    }
}
