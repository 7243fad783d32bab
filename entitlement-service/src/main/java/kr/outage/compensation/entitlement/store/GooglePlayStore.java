package kr.outage.compensation.entitlement.store;

import kr.outage.compensation.platform.http.RetryAfter;
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
 * Google Play Developer API, {@code purchases.subscriptionsv2}: {@code get} reads a subscription's
 * expiry and its etag, {@code defer} moves every item of it by the campaign's days and fails unless
 * the etag it names is still the subscription's latest. The etag is what makes a resend harmless:
 * once a deferral went through, the same request no longer matches and is refused. A refused
 * deferral is never taken for done on its own: the subscription is read again, and only an expiry of
 * exactly the recorded one plus the campaign's days, after an earlier attempt whose answer was lost,
 * counts as this request's deferral. The service-account token comes from Google's auth library (key
 * file mounted from a Secret).
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
    @ConfigProperty(name = "entitlement.stores.timeout", defaultValue = "PT10S")
    Duration timeout;
    @ConfigProperty(name = "entitlement.stores.retry-after-default", defaultValue = "PT30S")
    Duration defaultRetry;

    @Inject
    ObjectMapper json;

    private GoogleCredentials credentials;
    private HttpClient http;
    @Inject
    CallBudget budget;

    @PostConstruct
    void init() {
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
        if (answer.status() != 200) {
            return failure(answer);
        }
        JsonNode item = lineItem(answer.body(), request.productId());
        if (item == null) {
            return new StoreAnswer.Refused("productNotInPurchase", "Google Play: the purchase holds no item "
                    + request.productId());
        }
        Instant expiry = time(item.path("expiryTime").asText(null));
        String etag = answer.body().path("etag").asText("");
        if (expiry == null || etag.isEmpty()) {
            return new StoreAnswer.TryAgain(defaultRetry, "Google Play answered without the item's expiryTime or the etag");
        }
        // real time, not the suite's business clock: the store's expiry is a real instant
        if ("SUBSCRIPTION_STATE_EXPIRED".equals(answer.body().path("subscriptionState").asText())
                || !expiry.isAfter(Instant.now())) {
            return new StoreAnswer.Refused("subscriptionExpired", "Google Play: the subscription expired at " + expiry);
        }
        return new StoreAnswer.CurrentExpiry(expiry, etag);
    }

    @Override
    public StoreAnswer extend(StoreRequest request) {
        Duration by = Duration.ofDays(request.days());
        String body = "{\"deferralContext\":{\"etag\":" + quoted(request.expectedEtag()) + ",\"deferDuration\":\""
                + by.toSeconds() + "s\"}}";
        Answer answer = call("POST", purchase(request) + ":defer", body);
        if (answer.status() == 200) {
            JsonNode details = answer.body() == null ? null : answer.body().path("itemExpiryTimeDetails");
            Instant newExpiry = null;
            if (details != null && details.isArray()) {
                for (JsonNode detail : details) {
                    if (request.productId().equals(detail.path("productId").asText())) {
                        newExpiry = time(detail.path("expiryTime").asText(null));
                    }
                }
            }
            return new StoreAnswer.Extended(newExpiry != null ? newExpiry : request.expectedExpiry().plus(by));
        }
        if (answer.status() == 400 || answer.status() == 409 || answer.status() == 412) {
            return reconcile(request, answer);
        }
        return failure(answer);
    }

    /**
     * The deferral was refused. Read again, the subscription tells why: unchanged (same etag), Google
     * refused this deferral itself; moved by exactly our days after an earlier attempt of ours whose
     * answer was lost, that attempt went through; changed otherwise before anything of ours was sent,
     * it is to be deferred again from what it is now. A change after an attempt of ours that cannot be
     * told apart from it is not counted as extended: the fallback is paid.
     */
    private StoreAnswer reconcile(StoreRequest request, Answer refusal) {
        StoreAnswer read = currentExpiry(request);
        if (!(read instanceof StoreAnswer.CurrentExpiry now)) {
            return read;
        }
        Instant desired = request.expectedExpiry().plus(Duration.ofDays(request.days()));
        if (now.etag().equals(request.expectedEtag())) {
            return new StoreAnswer.Refused(reason(refusal).orElse("deferralRefused"), "Google Play refused the deferral ("
                    + message(refusal) + "); the subscription is unchanged, expiring " + now.expiry());
        }
        if (!request.maybeSentBefore()) {
            return new StoreAnswer.Changed(now);
        }
        if (now.expiry().equals(desired)) {
            return new StoreAnswer.Extended(now.expiry());
        }
        return new StoreAnswer.Refused("deferralUnconfirmed", "Google Play refused a resent deferral (" + message(refusal)
                + ") and the subscription now expires " + now.expiry() + ", not " + desired
                + " as this request's deferral would have made it: not counted as extended");
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
        return url + "/androidpublisher/v3/applications/" + encode(packageName.orElse("")) + "/purchases/subscriptionsv2/tokens/"
                + encode(request.storeReference());
    }

    private record Answer(int status, JsonNode body, Optional<Duration> retryAfter, String failure) {
    }

    private Answer call(String method, String uri, String body) {
        if (credentials == null) {
            return new Answer(0, null, Optional.of(Duration.ofMinutes(1)), "Google Play credentials are not configured");
        }
        try {
            budget.acquire(StoreEndpoint.GOOGLE);
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
            Optional<Duration> retryAfter = response.headers().firstValue("Retry-After")
                    .flatMap(h -> RetryAfter.fromHttp(h, java.time.Instant.now()));
            if (response.statusCode() == 429) {
                budget.pause(StoreEndpoint.GOOGLE, retryAfter.orElse(defaultRetry));
            }
            return new Answer(response.statusCode(), parsed, retryAfter, null);
        } catch (IOException | RuntimeException e) {
            return new Answer(0, null, Optional.empty(), "Google Play unreachable: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer(0, null, Optional.empty(), "interrupted");
        }
    }

    /** The purchase's line item of this product, or null. */
    private static JsonNode lineItem(JsonNode purchase, String productId) {
        JsonNode items = purchase == null ? null : purchase.path("lineItems");
        if (items != null && items.isArray()) {
            for (JsonNode item : items) {
                if (productId.equals(item.path("productId").asText())) {
                    return item;
                }
            }
        }
        return null;
    }

    /** An RFC 3339 timestamp as Google writes them ("2026-12-10T01:02:03.456Z"), or null. */
    private static Instant time(String text) {
        if (text == null) {
            return null;
        }
        try {
            return java.time.OffsetDateTime.parse(text).toInstant();
        } catch (java.time.format.DateTimeParseException e) {
            return null;
        }
    }

    private String quoted(String text) {
        try {
            return json.writeValueAsString(text == null ? "" : text);
        } catch (com.fasterxml.jackson.core.JsonProcessingException impossible) {
            throw new IllegalStateException(impossible);
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
