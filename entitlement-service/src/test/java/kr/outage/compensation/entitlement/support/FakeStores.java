package kr.outage.compensation.entitlement.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

/**
 * The App Store Server API and the Google Play Developer API as the suite meets them, on one WireMock
 * server: the documented requests, answers and error codes, with the stores' state behind them so
 * that a test can see how often each subscription was really extended. Both check every request's
 * credentials: Apple's ES256 bearer token (key id, issuer, bundle id, audience, signature with the
 * key pair made here) and Google's OAuth token, issued only against an RS256 assertion signed with
 * the service account's key. Keys are generated per test run; nothing secret is on disk beyond it.
 *
 * <p>Faults a test can arm: 429 with Retry-After for the next N requests, 500 for the next N, and
 * "extend but lose the answer" (the store acts, the client sees a 503) for the next N.
 */
public class FakeStores implements QuarkusTestResourceLifecycleManager {

    public static final String BUNDLE_ID = "com.example.melon";
    public static final String PACKAGE_NAME = "com.example.melon";
    static final String KEY_ID = "TESTKEY001";
    static final String ISSUER_ID = "57246542-96fe-1a63-e053-0824d011072a";
    static final String CLIENT_EMAIL = "compensation@melon-test.iam.gserviceaccount.com";
    private static final ObjectMapper JSON = new ObjectMapper();

    static WireMockServer server;
    static PublicKey applePublicKey;
    static PublicKey googlePublicKey;

    /** Apple: original transaction id -> renewal date; extensions made, with when. */
    static final Map<String, Instant> appleExpiry = new HashMap<>();
    static final Map<String, List<Instant>> appleExtensions = new HashMap<>();
    static final Set<String> appleIneligible = new HashSet<>();
    /** Apple dedupes on requestIdentifier: the first answer, given again. */
    static final Map<String, String> appleAnswers = new HashMap<>();
    /**
     * Apple does not document what a resent one-subscription request answers after the first went
     * through; in this mode the fake takes it as a new request (the worst case: extended again, or
     * refused with SubscriptionMaxExtensionError when that was the second of the year).
     */
    static volatile boolean appleTakingResendsAsNew;
    /** Subscriptions whose next one-subscription extension is acted on (or refused) but its answer lost. */
    static final Set<String> appleAnswerLostAbout = new HashSet<>();
    static final AtomicInteger appleStatusReads = new AtomicInteger();
    /** Google: purchase token -> expiry, product and etag (a new one at every change); deferrals made. */
    static final Map<String, Instant> googleExpiry = new HashMap<>();
    static final Map<String, String> googleProduct = new HashMap<>();
    static final Map<String, String> googleEtag = new HashMap<>();
    static final Map<String, Integer> googleDeferrals = new HashMap<>();
    /** What happens to a subscription at Google just before the n-th deferral request for it arrives. */
    static final Map<String, List<Runnable>> googleBeforeDefer = new HashMap<>();
    static final AtomicInteger googleEtags = new AtomicInteger();
    static final Set<String> googleGone = new HashSet<>();
    static final Set<String> issuedTokens = new HashSet<>();

    static final AtomicInteger rateLimited = new AtomicInteger();
    static final AtomicInteger failing = new AtomicInteger();
    static final AtomicInteger losingAnswers = new AtomicInteger();
    static final AtomicInteger unauthorized = new AtomicInteger();
    static final AtomicInteger requests = new AtomicInteger();

    // --- the App Store's mass extension and its notifications
    public static final long APP_APPLE_ID = 1_234_567_890L;
    static AppleNotary notary;
    /** Where "Apple" posts its notifications: the service under test. */
    static volatile String notifyUrl;
    static final Map<String, String> appleProduct = new HashMap<>();
    static final Set<String> appleInactive = new HashSet<>();
    static final Map<String, MassJob> massJobs = new HashMap<>();
    static final List<Note> notes = new ArrayList<>();
    static final Set<String> notificationsLostAbout = new HashSet<>();
    static volatile boolean refusingResentMassRequests;
    static final AtomicInteger incompletePolls = new AtomicInteger();
    static final AtomicInteger statusPolls = new AtomicInteger();
    static final AtomicInteger historyPages = new AtomicInteger();
    static final List<Integer> deliveries = java.util.Collections.synchronizedList(new ArrayList<>());
    static final java.util.concurrent.ExecutorService postman = java.util.concurrent.Executors.newSingleThreadExecutor();
    static final java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();

    /** One mass extension as Apple holds it. */
    static final class MassJob {
        final String productId;
        final List<String> storefronts;
        long succeeded;
        long failed;
        int pollsLeft;
        boolean complete;

        MassJob(String productId, List<String> storefronts) {
            this.productId = productId;
            this.storefronts = storefronts;
        }
    }

    /** A notification Apple sent (or failed to deliver): the history holds them all. */
    record Note(String type, String subtype, String originalTransactionId, String signedPayload, Instant at) {
    }

