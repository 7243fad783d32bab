package kr.outage.compensation.incident.demo;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import kr.outage.compensation.incident.persistence.IncidentEntity;
import kr.outage.compensation.incident.service.IncidentCommands;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * Loads the real cases (the 2022 data-center fire, the 2019 mobile-only outage) through the same
 * commands the API uses, once: an incident whose title already exists is skipped.
 */
@ApplicationScoped
public class DemoDataLoader {

    public static final String PRINCIPAL = "demo-data-loader";
    private static final Logger LOG = Logger.getLogger(DemoDataLoader.class);

    @Inject
    IncidentCommands commands;
    @Inject
    ObjectMapper mapper;
    @ConfigProperty(name = "incident.demo-data.load")
    boolean enabled;
    @ConfigProperty(name = "incident.demo-data.files")
    List<String> files;

    void onStart(@Observes StartupEvent event) throws Throwable {
        if (!enabled) {
            return;
        }
        for (String file : files) {
            DemoIncident demo = read(file);
            boolean loaded = VertxContextSupport.subscribeAndAwait(() -> loadOnce(demo));
            LOG.infof("Demo incident '%s': %s", demo.incident().title(), loaded ? "loaded" : "already present");
        }
    }

    private Uni<Boolean> loadOnce(DemoIncident demo) {
        return Panache.withSession(() -> IncidentEntity.count("title", demo.incident().title()))
                .chain(existing -> existing > 0 ? Uni.createFrom().item(false) : load(demo).replaceWith(true));
    }

    private Uni<Void> load(DemoIncident demo) {
        return commands.declare(demo.incident().toDeclaration(), PRINCIPAL).chain(incident -> {
            Uni<Void> chain = Uni.createFrom().voidItem();
            for (var update : demo.updates()) {
                chain = chain.chain(() -> commands.recordUpdate(incident.id, update.toTimelineUpdate(), PRINCIPAL).replaceWithVoid());
            }
            return chain;
        });
    }

    public static DemoIncident read(ObjectMapper mapper, String resource) {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Demo data file not found on the classpath: " + resource);
            }
            return mapper.readValue(in, DemoIncident.class);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read demo data " + resource, e);
        }
    }

    private DemoIncident read(String resource) {
        return read(mapper, resource);
    }
}
