package kr.outage.compensation.payout.client;

import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executor;

/**
 * What the rest of this service asks incident-service, with two guarantees callers rely on:
 * every failure left after the gateway's retries is an {@link IncidentServiceUnavailable}, and the
 * answer is delivered back on the caller's Vert.x context. The second matters because the caller
 * goes on to open a Hibernate Reactive session: the HTTP response or a fault-tolerance timer may
 * complete on another event loop, and a session used across threads fails under load.
 */
@ApplicationScoped
public class IncidentFacts {

    @Inject
    IncidentGateway gateway;
    @Inject
    java.time.Clock clock;
    @ConfigProperty(name = "payout.incident-impact.cache-ttl", defaultValue = "PT5S")
    java.time.Duration cacheTtl;

    private RecentImpactAnswers recentImpacts;

    @PostConstruct
    void init() {
        recentImpacts = new RecentImpactAnswers(cacheTtl);
    }

    public Uni<Optional<IncidentSummary>> incident(UUID incidentId) {
        Executor caller = callerContext();
        return gateway.incident(incidentId)
                .onFailure().transform(IncidentServiceUnavailable::wrap)
                .emitOn(caller);
    }

    /**
     * How long the service was impaired by the incident on one platform (or "all"); answers are reused
     * for a few seconds (see {@link RecentImpactAnswers}).
     */
    public Uni<Optional<ImpactCheck>> impact(UUID incidentId, String service, String platform) {
        Optional<Optional<ImpactCheck>> recent = recentImpacts.get(incidentId, service, platform, clock.instant());
        if (recent.isPresent()) {
            return Uni.createFrom().item(recent.get());
        }
        Executor caller = callerContext();
        return gateway.impact(incidentId, service, platform)
                .invoke(check -> recentImpacts.put(incidentId, service, platform, check, clock.instant()))
                .onFailure().transform(IncidentServiceUnavailable::wrap)
                .emitOn(caller);
    }



    private static Executor callerContext() {
        Context context = Vertx.currentContext();
        return context == null ? Runnable::run : task -> context.runOnContext(ignored -> task.run());
    }
}
