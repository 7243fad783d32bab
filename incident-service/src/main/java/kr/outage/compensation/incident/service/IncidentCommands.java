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
    public Uni<IncidentEntity> declare(IncidentDeclaration declaration, String principal) {
        Instant startedAt = declaration.startedAt();
        TimeRules.requirePlausible("startedAt", startedAt, clock);
        if (declaration.detectedAt() != null) {
            TimeRules.requirePlausible("detectedAt", declaration.detectedAt(), clock);
            TimeRules.requireNotBefore("detectedAt", declaration.detectedAt(), "startedAt", startedAt);
        }
        List<AffectedServiceEntity> services = affectedServices(declaration);
        Instant now = clock.instant();
        IncidentEntity incident = new IncidentEntity();
        incident.id = UUID.randomUUID();
        incident.title = declaration.title().strip();
        incident.cause = declaration.cause();
        incident.severity = declaration.severity();
        incident.status = "investigating";
        incident.startedAt = startedAt;
        incident.detectedAt = declaration.detectedAt();
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
    public Uni<IncidentUpdateEntity> recordUpdate(UUID incidentId, TimelineUpdate facts, String principal) {
        return lockedIncident(incidentId).chain(incident -> {
            IncidentUpdateEntity update = newUpdate(incident, facts, principal, "");
            return persistUpdate(update, facts)
                    .chain(() -> afterTimelineChange(incident, principal, "update_recorded", update.id,
                            "at " + update.at + ", status " + update.status))
                    .replaceWith(update);
        });
    }

    @WithTransaction
    public Uni<IncidentUpdateEntity> correct(UUID incidentId, UUID updateId, TimelineUpdate replacementFacts, String reason,
                                             String principal) {
        return lockedIncident(incidentId).chain(incident -> effectiveUpdate(incidentId, updateId).chain(original -> {
            IncidentUpdateEntity replacement = newUpdate(incident, replacementFacts, principal, "replacement.");
            replacement.correctsUpdateId = original.id;
            replacement.correctionReason = reason;
            return persistUpdate(replacement, replacementFacts)
                    .invoke(() -> original.supersededBy = replacement.id)
                    .chain(() -> afterTimelineChange(incident, principal, "update_corrected", original.id,
                            "replaced by " + replacement.id + ": " + reason))
                    .replaceWith(replacement);
        }));
    }

    @WithTransaction
    public Uni<IncidentUpdateEntity> retract(UUID incidentId, UUID updateId, String reason, String principal) {
        return lockedIncident(incidentId).chain(incident -> effectiveUpdate(incidentId, updateId).chain(update -> {
            update.retractedAt = clock.instant();
            update.retractedBy = principal;
            update.retractionReason = reason;
            return afterTimelineChange(incident, principal, "update_retracted", update.id, reason)
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

    private IncidentUpdateEntity newUpdate(IncidentEntity incident, TimelineUpdate facts, String principal,
                                           String fieldPrefix) {
        Instant at = facts.at();
        TimeRules.requirePlausible(fieldPrefix + "at", at, clock);
        TimeRules.requireNotBefore(fieldPrefix + "at", at, "the incident's startedAt", incident.startedAt);
        IncidentUpdateEntity update = new IncidentUpdateEntity();
        update.id = UUID.randomUUID();
        update.incidentId = incident.id;
        update.at = at;
        update.status = facts.status();
        update.message = facts.message();
        update.recordedAt = clock.instant();
        update.recordedBy = principal;
        return update;
    }

    private Uni<Void> persistUpdate(IncidentUpdateEntity update, TimelineUpdate facts) {
        List<Object> rows = new ArrayList<>();
        rows.add(update);
        List<TimelineUpdate.StateStatement> states = facts.statesOrEmpty();
        for (int i = 0; i < states.size(); i++) {
            TimelineUpdate.StateStatement s = states.get(i);
            UpdateStateEntity row = new UpdateStateEntity();
            row.updateId = update.id;
            row.incidentId = update.incidentId;
            row.position = i;
            row.service = s.service();
            row.function = s.function();
            row.platform = s.platform() == null ? "all" : s.platform();
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

    private static List<AffectedServiceEntity> affectedServices(IncidentDeclaration declaration) {
        List<AffectedServiceEntity> rows = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        List<IncidentDeclaration.AffectedService> services = declaration.servicesOrEmpty();
        for (int i = 0; i < services.size(); i++) {
            IncidentDeclaration.AffectedService s = services.get(i);
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
