package kr.outage.compensation.incident.service;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import kr.outage.compensation.incident.domain.ComponentState;
import kr.outage.compensation.incident.domain.ImpactCalculator;
import kr.outage.compensation.incident.domain.IncidentStatus;
import kr.outage.compensation.incident.domain.Platform;
import kr.outage.compensation.incident.domain.Severity;
import kr.outage.compensation.incident.domain.StateStatement;
import kr.outage.compensation.incident.domain.TimelineFact;
import kr.outage.compensation.incident.persistence.AffectedServiceEntity;
import kr.outage.compensation.incident.persistence.IncidentEntity;
import kr.outage.compensation.incident.persistence.IncidentUpdateEntity;
import kr.outage.compensation.incident.persistence.UpdateStateEntity;

import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

/** Reads an incident and its effective updates from the database and computes its impact. */
@ApplicationScoped
public class SnapshotLoader {

    @WithSession
    public Uni<Optional<IncidentSnapshot>> load(UUID incidentId) {
        return IncidentEntity.<IncidentEntity>findById(incidentId).chain(incident -> {
            if (incident == null) {
                return Uni.createFrom().item(Optional.<IncidentSnapshot>empty());
            }
            return AffectedServiceEntity.<AffectedServiceEntity>list("incidentId", incidentId)
                    .chain(services -> IncidentUpdateEntity.<IncidentUpdateEntity>list(
                                    "incidentId = ?1 and supersededBy is null and retractedAt is null", incidentId)
                            .chain(updates -> UpdateStateEntity.<UpdateStateEntity>list("incidentId", incidentId)
                                    .map(states -> Optional.of(build(incident, services, updates, states)))));
        });
    }

    static IncidentSnapshot build(IncidentEntity incident, List<AffectedServiceEntity> services,
                                  List<IncidentUpdateEntity> effectiveUpdates, List<UpdateStateEntity> states) {
        Map<UUID, List<UpdateStateEntity>> statesByUpdate = states.stream()
                .collect(Collectors.groupingBy(s -> s.updateId));
        List<TimelineFact> facts = effectiveUpdates.stream()
                .map(u -> new TimelineFact(u.at, statesByUpdate.getOrDefault(u.id, List.of()).stream()
                        .sorted(Comparator.comparingInt(s -> s.position))
                        .map(SnapshotLoader::statement)
                        .toList()))
                .toList();
        Map<String, IncidentSnapshot.DeclaredService> declared = new LinkedHashMap<>();
        services.stream().sorted(Comparator.comparing(s -> s.service)).forEach(s -> declared.put(s.service,
                new IncidentSnapshot.DeclaredService(s.service, s.displayName,
                        s.functions == null ? List.of() : Arrays.asList(s.functions))));
        Map<String, List<String>> declaredFunctions = declared.values().stream()
                .collect(Collectors.toMap(IncidentSnapshot.DeclaredService::service, IncidentSnapshot.DeclaredService::functions));
        return new IncidentSnapshot(record(incident), declared, ImpactCalculator.compute(declaredFunctions, facts));
    }

    private static StateStatement statement(UpdateStateEntity s) {
        return new StateStatement(s.service, s.function, Platform.fromWire(s.platform).orElseThrow(),
                ComponentState.fromWire(s.state).orElseThrow());
    }

    private static IncidentSnapshot.Incident record(IncidentEntity e) {
        return new IncidentSnapshot.Incident(e.id, e.title, e.cause, Severity.fromWire(e.severity).orElseThrow(),
                IncidentStatus.fromWire(e.status).orElseThrow(), e.startedAt, e.detectedAt, e.resolvedAt,
                e.reopenCount, e.revision, e.createdAt);
    }
}
