package kr.outage.compensation.incident.service;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.pgclient.pubsub.PgSubscriber;
import io.vertx.pgclient.PgConnectOptions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.util.Optional;
import java.util.UUID;

/**
 * Listens for timeline changes made by any replica and evicts the affected snapshot. After the
 * connection drops and comes back, notifications may have been missed, so everything is evicted.
 */
@ApplicationScoped
public class ImpactChangeListener {

    public static final String CHANNEL = "incident_timeline_changed";
    private static final Logger LOG = Logger.getLogger(ImpactChangeListener.class);

    @Inject
    Vertx vertx;
    @Inject
    ImpactCache cache;
    @ConfigProperty(name = "quarkus.datasource.reactive.url")
    String reactiveUrl;
    @ConfigProperty(name = "quarkus.datasource.username")
    Optional<String> username;
    @ConfigProperty(name = "quarkus.datasource.password")
    Optional<String> password;

    private PgSubscriber subscriber;

    void start(@Observes StartupEvent event) {
        PgConnectOptions options = PgConnectOptions.fromUri(reactiveUrl.replaceFirst("^vertx-reactive:", ""));
        username.ifPresent(options::setUser);
        password.ifPresent(options::setPassword);
        subscriber = PgSubscriber.subscriber(vertx, options).reconnectPolicy(attempt -> 1_000L);
        subscriber.channel(CHANNEL)
                .subscribeHandler(() -> {
                    LOG.debug("Listening for timeline changes; evicting all cached snapshots");
                    cache.evictAll();
                })
                .handler(payload -> {
                    try {
                        cache.evict(UUID.fromString(payload));
                    } catch (IllegalArgumentException e) {
                        cache.evictAll();
                    }
                });
        connect();
    }

    /** The reconnect policy covers lost connections only; a failed first connection is retried here. */
    private void connect() {
        subscriber.connect().subscribe().with(
                ok -> LOG.info("Listening for timeline changes on channel " + CHANNEL),
                failure -> {
                    LOG.warn("Timeline change listener not connected; retrying in 1 s: " + failure.getMessage());
                    vertx.setTimer(1_000L, id -> connect());
                });
    }

    void stop(@Observes ShutdownEvent event) {
        if (subscriber != null) {
            subscriber.closeAndForget();
        }
    }
}
