package kr.outage.compensation.entitlement.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.auth.oauth2.GoogleCredentials;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import kr.outage.compensation.entitlement.domain.BillingChannel;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Google Play Developer API's {@code purchases.subscriptions.defer}: moves one subscription's expiry
 * from the one it expects to the one desired. The expected expiry is what makes a resend harmless:
 * after a deferral went through, the same request no longer matches and is refused, and the
 * subscription's expiry, read again, shows whether it was ours. The service-account token comes from
 * Google's auth library (key file mounted from a Secret).
 */
@ApplicationScoped
public class GooglePlayStore implements SubscriptionStore {

    private static final Logger LOG = Logger.getLogger(GooglePlayStore.class);
    static final String SCOPE = "https://www.googleapis.com/auth/androidpublisher";

    @ConfigProperty(name = "entitlement.stores.google.url", defaultValue = "https://androidpublisher.googleapis.com")
    String url;
    @ConfigProperty(name = "entitlement.stores.google.package-name")
    Optional<String> packageName;
    /** The service account's JSON key, mounted from a Secret. */
    @ConfigProperty(name = "entitlement.stores.google.service-account-file")
    Optional<String> serviceAccountFile;
    @ConfigProperty(name = "entitlement.stores.google.requests-per-second", defaultValue = "20")
    double requestsPerSecond;
    @ConfigProperty(name = "entitlement.stores.timeout", defaultValue = "PT10S")
    Duration timeout;
    @ConfigProperty(name = "entitlement.stores.retry-after-default", defaultValue = "PT30S")
    Duration defaultRetry;

    @Inject
    ObjectMapper json;

    private GoogleCredentials credentials;
    private HttpClient http;
    private StoreRateLimiter limiter;

    @PostConstruct
    void init() {
        limiter = new StoreRateLimiter(requestsPerSecond);
        http = HttpClient.newBuilder().connectTimeout(timeout).build();
        if (serviceAccountFile.isEmpty() || packageName.isEmpty() || !Files.exists(Path.of(serviceAccountFile.get()))) {
            // no Secret mounted: this deployment does not defer Google Play subscriptions (requests wait)
            return;
        }
        try (InputStream key = Files.newInputStream(Path.of(serviceAccountFile.get()))) {
            credentials = GoogleCredentials.fromStream(key).createScoped(List.of(SCOPE));
        } catch (IOException | RuntimeException e) {
            LOG.errorf("Google Play service account %s unusable: %s", serviceAccountFile.get(), e.getMessage());
        }
    }

    @Override
    public BillingChannel channel() {
        return BillingChannel.GOOGLE;
    }

    @Override
    public boolean configured() {
        return credentials != null;
    }

    @Override
    public boolean needsExpectedExpiry() {
        return true;
    }

    @Override
    public StoreAnswer currentExpiry(StoreRequest request) {
        Answer answer = call("GET", purchase(request), null);
        if (answer.status() == 200) {
            Instant expiry = millis(answer.body(), "expiryTimeMillis");
            if (expiry == null) {
                return new StoreAnswer.TryAgain(defaultRetry, "Google Play answered without expiryTimeMillis");
            }
            // real time, not the suite's business clock: the store's expiry is a real instant
            if (!expiry.isAfter(Instant.now())) {
                return new StoreAnswer.Refused("subscriptionExpired", "Google Play: the subscription expired at " + expiry);
            }
            return new StoreAnswer.CurrentExpiry(expiry);
        }
        return failure(answer);
    }

    @Override
    public StoreAnswer extend(StoreRequest request) {
        Instant expected = request.expectedExpiry();
        Instant desired = expected.plus(Duration.ofDays(request.days()));
        String body = "{\"deferralInfo\":{\"expectedExpiryTimeMillis\":\"" + expected.toEpochMilli()
                + "\",\"desiredExpiryTimeMillis\":\"" + desired.toEpochMilli() + "\"}}";
        Answer answer = call("POST", purchase(request) + ":defer", body);
        if (answer.status() == 200) {
            Instant newExpiry = millis(answer.body(), "newExpiryTimeMillis");
            return new StoreAnswer.Extended(newExpiry != null ? newExpiry : desired);
        }
        if (answer.status() == 400 || answer.status() == 409) {
            return reconcile(request, desired, answer);
        }
        return failure(answer);
    }

