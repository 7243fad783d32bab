package kr.outage.compensation.entitlement.store;

import com.apple.itunes.storekit.client.APIError;
import com.apple.itunes.storekit.client.APIException;
import com.apple.itunes.storekit.model.ExtendReasonCode;
import com.apple.itunes.storekit.model.ExtendRenewalDateRequest;
import com.apple.itunes.storekit.model.ExtendRenewalDateResponse;
import com.apple.itunes.storekit.model.LastTransactionsItem;
import com.apple.itunes.storekit.model.MassExtendRenewalDateRequest;
import com.apple.itunes.storekit.model.MassExtendRenewalDateResponse;
import com.apple.itunes.storekit.model.MassExtendRenewalDateStatusResponse;
import com.apple.itunes.storekit.model.NotificationHistoryRequest;
import com.apple.itunes.storekit.model.NotificationHistoryResponse;
import com.apple.itunes.storekit.model.NotificationHistoryResponseItem;
import com.apple.itunes.storekit.model.NotificationTypeV2;
import com.apple.itunes.storekit.model.StatusResponse;
import com.apple.itunes.storekit.model.SubscriptionGroupIdentifierItem;
import com.apple.itunes.storekit.model.Subtype;
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
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The App Store Server API's "Extend a Subscription Renewal Date", one subscription per request (by
 * its original transaction id), with reason code 3 (service issue or outage) and the request's own
 * UUID as {@code requestIdentifier}. The subscription's renewal date is read from the App Store (Get
 * All Subscription Statuses) and recorded before the first extension is sent; when an answer was lost
 * and the request is sent again, the date is read first, and a date moved by exactly this request's
 * days is the first attempt having gone through: nothing is resent, and no refusal of a resend can
 * pay the fallback on top of an extension that happened. (What Apple answers a resent identifier is
 * not documented, so it is not relied on.)
 *
 * <p>Also "Extend Subscription Renewal Dates for All Active Subscribers" (one request per product, for
 * remedies with {@code appleMassExtension}), its status, and the notification history: the mass
 * extension reaches every active subscriber of the product in the storefronts, not only the campaign's
 * eligible set, and its status reports counts only; which subscriptions it extended or could not is told
 * subscription by subscription in App Store Server Notifications ({@link AppleNotifications}), read
 * again from the history at the end so that none is missed.
 */
@ApplicationScoped
// the library maps these with Jackson by reflection; a native executable must keep them
@RegisterForReflection(targets = {ExtendRenewalDateRequest.class, ExtendRenewalDateResponse.class, ExtendReasonCode.class,
        com.apple.itunes.storekit.model.ErrorPayload.class, MassExtendRenewalDateRequest.class,
        MassExtendRenewalDateResponse.class, MassExtendRenewalDateStatusResponse.class, NotificationHistoryRequest.class,
        NotificationHistoryResponse.class, NotificationHistoryResponseItem.class, NotificationTypeV2.class, Subtype.class,
        StatusResponse.class, SubscriptionGroupIdentifierItem.class, LastTransactionsItem.class,
        com.apple.itunes.storekit.model.Status.class})
public class AppleAppStore implements SubscriptionStore {

    private static final Logger LOG = Logger.getLogger(AppleAppStore.class);

    /** Final refusals: asking again gives the same answer, so the fallback is due. */
    private static final Set<APIError> REFUSALS = EnumSet.of(APIError.SUBSCRIPTION_EXTENSION_INELIGIBLE,
            APIError.SUBSCRIPTION_MAX_EXTENSION, APIError.FAMILY_SHARED_SUBSCRIPTION_EXTENSION_INELIGIBLE,
            APIError.ORIGINAL_TRANSACTION_ID_NOT_FOUND, APIError.INVALID_ORIGINAL_TRANSACTION_ID,
            APIError.TRANSACTION_ID_NOT_FOUND);

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
    @ConfigProperty(name = "entitlement.stores.timeout", defaultValue = "PT10S")
    Duration timeout;
    @ConfigProperty(name = "entitlement.stores.retry-after-default", defaultValue = "PT30S")
    Duration defaultRetry;

    @jakarta.inject.Inject
    CallBudget budget;
    /** Verifies the signed renewal info of a status answer, as it verifies notifications. */
    @jakarta.inject.Inject
    AppleNotifications signedData;

    private AppStoreHttpClient client;

