package kr.outage.compensation.browser;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The three services, started once for all browser tests from the jars the build packaged, each on
 * a fresh database of its own and a free port, with the demo data of the real cases loaded through
 * the public API by the same scripts {@code bin/start-suite} uses. Stopped when the test JVM ends.
 */
final class RunningSuite {

    static final Path ROOT = Path.of(System.getProperty("suite.root", "..")).toAbsolutePath().normalize();
    private static final List<String> SERVICES = List.of("incident", "entitlement", "payout");
    private static RunningSuite started;

    private final Map<String, String> urls = new LinkedHashMap<>();
    private final List<Process> processes = new ArrayList<>();

    static synchronized RunningSuite get() {
        if (started == null) {
            started = new RunningSuite();
            started.start();
            Runtime.getRuntime().addShutdownHook(new Thread(started::stop));
        }
        return started;
    }

    /** The database a service of this run uses. */
    String database(String service) {
        return service + "_browser" + System.getenv().getOrDefault("TEST_DB_SUFFIX", "");
    }

    String url(String service) {
        return urls.get(service);
    }

    /** A service's console root: where its sign-in ({@code /login}) and sign-out live. */
    String console(String service) {
        return url(service) + ("payout".equals(service) ? "/console/payout" : "/console");
    }

    /** A bearer token from the development key, as {@code bin/dev-token} mints it. */
    static String token(String roles, String subject) {
        return run(List.of(ROOT.resolve("bin/dev-token").toString(), roles, subject, "3600"), Map.of()).trim();
    }

    /** A business owner's token, as a business certificate login gives it: the businesses and the person's name. */
    static String ownerToken(String subject, String name, String businessNumbers) {
        return run(List.of(ROOT.resolve("bin/dev-token").toString(), "business-owner", subject, "3600"),
                Map.of("BUSINESS_NUMBERS", businessNumbers, "NAME", name)).trim();
    }

    private void start() {
        for (String service : SERVICES) {
            urls.put(service, "http://127.0.0.1:" + freePort());
        }
        Path logs = ROOT.resolve("browser-tests/target/service-logs");
        try {
            Files.createDirectories(logs);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        for (String service : SERVICES) {
            String database = service + "_browser" + System.getenv().getOrDefault("TEST_DB_SUFFIX", "");
            run(List.of("psql", "-h", dbHost(), "-U", "postgres", "-qc", "drop database if exists " + database + " with (force)"), Map.of());
            run(List.of("psql", "-h", dbHost(), "-U", "postgres", "-qc", "create database " + database), Map.of());
            ProcessBuilder builder = new ProcessBuilder("java", "-jar",
                    ROOT.resolve(service + "-service/target/quarkus-app/quarkus-run.jar").toString())
                    .redirectErrorStream(true)
                    .redirectOutput(logs.resolve(service + ".log").toFile());
            Map<String, String> env = builder.environment();
            env.put("DB_HOST", dbHost());
            env.put("DB_NAME", database);
            env.put("QUARKUS_HTTP_PORT", URI.create(urls.get(service)).getPort() + "");
            env.put("DEMO_DATA", "true");
            env.put("JWT_PUBLIC_KEY_LOCATION", ROOT.resolve("dev-keys/dev-jwt-public.pem").toString());
            env.put("SUITE_SERVICE_TOKEN_DEV_SIGNING_KEY", ROOT.resolve("dev-keys/dev-jwt-private.pem").toString());
            env.put("ACCOUNT_KEYS_DIR", ROOT.resolve("dev-keys/account-keys").toString());
            env.put("QUARKUS_PROFILE", "prod,dev-keys");
            // the browser signs in for every test from one address: the login limit is tested in the services
            env.put("SUITE_RATE_LIMIT_ENABLED", "false");
            env.put("ACCOUNT_HOLDERS_FILE", ROOT.resolve("dev-keys/demo-bank-accounts.csv").toString());
            env.put("INCIDENT_SERVICE_URL", urls.get("incident"));
            // small chunks and a pause after each, so a run over the browser tests' 150,000
            // subscriptions lasts several of the run page's 2-second refreshes and shows its progress
            env.put("RUN_CHUNK_SIZE", "2000");
            env.put("RUN_CHUNK_PAUSE", "PT0.2S");
            try {
                processes.add(builder.start());
            } catch (IOException e) {
                throw new IllegalStateException("cannot start " + service + "-service", e);
            }
        }
        SERVICES.forEach(this::awaitReady);
        run(List.of(ROOT.resolve("bin/load-demo-program").toString(), url("incident"), url("payout")), Map.of());
        run(List.of(ROOT.resolve("bin/load-demo-campaigns").toString(), url("incident"), url("entitlement")), Map.of());
    }

    private void awaitReady(String service) {
        HttpClient http = HttpClient.newHttpClient();
        Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
        while (Instant.now().isBefore(deadline)) {
            try {
                var response = http.send(HttpRequest.newBuilder(URI.create(url(service) + "/q/health/ready")).build(),
                        HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            sleep(300);
        }
        throw new IllegalStateException(service + "-service not ready after 90 s; see browser-tests/target/service-logs/" + service + ".log");
    }

    private void stop() {
        processes.forEach(Process::destroy);
        for (Process p : processes) {
            try {
                p.waitFor();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    static String run(List<String> command, Map<String, String> env) {
        try {
            ProcessBuilder builder = new ProcessBuilder(command).directory(ROOT.toFile());
            builder.environment().putAll(env);
            builder.environment().putIfAbsent("DB_HOST", dbHost());
            File output = File.createTempFile("suite-command", ".out");
            builder.redirectErrorStream(true).redirectOutput(output);
            Process process = builder.start();
            int exit = process.waitFor();
            String text = Files.readString(output.toPath());
            output.delete();
            if (exit != 0) {
                throw new IllegalStateException(String.join(" ", command) + " exited with " + exit + ":\n" + text);
            }
            return text;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String dbHost() {
        return System.getenv().getOrDefault("DB_HOST", "127.0.0.1");
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
