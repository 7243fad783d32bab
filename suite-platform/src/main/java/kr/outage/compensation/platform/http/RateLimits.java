package kr.outage.compensation.platform.http;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithParentName;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.Json;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import kr.outage.compensation.platform.problem.GeneralProblem;
import kr.outage.compensation.platform.problem.Problem;
import kr.outage.compensation.platform.problem.TraceIds;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Per-client rate limits on the endpoints anyone can reach from the internet (the public verifier,
 * claim intake, console sign-in, store notifications), answered with a 429 problem and
 * {@code Retry-After} before anything else is done. The ingress limits too; these hold per replica
 * whatever sits in front. A client is its address as the service sees it (the forwarded one only
 * from {@code TRUSTED_PROXIES}).
 *
 * <p>Each rule is {@code suite.rate-limits.<name>.path} (a regular expression matched against the
 * whole path), optional {@code .methods}, {@code .per-minute} and {@code .burst} (default: a minute's
 * worth): a token bucket per rule and client. {@code suite.rate-limit.enabled=false} turns all off (the
 * benchmarks, which send everything from one address).
 */
@ApplicationScoped
public class RateLimits {

    /** Buckets kept at most; past that they start over (a client's limit resets, never tightens). */
    static final int MAX_CLIENTS = 100_000;

    @ConfigMapping(prefix = "suite.rate-limits")
    public interface Rules {
        @WithParentName
        Map<String, Rule> rules();

        interface Rule {
            String path();

            Optional<Set<String>> methods();

            int perMinute();

            OptionalInt burst();
        }
    }

    private record Compiled(String name, Pattern path, Set<String> methods, double perSecond, double burst) {
    }

    private static final class Bucket {
        double tokens;
        long refilledAt;

        Bucket(double tokens, long now) {
            this.tokens = tokens;
            this.refilledAt = now;
        }
    }

    @Inject
    Rules config;
    @ConfigProperty(name = "suite.rate-limit.enabled", defaultValue = "true")
    volatile boolean enabled;

    private volatile List<Compiled> rules;
    private final ConcurrentHashMap<String, Bucket> buckets = new ConcurrentHashMap<>();

    void register(@Observes Router router) {
        rules = config.rules().entrySet().stream().map(e -> compile(e.getKey(), e.getValue().path(),
                e.getValue().methods().orElse(Set.of()), e.getValue().perMinute(),
                e.getValue().burst().orElse(e.getValue().perMinute()))).toList();
        router.route().order(TransportLimits.ORDER - 1).handler(this::check);
    }

    private static Compiled compile(String name, String path, Set<String> methods, int perMinute, int burst) {
        return new Compiled(name, Pattern.compile(path), methods.stream().map(m -> m.toUpperCase(Locale.ROOT))
                .collect(java.util.stream.Collectors.toSet()), perMinute / 60.0, Math.max(1, burst));
    }

    private void check(RoutingContext routing) {
        if (!enabled || rules.isEmpty()) {
            routing.next();
            return;
        }
        String path = routing.request().path();
        String method = routing.request().method().name();
        for (Compiled rule : rules) {
            if ((rule.methods().isEmpty() || rule.methods().contains(method)) && path != null && rule.path().matcher(path).matches()) {
                String client = routing.request().remoteAddress() == null ? "unknown" : routing.request().remoteAddress().hostAddress();
                long waitSeconds = take(rule, client);
                if (waitSeconds > 0) {
                    refuse(routing, rule, waitSeconds);
                    return;
                }
            }
        }
        routing.next();
    }

    /** Takes a token; 0 when there was one, else the whole seconds until there will be. */
    private long take(Compiled rule, String client) {
        if (buckets.size() > MAX_CLIENTS) {
            buckets.clear();
        }
        long now = System.nanoTime();
        Bucket bucket = buckets.computeIfAbsent(rule.name() + "|" + client, k -> new Bucket(rule.burst(), now));
        synchronized (bucket) {
            double elapsed = (now - bucket.refilledAt) / 1e9;
            bucket.tokens = Math.min(rule.burst(), bucket.tokens + elapsed * rule.perSecond());
            bucket.refilledAt = now;
            if (bucket.tokens >= 1) {
                bucket.tokens -= 1;
                return 0;
            }
            return Math.max(1, (long) Math.ceil((1 - bucket.tokens) / rule.perSecond()));
        }
    }

    private static void refuse(RoutingContext routing, Compiled rule, long waitSeconds) {
        Problem body = new Problem(GeneralProblem.TOO_MANY_REQUESTS.uri(), GeneralProblem.TOO_MANY_REQUESTS.title(), 429,
                "Too many requests to " + rule.name() + " from this address; try again in " + waitSeconds + " s",
                null, TraceIds.current(), null, Map.of());
        routing.response().setStatusCode(429).putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                .putHeader(HttpHeaders.RETRY_AFTER, Long.toString(waitSeconds)).end(Json.encode(body));
    }

    /** Tests only: turn the limits on or off and start every client afresh. */
    public void enable(boolean on) {
        enabled = on;
        buckets.clear();
    }
}
