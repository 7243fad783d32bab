package kr.outage.compensation.entitlement.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import kr.outage.compensation.entitlement.client.ImpactCheck;
import kr.outage.compensation.entitlement.client.IncidentGateway;
import kr.outage.compensation.entitlement.client.IncidentServiceUnavailable;
import kr.outage.compensation.entitlement.domain.Campaign;
import kr.outage.compensation.entitlement.domain.CampaignDefinition;
import kr.outage.compensation.entitlement.domain.CampaignRules;
import kr.outage.compensation.entitlement.domain.CampaignState;
import kr.outage.compensation.entitlement.domain.CampaignTerms;
import kr.outage.compensation.entitlement.domain.LureSignals;
import kr.outage.compensation.entitlement.domain.OfferText;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import kr.outage.compensation.entitlement.persistence.CampaignStore;
import kr.outage.compensation.entitlement.persistence.Jdbc;
import kr.outage.compensation.platform.problem.Problem;
import kr.outage.compensation.platform.problem.ProblemException;
import kr.outage.compensation.entitlement.problem.ProblemType;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Defines and edits draft campaigns. The incident is checked with incident-service first: it must
 * exist and have impaired every service the campaign names; the outage window used by "ended during
 * the outage" is taken from its answer (first impairment to last recovery across those services).
 * A new campaign is a draft: previewable and editable, invisible to the public until published.
 */
@ApplicationScoped
public class CampaignDefinitions {

    @ConfigProperty(name = "entitlement.verify.official-domains")
    List<String> officialDomains;

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

    public Campaign define(CampaignDefinition definition, String principal) {
        Campaign campaign = checked(UUID.randomUUID(), definition, new Campaign.Stamp(principal, clock.instant()));
        return saving(campaign, () -> jdbc.inTransaction(c -> {
            refuseTakenCode(c, campaign);
            store.insert(c, campaign);
            audit.record(c, principal, "CAMPAIGN_DEFINED", "campaign", campaign.id().toString(), campaign.id(), null,
                    null, Map.of("code", campaign.code(), "services", campaign.services(), "state", "draft"));
            return store.find(c, campaign.id()).orElseThrow();
        }));
    }

    /** Replaces a draft's definition; a published campaign is what the public was told, so it is not edited. */
    public Campaign edit(UUID id, CampaignDefinition definition, String principal) {
        Campaign before = jdbc.read(c -> store.find(c, id)).orElseThrow(() -> ProblemException.notFound("No campaign " + id));
        requireDraft(before);
        Campaign campaign = checked(id, definition, before.created());
        return saving(campaign, () -> jdbc.inTransaction(c -> {
            Campaign locked = store.lock(c, id).orElseThrow(() -> ProblemException.notFound("No campaign " + id));
            requireDraft(locked);
            refuseTakenCode(c, campaign);
            store.replaceDraft(c, campaign, clock.instant());
            audit.record(c, principal, "CAMPAIGN_EDITED", "campaign", id.toString(), id, null,
                    Map.of("code", locked.code(), "title", locked.title(), "groups", locked.terms().groups()),
                    Map.of("code", campaign.code(), "title", campaign.title(), "groups", campaign.terms().groups()));
            return store.find(c, id).orElseThrow();
        }));
    }

    static void requireDraft(Campaign campaign) {
        if (campaign.state() != CampaignState.DRAFT) {
            throw new ProblemException(ProblemType.CAMPAIGN_NOT_DRAFT, "Campaign " + campaign.code() + " is "
                    + campaign.state().wire() + "; only a draft can be edited or published", null,
                    Map.of("state", campaign.state().wire()));
        }
    }

    private Campaign checked(UUID id, CampaignDefinition d, Campaign.Stamp created) {
        Instant snapshot = d.snapshotAt();
        CampaignTerms provisional = new CampaignTerms(d.scope(), snapshot, snapshot, snapshot, d.eligibilityOrAny(), d.groups());
        List<CampaignRules.Violation> violations = new ArrayList<>(CampaignRules.check(d, provisional));
        violations.addAll(announcementAsksNothing(d));
        if (!violations.isEmpty()) {
            throw new ProblemException(ProblemType.CAMPAIGN_RULE_VIOLATED,
                    violations.stream().map(v -> v.field() + " " + v.message()).reduce((a, b) -> a + "; " + b).orElse(""),
                    violations.stream().map(v -> new Problem.FieldError(v.field(), v.message())).toList());
        }
        Instant[] outage = outageWindow(d.incidentId(), d.services());
        CampaignTerms terms = new CampaignTerms(d.scope(), snapshot, outage[0], outage[1], d.eligibilityOrAny(), d.groups());
        String overlapReason = d.overlapReason() == null || d.overlapReason().isBlank() ? null : d.overlapReason().trim();
        return new Campaign(id, d.code(), d.title(), d.description(), d.incidentId(), List.copyOf(d.services()),
                Map.copyOf(d.serviceNamesOrEmpty()), terms, d.overlapOrDefault(), overlapReason, CampaignState.DRAFT, 0, null,
                created, null, null, null, null, d.announcement());
    }

    /**
     * A campaign's announcement is the one text the verifier vouches for, so it may carry none of a
     * lure's shapes: no link but the operator's own sites, no request to log in, install, call, pay or
     * give anything.
     */
    private List<CampaignRules.Violation> announcementAsksNothing(CampaignDefinition d) {
        if (d.announcement() == null) {
            return List.of();
        }
        List<String> domains = officialDomains.stream().map(x -> x.trim().toLowerCase(java.util.Locale.ROOT)).filter(x -> !x.isEmpty()).toList();
        List<CampaignRules.Violation> found = new ArrayList<>();
        for (String[] text : new String[][]{{"announcement.ko", d.announcement().ko()}, {"announcement.en", d.announcement().en()}}) {
            if (text[1] == null) {
                continue;
            }
            List<LureSignals.Signal> signals = LureSignals.find(OfferText.of(text[1]), domains);
            if (!signals.isEmpty()) {
                found.add(new CampaignRules.Violation(text[0], "must not ask the reader to do anything or link outside the "
                        + "official sites; found " + signals.stream().map(s -> s.kind().name().toLowerCase(java.util.Locale.ROOT)
                        + " (\"" + s.evidence() + "\")").reduce((a, b) -> a + ", " + b).orElse("")));
            }
        }
        return found;
    }

    private void refuseTakenCode(java.sql.Connection c, Campaign campaign) throws java.sql.SQLException {
        Optional<Campaign> existing = store.findByCode(c, campaign.code());
        if (existing.isPresent() && !existing.get().id().equals(campaign.id())) {
            throw new ProblemException(ProblemType.DUPLICATE_CAMPAIGN_CODE,
                    "Campaign code " + campaign.code() + " is taken", null,
                    Map.of("existingCampaign", "/api/v1/campaigns/" + existing.get().id()));
        }
    }

    private Campaign saving(Campaign campaign, java.util.function.Supplier<Campaign> save) {
        try {
            return save.get();
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
