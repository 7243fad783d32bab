package kr.outage.compensation.payout.service;

import kr.outage.compensation.platform.json.JsonDocuments;
import com.fasterxml.jackson.core.type.TypeReference;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import kr.outage.compensation.payout.client.ImpactCheck;
import kr.outage.compensation.payout.client.IncidentFacts;
import kr.outage.compensation.payout.domain.AssessmentParameters;
import kr.outage.compensation.payout.domain.IntakeWindow;
import kr.outage.compensation.payout.domain.SupportTier;
import kr.outage.compensation.payout.persistence.ProgramBudgetEntity;
import kr.outage.compensation.payout.persistence.ProgramEntity;
import kr.outage.compensation.platform.problem.Problem;
import kr.outage.compensation.platform.problem.ProblemException;
import kr.outage.compensation.payout.problem.ProblemType;

import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Defines programs. A program is accepted only for an incident that incident-service knows, and
 * only for services that incident impaired: support for a service that was never down would be
 * money paid on a false premise.
 */
@ApplicationScoped
public class ProgramRegistry {

    @Inject
    IncidentFacts incidents;
    @Inject
    JsonDocuments json;
    @Inject
    Clock clock;

    public Uni<Program> create(ProgramDefinition definition, String principal) {
        ZoneId zone = ProgramRules.check(definition);
        return incidents.incident(definition.incidentId())
                .chain(incident -> {
                    if (incident.isEmpty()) {
                        throw ProblemException.field(ProblemType.PROGRAM_RULE_VIOLATED, "incidentId",
                                "is not an incident known to incident-service");
                    }
                    return notImpaired(definition);
                })
                .chain(notImpaired -> {
                    if (!notImpaired.isEmpty()) {
                        throw new ProblemException(ProblemType.PROGRAM_RULE_VIOLATED,
                                "The incident did not impair: " + String.join(", ", notImpaired),
                                notImpaired.stream().map(s -> new Problem.FieldError("services", s + " was not impaired by the incident")).toList());
                    }
                    ProgramEntity entity = toEntity(definition, zone, principal);
                    ProgramBudgetEntity budget = new ProgramBudgetEntity();
                    budget.programId = entity.id;
                    budget.budget = definition.budgetKrw();
                    return Panache.withTransaction(() -> entity.persist().chain(budget::persist)).replaceWith(entity);
                })
                .map(this::toProgram);
    }

    /** Programs never change once defined, so each is read and parsed once and then served from memory. */
    private final java.util.Map<UUID, Program> known = new java.util.concurrent.ConcurrentHashMap<>();

    public Uni<Optional<Program>> find(UUID id) {
        Program cached = known.get(id);
        return cached != null ? Uni.createFrom().item(Optional.of(cached)) : load(id);
    }

    private Uni<Optional<Program>> load(UUID id) {
        return Panache.withSession(() -> ProgramEntity.<ProgramEntity>findById(id))
                .map(e -> Optional.ofNullable(e).map(this::toProgram).map(p -> {
                    known.put(id, p);
                    return p;
                }));
    }

    @WithSession
    public Uni<List<Program>> all() {
        return ProgramEntity.<ProgramEntity>list("order by createdAt desc").map(list -> list.stream().map(this::toProgram).toList());
    }

    private Uni<List<String>> notImpaired(ProgramDefinition definition) {
        List<Uni<Optional<String>>> checks = definition.services().stream()
                .map(service -> incidents.impact(definition.incidentId(), service, "all")
                        .map(check -> check.filter(ImpactCheck::everImpaired).isPresent()
                                ? Optional.<String>empty() : Optional.of(service)))
                .toList();
        return Uni.join().all(checks).andFailFast()
                .map(results -> results.stream().flatMap(Optional::stream).toList());
    }

    private ProgramEntity toEntity(ProgramDefinition definition, ZoneId zone, String principal) {
        ProgramEntity e = new ProgramEntity();
        e.id = UUID.randomUUID();
        e.incidentId = definition.incidentId();
        e.name = definition.name().strip();
        e.intakeOpensOn = definition.opensOn();
        e.intakeClosesOn = definition.closesOn();
        e.intakeZone = zone.getId();
        e.services = definition.services().toArray(String[]::new);
        e.assessment = json.write(definition.assessment());
        e.tiers = json.write(definition.tiers());
        e.reviewThreshold = definition.reviewThreshold();
        e.reviewEvidence = definition.reviewEvidence() == null ? new String[0] : definition.reviewEvidence().toArray(String[]::new);
        e.objectionDays = definition.objectionDays();
        e.createdAt = clock.instant();
        e.createdBy = principal;
        return e;
    }

    Program toProgram(ProgramEntity e) {
        return new Program(e.id, e.incidentId, e.name,
                new IntakeWindow(e.intakeOpensOn, e.intakeClosesOn, ZoneId.of(e.intakeZone)), List.of(e.services),
                json.read(e.assessment, AssessmentParameters.class),
                json.read(e.tiers, new TypeReference<List<SupportTier>>() { }),
                e.reviewThreshold, List.of(e.reviewEvidence), e.objectionDays, e.createdAt);
    }
}