    @PostConstruct
    void init() {
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
    public boolean needsExpectedExpiry() {
        return true;
    }

    /**
     * The renewal date the App Store shows now, from Get All Subscription Statuses: the last
     * transaction of {@code storeReference}'s group, its signed renewal info verified with Apple's
     * root certificate (an unverifiable date decides nothing: the request waits).
     */
    @Override
    public StoreAnswer currentExpiry(StoreRequest request) {
        if (client == null) {
            return new StoreAnswer.TryAgain(Duration.ofMinutes(1), "App Store credentials are not configured");
        }
        if (!signedData.configured()) {
            return new StoreAnswer.TryAgain(Duration.ofMinutes(1),
                    "App Store root certificates are not configured: renewal dates cannot be verified (APPLE_ROOT_CERTIFICATES)");
        }
        return ask(StoreEndpoint.APPLE_STATUS, () -> {
            StatusResponse status = client.getAllSubscriptionStatuses(request.storeReference(), null);
            Optional<String> renewalInfo = status.getData() == null ? Optional.empty() : status.getData().stream()
                    .filter(group -> group.getLastTransactions() != null)
                    .flatMap(group -> group.getLastTransactions().stream())
                    .filter(last -> request.storeReference().equals(last.getOriginalTransactionId()))
                    .map(LastTransactionsItem::getSignedRenewalInfo)
                    .filter(java.util.Objects::nonNull)
                    .findFirst();
            if (renewalInfo.isEmpty()) {
                return new StoreAnswer.Refused("ORIGINAL_TRANSACTION_ID_NOT_FOUND",
                        "the App Store shows no subscription with original transaction id " + request.storeReference());
            }
            return new StoreAnswer.CurrentExpiry(signedData.renewalDate(renewalInfo.get(), request.storeReference()), null);
        });
    }

    @Override
    public StoreAnswer extend(StoreRequest request) {
        if (client == null) {
            return new StoreAnswer.TryAgain(Duration.ofMinutes(1), "App Store credentials are not configured");
        }
        if (request.maybeSentBefore()) {
            // an earlier attempt may have reached Apple; its answer never reached us
            StoreAnswer now = currentExpiry(request);
            if (!(now instanceof StoreAnswer.CurrentExpiry current)) {
                return now;
            }
            Instant ours = request.expectedExpiry().plus(Duration.ofDays(request.days()));
            if (current.expiry().equals(ours)) {
                return new StoreAnswer.Extended(ours);
            }
            // the date shows no extension by this request, so a refusal of the resend is the App Store
            // refusing this subscription (the fallback is due); a date moved by anything else (the
            // subscription renewed meanwhile) is not taken for ours either (docs/entitlement-service.md, Known limits)
        }
        ExtendRenewalDateRequest body = new ExtendRenewalDateRequest()
                .extendByDays(request.days())
                .extendReasonCode(ExtendReasonCode.SERVICE_ISSUE_OR_OUTAGE)
                .requestIdentifier(request.requestId().toString());
        return ask(StoreEndpoint.APPLE_EXTEND, () -> {
            ExtendRenewalDateResponse answer = client.extendSubscriptionRenewalDate(request.storeReference(), body);
            if (Boolean.TRUE.equals(answer.getSuccess()) && answer.getEffectiveDate() != null) {
                return new StoreAnswer.Extended(Instant.ofEpochMilli(answer.getEffectiveDate()));
            }
            return new StoreAnswer.Refused("NOT_EXTENDED", "the App Store answered success=false");
        });
    }

    /** One call about one subscription, its answer as it reads. */
    private interface SubscriptionCall {
        StoreAnswer send() throws APIException, IOException, AppleNotifications.Rejected;
    }

    /**
     * Takes {@code endpoint}'s turn in the shared budget, then makes the call; whatever goes wrong
     * becomes an answer (a refusal Apple gives, or "try again"), never an exception.
     */
    private StoreAnswer ask(StoreEndpoint endpoint, SubscriptionCall call) {
        try {
            budget.acquire(endpoint);
            return call.send();
        } catch (AppleNotifications.Rejected e) {
            // signed data that does not verify decides nothing
            return new StoreAnswer.TryAgain(defaultRetry, "App Store answer not accepted: " + e.getMessage());
        } catch (APIException e) {
            return classify(e, endpoint);
        } catch (IOException | RuntimeException e) {
            return new StoreAnswer.TryAgain(defaultRetry, "App Store unreachable: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new StoreAnswer.TryAgain(defaultRetry, "interrupted");
        }
    }

    /**
     * Asks Apple to extend every active subscriber of {@code productId} (in {@code storefronts}; empty:
     * all) by {@code days}, reason code 3, under {@code requestId}: the same identifier on every resend.
     */
    public MassAnswer massExtend(UUID requestId, String productId, int days, List<String> storefronts) {
        if (client == null) {
            return new MassAnswer.TryAgain(Duration.ofMinutes(1), "App Store credentials are not configured");
        }
        MassExtendRenewalDateRequest body = new MassExtendRenewalDateRequest()
                .extendByDays(days)
                .extendReasonCode(ExtendReasonCode.SERVICE_ISSUE_OR_OUTAGE)
                .requestIdentifier(requestId.toString())
                .productId(productId)
                .storefrontCountryCodes(storefronts.isEmpty() ? null : storefronts);
        return call(StoreEndpoint.APPLE_MASS_EXTEND, () -> {
            client.extendRenewalDateForAllActiveSubscribers(body);
            return new MassAnswer.Accepted();
        });
    }

    /** Apple's status of a mass extension: complete or not, with its counts. */
    public MassAnswer massStatus(UUID requestId, String productId) {
        if (client == null) {
            return new MassAnswer.TryAgain(Duration.ofMinutes(1), "App Store credentials are not configured");
        }
        return call(StoreEndpoint.APPLE_MASS_STATUS, () -> {
            MassExtendRenewalDateStatusResponse status = client.getStatusOfSubscriptionRenewalDateExtensions(requestId.toString(),
                    productId);
            return new MassAnswer.Progress(Boolean.TRUE.equals(status.getComplete()),
                    status.getCompleteDate() == null ? null : Instant.ofEpochMilli(status.getCompleteDate()),
                    status.getSucceededCount() == null ? 0 : status.getSucceededCount(),
                    status.getFailedCount() == null ? 0 : status.getFailedCount());
        });
    }

    /**
     * One page of the notifications Apple sent (or tried to send) between {@code from} and {@code to}
     * of {@code kind}: the signed payloads, to be verified and applied like the notifications received.
     */
    public MassAnswer notificationHistory(Instant from, Instant to, HistoryKind kind, String pageToken) {
        if (client == null) {
            return new MassAnswer.TryAgain(Duration.ofMinutes(1), "App Store credentials are not configured");
        }
        NotificationHistoryRequest body = new NotificationHistoryRequest()
                .startDate(from.toEpochMilli())
                .endDate(to.toEpochMilli())
                .notificationType(kind == HistoryKind.EXTENDED ? NotificationTypeV2.RENEWAL_EXTENDED
                        : NotificationTypeV2.RENEWAL_EXTENSION);
        return call(StoreEndpoint.APPLE_NOTIFICATION_HISTORY, () -> {
            NotificationHistoryResponse page = client.getNotificationHistory(pageToken, body);
            List<String> payloads = page.getNotificationHistory() == null ? List.of()
                    : page.getNotificationHistory().stream().map(NotificationHistoryResponseItem::getSignedPayload).toList();
            String next = Boolean.TRUE.equals(page.getHasMore()) ? page.getPaginationToken() : null;
            return new MassAnswer.HistoryPage(payloads, next);
        });
    }

    /** Which notifications to read back: each subscription extended, or a mass extension's failures and summary. */
    public enum HistoryKind { EXTENDED, MASS_OUTCOMES }

    private interface AppleCall {
        MassAnswer send() throws APIException, IOException;
    }

    private MassAnswer call(StoreEndpoint endpoint, AppleCall call) {
        try {
            budget.acquire(endpoint);
            return call.send();
        } catch (APIException e) {
            StoreAnswer answer = classify(e, endpoint);
            if (answer instanceof StoreAnswer.Refused r) {
                return new MassAnswer.Refused(r.code(), r.detail());
            }
            StoreAnswer.TryAgain t = (StoreAnswer.TryAgain) answer;
            // a 4xx other than 429 here is Apple refusing the request itself (unknown product, bad storefront)
            if (e.getHttpStatusCode() == 400 || e.getHttpStatusCode() == 404) {
                return new MassAnswer.Refused(e.getApiError() != null ? e.getApiError().name() : "HTTP_" + e.getHttpStatusCode(),
                        t.reason());
            }
            return new MassAnswer.TryAgain(t.after(), t.reason());
        } catch (IOException | RuntimeException e) {
            return new MassAnswer.TryAgain(defaultRetry, "App Store unreachable: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new MassAnswer.TryAgain(defaultRetry, "interrupted");
        }
    }

    private StoreAnswer classify(APIException e, StoreEndpoint endpoint) {
        APIError error = e.getApiError();
        String word = error != null ? error.name() : e.getRawApiError() != null ? e.getRawApiError().toString() : "HTTP_" + e.getHttpStatusCode();
        String detail = "App Store " + e.getHttpStatusCode() + " " + word
                + (e.getApiErrorMessage() != null ? ": " + e.getApiErrorMessage() : "");
        if (error != null && REFUSALS.contains(error)) {
            return new StoreAnswer.Refused(word, detail);
        }
        if (e.getHttpStatusCode() == 429) {
            Duration after = AppStoreHttpClient.lastRetryAfter().orElse(defaultRetry);
            budget.pause(endpoint, after);
            return new StoreAnswer.TryAgain(after, detail);
        }
        // 401 (our key), other 4xx (our request), 5xx and the *_RETRYABLE codes: nothing happened at
        // Apple; the request waits, visible in the run's progress, until it can go through
        return new StoreAnswer.TryAgain(defaultRetry, detail);
    }
}