    @Override
    public Map<String, String> start() {
        try {
            KeyPairGenerator ec = KeyPairGenerator.getInstance("EC");
            ec.initialize(new ECGenParameterSpec("secp256r1"));
            KeyPair apple = ec.generateKeyPair();
            KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
            rsa.initialize(2048);
            KeyPair google = rsa.generateKeyPair();
            applePublicKey = apple.getPublic();
            googlePublicKey = google.getPublic();

            server = new WireMockServer(options().dynamicPort().extensions(new Behaviour()));
            server.start();
            server.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200)));

            notary = AppleNotary.create();
            Path dir = Files.createTempDirectory("fake-store-keys");
            Path appleRoot = notary.writeRoot(dir);
            Path appleKey = dir.resolve("apple-test-only.p8");
            Files.writeString(appleKey, pem(apple.getPrivate().getEncoded()));
            Path googleKey = dir.resolve("google-test-only.json");
            Files.writeString(googleKey, JSON.writeValueAsString(Map.of("type", "service_account",
                    "project_id", "melon-test", "private_key_id", "test-key-1", "private_key", pem(google.getPrivate().getEncoded()),
                    "client_email", CLIENT_EMAIL, "client_id", "1", "token_uri", server.baseUrl() + "/token")));
            dir.toFile().deleteOnExit();
            appleKey.toFile().deleteOnExit();
            googleKey.toFile().deleteOnExit();
            return Map.ofEntries(
                    Map.entry("entitlement.stores.apple.url", server.baseUrl()),
                    Map.entry("entitlement.stores.apple.key-id", KEY_ID),
                    Map.entry("entitlement.stores.apple.issuer-id", ISSUER_ID),
                    Map.entry("entitlement.stores.apple.bundle-id", BUNDLE_ID),
                    Map.entry("entitlement.stores.apple.private-key-file", appleKey.toString()),
                    Map.entry("entitlement.stores.google.url", server.baseUrl()),
                    Map.entry("entitlement.stores.google.package-name", PACKAGE_NAME),
                    Map.entry("entitlement.stores.google.service-account-file", googleKey.toString()),
                    Map.entry("entitlement.stores.retry-after-default", "PT0.5S"),
                    // the fake has no limits; the shared budget is exercised by StoreCallBudgetTest
                    Map.entry("entitlement.stores.limits.apple.extend", "500"),
                    Map.entry("entitlement.stores.limits.apple.status", "500"),
                    Map.entry("entitlement.stores.limits.apple.mass-extend", "500"),
                    Map.entry("entitlement.stores.limits.apple.mass-status", "500"),
                    Map.entry("entitlement.stores.limits.apple.notification-history", "500"),
                    Map.entry("entitlement.stores.limits.google", "500"),
                    Map.entry("entitlement.stores.lease", "PT5S"),
                    Map.entry("entitlement.stores.timeout", "PT3S"),
                    Map.entry("entitlement.stores.poll-interval", "PT0.1S"),
                    Map.entry("entitlement.stores.apple.root-certificates", appleRoot.toString()),
                    Map.entry("entitlement.stores.apple.app-apple-id", Long.toString(APP_APPLE_ID)),
                    Map.entry("entitlement.stores.apple.environment", "Production"),
                    // no OCSP responder for the test chain; its dates are checked against the signing date
                    Map.entry("entitlement.stores.apple.notification-online-checks", "false"),
                    Map.entry("entitlement.stores.apple.mass-status-interval", "PT0.2S"),
                    Map.entry("entitlement.stores.apple.mass-settle-grace", "PT0.5S"));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop();
        }
    }

    // --- what tests set up and read

    public static synchronized void reset() {
        appleExpiry.clear();
        appleExtensions.clear();
        appleIneligible.clear();
        appleAnswers.clear();
        googleExpiry.clear();
        googleProduct.clear();
        googleEtag.clear();
        googleBeforeDefer.clear();
        googleDeferrals.clear();
        googleGone.clear();
        rateLimited.set(0);
        failing.set(0);
        losingAnswers.set(0);
        unauthorized.set(0);
        requests.set(0);
        appleProduct.clear();
        appleInactive.clear();
        massJobs.clear();
        notes.clear();
        notificationsLostAbout.clear();
        refusingResentMassRequests = false;
        appleTakingResendsAsNew = false;
        appleAnswerLostAbout.clear();
        appleStatusReads.set(0);
        incompletePolls.set(0);
        statusPolls.set(0);
        historyPages.set(0);
        deliveries.clear();
    }

    /** An App Store subscription of {@code productId}: a mass extension of that product reaches it. */
    public static synchronized void appleSubscription(String originalTransactionId, String productId, Instant renewsAt) {
        appleExpiry.put(originalTransactionId, renewsAt);
        appleProduct.put(originalTransactionId, productId);
    }

    /** No longer active at Apple: a mass extension passes it by without a word. */
    public static synchronized void appleInactive(String originalTransactionId) {
        appleInactive.add(originalTransactionId);
    }

    /** Answer a mass request sent again under a known identifier with 400 instead of Apple's first answer. */
    public static void refuseResentMassRequests() {
        refusingResentMassRequests = true;
    }

    public static void notifyTo(String url) {
        notifyUrl = url;
    }

    /** Notifications about these subscriptions are not delivered (the service was unreachable): only the history has them. */
    public static synchronized void loseNotificationsAbout(String... originalTransactionIds) {
        notificationsLostAbout.addAll(List.of(originalTransactionIds));
    }

    /** A mass extension reports itself incomplete for its first N status requests. */
    public static void massIncompleteFor(int polls) {
        incompletePolls.set(polls);
    }

    public static synchronized List<String> massRequestsReceived() {
        return massJobs.values().stream().map(j -> j.productId + " " + j.storefronts).toList();
    }

    public static int statusPollsServed() {
        return statusPolls.get();
    }

    public static int historyPagesServed() {
        return historyPages.get();
    }

    /** HTTP statuses the service answered to the notifications delivered. */
    public static List<Integer> deliveryStatuses() {
        synchronized (deliveries) {
            return List.copyOf(deliveries);
        }
    }

    public static synchronized List<String> notificationsSent() {
        return notes.stream().map(n -> n.type() + (n.subtype() == null ? "" : "/" + n.subtype())
                + (n.originalTransactionId() == null ? "" : " " + n.originalTransactionId())).toList();
    }

    /** The signed payload of the notification sent about {@code originalTransactionId} (for resending it). */
    public static synchronized String signedNotificationAbout(String originalTransactionId) {
        return notes.stream().filter(n -> originalTransactionId.equals(n.originalTransactionId())).findFirst()
                .map(Note::signedPayload).orElseThrow();
    }

    /** A notification of Apple's shape about a subscription, signed at {@code signedAt} by this fake's trusted chain. */
    public static String signedNotification(String type, String originalTransactionId, String productId, Instant renewsAt,
                                            Instant signedAt) {
        return aboutSubscription(type, null, originalTransactionId, productId, renewsAt, notary, signedAt);
    }

    /** A RENEWAL_EXTENDED signed by someone else's chain. */
    public static String forgedExtendedNotification(String originalTransactionId, String productId, Instant renewsAt) {
        return aboutSubscription("RENEWAL_EXTENDED", null, originalTransactionId, productId, renewsAt, AppleNotary.forger(),
                Instant.now());
    }

    public static synchronized void appleSubscription(String originalTransactionId, Instant renewsAt) {
        appleExpiry.put(originalTransactionId, renewsAt);
    }

    /** Extensions Apple made before (by another tool, or an earlier campaign): they count toward twice a year. */
    public static synchronized void appleExtendedBefore(String originalTransactionId, Instant... when) {
        appleExtensions.computeIfAbsent(originalTransactionId, k -> new ArrayList<>()).addAll(List.of(when));
    }

    /** See {@link #appleTakingResendsAsNew}. */
    public static void appleTakesResendsAsNew() {
        appleTakingResendsAsNew = true;
    }

    /** The next extension of this subscription is made or refused as usual, and its answer lost on the way back. */
    public static synchronized void loseNextAnswerAbout(String originalTransactionId) {
        appleAnswerLostAbout.add(originalTransactionId);
    }

    /** Get All Subscription Statuses requests answered. */
    public static int appleStatusReads() {
        return appleStatusReads.get();
    }

    public static synchronized void appleIneligible(String originalTransactionId) {
        appleIneligible.add(originalTransactionId);
    }

    public static synchronized void googleSubscription(String purchaseToken, String productId, Instant expiresAt) {
        googleExpiry.put(purchaseToken, expiresAt);
        googleProduct.put(purchaseToken, productId);
        googleEtag.put(purchaseToken, "etag-" + googleEtags.incrementAndGet());
    }

    /** The subscription renewed by itself (or anything else moved its expiry): a new expiry and a new etag. */
    public static synchronized void googleExpiryMovedBy(String purchaseToken, Duration by) {
        googleExpiry.put(purchaseToken, googleExpiry.get(purchaseToken).plus(by));
        googleEtag.put(purchaseToken, "etag-" + googleEtags.incrementAndGet());
    }

    /**
     * Changes made at Google (a renewal, another tool's deferral) just before the first, second, ...
     * deferral request of the suite for this subscription arrives; null for none before that one.
     */
    public static synchronized void googleBeforeDeferrals(String purchaseToken, Runnable... changes) {
        googleBeforeDefer.put(purchaseToken, new ArrayList<>(java.util.Arrays.asList(changes)));
    }

    /** Bought so long ago that Play no longer answers for it (410). */
    public static synchronized void googleGone(String purchaseToken) {
        googleGone.add(purchaseToken);
    }

    public static void rateLimitNext(int n) {
        rateLimited.set(n);
    }

    public static void failNext(int n) {
        failing.set(n);
    }

    public static void loseAnswersOfNext(int n) {
        losingAnswers.set(n);
    }

    public static synchronized int timesExtendedByApple(String originalTransactionId, Instant since) {
        return (int) appleExtensions.getOrDefault(originalTransactionId, List.of()).stream().filter(i -> i.isAfter(since)).count();
    }

    public static synchronized Instant appleRenewal(String originalTransactionId) {
        return appleExpiry.get(originalTransactionId);
    }

    public static synchronized int timesDeferredByGoogle(String purchaseToken) {
        return googleDeferrals.getOrDefault(purchaseToken, 0);
    }

    public static synchronized Instant googleExpiry(String purchaseToken) {
        return googleExpiry.get(purchaseToken);
    }

    public static int requestsServed() {
        return requests.get();
    }

    /** Requests refused for their credentials (should stay 0: every request is signed right). */
    public static int unauthorizedRequests() {
        return unauthorized.get();
    }

    // --- the stores

    private static final Pattern APPLE_EXTEND = Pattern.compile("/inApps/v1/subscriptions/extend/([^/]+)");
    private static final Pattern APPLE_MASS_STATUS = Pattern.compile("/inApps/v1/subscriptions/extend/mass/([^/]+)/([^/]+)");
    private static final Pattern APPLE_STATUSES = Pattern.compile("/inApps/v1/subscriptions/([^/]+)");
    private static final Pattern GOOGLE_PURCHASE = Pattern.compile(
            "/androidpublisher/v3/applications/([^/]+)/purchases/subscriptionsv2/tokens/([^/:]+)(:defer)?");

    static final class Behaviour implements ResponseDefinitionTransformerV2 {

        @Override
        public String getName() {
            return "fake-stores";
        }

        @Override
        public boolean applyGlobally() {
            return true;
        }

        @Override
        public ResponseDefinition transform(ServeEvent event) {
            Request r = event.getRequest();
            String path = r.getUrl().split("\\?")[0];
            try {
                if (path.equals("/token")) {
                    return token(r);
                }
                requests.incrementAndGet();
                if (take(rateLimited)) {
                    // each store's Retry-After as it documents it: Apple an instant in epoch milliseconds, Google seconds
                    return path.startsWith("/inApps/")
                            ? answer(429, "{\"errorCode\":4290000,\"errorMessage\":\"Rate limit exceeded.\"}")
                                    .withHeader("Retry-After", Long.toString(System.currentTimeMillis() + 1000)).build()
                            : answer(429, "{\"error\":{\"code\":429,\"message\":\"Quota exceeded.\",\"status\":\"RESOURCE_EXHAUSTED\"}}")
                                    .withHeader("Retry-After", "1").build();
                }
                if (take(failing)) {
                    return answer(500, "{\"errorCode\":5000001,\"errorMessage\":\"An unknown retryable error occurred.\"}").build();
                }
                if (path.equals("/inApps/v1/subscriptions/extend/mass") && r.getMethod().getName().equals("POST")) {
                    return appleMassExtend(r);
                }
                Matcher status = APPLE_MASS_STATUS.matcher(path);
                if (status.matches() && r.getMethod().getName().equals("GET")) {
                    return appleMassStatus(r, status.group(1), status.group(2));
                }
                if (path.equals("/inApps/v1/notifications/history") && r.getMethod().getName().equals("POST")) {
                    return appleHistory(r);
                }
                Matcher statuses = APPLE_STATUSES.matcher(path);
                if (statuses.matches() && r.getMethod().getName().equals("GET")) {
                    return appleStatuses(r, statuses.group(1));
                }
                Matcher apple = APPLE_EXTEND.matcher(path);
                if (apple.matches() && r.getMethod().getName().equals("PUT")) {
                    ResponseDefinition answer = appleExtend(r, apple.group(1));
                    synchronized (FakeStores.class) {
                        return appleAnswerLostAbout.remove(apple.group(1)) ? answer(503, "").build() : answer;
                    }
                }
                Matcher google = GOOGLE_PURCHASE.matcher(path);
                if (google.matches()) {
                    return googlePurchase(r, google.group(1), URLDecoder.decode(google.group(2), StandardCharsets.UTF_8),
                            google.group(3) != null);
                }
                return answer(404, "{}").build();
            } catch (Exception e) {
                return answer(500, "{\"error\":\"fake store: " + e.getMessage().replace('"', '\'') + "\"}").build();
            }
        }

        private ResponseDefinition appleExtend(Request r, String originalTransactionId) throws Exception {
            if (!appleTokenValid(r.getHeader("Authorization"))) {
                unauthorized.incrementAndGet();
                return answer(401, "").build();
            }
            JsonNode body = JSON.readTree(r.getBodyAsString());
            String requestId = body.path("requestIdentifier").asText("");
            int days = body.path("extendByDays").asInt(0);
            if (requestId.isEmpty() || requestId.length() > 128) {
                return answer(400, "{\"errorCode\":4000055,\"errorMessage\":\"Invalid request identifier.\"}").build();
            }
            if (days < 1 || days > 90) {
                return answer(400, "{\"errorCode\":4000009,\"errorMessage\":\"Invalid extend by days value.\"}").build();
            }
            if (body.path("extendReasonCode").asInt(-1) < 0 || body.path("extendReasonCode").asInt(-1) > 3) {
                return answer(400, "{\"errorCode\":4000010,\"errorMessage\":\"Invalid extend reason code.\"}").build();
            }
            synchronized (FakeStores.class) {
                String earlier = appleAnswers.get(requestId);
                if (earlier != null && !appleTakingResendsAsNew) {
                    return answer(200, earlier).build();
                }
                Instant renewal = appleExpiry.get(originalTransactionId);
                if (renewal == null) {
                    return answer(404, "{\"errorCode\":4040005,\"errorMessage\":\"Original transaction id not found.\"}").build();
                }
                if (appleIneligible.contains(originalTransactionId)) {
                    return answer(403, "{\"errorCode\":4030004,\"errorMessage\":\"Subscription extension ineligible.\"}").build();
                }
                Instant yearAgo = Instant.now().minus(Duration.ofDays(365));
                if (appleExtensions.getOrDefault(originalTransactionId, List.of()).stream().filter(i -> i.isAfter(yearAgo)).count() >= 2) {
                    return answer(403, "{\"errorCode\":4030005,\"errorMessage\":\"Subscription max extension.\"}").build();
                }
                Instant extended = renewal.plus(Duration.ofDays(days));
                appleExpiry.put(originalTransactionId, extended);
                appleExtensions.computeIfAbsent(originalTransactionId, k -> new ArrayList<>()).add(Instant.now());
                String answer = "{\"originalTransactionId\":\"" + originalTransactionId + "\",\"webOrderLineItemId\":\"1000"
                        + originalTransactionId + "\",\"success\":true,\"effectiveDate\":" + extended.toEpochMilli() + "}";
                appleAnswers.put(requestId, answer);
                if (take(losingAnswers)) {
                    return answer(503, "").build();
                }
                return answer(200, answer).build();
            }
        }

        /**
         * Get All Subscription Statuses, as Apple answers it: per subscription group, the last
         * transaction with its status and its signed transaction and renewal info (JWS, signed by the
         * trusted test chain); 404 TransactionIdNotFoundError for an id the App Store does not know.
         */
        private ResponseDefinition appleStatuses(Request r, String transactionId) throws Exception {
            if (!appleTokenValid(r.getHeader("Authorization"))) {
                unauthorized.incrementAndGet();
                return answer(401, "").build();
            }
            appleStatusReads.incrementAndGet();
            String productId;
            Instant renewal;
            int status;
            synchronized (FakeStores.class) {
                renewal = appleExpiry.get(transactionId);
                productId = appleProduct.getOrDefault(transactionId, "melon.unlimited.monthly");
                status = appleInactive.contains(transactionId) ? 2 : 1;
            }
            if (renewal == null) {
                return answer(404, "{\"errorCode\":4040010,\"errorMessage\":\"Transaction id not found.\"}").build();
            }
            Map<String, Object> last = Map.of("status", status, "originalTransactionId", transactionId,
                    "signedTransactionInfo", transaction(transactionId, productId, renewal, notary),
                    "signedRenewalInfo", renewal(transactionId, productId, renewal, notary));
            return answer(200, JSON.writeValueAsString(Map.of("environment", "Production", "bundleId", BUNDLE_ID,
                    "appAppleId", APP_APPLE_ID, "data", List.of(Map.of("subscriptionGroupIdentifier", "21000001",
                            "lastTransactions", List.of(last)))))).build();
        }

        private ResponseDefinition appleMassExtend(Request r) throws Exception {
            if (!appleTokenValid(r.getHeader("Authorization"))) {
                unauthorized.incrementAndGet();
                return answer(401, "").build();
            }
            JsonNode body = JSON.readTree(r.getBodyAsString());
            String requestId = body.path("requestIdentifier").asText("");
            String productId = body.path("productId").asText("");
            int days = body.path("extendByDays").asInt(0);
            if (requestId.isEmpty() || requestId.length() > 128) {
                return answer(400, "{\"errorCode\":4000055,\"errorMessage\":\"Invalid request identifier.\"}").build();
            }
            if (days < 1 || days > 90 || body.path("extendReasonCode").asInt(-1) != 3 || productId.isEmpty()) {
                return answer(400, "{\"errorCode\":4000009,\"errorMessage\":\"Invalid request.\"}").build();
            }
            List<String> storefronts = new ArrayList<>();
            body.path("storefrontCountryCodes").forEach(n -> storefronts.add(n.asText()));
            List<Note> toDeliver = new ArrayList<>();
            synchronized (FakeStores.class) {
                if (massJobs.containsKey(requestId) && refusingResentMassRequests) {
                    return answer(400, "{\"errorCode\":4000055,\"errorMessage\":\"Invalid request identifier.\"}").build();
                }
                if (!massJobs.containsKey(requestId)) {
                    MassJob job = new MassJob(productId, storefronts);
                    job.pollsLeft = incompletePolls.get();
                    Instant yearAgo = Instant.now().minus(Duration.ofDays(365));
                    for (Map.Entry<String, String> sub : new HashMap<>(appleProduct).entrySet()) {
                        String otid = sub.getKey();
                        if (!productId.equals(sub.getValue()) || appleInactive.contains(otid)) {
                            continue;
                        }
                        boolean twice = appleExtensions.getOrDefault(otid, List.of()).stream().filter(i -> i.isAfter(yearAgo)).count() >= 2;
                        if (appleIneligible.contains(otid) || twice) {
                            job.failed++;
                            toDeliver.add(note("RENEWAL_EXTENSION", "FAILURE", otid, productId, appleExpiry.get(otid)));
                        } else {
                            Instant extended = appleExpiry.get(otid).plus(Duration.ofDays(days));
                            appleExpiry.put(otid, extended);
                            appleExtensions.computeIfAbsent(otid, k -> new ArrayList<>()).add(Instant.now());
                            job.succeeded++;
                            toDeliver.add(note("RENEWAL_EXTENDED", null, otid, productId, extended));
                        }
                    }
                    massJobs.put(requestId, job);
                }
            }
            toDeliver.forEach(FakeStores::deliver);
            if (take(losingAnswers)) {
                // Apple took the request, the answer was lost on the way back
                return answer(503, "").build();
            }
            return answer(200, "{\"requestIdentifier\":\"" + requestId + "\"}").build();
        }

        private ResponseDefinition appleMassStatus(Request r, String productId, String requestId) throws Exception {
            if (!appleTokenValid(r.getHeader("Authorization"))) {
                unauthorized.incrementAndGet();
                return answer(401, "").build();
            }
            statusPolls.incrementAndGet();
            Note summary = null;
            String answer;
            synchronized (FakeStores.class) {
                MassJob job = massJobs.get(requestId);
                if (job == null || !job.productId.equals(productId)) {
                    return answer(404, "{\"errorCode\":4040011,\"errorMessage\":\"Request identifier not found.\"}").build();
                }
                if (!job.complete && job.pollsLeft-- <= 0) {
                    job.complete = true;
                    Map<String, Object> s = new HashMap<>(Map.of("environment", "Production", "appAppleId", APP_APPLE_ID,
                            "bundleId", BUNDLE_ID, "productId", productId, "requestIdentifier", requestId,
                            "succeededCount", job.succeeded, "failedCount", job.failed));
                    if (!job.storefronts.isEmpty()) {
                        s.put("storefrontCountryCodes", job.storefronts);
                    }
                    summary = signed("RENEWAL_EXTENSION", "SUMMARY", null, Map.of("summary", s));
                }
                answer = "{\"requestIdentifier\":\"" + requestId + "\",\"complete\":" + job.complete
                        + (job.complete ? ",\"completeDate\":" + Instant.now().toEpochMilli() : "")
                        + ",\"succeededCount\":" + job.succeeded + ",\"failedCount\":" + job.failed + "}";
            }
            if (summary != null) {
                deliver(summary);
            }
            return answer(200, answer).build();
        }

        private ResponseDefinition appleHistory(Request r) throws Exception {
            if (!appleTokenValid(r.getHeader("Authorization"))) {
                unauthorized.incrementAndGet();
                return answer(401, "").build();
            }
            historyPages.incrementAndGet();
            JsonNode body = JSON.readTree(r.getBodyAsString());
            Instant from = Instant.ofEpochMilli(body.path("startDate").asLong());
            Instant to = Instant.ofEpochMilli(body.path("endDate").asLong());
            String type = body.path("notificationType").asText(null);
            String token = r.queryParameter("paginationToken").isPresent() ? r.queryParameter("paginationToken").firstValue() : "0";
            int offset = Integer.parseInt(token);
            List<Note> matching;
            synchronized (FakeStores.class) {
                matching = notes.stream().filter(n -> (type == null || type.equals(n.type())) && !n.at().isBefore(from)
                        && !n.at().isAfter(to)).toList();
            }
            // two to a page, so that paging is exercised (Apple: up to 20)
            List<Note> page = matching.subList(Math.min(offset, matching.size()), Math.min(offset + 2, matching.size()));
            boolean more = offset + 2 < matching.size();
            StringBuilder items = new StringBuilder();
            for (Note n : page) {
                items.append(items.isEmpty() ? "" : ",").append("{\"signedPayload\":\"").append(n.signedPayload())
                        .append("\",\"sendAttempts\":[]}");
            }
            return answer(200, "{\"notificationHistory\":[" + items + "],\"hasMore\":" + more
                    + (more ? ",\"paginationToken\":\"" + (offset + 2) + "\"" : "") + "}").build();
        }

        private ResponseDefinition googlePurchase(Request r, String packageName, String token, boolean defer) throws Exception {
            String auth = r.getHeader("Authorization");
            if (auth == null || !issuedTokens.contains(auth.replaceFirst("^Bearer ", ""))) {
                unauthorized.incrementAndGet();
                return googleError(401, "Request is missing required authentication credential.", "required");
            }
            if (!PACKAGE_NAME.equals(packageName)) {
                return googleError(404, "No application was found for the given package name.", "applicationNotFound");
            }
            synchronized (FakeStores.class) {
                if (googleGone.contains(token)) {
                    return googleError(410, "The subscription purchase is no longer available for query because it has been expired for too long.",
                            "subscriptionPurchaseNoLongerAvailable");
                }
                Instant expiry = googleExpiry.get(token);
                if (expiry == null) {
                    return googleError(404, "The purchase token was not found.", "purchaseTokenNotFound");
                }
                if (defer) {
                    List<Runnable> before = googleBeforeDefer.get(token);
                    if (before != null && !before.isEmpty()) {
                        Runnable change = before.remove(0);
                        if (change != null) {
                            change.run();
                        }
                        expiry = googleExpiry.get(token);
                    }
                }
                String product = googleProduct.get(token);
                if (!defer) {
                    // purchases.subscriptionsv2.get: one line item, its expiry in RFC 3339, and the etag
                    String state = expiry.isAfter(Instant.now()) ? "SUBSCRIPTION_STATE_ACTIVE" : "SUBSCRIPTION_STATE_EXPIRED";
                    return answer(200, "{\"kind\":\"androidpublisher#subscriptionPurchaseV2\",\"regionCode\":\"KR\","
                            + "\"startTime\":\"2021-06-01T00:00:00Z\",\"subscriptionState\":\"" + state + "\","
                            + "\"acknowledgementState\":\"ACKNOWLEDGEMENT_STATE_ACKNOWLEDGED\",\"lineItems\":[{\"productId\":\""
                            + product + "\",\"expiryTime\":\"" + expiry + "\",\"autoRenewingPlan\":{\"autoRenewEnabled\":true}}],"
                            + "\"etag\":\"" + googleEtag.get(token) + "\"}").build();
                }
                // purchases.subscriptionsv2.defer: fails unless the etag is the subscription's latest
                JsonNode context = JSON.readTree(r.getBodyAsString()).path("deferralContext");
                String etag = context.path("etag").asText("");
                Matcher duration = Pattern.compile("([0-9]+)(\\.[0-9]{1,9})?s").matcher(context.path("deferDuration").asText(""));
                if (etag.isEmpty() || !duration.matches()) {
                    return googleError(400, "Request contains an invalid argument.", "invalid");
                }
                if (!etag.equals(googleEtag.get(token))) {
                    return googleError(400, "The etag does not match the latest etag of the subscription.", "invalid");
                }
                long seconds = Long.parseLong(duration.group(1));
                if (seconds <= 0 || seconds > Duration.ofDays(365).toSeconds()) {
                    return googleError(400, "The defer duration is invalid.", "invalid");
                }
                Instant deferred = expiry.plusSeconds(seconds);
                googleExpiry.put(token, deferred);
                googleEtag.put(token, "etag-" + googleEtags.incrementAndGet());
                googleDeferrals.merge(token, 1, Integer::sum);
                if (take(losingAnswers)) {
                    return answer(503, "").build();
                }
                return answer(200, "{\"itemExpiryTimeDetails\":[{\"productId\":\"" + product + "\",\"expiryTime\":\""
                        + deferred + "\"}]}").build();
            }
        }

        private ResponseDefinition token(Request r) throws Exception {
            Map<String, String> form = new HashMap<>();
            for (String pair : r.getBodyAsString().split("&")) {
                String[] kv = pair.split("=", 2);
                form.put(URLDecoder.decode(kv[0], StandardCharsets.UTF_8), kv.length > 1 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "");
            }
            String assertion = form.getOrDefault("assertion", "");
            JsonNode claims = verified(assertion, "SHA256withRSA", googlePublicKey);
            if (!"urn:ietf:params:oauth:grant-type:jwt-bearer".equals(form.get("grant_type")) || claims == null
                    || !CLIENT_EMAIL.equals(claims.path("iss").asText()) || !claims.path("scope").asText().contains("androidpublisher")
                    || claims.path("exp").asLong() < Instant.now().getEpochSecond()) {
                unauthorized.incrementAndGet();
                return answer(400, "{\"error\":\"invalid_grant\",\"error_description\":\"Invalid JWT Signature.\"}").build();
            }
            String issued = "ya29.fake-" + java.util.UUID.randomUUID();
            synchronized (FakeStores.class) {
                issuedTokens.add(issued);
            }
            return answer(200, "{\"access_token\":\"" + issued + "\",\"expires_in\":3599,\"token_type\":\"Bearer\"}").build();
        }

        private static boolean appleTokenValid(String authorization) throws Exception {
            if (authorization == null || !authorization.startsWith("Bearer ")) {
                return false;
            }
            String jwt = authorization.substring(7);
            JsonNode header = JSON.readTree(Base64.getUrlDecoder().decode(jwt.split("\\.")[0]));
            JsonNode claims = verified(jwt, "SHA256withECDSAinP1363Format", applePublicKey);
            return claims != null && "ES256".equals(header.path("alg").asText()) && KEY_ID.equals(header.path("kid").asText())
                    && ISSUER_ID.equals(claims.path("iss").asText()) && BUNDLE_ID.equals(claims.path("bid").asText())
                    && "appstoreconnect-v1".equals(claims.path("aud").asText())
                    && claims.path("exp").asLong() >= Instant.now().getEpochSecond();
        }

        /** The JWT's claims if its signature verifies with {@code key}, else null. */
        private static JsonNode verified(String jwt, String algorithm, PublicKey key) throws Exception {
            String[] parts = jwt.split("\\.");
            if (parts.length != 3) {
                return null;
            }
            Signature signature = Signature.getInstance(algorithm);
            signature.initVerify(key);
            signature.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
            if (!signature.verify(Base64.getUrlDecoder().decode(parts[2]))) {
                return null;
            }
            return JSON.readTree(Base64.getUrlDecoder().decode(parts[1]));
        }

        private static ResponseDefinition googleError(int status, String message, String reason) {
            return answer(status, "{\"error\":{\"code\":" + status + ",\"message\":\"" + message + "\",\"errors\":[{\"message\":\""
                    + message + "\",\"domain\":\"androidpublisher\",\"reason\":\"" + reason + "\"}]}}").build();
        }

        private static ResponseDefinitionBuilder answer(int status, String body) {
            return aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(body);
        }

        private static boolean take(AtomicInteger counter) {
            return counter.getAndUpdate(n -> n > 0 ? n - 1 : 0) > 0;
        }
    }

    // --- notifications, signed like Apple's

    private static Note note(String type, String subtype, String otid, String productId, Instant renewsAt) {
        return signed(type, subtype, otid, Map.of("data", Map.of("environment", "Production", "appAppleId", APP_APPLE_ID,
                "bundleId", BUNDLE_ID, "signedTransactionInfo", transaction(otid, productId, renewsAt, notary),
                "signedRenewalInfo", renewal(otid, productId, renewsAt, notary))));
    }

    private static String aboutSubscription(String type, String subtype, String otid, String productId, Instant renewsAt,
                                            AppleNotary signer, Instant signedAt) {
        Map<String, Object> claims = new HashMap<>(Map.of("notificationType", type, "notificationUUID", java.util.UUID.randomUUID().toString(),
                "version", "2.0", "signedDate", signedAt.toEpochMilli(), "data", Map.of("environment", "Production",
                        "appAppleId", APP_APPLE_ID, "bundleId", BUNDLE_ID,
                        "signedTransactionInfo", transaction(otid, productId, renewsAt, signer),
                        "signedRenewalInfo", renewal(otid, productId, renewsAt, signer))));
        if (subtype != null) {
            claims.put("subtype", subtype);
        }
        return signer.sign(claims);
    }

    private static Note signed(String type, String subtype, String otid, Map<String, Object> body) {
        Map<String, Object> claims = new HashMap<>(body);
        claims.put("notificationType", type);
        if (subtype != null) {
            claims.put("subtype", subtype);
        }
        claims.put("notificationUUID", java.util.UUID.randomUUID().toString());
        claims.put("version", "2.0");
        claims.put("signedDate", Instant.now().toEpochMilli());
        Note n = new Note(type, subtype, otid, notary.sign(claims), Instant.now());
        synchronized (FakeStores.class) {
            notes.add(n);
        }
        return n;
    }

    private static String transaction(String otid, String productId, Instant expires, AppleNotary signer) {
        return signer.sign(Map.of("originalTransactionId", otid, "transactionId", otid + "9", "productId", productId,
                "bundleId", BUNDLE_ID, "expiresDate", expires.toEpochMilli(), "environment", "Production",
                "type", "Auto-Renewable Subscription", "signedDate", Instant.now().toEpochMilli()));
    }

    private static String renewal(String otid, String productId, Instant renewsAt, AppleNotary signer) {
        return signer.sign(Map.of("originalTransactionId", otid, "productId", productId, "autoRenewProductId", productId,
                "renewalDate", renewsAt.toEpochMilli(), "environment", "Production", "signedDate", Instant.now().toEpochMilli()));
    }

    /** Posts a notification to the service, as Apple does, unless armed to lose it (then only the history has it). */
    private static void deliver(Note n) {
        synchronized (FakeStores.class) {
            if (notifyUrl == null || (n.originalTransactionId() != null && notificationsLostAbout.contains(n.originalTransactionId()))) {
                return;
            }
        }
        postman.submit(() -> {
            try {
                var response = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(notifyUrl))
                        .header("Content-Type", "application/json")
                        .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"signedPayload\":\"" + n.signedPayload() + "\"}"))
                        .build(), java.net.http.HttpResponse.BodyHandlers.discarding());
                deliveries.add(response.statusCode());
            } catch (Exception e) {
                deliveries.add(-1);
            }
        });
    }

    private static String pem(byte[] pkcs8) {
        return "-----BEGIN PRIVATE KEY-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(pkcs8)
                + "\n-----END PRIVATE KEY-----\n";
    }
}
