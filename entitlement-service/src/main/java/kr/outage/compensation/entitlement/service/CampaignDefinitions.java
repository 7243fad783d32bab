package kr.outage.compensation.entitlement.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import kr.outage.compensation.entitlement.client.ImpactCheck;
import kr.outage.compensation.entitlement.client.IncidentGateway;
import kr.outage.compensation.entitlement.client.IncidentServiceUnavailable;
import kr.outage.compensation.entitlement.domain.Campaign;
import kr.outage.compensation.entitlement.domain.CampaignRules;
import kr.outage.compensation.entitlement.domain.CampaignTerms;
import kr.outage.compensation.entitlement.domain.SubjectMatch;
import kr.outage.compensation.entitlement.persistence.CampaignStore;
import kr.outage.compensation.entitlement.persistence.Jdbc;
import kr.outage.compensation.entitlement.problem.Problem;
import kr.outage.compensation.entitlement.problem.ProblemException;
import kr.outage.compensation.entitlement.problem.ProblemType;
import kr.outage.compensation.entitlement.rest.DefineCampaignRequest;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Defines campaigns. The incident is checked with incident-service first: it must exist and have
 * impaired every service the campaign names; the outage window used by "ended during the outage"
 * is taken from its answer (first impairment to last recovery across those services).
 */
@ApplicationScoped
public class CampaignDefinitions {

    @Inject
    Jdbc jdbc;
    @Inject
    CampaignStore store;
    @Inject
    IncidentGateway incidents;
    @Inject
    AuditTrail audit;
    @Inject
    Clock clock;

    public Campaign define(DefineCampaignRequest request, String principal) {
        SubjectMatch eligibility = request.eligibility() == null ? SubjectMatch.any() : request.eligibility();
        Instant snapshot = request.snapshotAt().toInstant();
        CampaignTerms draft = new CampaignTerms(request.scope(), snapshot, snapshot, snapshot, eligibility, request.groups());
        List<CampaignRules.Violation> violations = CampaignRules.check(draft);
        if (!violations.isEmpty()) {
            throw new ProblemException(ProblemType.CAMPAIGN_RULE_VIOLATED,
                    violations.stream().map(v -> v.field() + " " + v.message()).reduce((a, b) -> a + "; " + b).orElse(""),
                    violations.stream().map(v -> new Problem.FieldError(v.field(), v.message())).toList());
        }
        Instant[] outage = outageWindow(request.incidentId(), request.services());
        CampaignTerms terms = new CampaignTerms(request.scope(), snapshot, outage[0], outage[1], eligibility, request.groups());
        Campaign campaign = new Campaign(UUID.randomUUID(), request.code(), request.title(), request.description(),
                request.incidentId(), List.copyOf(request.services()), terms, !Boolean.FALSE.equals(request.publish()),
                Campaign.DEFINED, 0, principal, clock.instant(), null, null);
        try {
            return jdbc.inTransaction(c -> {
                Optional<Campaign> existing = store.findByCode(c, campaign.code());
                if (existing.isPresent()) {
                    throw new ProblemException(ProblemType.DUPLICATE_CAMPAIGN_CODE,
                            "Campaign code " + campaign.code() + " is taken", null,
                            Map.of("existingCampaign", "/api/v1/campaigns/" + existing.get().id()));
                }
                store.insert(c, campaign);
                audit.record(c, principal, "CAMPAIGN_DEFINED", "campaign", campaign.id().toString(), campaign.id(), null,
                        null, Map.of("code", campaign.code(), "services", campaign.services()));
                return campaign;
            });
        } catch (RuntimeException e) {
            if (Jdbc.isUniqueViolation(e)) {
                throw new ProblemException(ProblemType.DUPLICATE_CAMPAIGN_CODE, "Campaign code " + campaign.code() + " is taken");
            }
            throw e;
        }
    }

    private Instant[] outageWindow(UUID incidentId, List<String> services) {
        Instant from = null;
        Instant until = null;
        List<String> notImpaired = new ArrayList<>();
        for (String service : services) {
            Optional<ImpactCheck> check;
            try {
                check = incidents.impact(incidentId, service);
            } catch (RuntimeException e) {
                throw new IncidentServiceUnavailable(e);
            }
            if (check.isEmpty()) {
                throw new ProblemException(ProblemType.INCIDENT_NOT_IMPAIRING, "incident-service knows no incident " + incidentId,
                        List.of(new Problem.FieldError("incidentId", "no such incident")));
            }
            ImpactCheck impact = check.get();
            if (!impact.affected() || !impact.everImpaired() || impact.windows() == null || impact.windows().isEmpty()) {
                notImpaired.add(service);
                continue;
            }
            for (ImpactCheck.ImpairedWindow w : impact.windows()) {
                Instant end = w.to() == null ? clock.instant() : w.to();
                from = from == null || w.from().isBefore(from) ? w.from() : from;
                until = until == null || end.isAfter(until) ? end : until;
            }
        }
        if (!notImpaired.isEmpty()) {
            throw new ProblemException(ProblemType.INCIDENT_NOT_IMPAIRING,
                    "The incident did not impair " + String.join(", ", notImpaired),
                    List.of(new Problem.FieldError("services", "not impaired by the incident: " + String.join(", ", notImpaired))));
        }
        return new Instant[]{from, until};
    }
}