    /**
     * The deferral did not match: either an earlier attempt of this request went through (its answer
     * lost to a crash or timeout), or the subscription changed. Its expiry now tells which.
     */
    private StoreAnswer reconcile(StoreRequest request, Instant desired, Answer refusal) {
        StoreAnswer now = currentExpiry(request);
        if (now instanceof StoreAnswer.CurrentExpiry current) {
            if (!current.expiry().isBefore(desired)) {
                return new StoreAnswer.Extended(current.expiry());
            }
            return new StoreAnswer.Refused(reason(refusal).orElse("deferralRefused"), "Google Play refused the deferral ("
                    + message(refusal) + "); the expiry is now " + current.expiry() + ", expected " + request.expectedExpiry());
        }
        return now;
    }

    private StoreAnswer failure(Answer answer) {
        String detail = "Google Play " + answer.status() + ": " + message(answer);
        return switch (answer.status()) {
            // unknown token, or purchased too long ago to be found: nothing to extend
            case 404, 410 -> new StoreAnswer.Refused(reason(answer).orElse(answer.status() == 404 ? "notFound" : "gone"), detail);
            // rate limit, store outage, our token refused, unreachable or not configured: nothing happened
            default -> new StoreAnswer.TryAgain(answer.retryAfter().orElse(defaultRetry), detail);
        };
    }

    private String purchase(StoreRequest request) {
        return url + "/androidpublisher/v3/applications/" + encode(packageName.orElse("")) + "/purchases/subscriptions/"
                + encode(request.productId()) + "/tokens/" + encode(request.storeReference());
    }

    private record Answer(int status, JsonNode body, Optional<Duration> retryAfter, String failure) {
    }

    private Answer call(String method, String uri, String body) {
        if (credentials == null) {
            return new Answer(0, null, Optional.of(Duration.ofMinutes(1)), "Google Play credentials are not configured");
        }
        try {
            limiter.acquire();
            credentials.refreshIfExpired();
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(uri)).timeout(timeout)
                    .header("Authorization", "Bearer " + credentials.getAccessToken().getTokenValue())
                    .header("Accept", "application/json");
            request.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
            if (body != null) {
                request.header("Content-Type", "application/json; charset=utf-8");
            }
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            JsonNode parsed = null;
            try {
                parsed = response.body() == null || response.body().isBlank() ? null : json.readTree(response.body());
            } catch (IOException ignored) {
                // a proxy's HTML error page: the status says enough
            }
            return new Answer(response.statusCode(), parsed,
                    response.headers().firstValue("Retry-After").flatMap(h -> RetryAfter.fromHttp(h, java.time.Instant.now())), null);
        } catch (IOException | RuntimeException e) {
            return new Answer(0, null, Optional.empty(), "Google Play unreachable: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer(0, null, Optional.empty(), "interrupted");
        }
    }

    private static Instant millis(JsonNode body, String field) {
        if (body == null || !body.hasNonNull(field)) {
            return null;
        }
        try {
            return Instant.ofEpochMilli(Long.parseLong(body.get(field).asText()));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static Optional<String> reason(Answer answer) {
        JsonNode errors = answer.body() == null ? null : answer.body().path("error").path("errors");
        return errors != null && errors.isArray() && !errors.isEmpty() && errors.get(0).hasNonNull("reason")
                ? Optional.of(errors.get(0).get("reason").asText()) : Optional.empty();
    }

    private static String message(Answer answer) {
        if (answer.failure() != null) {
            return answer.failure();
        }
        JsonNode m = answer.body() == null ? null : answer.body().path("error").path("message");
        return m != null && m.isTextual() ? m.asText() : "no message";
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
