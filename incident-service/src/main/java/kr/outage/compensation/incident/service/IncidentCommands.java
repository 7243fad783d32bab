package kr.outage.compensation.incident.service;

import kr.outage.compensation.platform.problem.GeneralProblem;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import kr.outage.compensation.incident.persistence.AffectedServiceEntity;
import kr.outage.compensation.incident.persistence.AuditEventEntity;
import kr.outage.compensation.incident.persistence.IncidentEntity;
import kr.outage.compensation.incident.persistence.IncidentUpdateEntity;
import kr.outage.compensation.incident.persistence.UpdateStateEntity;
import kr.outage.compensation.platform.problem.Problem;
import kr.outage.compensation.platform.problem.ProblemException;
import kr.outage.compensation.incident.rest.CorrectionRequest;
import kr.outage.compensation.incident.rest.DeclareIncidentRequest;
import kr.outage.compensation.incident.rest.RetractionRequest;
import kr.outage.compensation.incident.rest.TimelineUpdateRequest;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Every change to an incident and its timeline. Each runs in one transaction that locks the
 * incident row (so concurrent updates to one incident serialize), re-derives its status, bumps its
 * revision, writes an audit event and notifies the other replicas.
 */
@ApplicationScoped
public class IncidentCommands {

    @Inject
    Clock clock;

    @WithTransaction
    public Uni<IncidentEntity> declare(DeclareIncidentRequest request, String principal) {
        Instant startedAt = request.startedAt().toInstant();
        TimeRules.requirePlausible("startedAt", startedAt, clock);
        if (request.detectedAt() != null) {
            TimeRules.requirePlausible("detectedAt", request.detectedAt().toInstant(), clock);
            TimeRules.requireNotBefore("detectedAt", request.detectedAt().toInstant(), "startedAt", startedAt);
        }
        List<AffectedServiceEntity> services = affectedServices(request);
        Instant now = clock.instant();
        IncidentEntity incident = new IncidentEntity();
        incident.id = UUID.randomUUID();
        incident.title = request.title().strip();
        incident.cause = request.cause();
        incident.severity = request.severity();
        incident.status = "investigating";
        incident.startedAt = startedAt;
        incident.detectedAt = request.detectedAt() == null ? null : request.detectedAt().toInstant();
        incident.createdAt = now;
        incident.createdBy = principal;
        services.forEach(s -> s.incidentId = incident.id);
        List<Object> rows = new ArrayList<>(services);
        rows.add(audit(incident.id, principal, "incident_declared", incident.id, incident.title));
        return incident.persist()
                .chain(() -> PanacheEntityBase.persist(rows))
                .replaceWith(incident);
    }

    @WithTransaction
    public Uni<IncidentUpdateEntity> recordUpdate(UUID incidentId, TimelineUpdateRequest request, String principal) {
        return lockedIncident(incidentId).chain(incident -> {
            IncidentUpdateEntity update = newUpdate(incident, request, principal, "");
            return persistUpdate(update, request)
                    .chain(() -> afterTimelineChange(incident, principal, "update_recorded", update.id,
                            "at " + update.at + ", status " + update.status))
                    .replaceWith(update);
        });
    }

    @WithTransaction
    public Uni<IncidentUpdateEntity> correct(UUID incidentId, UUID updateId, CorrectionRequest request, String principal) {
        return lockedIncident(incidentId).chain(incident -> effectiveUpdate(incidentId, updateId).chain(original -> {
            IncidentUpdateEntity replacement = newUpdate(incident, request.replacement(), principal, "replacement.");
            replacement.correctsUpdateId = original.id;
            replacement.correctionReason = request.reason();
            return persistUpdate(replacement, request.replacement())
                    .invoke(() -> original.supersededBy = replacement.id)
                    .chain(() -> afterTimelineChange(incident, principal, "update_corrected", original.id,
                            "replaced by " + replacement.id + ": " + request.reason()))
                    .replaceWith(replacement);
        }));
    }

    @WithTransaction
    public Uni<IncidentUpdateEntity> retract(UUID incidentId, UUID updateId, RetractionRequest request, String principal) {
        return lockedIncident(incidentId).chain(incident -> effectiveUpdate(incidentId, updateId).chain(update -> {
            update.retractedAt = clock.instant();
            update.retractedBy = principal;
            update.retractionReason = request.reason();
            return afterTimelineChange(incident, principal, "update_retracted", update.id, request.reason())
                    .replaceWith(update);
        }));
    }

    private Uni<IncidentEntity> lockedIncident(UUID incidentId) {
        return IncidentEntity.<IncidentEntity>findById(incidentId, LockModeType.PESSIMISTIC_WRITE)
                .onItem().ifNull().failWith(() -> ProblemException.notFound("No incident " + incidentId));
    }

