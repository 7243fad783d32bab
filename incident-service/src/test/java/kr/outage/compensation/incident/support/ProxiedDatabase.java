package kr.outage.compensation.incident.support;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

/** Points the service's datasources at a {@link TcpProxy} in front of the real test database. */
public class ProxiedDatabase implements QuarkusTestResourceLifecycleManager {

    public static TcpProxy proxy;

    @Override
    public Map<String, String> start() {
        try {
            proxy = new TcpProxy(System.getenv().getOrDefault("DB_HOST", "127.0.0.1"),
                    Integer.parseInt(System.getenv().getOrDefault("DB_PORT", "5432"))).start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String hostPort = "127.0.0.1:" + proxy.port() + "/incident_test" + System.getenv().getOrDefault("TEST_DB_SUFFIX", "");
        return Map.of(
                "quarkus.datasource.reactive.url", "vertx-reactive:postgresql://" + hostPort,
                "quarkus.datasource.jdbc.url", "jdbc:postgresql://" + hostPort);
    }

    @Override
    public void stop() {
        try {
            proxy.close();
        } catch (IOException ignored) {
            // nothing left to close
        }
    }
}
