package kr.outage.compensation.entitlement.store;

import com.apple.itunes.storekit.client.APIError;
import com.apple.itunes.storekit.client.APIException;
import com.apple.itunes.storekit.model.ExtendReasonCode;
import com.apple.itunes.storekit.model.ExtendRenewalDateRequest;
import com.apple.itunes.storekit.model.ExtendRenewalDateResponse;
import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import kr.outage.compensation.entitlement.domain.BillingChannel;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * The App Store Server API's "Extend a Subscription Renewal Date", one subscription per request (by
 * its original transaction id), with reason code 3 (service issue or outage) and the request's own
 * UUID as {@code requestIdentifier}: Apple's documented way to resend a request after a timeout
 * without extending twice.
 *
 * <p>Why one request per subscription and not "Extend Subscription Renewal Dates for All Active
 * Subscribers": the mass extension reaches every active subscriber of a product in the given
 * storefronts, not the campaign's eligible set, and reports only counts of successes and failures,
 * so the suite could neither keep to its eligibility nor give the fallback to exactly those Apple
 * refused.
 */
@ApplicationScoped
// the library maps these with Jackson by reflection; a native executable must keep them
@RegisterForReflection(targets = {ExtendRenewalDateRequest.class, ExtendRenewalDateResponse.class, ExtendReasonCode.class,
        com.apple.itunes.storekit.model.ErrorPayload.class})
public class AppleAppStore implements SubscriptionStore {

    private static final Logger LOG = Logger.getLogger(AppleAppStore.class);

    /** Final refusals: asking again gives the same answer, so the fallback is due. */
    private static final Set<APIError> REFUSALS = EnumSet.of(APIError.SUBSCRIPTION_EXTENSION_INELIGIBLE,
            APIError.SUBSCRIPTION_MAX_EXTENSION, APIError.FAMILY_SHARED_SUBSCRIPTION_EXTENSION_INELIGIBLE,
            APIError.ORIGINAL_TRANSACTION_ID_NOT_FOUND, APIError.INVALID_ORIGINAL_TRANSACTION_ID);

    @ConfigProperty(name = "entitlement.stores.apple.url", defaultValue = "https://api.storekit.apple.com")
    String url;
    @ConfigProperty(name = "entitlement.stores.apple.key-id")
    Optional<String> keyId;
    @ConfigProperty(name = "entitlement.stores.apple.issuer-id")
    Optional<String> issuerId;
    @ConfigProperty(name = "entitlement.stores.apple.bundle-id")
    Optional<String> bundleId;
    /** The App Store Connect API key (.p8, PEM), mounted from a Secret. */
    @ConfigProperty(name = "entitlement.stores.apple.private-key-file")
    Optional<String> privateKeyFile;
    @ConfigProperty(name = "entitlement.stores.apple.requests-per-second", defaultValue = "20")
    double requestsPerSecond;
    @ConfigProperty(name = "entitlement.stores.timeout", defaultValue = "PT10S")
    Duration timeout;
    @ConfigProperty(name = "entitlement.stores.retry-after-default", defaultValue = "PT30S")
    Duration defaultRetry;

    private AppStoreHttpClient client;
    private StoreRateLimiter limiter;

    @PostConstruct
    void init() {
        limiter = new StoreRateLimiter(requestsPerSecond);
        if (privateKeyFile.isEmpty() || keyId.isEmpty() || issuerId.isEmpty() || bundleId.isEmpty()
                || !Files.exists(Path.of(privateKeyFile.get()))) {
            // no Secret mounted: this deployment does not extend App Store subscriptions (requests wait)
            return;
        }
        try {
            String pem = Files.readString(Path.of(privateKeyFile.get()));
            client = new AppStoreHttpClient(pem, keyId.get(), issuerId.get(), bundleId.get(), url, timeout);
        } catch (IOException | RuntimeException e) {
            // the service still serves everything else; the App Store requests wait and say why
            LOG.errorf("App Store key %s unusable: %s", privateKeyFile.get(), e.getMessage());
        }
    }

    @Override
    public BillingChannel channel() {
        return BillingChannel.APPLE;
    }

    @Override
    public boolean configured() {
        return client != null;
    }

    @Override
    public StoreAnswer extend(StoreRequest request) {
        if (client == null) {
            return new StoreAnswer.TryAgain(Duration.ofMinutes(1), "App Store credentials are not configured");
        }
        ExtendRenewalDateRequest body = new ExtendRenewalDateRequest()
                .extendByDays(request.days())
                .extendReasonCode(ExtendReasonCode.SERVICE_ISSUE_OR_OUTAGE)
                .requestIdentifier(request.requestId().toString());
        try {
            limiter.acquire();
            ExtendRenewalDateResponse answer = client.extendSubscriptionRenewalDate(request.storeReference(), body);
            if (Boolean.TRUE.equals(answer.getSuccess()) && answer.getEffectiveDate() != null) {
                return new StoreAnswer.Extended(Instant.ofEpochMilli(answer.getEffectiveDate()));
            }
            return new StoreAnswer.Refused("NOT_EXTENDED", "the App Store answered success=false");
        } catch (APIException e) {
            return classify(e);
        } catch (IOException | RuntimeException e) {
            return new StoreAnswer.TryAgain(defaultRetry, "App Store unreachable: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new StoreAnswer.TryAgain(defaultRetry, "interrupted");
        }
    }

    private StoreAnswer classify(APIException e) {
        APIError error = e.getApiError();
        String word = error != null ? error.name() : e.getRawApiError() != null ? e.getRawApiError().toString() : "HTTP_" + e.getHttpStatusCode();
        String detail = "App Store " + e.getHttpStatusCode() + " " + word
                + (e.getApiErrorMessage() != null ? ": " + e.getApiErrorMessage() : "");
        if (error != null && REFUSALS.contains(error)) {
            return new StoreAnswer.Refused(word, detail);
        }
        if (e.getHttpStatusCode() == 429) {
            return new StoreAnswer.TryAgain(AppStoreHttpClient.lastRetryAfter().orElse(defaultRetry), detail);
        }
        // 401 (our key), other 4xx (our request), 5xx and the *_RETRYABLE codes: nothing happened at
        // Apple; the request waits, visible in the run's progress, until it can go through
        return new StoreAnswer.TryAgain(defaultRetry, detail);
    }
}
