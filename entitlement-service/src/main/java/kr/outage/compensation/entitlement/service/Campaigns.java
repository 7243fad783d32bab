package kr.outage.compensation.entitlement.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import kr.outage.compensation.entitlement.domain.Campaign;
import kr.outage.compensation.entitlement.persistence.CampaignStore;
import kr.outage.compensation.entitlement.persistence.Jdbc;
import kr.outage.compensation.platform.problem.ProblemException;

import java.util.List;
import java.util.UUID;

/** Reading campaigns. */
@ApplicationScoped
public class Campaigns {

    @Inject
    Jdbc jdbc;
    @Inject
    CampaignStore store;

    public Campaign get(UUID id) {
        return jdbc.read(c -> store.find(c, id)).orElseThrow(() -> ProblemException.notFound("No campaign " + id));
    }

    public List<Campaign> list(boolean publishedOnly) {
        return jdbc.read(c -> store.list(c, publishedOnly));
    }
}
