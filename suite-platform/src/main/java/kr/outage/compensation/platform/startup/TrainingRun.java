package kr.outage.compensation.platform.startup;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Ends the JVM once start-up is complete when the {@code aot-training} profile asks for it.
 *
 * <p>The JVM image records its AOT cache (JDK 25, {@code -XX:AOTCacheOutput}) from a training run
 * inside the image build, where there is no database and no secret. The cache only helps with what
 * the training run loaded, so it should go through the whole start-up, not stop at static
 * initialisation; this observer, which runs after every other start-up observer, then stops it so
 * that the JVM writes the cache on exit. See {@code src/main/docker/Dockerfile.jvm} and
 * {@code bench/startup.sh}.
 */
@ApplicationScoped
public class TrainingRun {

    private static final Logger LOG = Logger.getLogger(TrainingRun.class);

    @ConfigProperty(name = "suite.startup.exit-after-start", defaultValue = "false")
    boolean exitAfterStart;

    void exitIfTraining(@Observes @Priority(Integer.MAX_VALUE) StartupEvent event) {
        if (exitAfterStart) {
            LOG.info("Training run: start-up complete, exiting so that the JVM writes its AOT cache");
            Quarkus.asyncExit(0);
        }
    }
}