    private Uni<IncidentUpdateEntity> effectiveUpdate(UUID incidentId, UUID updateId) {
        return IncidentUpdateEntity.<IncidentUpdateEntity>findById(updateId)
                .onItem().ifNull().failWith(() -> ProblemException.notFound("No update " + updateId + " in incident " + incidentId))
                .invoke(update -> {
                    if (!update.incidentId.equals(incidentId)) {
                        throw ProblemException.notFound("No update " + updateId + " in incident " + incidentId);
                    }
                    if (update.supersededBy != null) {
                        throw new ProblemException(GeneralProblem.CONFLICT, "Update " + updateId
                                + " was already corrected by " + update.supersededBy + "; correct that one instead");
                    }
                    if (update.retractedAt != null) {
                        throw new ProblemException(GeneralProblem.CONFLICT, "Update " + updateId + " was retracted at "
                                + update.retractedAt + "; record a new update instead");
                    }
                });
    }

    private IncidentUpdateEntity newUpdate(IncidentEntity incident, TimelineUpdateRequest request, String principal,
                                           String fieldPrefix) {
        Instant at = request.at().toInstant();
        TimeRules.requirePlausible(fieldPrefix + "at", at, clock);
        TimeRules.requireNotBefore(fieldPrefix + "at", at, "the incident's startedAt", incident.startedAt);
        IncidentUpdateEntity update = new IncidentUpdateEntity();
        update.id = UUID.randomUUID();
        update.incidentId = incident.id;
        update.at = at;
        update.status = request.status();
        update.message = request.message();
        update.recordedAt = clock.instant();
        update.recordedBy = principal;
        return update;
    }

    private Uni<Void> persistUpdate(IncidentUpdateEntity update, TimelineUpdateRequest request) {
        List<Object> rows = new ArrayList<>();
        rows.add(update);
        List<TimelineUpdateRequest.StateStatementRequest> states = request.statesOrEmpty();
        for (int i = 0; i < states.size(); i++) {
            TimelineUpdateRequest.StateStatementRequest s = states.get(i);
            UpdateStateEntity row = new UpdateStateEntity();
            row.updateId = update.id;
            row.incidentId = update.incidentId;
            row.position = i;
            row.service = s.service();
            row.function = s.function();
            row.platform = s.platformOrAll();
            row.state = s.state();
            rows.add(row);
        }
        return PanacheEntityBase.persist(rows);
    }

    private Uni<Void> afterTimelineChange(IncidentEntity incident, String principal, String action, UUID subject,
                                          String detail) {
        return Panache.getSession()
                .chain(session -> session.flush()
                        .chain(() -> IncidentUpdateEntity.<IncidentUpdateEntity>list(
                                "incidentId = ?1 and supersededBy is null and retractedAt is null", incident.id))
                        .invoke(effective -> {
                            DerivedStatus derived = DerivedStatus.of(effective);
                            incident.status = derived.status().wireName();
                            incident.resolvedAt = derived.resolvedAt();
                            incident.reopenCount = derived.reopenCount();
                            incident.revision++;
                        })
                        .chain(() -> audit(incident.id, principal, action, subject, detail).persist())
                        // NOTIFY is delivered on commit, so other replicas never evict before the change is visible
                        .chain(() -> session.createNativeQuery("select cast(count(*) as integer) from (select pg_notify(?1, ?2)) n", Integer.class)
                                .setParameter(1, ImpactChangeListener.CHANNEL)
                                .setParameter(2, incident.id.toString())
                                .getSingleResult()))
                .replaceWithVoid();
    }

    private static List<AffectedServiceEntity> affectedServices(DeclareIncidentRequest request) {
        List<AffectedServiceEntity> rows = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        List<DeclareIncidentRequest.AffectedService> services = request.services() == null ? List.of() : request.services();
        for (int i = 0; i < services.size(); i++) {
            DeclareIncidentRequest.AffectedService s = services.get(i);
            if (!seen.add(s.service())) {
                String field = "services[" + i + "].service";
                throw new ProblemException(GeneralProblem.VALIDATION_FAILED, field + " '" + s.service() + "' is listed twice",
                        List.of(new Problem.FieldError(field, "is listed twice")));
            }
            AffectedServiceEntity row = new AffectedServiceEntity();
            row.service = s.service();
            row.displayName = s.name();
            row.functions = s.functions() == null ? new String[0] : s.functions().stream().distinct().toArray(String[]::new);
            rows.add(row);
        }
        return rows;
    }

    private AuditEventEntity audit(UUID incidentId, String principal, String action, UUID subject, String detail) {
        AuditEventEntity event = new AuditEventEntity();
        event.incidentId = incidentId;
        event.occurredAt = clock.instant();
        event.principal = principal;
        event.action = action;
        event.subjectId = subject;
        event.detail = detail == null || detail.length() <= 8000 ? detail : detail.substring(0, 8000);
        return event;
    }
}
